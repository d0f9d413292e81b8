/**
 * Which endpoints of a Service port this node's kube-proxy uses (pkg/proxy/topology.go,
 * CategorizeEndpoints): Ready endpoints by default, falling back to serving-and-terminating
 * ones, independently for "Cluster" and "Local" traffic policy, only when none is Ready.
 * Topology hints (PreferSameNode, then PreferSameZone) narrow the Cluster set when every
 * ready endpoint carries a hint and one matches this node or its zone.
 */
import type { EndpointInfo, ServicePortInfo } from './types';

export const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** The port is reachable other than by ClusterIP (ServicePort.ExternallyAccessible). */
export function externallyAccessible(svc: ServicePortInfo): boolean {
  return svc.nodePort !== 0 || svc.loadBalancerVIPs.length > 0 || svc.externalIPs.length > 0;
}

/** Traffic ever goes to "Cluster" endpoints; even with externalTrafficPolicy Local, short-circuiting needs them. */
export function usesClusterEndpoints(svc: ServicePortInfo): boolean {
  return !svc.internalPolicyLocal || externallyAccessible(svc);
}

export function usesLocalEndpoints(svc: ServicePortInfo): boolean {
  return svc.internalPolicyLocal || (svc.externalPolicyLocal && externallyAccessible(svc));
}

export interface CategorizedEndpoints {
  /** Usable with Cluster policy; empty when the port never uses Cluster policy. */
  cluster: EndpointInfo[];
  /** Usable with Local policy; empty when the port never uses Local policy. */
  local: EndpointInfo[];
  /** Union of the two: every endpoint this node may DNAT to (it gets a KUBE-SEP chain). */
  allReachable: EndpointInfo[];
  /** Some endpoint is usable somewhere in the cluster (even if not from this node). */
  hasAnyEndpoints: boolean;
}

type TopologyMode = '' | 'PreferSameNode' | 'PreferSameZone';

function topologyMode(endpoints: EndpointInfo[], nodeName: string, zone: string): TopologyMode {
  let allNodeHints = true;
  let forNode = false;
  let allZoneHints = true;
  let forZone = false;
  for (const ep of endpoints) {
    if (!ep.ready) continue;
    if (!ep.nodeHints?.length) allNodeHints = false;
    else if (ep.nodeHints.includes(nodeName)) forNode = true;
    if (!ep.zoneHints?.length) allZoneHints = false;
    else if (ep.zoneHints.includes(zone)) forZone = true;
  }
  // PreferSameTrafficDistribution is beta and on by default in v1.34.
  if (allNodeHints && forNode) return 'PreferSameNode';
  if (allZoneHints && forZone) return 'PreferSameZone';
  return '';
}

function availableForTopology(ep: EndpointInfo, mode: TopologyMode, nodeName: string, zone: string): boolean {
  if (mode === 'PreferSameNode') return ep.nodeHints?.includes(nodeName) ?? false;
  if (mode === 'PreferSameZone') return ep.zoneHints?.includes(zone) ?? false;
  return true;
}

export function categorizeEndpoints(svc: ServicePortInfo, nodeName: string, nodeLabels: Record<string, string>): CategorizedEndpoints {
  const endpoints = svc.endpoints;
  let cluster: EndpointInfo[] = [];
  let mode: TopologyMode = '';
  let hasAnyEndpoints = false;
  const zone = nodeLabels[ZONE_LABEL] ?? '';

  if (usesClusterEndpoints(svc)) {
    mode = topologyMode(endpoints, nodeName, zone);
    cluster = endpoints.filter((ep) => ep.ready && availableForTopology(ep, mode, nodeName, zone));
    // No ready endpoint anywhere: fall back to serving-and-terminating ones.
    if (cluster.length === 0) cluster = endpoints.filter((ep) => ep.serving && ep.terminating);
    if (cluster.length > 0) hasAnyEndpoints = true;
  }
  if (!usesLocalEndpoints(svc)) return { cluster, local: [], allReachable: cluster, hasAnyEndpoints };

  let localReady = false;
  let localServingTerminating = false;
  for (const ep of endpoints) {
    if (ep.ready) {
      hasAnyEndpoints = true;
      if (ep.isLocal) localReady = true;
    } else if (ep.serving && ep.terminating) {
      hasAnyEndpoints = true;
      if (ep.isLocal) localServingTerminating = true;
    }
  }
  let local: EndpointInfo[] = [];
  let usesServingTerminating = false;
  if (localReady) local = endpoints.filter((ep) => ep.isLocal && ep.ready);
  else if (localServingTerminating) {
    usesServingTerminating = true;
    local = endpoints.filter((ep) => ep.isLocal && ep.serving && ep.terminating);
  }
  if (!usesClusterEndpoints(svc)) return { cluster, local, allReachable: local, hasAnyEndpoints };
  // With no topology and only Ready local endpoints, cluster is a superset of local.
  if (mode === '' && !usesServingTerminating) return { cluster, local, allReachable: cluster, hasAnyEndpoints };

  const merged = new Map<string, EndpointInfo>();
  for (const ep of cluster) merged.set(ep.endpoint, ep);
  for (const ep of local) merged.set(ep.endpoint, ep);
  return { cluster, local, allReachable: [...merged.values()], hasAnyEndpoints };
}
