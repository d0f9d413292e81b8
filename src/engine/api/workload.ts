/**
 * What Deployments and ReplicaSets share: replicas, the selector and the pod template that must
 * match it (ValidateReplicaSetSpec, ValidateDeploymentSpec, ValidatePodTemplateSpecForReplicaSet
 * in pkg/apis/apps/validation/validation.go). Upstream says "deployment" in the empty-selector
 * message for both kinds.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { type FieldError, invalid, required, unsupported } from './field';
import { defaultPodSpecInPlace, validatePodTemplateSpec } from './podspec';
import { asObj, child, type JsonObject, type Loose, semanticEqual, setDefault, sortedMap } from './validation/json';
import { isEmptySelector, selectorMatches, selectorParses, selectorValue, validateLabelSelector } from './validation/labels';

export interface WorkloadSpec {
  replicas?: number;
  selector?: Loose<LabelSelector>;
  template?: Loose<PodTemplateSpec>;
}

/** Defaults common to both kinds, in place on the raw spec: replicas 1 and the pod template's. */
export function defaultWorkloadSpec(spec: JsonObject): void {
  setDefault(spec, 'replicas', 1);
  const podSpec = asObj(asObj(spec.template)?.spec);
  if (podSpec) defaultPodSpecInPlace(podSpec, false);
}

const nonNegative = (v: number | undefined, path: string): FieldError[] =>
  v !== undefined && v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : [];

export function validateWorkloadSpec(spec: WorkloadSpec, path: string): FieldError[] {
  const errs: FieldError[] = [...nonNegative(spec.replicas, child(path, 'replicas'))];
  const selPath = child(path, 'selector');
  const sel = spec.selector;
  if (!sel) errs.push(required(selPath, ''));
  else {
    errs.push(...validateLabelSelector(sel, selPath));
    if (isEmptySelector(sel)) errs.push(invalid(selPath, selectorValue(sel), 'empty selector is invalid for deployment'));
  }
  const tPath = child(path, 'template');
  if (sel && !selectorParses(sel)) errs.push(invalid(selPath, selectorValue(sel), 'invalid label selector'));
  else {
    const labels = spec.template?.metadata?.labels;
    // A missing selector matches nothing; an empty one matches everything and is not checked.
    const matches = sel ? isEmptySelector(sel) || selectorMatches(sel, labels) : false;
    if (!matches) errs.push(invalid(child(child(tPath, 'metadata'), 'labels'), sortedMap(labels) ?? null, '`selector` does not match template `labels`'));
    errs.push(...validatePodTemplateSpec(spec.template, tPath));
    const rp = spec.template?.spec?.restartPolicy ?? '';
    if (rp !== 'Always') errs.push(unsupported(child(child(tPath, 'spec'), 'restartPolicy'), rp, ['Always']));
    const ads = spec.template?.spec?.activeDeadlineSeconds;
    if (ads !== undefined) errs.push(invalid(child(child(tPath, 'spec'), 'activeDeadlineSeconds'), ads, 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return errs;
}

/** apps/v1 refuses any change of spec.selector (the registry's ValidateUpdate). */
export function validateSelectorUnchanged(next: Loose<LabelSelector> | undefined, old: Loose<LabelSelector> | undefined): FieldError[] {
  return semanticEqual(next, old) ? [] : [invalid('spec.selector', selectorValue(next), 'field is immutable')];
}
