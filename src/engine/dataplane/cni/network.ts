/**
 * The pod network as a CNI plugin builds it (flannel-style by default): every pod has its own
 * network namespace (eth0 with the pod IP, lo), joined by a veth pair to its node's bridge
 * `cni0`, whose address is .1 of the node's podCIDR. A node routes its own podCIDR to cni0
 * and each other node's podCIDR either across the VXLAN overlay (`flannel.1`, address .0 of
 * the podCIDR, UDP 8472 between node IPs) or, in "routed" mode (cloud routes, as on GCE),
 * straight to that node's InternalIP. Pod-to-pod traffic is never NATed.
 */
import type { ClusterState } from '../../cluster/state';
import { viewOf } from '../../cluster/state';
import type { PodObject } from '../../api/objects';
import { cidrAddress, cidrContains, formatIPv4, parseCidr, parseIPv4, type Cidr } from '../../net/ipv4';
import { nodeInternalIP } from '../../controllers/kubelet';
import { isPodReady } from '../../controllers/pods';

export type PodNetworkMode = 'overlay' | 'routed';

/** flannel's VXLAN port. */
export const VXLAN_PORT = 8472;

export interface NodeNet {
  name: string;
  internalIP: string;
  externalIP?: string;
  podCIDR?: Cidr;
  /** cni0: the bridge every pod's veth is plugged into; the pods' default gateway. */
  bridgeIP?: string;
  /** flannel.1: the VXLAN device, in overlay mode. */
  tunnelIP?: string;
  /** Every address the node owns (addrtype LOCAL). */
  addresses: ReadonlySet<string>;
}

export interface PodNet {
  key: string /* ns/name */;
  namespace: string;
  name: string;
  ip: string;
  node: string;
  hostNetwork: boolean;
  ready: boolean;
  terminating: boolean;
  object: PodObject;
}

export interface Network {
  mode: PodNetworkMode;
  nodes: ReadonlyMap<string, NodeNet>;
  nodeByAddress: ReadonlyMap<string, NodeNet>;
  /** Pods with their own network namespace, by IP. */
  podByIP: ReadonlyMap<string, PodNet>;
  pods: ReadonlyMap<string, PodNet>;
}

export function networkOf(state: ClusterState, mode: PodNetworkMode): Network {
  const view = viewOf(state);
  const nodes = new Map<string, NodeNet>();
  const nodeByAddress = new Map<string, NodeNet>();
  for (const n of view.list('Node')) {
    const internalIP = nodeInternalIP(n) ?? '';
    const externalIP = n.status?.addresses?.find((a) => a.type === 'ExternalIP')?.address;
    const podCIDR = parseCidr(n.spec?.podCIDR ?? '');
    const bridgeIP = podCIDR ? formatIPv4(cidrAddress(podCIDR, 1)) : undefined;
    const tunnelIP = podCIDR && mode === 'overlay' ? formatIPv4(cidrAddress(podCIDR, 0)) : undefined;
    const addresses = new Set([internalIP, externalIP, bridgeIP, tunnelIP, '127.0.0.1'].filter((a): a is string => !!a));
    const net: NodeNet = { name: n.metadata.name, internalIP, externalIP, podCIDR, bridgeIP, tunnelIP, addresses };
    nodes.set(net.name, net);
    for (const a of addresses) if (a !== '127.0.0.1') nodeByAddress.set(a, net);
  }
  const podByIP = new Map<string, PodNet>();
  const pods = new Map<string, PodNet>();
  for (const p of view.list('Pod')) {
    const ip = p.status?.podIP;
    const node = p.spec?.nodeName;
    if (!ip || !node || p.status?.phase !== 'Running') continue;
    const net: PodNet = {
      key: `${p.metadata.namespace}/${p.metadata.name}`,
      namespace: p.metadata.namespace ?? 'default',
      name: p.metadata.name,
      ip,
      node,
      hostNetwork: p.spec?.hostNetwork === true,
      ready: isPodReady(p),
      terminating: p.metadata.deletionTimestamp !== undefined,
      object: p,
    };
    pods.set(net.key, net);
    if (!net.hostNetwork) podByIP.set(ip, net);
  }
  return { mode, nodes, nodeByAddress, podByIP, pods };
}

/** Where a node sends a packet for `dst`, after NAT. */
export type NextHop =
  | { kind: 'self' }
  | { kind: 'local-pod'; pod: PodNet }
  | { kind: 'remote-pod'; node: NodeNet; pod?: PodNet }
  | { kind: 'node'; node: NodeNet }
  | { kind: 'outside' };

export function nextHop(net: Network, from: NodeNet, dst: string): NextHop {
  if (from.addresses.has(dst)) return { kind: 'self' };
  const ip = parseIPv4(dst);
  if (ip === undefined) return { kind: 'outside' };
  if (from.podCIDR && cidrContains(from.podCIDR, ip)) {
    const pod = net.podByIP.get(dst);
    return pod ? { kind: 'local-pod', pod } : { kind: 'outside' };
  }
  for (const n of net.nodes.values()) {
    if (n.podCIDR && cidrContains(n.podCIDR, ip)) return { kind: 'remote-pod', node: n, pod: net.podByIP.get(dst) };
  }
  const owner = net.nodeByAddress.get(dst);
  if (owner) return { kind: 'node', node: owner };
  return { kind: 'outside' };
}

/**
 * The source address MASQUERADE picks: the address of the interface the packet leaves by
 * (cni0 for a pod on this node, flannel.1 across the overlay, the node's own IP otherwise).
 */
export function egressAddress(from: NodeNet, hop: NextHop, mode: PodNetworkMode): string {
  switch (hop.kind) {
    case 'local-pod':
      return from.bridgeIP ?? from.internalIP;
    case 'remote-pod':
      return mode === 'overlay' ? (from.tunnelIP ?? from.internalIP) : from.internalIP;
    case 'self':
    case 'node':
    case 'outside':
      return from.internalIP;
    default: {
      const never: never = hop;
      return never;
    }
  }
}

/** The interface name a packet leaves the node by, for hop summaries. */
export function egressInterface(hop: NextHop, mode: PodNetworkMode): string {
  switch (hop.kind) {
    case 'local-pod':
      return 'cni0';
    case 'remote-pod':
      return mode === 'overlay' ? 'flannel.1' : 'eth0';
    case 'self':
      return 'lo';
    case 'node':
    case 'outside':
      return 'eth0';
    default: {
      const never: never = hop;
      return never;
    }
  }
}
