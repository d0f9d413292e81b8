/**
 * Pod: defaults and validation on create and update (validatePodMetadataAndSpec, ValidatePodUpdate,
 * ValidateContainerUpdates in pkg/apis/core/validation/validation.go).
 */
import type { Container, PodSpec, Toleration } from 'kubernetes-types/core/v1';
import type { ValidationContext } from './context';
import { type FieldError, forbidden, invalid, required } from './field';
import type { PodObject } from './objects';
import { defaultPodSpecInPlace, podSpecSchema, validatePodSpec } from './podspec';
import { asObj, child, clone, deepEqual, index, type Loose } from './validation/json';
import { metaSchema, validateObjectMeta, validateObjectMetaUpdate } from './validation/meta';
import { nameIsDNSSubdomain } from './validation/names';
import { checked, cleanCopy, obj } from './validation/schema';

export const podSchema = obj({ metadata: metaSchema, spec: podSpecSchema });

type LoosePod = Loose<Pick<PodObject, 'metadata' | 'spec'>>;

export function defaultPod(pod: PodObject): PodObject {
  const out = clone(pod);
  const spec = asObj((out as unknown as Record<string, unknown>).spec);
  if (spec) defaultPodSpecInPlace(spec, true);
  return out;
}

/** Only a Pod (not a template) refuses images with surrounding whitespace. */
function validateImagesForPod(containers: Loose<Container>[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (containers ?? []).forEach((c, i) => {
    const image = c.image ?? '';
    if (image !== image.trim()) errs.push(invalid(child(index(path, i), 'image'), image, 'must not have leading or trailing whitespace'));
  });
  return errs;
}

function validatePodCreate(p: LoosePod): FieldError[] {
  return [
    ...validateObjectMeta(p.metadata, true, nameIsDNSSubdomain),
    ...validatePodSpec(p.spec, 'spec', true),
    ...validateImagesForPod(p.spec?.containers, 'spec.containers'),
    ...validateImagesForPod(p.spec?.initContainers, 'spec.initContainers'),
  ];
}

const updatablePodSpecFields = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

function validateContainerUpdates(next: Loose<Container>[] | undefined, old: Loose<Container>[] | undefined, path: string): { errs: FieldError[]; stop: boolean } {
  const n = next ?? [];
  if (n.length !== (old ?? []).length) return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  n.forEach((c, i) => {
    const image = c.image ?? '';
    if (image === '') errs.push(required(child(index(path, i), 'image'), ''));
    if (image.trim() !== image) errs.push(invalid(child(index(path, i), 'image'), image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

function sameToleration(a: Loose<Toleration>, b: Loose<Toleration>): boolean {
  return deepEqual({ ...a, tolerationSeconds: undefined }, { ...b, tolerationSeconds: undefined });
}

const show = (v: unknown): string => (v === undefined ? 'null' : JSON.stringify(v));

/** A short description of what changed, in place of the go-cmp diff the API server appends. */
function specDiff(old: Record<string, unknown>, next: Record<string, unknown>): string {
  const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])].filter((k) => !deepEqual(old[k], next[k]));
  const lines = keys.flatMap((k) => [`- \t${k}: ${show(old[k])},`, `+ \t${k}: ${show(next[k])},`]);
  return ['  core.PodSpec{', ...lines, '  }'].join('\n');
}

function validatePodUpdate(p: LoosePod, o: LoosePod): FieldError[] {
  const errs = [...validateObjectMetaUpdate(p.metadata, o.metadata), ...validatePodCreate(p)];
  const spec = p.spec ?? {};
  const oldSpec = o.spec ?? {};
  for (const f of ['containers', 'initContainers'] as const) {
    const r = validateContainerUpdates(spec[f], oldSpec[f], child('spec', f));
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const ads = spec.activeDeadlineSeconds;
  const path = 'spec.activeDeadlineSeconds';
  if (ads !== undefined) {
    if (ads < 0 || ads > 2147483647) return [...errs, invalid(path, ads, 'must be between 0 and 2147483647, inclusive')];
    if (oldSpec.activeDeadlineSeconds !== undefined && oldSpec.activeDeadlineSeconds < ads) {
      return [...errs, invalid(path, ads, 'must be less than or equal to previous value')];
    }
  } else if (oldSpec.activeDeadlineSeconds !== undefined) {
    errs.push(invalid(path, null, 'must not update from a positive integer to nil value'));
  }
  const newTols = spec.tolerations ?? [];
  for (const t of oldSpec.tolerations ?? []) {
    if (!newTols.some((n) => sameToleration(t, n))) {
      errs.push(forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'));
      break;
    }
  }
  // Everything else must be unchanged: compare with the updatable fields taken from the old spec.
  const munged: Loose<PodSpec> = { ...clone(spec) };
  munged.containers = (spec.containers ?? []).map((c, i) => ({ ...c, image: oldSpec.containers?.[i]?.image }));
  if (spec.initContainers) munged.initContainers = spec.initContainers.map((c, i) => ({ ...c, image: oldSpec.initContainers?.[i]?.image }));
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.tolerations = oldSpec.tolerations;
  if ((oldSpec.terminationGracePeriodSeconds ?? 0) < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  }
  if (!deepEqual(munged, oldSpec)) {
    const diff = specDiff(oldSpec as Record<string, unknown>, munged as Record<string, unknown>);
    errs.push(forbidden('spec', `pod updates may not change fields other than ${updatablePodSpecFields.join(',')}\n${diff}`));
  }
  return errs;
}

export function validatePod(pod: PodObject, _ctx: ValidationContext, old?: PodObject): FieldError[] {
  return checked<LoosePod>(pod, podSchema, (p) => {
    return old ? validatePodUpdate(p, cleanCopy<LoosePod>(old, podSchema)) : validatePodCreate(p);
  });
}
