/**
 * Node addresses and pod CIDRs. The node IPAM controller (kube-controller-manager
 * --allocate-node-cidrs) gives each node without spec.podCIDR the next free /24 of the cluster
 * CIDR; a node declared without addresses gets an InternalIP on the node network.
 */
import type { NodeObject } from '../api/objects';
import type { Change } from '../cluster/changes';
import { formatCidr, parseCidr, subnet, type Cidr } from '../net/ipv4';
import type { Controller } from './types';

/** The nodes' own network (like minikube's 192.168.49.0/24); .1 is the host, .2 the control plane. */
export const NODE_NETWORK = '192.168.49.';
export const API_SERVER_IP = `${NODE_NETWORK}2`;
export const API_SERVER_PORT = 6443;

export function defaultNodeInternalIP(index: number): string {
  return `${NODE_NETWORK}${3 + index}`;
}

/** TEST-NET-1 addresses stand for the nodes' public IPs. */
export function defaultNodeExternalIP(index: number): string {
  return `192.0.2.${10 + index}`;
}

export const nodeIpam: Controller = {
  name: 'nodeipam',
  reconcile(tx) {
    const cluster = tx.options.clusterCIDR;
    const taken = new Set<number>();
    const usedIPs = new Set<string>();
    const nodes = [...tx.list('Node')].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    for (const n of nodes) {
      const c = parseCidr(n.spec?.podCIDR ?? '');
      if (c && c.prefix === 24) taken.add(Math.floor((c.base - cluster.base) / 256));
      for (const a of n.status?.addresses ?? []) if (a.type === 'InternalIP') usedIPs.add(a.address);
    }
    const changes: Change[] = [];
    const blocks = cluster.size / 256;
    // Block 0 belongs to the control plane, as on kubeadm.
    let next = 1;
    for (const n of nodes) {
      let node: NodeObject = n;
      if (!n.spec?.podCIDR) {
        while (taken.has(next) && next < blocks) next++;
        if (next >= blocks) continue;
        taken.add(next);
        const cidr: Cidr = subnet(cluster, 24, next);
        node = { ...node, spec: { ...node.spec, podCIDR: formatCidr(cidr), podCIDRs: [formatCidr(cidr)] } };
      }
      const addresses = node.status?.addresses ?? [];
      if (!addresses.some((a) => a.type === 'InternalIP')) {
        let i = 0;
        while (usedIPs.has(defaultNodeInternalIP(i))) i++;
        usedIPs.add(defaultNodeInternalIP(i));
        node = {
          ...node,
          status: {
            ...node.status,
            addresses: [{ type: 'InternalIP', address: defaultNodeInternalIP(i) }, { type: 'Hostname', address: node.metadata.name }, ...addresses],
          },
        };
      }
      if (!node.status?.conditions?.some((c) => c.type === 'Ready')) {
        node = {
          ...node,
          status: {
            ...node.status,
            conditions: [
              ...(node.status?.conditions ?? []),
              { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
            ],
          },
        };
      }
      if (node !== n) changes.push({ type: 'update', object: node });
    }
    return changes;
  },
};
