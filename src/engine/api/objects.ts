/**
 * The objects the store holds: Kubernetes' own types (kubernetes-types, types only) with the
 * fields the API server always fills made required, discriminated by `kind`.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { ConfigMap, Namespace, Node, Pod, Secret, Service } from 'kubernetes-types/core/v1';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';
import type { SupportedKind } from './kinds';

export type Meta = ObjectMeta & { name: string };

type Obj<K extends SupportedKind, T> = Omit<T, 'kind' | 'apiVersion' | 'metadata'> & {
  kind: K;
  apiVersion: string;
  metadata: Meta;
};

export type NamespaceObject = Obj<'Namespace', Namespace>;
export type NodeObject = Obj<'Node', Node>;
export type PodObject = Obj<'Pod', Pod>;
export type ServiceObject = Obj<'Service', Service>;
export type ConfigMapObject = Obj<'ConfigMap', ConfigMap>;
export type SecretObject = Obj<'Secret', Secret>;
export type DeploymentObject = Obj<'Deployment', Deployment>;
export type ReplicaSetObject = Obj<'ReplicaSet', ReplicaSet>;
export type EndpointSliceObject = Obj<'EndpointSlice', EndpointSlice>;
export type IngressObject = Obj<'Ingress', Ingress>;
export type IngressClassObject = Obj<'IngressClass', IngressClass>;

export type KubeObject =
  | NamespaceObject
  | NodeObject
  | PodObject
  | ServiceObject
  | ConfigMapObject
  | SecretObject
  | DeploymentObject
  | ReplicaSetObject
  | EndpointSliceObject
  | IngressObject
  | IngressClassObject;

export type ObjectOfKind<K extends SupportedKind> = Extract<KubeObject, { kind: K }>;

/** "Kind/namespace/name", or "Kind//name" for cluster-scoped kinds. */
export type ObjectKey = string;

export function objectKey(kind: string, namespace: string | undefined, name: string): ObjectKey {
  return `${kind}/${namespace ?? ''}/${name}`;
}

export function keyOf(obj: { kind: string; metadata: { namespace?: string; name: string } }): ObjectKey {
  return objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
}
