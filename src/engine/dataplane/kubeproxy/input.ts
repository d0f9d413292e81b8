/**
 * What one node's kube-proxy sees, gathered from the cluster state: the Node (name, IPs,
 * labels), kube-proxy's configuration (ClusterCIDR local detection from the cluster's
 * clusterCIDR, masquerade bit 14, nodePortAddresses unset = every local address, as kube-proxy
 * defaults), every Service port and its endpoints.
 */
import type { EndpointSliceObject, NodeObject, ServiceObject } from '../../api/objects';
import { viewOf, type ClusterState } from '../../cluster/state';
import { formatCidr, isIPv4 } from '../../net/ipv4';
import { endpointsByServicePort, endpointsKey } from './endpoints';
import { servicePortsOf } from './serviceports';
import { DEFAULT_KUBE_PROXY_CONFIG, type KubeProxyConfig, type ProxyInput, type ProxyNode } from './types';

export interface ProxySources {
  node: ProxyNode;
  config: KubeProxyConfig;
  services: Iterable<ServiceObject>;
  endpointSlices: Iterable<EndpointSliceObject>;
}

/** Node addresses kube-proxy treats as the node's: InternalIPs first, then ExternalIPs (IPv4). */
export function proxyNode(node: NodeObject): ProxyNode {
  const addrs = node.status?.addresses ?? [];
  const internal = addrs.filter((a) => a.type === 'InternalIP' && isIPv4(a.address)).map((a) => a.address);
  const external = addrs.filter((a) => a.type === 'ExternalIP' && isIPv4(a.address)).map((a) => a.address);
  const addresses = [...new Set([...internal, ...external])];
  return { name: node.metadata.name, ip: addresses[0] ?? '', addresses, labels: { ...node.metadata.labels } };
}

/** kube-proxy's view from API objects: Service ports (sorted by "ns/name") with their endpoints. */
export function buildProxyInput(sources: ProxySources): ProxyInput {
  const endpoints = endpointsByServicePort(sources.endpointSlices, sources.node.name);
  const services = [...sources.services].sort((a, b) => {
    const ka = `${a.metadata.namespace ?? 'default'}/${a.metadata.name}`;
    const kb = `${b.metadata.namespace ?? 'default'}/${b.metadata.name}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  const servicePorts = services.flatMap((svc) =>
    servicePortsOf(svc).map((sp) => ({ ...sp, endpoints: endpoints.get(endpointsKey(sp.namespace, sp.name, sp.portName, sp.protocol)) ?? [] })),
  );
  return { node: sources.node, config: sources.config, servicePorts };
}

/**
 * What the kube-proxy on `nodeName` sees in `state`. `config` overrides kube-proxy's defaults
 * (see KubeProxyConfig). Throws when the cluster has no such Node.
 */
export function proxyInput(state: ClusterState, nodeName: string, config: Partial<KubeProxyConfig> = {}): ProxyInput {
  const view = viewOf(state);
  const node = view.get('Node', undefined, nodeName);
  if (!node) throw new Error(`kube-proxy: no node named "${nodeName}"`);
  return buildProxyInput({
    node: proxyNode(node),
    config: { ...DEFAULT_KUBE_PROXY_CONFIG, clusterCIDR: formatCidr(state.options.clusterCIDR), ...config },
    services: view.list('Service'),
    endpointSlices: view.list('EndpointSlice'),
  });
}
