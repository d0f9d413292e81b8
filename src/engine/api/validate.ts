/**
 * Static validation of an object, as the API server's strategy Validate / ValidateUpdate does it,
 * returning field errors in the API server's words. Run it on the defaulted object
 * (defaultObject); pass the stored object as `old` for an update.
 */
import { validateConfigMap } from './configmap';
import type { ValidationContext } from './context';
import { validateDeployment } from './deployment';
import { validateEndpointSlice } from './endpointslice';
import type { FieldError } from './field';
import { validateIngress } from './ingress';
import { validateIngressClass } from './ingressclass';
import { validateNamespace } from './namespace';
import { validateNode } from './node';
import type { KubeObject } from './objects';
import { validatePod } from './pod';
import { validateReplicaSet } from './replicaset';
import { validateSecret } from './secret';
import { validateService } from './service';

export type { ValidationContext } from './context';
export { DEFAULT_VALIDATION_CONTEXT } from './context';

function dispatch(obj: KubeObject, ctx: ValidationContext, old: KubeObject | undefined): FieldError[] {
  // An update only makes sense against an object of the same kind.
  const prev = <K extends KubeObject['kind']>(kind: K): Extract<KubeObject, { kind: K }> | undefined =>
    old && old.kind === kind ? (old as Extract<KubeObject, { kind: K }>) : undefined;
  switch (obj.kind) {
    case 'Namespace':
      return validateNamespace(obj, ctx, prev('Namespace'));
    case 'Node':
      return validateNode(obj, ctx, prev('Node'));
    case 'Pod':
      return validatePod(obj, ctx, prev('Pod'));
    case 'Service':
      return validateService(obj, ctx, prev('Service'));
    case 'ConfigMap':
      return validateConfigMap(obj, ctx, prev('ConfigMap'));
    case 'Secret':
      return validateSecret(obj, ctx, prev('Secret'));
    case 'Deployment':
      return validateDeployment(obj, ctx, prev('Deployment'));
    case 'ReplicaSet':
      return validateReplicaSet(obj, ctx, prev('ReplicaSet'));
    case 'EndpointSlice':
      return validateEndpointSlice(obj, ctx, prev('EndpointSlice'));
    case 'Ingress':
      return validateIngress(obj, ctx, prev('Ingress'));
    case 'IngressClass':
      return validateIngressClass(obj, ctx, prev('IngressClass'));
    default: {
      const unreachable: never = obj;
      return unreachable;
    }
  }
}

export function validateObject(obj: KubeObject, ctx: ValidationContext, old?: KubeObject): FieldError[] {
  try {
    return dispatch(obj, ctx, old);
  } catch (e) {
    // Never expected (the property tests look for it); a last guard so bad input cannot crash apply.
    return [{ type: 'Internal error', path: '', detail: `validation failed: ${e instanceof Error ? e.message : String(e)}` }];
  }
}
