/** The kinds kubepath supports, with the group/version the API server serves them under. */

export interface KindInfo {
  kind: SupportedKind;
  apiVersion: string;
  namespaced: boolean;
  /** Plural resource name, as in `kubectl get <resource>`. */
  resource: string;
  singular: string;
  shortNames: string[];
}

export type SupportedKind =
  | 'Namespace'
  | 'Node'
  | 'Pod'
  | 'Service'
  | 'ConfigMap'
  | 'Secret'
  | 'Deployment'
  | 'ReplicaSet'
  | 'EndpointSlice'
  | 'Ingress'
  | 'IngressClass';

const table: KindInfo[] = [
  { kind: 'Namespace', apiVersion: 'v1', namespaced: false, resource: 'namespaces', singular: 'namespace', shortNames: ['ns'] },
  { kind: 'Node', apiVersion: 'v1', namespaced: false, resource: 'nodes', singular: 'node', shortNames: ['no'] },
  { kind: 'Pod', apiVersion: 'v1', namespaced: true, resource: 'pods', singular: 'pod', shortNames: ['po'] },
  { kind: 'Service', apiVersion: 'v1', namespaced: true, resource: 'services', singular: 'service', shortNames: ['svc'] },
  { kind: 'ConfigMap', apiVersion: 'v1', namespaced: true, resource: 'configmaps', singular: 'configmap', shortNames: ['cm'] },
  { kind: 'Secret', apiVersion: 'v1', namespaced: true, resource: 'secrets', singular: 'secret', shortNames: [] },
  { kind: 'Deployment', apiVersion: 'apps/v1', namespaced: true, resource: 'deployments', singular: 'deployment', shortNames: ['deploy'] },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1', namespaced: true, resource: 'replicasets', singular: 'replicaset', shortNames: ['rs'] },
  { kind: 'EndpointSlice', apiVersion: 'discovery.k8s.io/v1', namespaced: true, resource: 'endpointslices', singular: 'endpointslice', shortNames: [] },
  { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', namespaced: true, resource: 'ingresses', singular: 'ingress', shortNames: ['ing'] },
  { kind: 'IngressClass', apiVersion: 'networking.k8s.io/v1', namespaced: false, resource: 'ingressclasses', singular: 'ingressclass', shortNames: [] },
];

export const KINDS: ReadonlyMap<SupportedKind, KindInfo> = new Map(table.map((k) => [k.kind, k]));

export const SUPPORTED_KINDS: readonly SupportedKind[] = table.map((k) => k.kind);

export function kindInfo(kind: string): KindInfo | undefined {
  return KINDS.get(kind as SupportedKind);
}

export function isSupportedKind(kind: string): kind is SupportedKind {
  return KINDS.has(kind as SupportedKind);
}

/** Find a kind by any name kubectl accepts: kind, plural, singular or short name (case-insensitive). */
export function kindByResourceName(name: string): KindInfo | undefined {
  const n = name.toLowerCase();
  return table.find(
    (k) => k.kind.toLowerCase() === n || k.resource === n || k.singular === n || k.shortNames.includes(n),
  );
}
