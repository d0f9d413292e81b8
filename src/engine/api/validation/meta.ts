/**
 * ObjectMeta validation (k8s.io/apimachinery/pkg/api/validation/objectmeta.go, with the core
 * finalizer rule from pkg/apis/core/validation/validation.go).
 *
 * Two deliberate differences from a raw API-server request, both because the caller (the store)
 * plays the part of the request handler: a missing `metadata.namespace` on a namespaced kind is
 * not reported (the namespace comes from the request, `-n` or the default), and a namespace on a
 * cluster-scoped kind is ignored (the API server clears it before validation).
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { type FieldError, invalid, required } from '../field';
import { child, index, type Loose } from './json';
import { validateAnnotations, validateLabels, isQualifiedName } from './labels';
import { nameIsDNSLabel, type NameFn } from './names';
import { type Schema, arr, map, obj } from './schema';

export const metaSchema: Schema = obj({
  name: 'string',
  generateName: 'string',
  namespace: 'string',
  labels: map('string'),
  annotations: map('string'),
  finalizers: arr('string'),
  resourceVersion: 'string',
  uid: 'string',
  generation: 'int64',
});

const standardFinalizers = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

function validateFinalizers(finalizers: Loose<string[]> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (finalizers ?? []).forEach((f, i) => {
    errs.push(...isQualifiedName(f).map((m) => invalid(path, f, m)));
    if (!f.includes('/') && !standardFinalizers.has(f)) {
      errs.push(invalid(index(path, i), f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  if (finalizers?.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errs.push(invalid(path, finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

export function validateObjectMeta(meta: Loose<ObjectMeta> | undefined, namespaced: boolean, nameFn: NameFn, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  const m = meta ?? {};
  const generateName = m.generateName ?? '';
  if (generateName) {
    for (const msg of nameFn(generateName, true)) errs.push(invalid(child(path, 'generateName'), generateName, msg));
  }
  const name = m.name ?? '';
  if (name === '') {
    // With generateName the store makes the name before it validates the object.
    if (!generateName) errs.push(required(child(path, 'name'), 'name or generateName is required'));
  } else {
    for (const msg of nameFn(name, false)) errs.push(invalid(child(path, 'name'), name, msg));
  }
  if (namespaced && m.namespace) {
    for (const msg of nameIsDNSLabel(m.namespace, false)) errs.push(invalid(child(path, 'namespace'), m.namespace, msg));
  }
  if (m.generation !== undefined && m.generation < 0) {
    errs.push(invalid(child(path, 'generation'), m.generation, 'must be greater than or equal to 0'));
  }
  errs.push(...validateLabels(m.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(m.annotations, child(path, 'annotations')));
  errs.push(...validateFinalizers(m.finalizers, child(path, 'finalizers')));
  return errs;
}

/** Labels and annotations of an embedded template's metadata (pod templates). */
export function validateTemplateMeta(meta: Loose<ObjectMeta> | undefined, path: string): FieldError[] {
  return [
    ...validateLabels(meta?.labels, child(path, 'labels')),
    ...validateAnnotations(meta?.annotations, child(path, 'annotations')),
  ];
}

/** Name and namespace may not change on update (ValidateObjectMetaAccessorUpdate). */
export function validateObjectMetaUpdate(next: Loose<ObjectMeta> | undefined, old: Loose<ObjectMeta> | undefined, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  if ((next?.name ?? '') !== (old?.name ?? '')) errs.push(invalid(child(path, 'name'), next?.name ?? '', 'field is immutable'));
  if ((next?.namespace ?? '') !== (old?.namespace ?? '') && next?.namespace !== undefined) {
    errs.push(invalid(child(path, 'namespace'), next.namespace, 'field is immutable'));
  }
  return errs;
}
