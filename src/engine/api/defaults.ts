/**
 * Defaulting, as the API server applies it when an object comes in: one function per kind, each
 * pure (it returns a new object and never touches its input) and safe on mistyped data (a field
 * with the wrong type is left for validation to report).
 */
import { defaultConfigMap } from './configmap';
import { defaultDeployment } from './deployment';
import { defaultEndpointSlice } from './endpointslice';
import { defaultIngress } from './ingress';
import { defaultIngressClass } from './ingressclass';
import { defaultNamespace } from './namespace';
import { defaultNode } from './node';
import type { KubeObject } from './objects';
import { defaultPod } from './pod';
import { defaultReplicaSet } from './replicaset';
import { defaultSecret } from './secret';
import { defaultService } from './service';

export function defaultObject(obj: KubeObject): KubeObject {
  switch (obj.kind) {
    case 'Namespace':
      return defaultNamespace(obj);
    case 'Node':
      return defaultNode(obj);
    case 'Pod':
      return defaultPod(obj);
    case 'Service':
      return defaultService(obj);
    case 'ConfigMap':
      return defaultConfigMap(obj);
    case 'Secret':
      return defaultSecret(obj);
    case 'Deployment':
      return defaultDeployment(obj);
    case 'ReplicaSet':
      return defaultReplicaSet(obj);
    case 'EndpointSlice':
      return defaultEndpointSlice(obj);
    case 'Ingress':
      return defaultIngress(obj);
    case 'IngressClass':
      return defaultIngressClass(obj);
    default: {
      const unreachable: never = obj;
      return unreachable;
    }
  }
}
