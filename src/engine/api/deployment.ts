/**
 * Deployment (apps/v1): defaults (SetDefaults_Deployment in pkg/apis/apps/v1/defaults.go) and
 * validation (ValidateDeploymentSpec, ValidateDeploymentStrategy, ValidateRollingUpdateDeployment in
 * pkg/apis/apps/validation/validation.go; the selector is immutable in apps/v1).
 */
import type { DeploymentSpec, DeploymentStrategy } from 'kubernetes-types/apps/v1';
import type { ValidationContext } from './context';
import { type FieldError, forbidden, invalid, required, unsupported } from './field';
import type { DeploymentObject } from './objects';
import { podTemplateSchema } from './podspec';
import { asObj, child, clone, type JsonObject, type Loose, setDefault } from './validation/json';
import { labelSelectorSchema } from './validation/labels';
import { metaSchema, validateObjectMeta, validateObjectMetaUpdate } from './validation/meta';
import { isValidPercent, nameIsDNSSubdomain } from './validation/names';
import { checked, cleanCopy, obj } from './validation/schema';
import { defaultWorkloadSpec, validateSelectorUnchanged, validateWorkloadSpec } from './workload';

export const deploymentSchema = obj({
  metadata: metaSchema,
  spec: obj({
    replicas: 'int32',
    selector: labelSelectorSchema,
    template: podTemplateSchema,
    strategy: obj({ type: 'string', rollingUpdate: obj({ maxUnavailable: 'intOrString', maxSurge: 'intOrString' }) }),
    minReadySeconds: 'int32',
    revisionHistoryLimit: 'int32',
    progressDeadlineSeconds: 'int32',
    paused: 'bool',
  }),
});

type LooseDeployment = Loose<Pick<DeploymentObject, 'metadata' | 'spec'>>;

export function defaultDeployment(d: DeploymentObject): DeploymentObject {
  const out = clone(d);
  const spec = asObj((out as unknown as JsonObject).spec);
  if (!spec) return out;
  defaultWorkloadSpec(spec);
  if (spec.strategy === undefined || spec.strategy === null) spec.strategy = {};
  const strategy = asObj(spec.strategy);
  if (strategy) {
    if (!strategy.type) strategy.type = 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') {
      setDefault(strategy, 'rollingUpdate', {});
      const ru = asObj(strategy.rollingUpdate);
      if (ru) {
        setDefault(ru, 'maxUnavailable', '25%');
        setDefault(ru, 'maxSurge', '25%');
      }
    }
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'progressDeadlineSeconds', 600);
  return out;
}

/** The integer an int-or-percent stands for ("25%" → 25, "x" → 0), as getIntOrPercentValue. */
function intOrPercentValue(v: number | string | undefined): number {
  if (typeof v === 'number') return v;
  const s = v ?? '';
  if (isValidPercent(s).length === 0) return Number(s.slice(0, -1));
  return /^[+-]?[0-9]+$/.test(s) ? Number(s) : 0;
}

function validatePositiveIntOrPercent(v: number | string | undefined, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(path, v, m));
  const n = v ?? 0;
  return n < 0 ? [invalid(path, n, 'must be greater than or equal to 0')] : [];
}

function validateStrategy(st: Loose<DeploymentStrategy> | undefined, path: string): FieldError[] {
  const s = st ?? {};
  const ruPath = child(path, 'rollingUpdate');
  switch (s.type) {
    case 'Recreate':
      return s.rollingUpdate ? [forbidden(ruPath, "may not be specified when strategy `type` is 'Recreate'")] : [];
    case 'RollingUpdate': {
      const ru = s.rollingUpdate;
      if (!ru) return [required(ruPath, 'this should be defaulted and never be nil')];
      const mu = ru.maxUnavailable ?? 0;
      const ms = ru.maxSurge ?? 0;
      const errs = [
        ...validatePositiveIntOrPercent(mu, child(ruPath, 'maxUnavailable')),
        ...validatePositiveIntOrPercent(ms, child(ruPath, 'maxSurge')),
      ];
      if (intOrPercentValue(mu) === 0 && intOrPercentValue(ms) === 0) {
        errs.push(invalid(child(ruPath, 'maxUnavailable'), mu, 'may not be 0 when `maxSurge` is 0'));
      }
      if (typeof mu === 'string' && isValidPercent(mu).length === 0 && intOrPercentValue(mu) > 100) {
        errs.push(invalid(child(ruPath, 'maxUnavailable'), mu, 'must not be greater than 100%'));
      }
      return errs;
    }
    default: {
      // The internal struct has no JSON tags, so the API server prints Go field names.
      const ru = s.rollingUpdate ? { MaxUnavailable: s.rollingUpdate.maxUnavailable ?? 0, MaxSurge: s.rollingUpdate.maxSurge ?? 0 } : null;
      return [unsupported(path, { Type: s.type ?? '', RollingUpdate: ru }, ['Recreate', 'RollingUpdate'])];
    }
  }
}

function validateDeploymentSpec(spec: Loose<DeploymentSpec> | undefined): FieldError[] {
  const s = spec ?? {};
  const errs = validateWorkloadSpec(s, 'spec');
  errs.push(...validateStrategy(s.strategy, 'spec.strategy'));
  const mrs = s.minReadySeconds ?? 0;
  if (mrs < 0) errs.push(invalid('spec.minReadySeconds', mrs, 'must be greater than or equal to 0'));
  if (s.revisionHistoryLimit !== undefined && s.revisionHistoryLimit < 0) {
    errs.push(invalid('spec.revisionHistoryLimit', s.revisionHistoryLimit, 'must be greater than or equal to 0'));
  }
  const pds = s.progressDeadlineSeconds;
  if (pds !== undefined) {
    if (pds < 0) errs.push(invalid('spec.progressDeadlineSeconds', pds, 'must be greater than or equal to 0'));
    if (pds <= mrs) errs.push(invalid('spec.progressDeadlineSeconds', pds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

export function validateDeployment(d: DeploymentObject, _ctx: ValidationContext, old?: DeploymentObject): FieldError[] {
  return checked<LooseDeployment>(d, deploymentSchema, (x) => {
    const errs = [...validateObjectMeta(x.metadata, true, nameIsDNSSubdomain), ...validateDeploymentSpec(x.spec)];
    if (!old) return errs;
    const o = cleanCopy<LooseDeployment>(old, deploymentSchema);
    return [...validateObjectMetaUpdate(x.metadata, o.metadata), ...errs, ...validateSelectorUnchanged(x.spec?.selector, o.spec?.selector)];
  });
}
