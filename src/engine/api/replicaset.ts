/**
 * ReplicaSet (apps/v1): defaults (SetDefaults_ReplicaSet: replicas 1, plus the pod template's) and
 * validation (ValidateReplicaSetSpec in pkg/apis/apps/validation/validation.go; the selector is
 * immutable in apps/v1).
 */
import type { ReplicaSetSpec } from 'kubernetes-types/apps/v1';
import type { ValidationContext } from './context';
import { type FieldError, invalid } from './field';
import type { ReplicaSetObject } from './objects';
import { podTemplateSchema } from './podspec';
import { asObj, clone, type JsonObject, type Loose } from './validation/json';
import { labelSelectorSchema } from './validation/labels';
import { metaSchema, validateObjectMeta, validateObjectMetaUpdate } from './validation/meta';
import { nameIsDNSSubdomain } from './validation/names';
import { checked, cleanCopy, obj } from './validation/schema';
import { defaultWorkloadSpec, validateSelectorUnchanged, validateWorkloadSpec } from './workload';

export const replicaSetSchema = obj({
  metadata: metaSchema,
  spec: obj({ replicas: 'int32', minReadySeconds: 'int32', selector: labelSelectorSchema, template: podTemplateSchema }),
});

type LooseReplicaSet = Loose<Pick<ReplicaSetObject, 'metadata' | 'spec'>>;

export function defaultReplicaSet(rs: ReplicaSetObject): ReplicaSetObject {
  const out = clone(rs);
  const spec = asObj((out as unknown as JsonObject).spec);
  if (spec) defaultWorkloadSpec(spec);
  return out;
}

function validateReplicaSetSpec(spec: Loose<ReplicaSetSpec> | undefined): FieldError[] {
  const s = spec ?? {};
  const [replicaErrs, rest] = ((): [FieldError[], FieldError[]] => {
    const all = validateWorkloadSpec(s, 'spec');
    return [all.filter((e) => e.path === 'spec.replicas'), all.filter((e) => e.path !== 'spec.replicas')];
  })();
  const mrs = s.minReadySeconds ?? 0;
  const minReady = mrs < 0 ? [invalid('spec.minReadySeconds', mrs, 'must be greater than or equal to 0')] : [];
  return [...replicaErrs, ...minReady, ...rest];
}

export function validateReplicaSet(rs: ReplicaSetObject, _ctx: ValidationContext, old?: ReplicaSetObject): FieldError[] {
  return checked<LooseReplicaSet>(rs, replicaSetSchema, (x) => {
    const errs = [...validateObjectMeta(x.metadata, true, nameIsDNSSubdomain), ...validateReplicaSetSpec(x.spec)];
    if (!old) return errs;
    const o = cleanCopy<LooseReplicaSet>(old, replicaSetSchema);
    return [...validateObjectMetaUpdate(x.metadata, o.metadata), ...errs, ...validateSelectorUnchanged(x.spec?.selector, o.spec?.selector)];
  });
}
