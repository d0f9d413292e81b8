/** PlaygroundOptions with every default filled in and every range parsed once. */
import type { PlaygroundOptions } from '../types';
import { parseCidr, type Cidr } from '../net/ipv4';
import { parsePortRange, type PortRange } from '../net/portrange';

export interface ResolvedOptions {
  seed: number;
  nodes: number;
  clusterDomain: string;
  clusterCIDR: Cidr;
  serviceCIDR: Cidr;
  nodePortRange: PortRange;
  loadBalancer: 'cloud' | 'none';
  proxyMode: 'iptables';
  ingressNginx: boolean;
  ingressNginxServiceType: 'NodePort' | 'LoadBalancer';
  podNetwork: 'overlay' | 'routed';
  raw: Required<Pick<PlaygroundOptions, 'clusterCIDR' | 'serviceCIDR' | 'nodePortRange'>>;
}

export class OptionsError extends Error {}

export function resolveOptions(o: PlaygroundOptions = {}): ResolvedOptions {
  const clusterCIDRText = o.clusterCIDR ?? '10.244.0.0/16';
  const serviceCIDRText = o.serviceCIDR ?? '10.96.0.0/12';
  const rangeText = o.nodePortRange ?? '30000-32767';
  const clusterCIDR = parseCidr(clusterCIDRText);
  const serviceCIDR = parseCidr(serviceCIDRText);
  const nodePortRange = parsePortRange(rangeText);
  if (!clusterCIDR || clusterCIDR.prefix > 24) throw new OptionsError(`clusterCIDR: invalid CIDR "${clusterCIDRText}" (a block of /24 or larger)`);
  if (!serviceCIDR || serviceCIDR.prefix > 28) throw new OptionsError(`serviceCIDR: invalid CIDR "${serviceCIDRText}" (a block of /28 or larger)`);
  if (!nodePortRange) throw new OptionsError(`nodePortRange: invalid port range "${rangeText}" (like 30000-32767)`);
  const nodes = o.nodes ?? 2;
  // One /24 per node, block 0 kept for the control plane as on kubeadm.
  const maxNodes = Math.min(1000, clusterCIDR.size / 256 - 1);
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > maxNodes) {
    throw new OptionsError(`nodes: must be a whole number from 1 to ${maxNodes} (one /24 of clusterCIDR ${clusterCIDRText} each), got ${nodes}`);
  }
  return {
    seed: o.seed ?? 1,
    nodes,
    clusterDomain: o.clusterDomain ?? 'cluster.local',
    clusterCIDR,
    serviceCIDR,
    nodePortRange,
    loadBalancer: o.loadBalancer ?? 'cloud',
    proxyMode: o.proxyMode ?? 'iptables',
    ingressNginx: o.ingressNginx ?? true,
    ingressNginxServiceType: o.ingressNginxServiceType ?? 'NodePort',
    podNetwork: o.podNetwork ?? 'overlay',
    raw: { clusterCIDR: clusterCIDRText, serviceCIDR: serviceCIDRText, nodePortRange: rangeText },
  };
}
