/**
 * IngressClass (networking.k8s.io/v1): defaults (SetDefaults_IngressClass: parameters.scope
 * Cluster) and validation (ValidateIngressClass, validateIngressClassParametersReference in
 * pkg/apis/networking/validation/validation.go; spec.controller is immutable).
 */
import type { IngressClassParametersReference } from 'kubernetes-types/networking/v1';
import type { ValidationContext } from './context';
import { type FieldError, forbidden, invalid, required, tooLong, unsupported } from './field';
import { isPathSegmentName } from './ingress';
import type { IngressClassObject } from './objects';
import { asObj, child, clone, type JsonObject, type Loose, setDefault } from './validation/json';
import { metaSchema, validateObjectMeta, validateObjectMetaUpdate } from './validation/meta';
import { byteLength, isDNS1123Subdomain, isDomainPrefixedPath, nameIsDNSLabel, nameIsDNSSubdomain } from './validation/names';
import { checked, cleanCopy, obj } from './validation/schema';

export const ingressClassSchema = obj({
  metadata: metaSchema,
  spec: obj({
    controller: 'string',
    parameters: obj({ apiGroup: 'string', kind: 'string', name: 'string', namespace: 'string', scope: 'string' }),
  }),
});

type LooseIngressClass = Loose<Pick<IngressClassObject, 'metadata' | 'spec'>>;

export function defaultIngressClass(ic: IngressClassObject): IngressClassObject {
  const out = clone(ic);
  const params = asObj(asObj((out as unknown as JsonObject).spec)?.parameters);
  if (params) setDefault(params, 'scope', 'Cluster');
  return out;
}

function validateParameters(p: Loose<IngressClassParametersReference> | undefined, path: string): FieldError[] {
  if (!p) return [];
  const errs: FieldError[] = [];
  if (p.apiGroup !== undefined) errs.push(...isDNS1123Subdomain(p.apiGroup).map((m) => invalid(child(path, 'apiGroup'), p.apiGroup, m)));
  for (const f of ['kind', 'name'] as const) {
    const v = p[f] ?? '';
    if (v === '') errs.push(required(child(path, f), ''));
    else errs.push(...isPathSegmentName(v).map((m) => invalid(child(path, f), v, m)));
  }
  if (p.scope === undefined) return [...errs, required(child(path, 'scope'), '')];
  if (p.scope !== 'Cluster' && p.scope !== 'Namespace') errs.push(unsupported(child(path, 'scope'), p.scope, ['Cluster', 'Namespace']));
  else if (p.scope === 'Namespace') {
    if (p.namespace === undefined) errs.push(required(child(path, 'namespace'), "`parameters.scope` is set to 'Namespace'"));
    else errs.push(...nameIsDNSLabel(p.namespace, false).map((m) => invalid(child(path, 'namespace'), p.namespace, m)));
  } else if (p.namespace !== undefined) errs.push(forbidden(child(path, 'namespace'), "`parameters.scope` is set to 'Cluster'"));
  return errs;
}

function validateIngressClassSpec(x: LooseIngressClass): FieldError[] {
  const errs = validateObjectMeta(x.metadata, false, nameIsDNSSubdomain);
  const controller = x.spec?.controller ?? '';
  if (controller === '') errs.push(required('spec.controller', ''));
  else {
    if (byteLength(controller) > 250) errs.push(tooLong('spec.controller', 250));
    errs.push(...isDomainPrefixedPath(controller).map((e) => invalid('spec.controller', e.value, e.msg)));
  }
  errs.push(...validateParameters(x.spec?.parameters, 'spec.parameters'));
  return errs;
}

export function validateIngressClass(ic: IngressClassObject, _ctx: ValidationContext, old?: IngressClassObject): FieldError[] {
  return checked<LooseIngressClass>(ic, ingressClassSchema, (x) => {
    if (!old) return validateIngressClassSpec(x);
    const o = cleanCopy<LooseIngressClass>(old, ingressClassSchema);
    const errs = validateObjectMetaUpdate(x.metadata, o.metadata);
    const controller = x.spec?.controller ?? '';
    if (controller !== (o.spec?.controller ?? '')) errs.push(invalid('spec.controller', controller, 'field is immutable'));
    return [...errs, ...validateIngressClassSpec(x)];
  });
}
