/**
 * A packet at a node: kube-proxy's nat rules (DNAT to an endpoint), the filter verdict
 * (REJECT for a Service without endpoints, DROP under Local policy), the route (this node's
 * bridge, the overlay to another node, or out), POSTROUTING masquerade, and the conntrack entry
 * that will rewrite the reply.
 */
import type { Packet } from '../types';
import { egressAddress, egressInterface, nextHop, VXLAN_PORT, type NextHop, type NodeNet } from '../dataplane/cni/network';
import { splitAddr } from './url';
import { formatCidr } from '../net/ipv4';
import type { ConntrackEntry } from '../dataplane/conntrack';
import { withAddrs } from './hops';
import type { Flight } from './context';
import type { L4 } from './rules';

export type NodeResult =
  | { kind: 'forward'; packet: Packet; hop: NextHop; node: NodeNet }
  | { kind: 'local'; packet: Packet; node: NodeNet }
  | { kind: 'reject'; node: string; rule?: string }
  | { kind: 'drop'; node: string; rule?: string; why: string };

function l4(p: Packet): L4 {
  const [src, sport] = splitAddr(p.src);
  const [dst, dport] = splitAddr(p.dst);
  return { src, dst, sport, dport, proto: p.proto };
}

function refsForEndpoint(f: Flight, ip: string): string[] {
  const pod = f.ctx.network.podByIP.get(ip);
  return pod ? [`pod:${pod.key}`] : [];
}

/** Service named in a kube-proxy rule comment: -m comment --comment "ns/name:port ...". */
function serviceRef(rule: string | undefined): string[] {
  const m = rule ? /--comment "?([a-z0-9-]+)\/([a-z0-9.-]+)(?::[^" ]*)?/.exec(rule) : null;
  return m ? [`service:${m[1]}/${m[2]}`] : [];
}

/**
 * @param hook PREROUTING for a packet arriving at the node, OUTPUT for one it sends itself.
 */
export function atNode(f: Flight, nodeName: string, packet: Packet, hook: 'PREROUTING' | 'OUTPUT'): NodeResult {
  const { network } = f.ctx;
  const node = network.nodes.get(nodeName)!;
  const rules = f.ctx.rulesFor(nodeName);
  const at = `node:${nodeName}`;
  const before = l4(packet);
  const nat = rules.nat(hook, before, 0);
  let p = packet;
  if (nat.verdict === 'DNAT') {
    p = withAddrs(packet, packet.src, `${nat.packet.dst}:${nat.packet.dport}`);
    f.rec.add({
      at,
      kind: 'dnat',
      summary: `kube-proxy's rules on ${nodeName} rewrite the destination ${packet.dst} to the endpoint ${p.dst}.`,
      before: packet,
      packet: p,
      rule: nat.decidingRule,
      refs: [...serviceRef(nat.decidingRule), ...refsForEndpoint(f, nat.packet.dst)],
    });
  }
  if (nat.verdict === 'DROP') return { kind: 'drop', node: nodeName, rule: nat.decidingRule, why: 'dropped by the nat rules' };
  const hop = nextHop(network, node, nat.packet.dst);
  const filterHook = hop.kind === 'self' ? (hook === 'OUTPUT' ? 'OUTPUT' : 'INPUT') : hook === 'OUTPUT' ? 'OUTPUT' : 'FORWARD';
  const filter = rules.filter(filterHook, nat.packet, nat.mark);
  if (filter.verdict === 'REJECT') return { kind: 'reject', node: nodeName, rule: filter.decidingRule };
  if (filter.verdict === 'DROP') return { kind: 'drop', node: nodeName, rule: filter.decidingRule, why: 'dropped by the filter rules' };
  if (hop.kind === 'self') {
    // Delivered on this node (a hostNetwork endpoint): a DNAT still needs its conntrack entry
    // so the reply's source goes back to the address the client asked for.
    const ct = nat.verdict === 'DNAT' ? track(f, nodeName, packet, p, true, false) : undefined;
    f.path.push({ type: 'node', node: nodeName, ct });
    return { kind: 'local', packet: p, node };
  }
  const post = rules.postrouting(nat.packet, nat.mark);
  let out = p;
  if (post.masquerade) {
    const src = egressAddress(node, hop, network.mode);
    const sport = nat.packet.sport;
    out = withAddrs(p, `${src}:${sport}`, p.dst);
    f.rec.add({
      at,
      kind: 'masquerade',
      summary: `The packet was marked for masquerade, so ${nodeName} replaces the source ${p.src} with its own address ${src} (${egressInterface(hop, network.mode)}, the interface it leaves by): the reply must come back through ${nodeName}.`,
      before: p,
      packet: out,
      rule: post.rule,
      refs: [],
    });
  }
  const ct = track(f, nodeName, packet, out, nat.verdict === 'DNAT', post.masquerade);
  f.path.push({ type: 'node', node: nodeName, ct });
  return { kind: 'forward', packet: out, hop, node };
}

/** The conntrack entry for a connection: its original tuple and what its reply looks like. */
function track(f: Flight, nodeName: string, original: Packet, out: Packet, dnat: boolean, snat: boolean): ConntrackEntry {
  const [osrc, osport] = splitAddr(original.src);
  const [odst, odport] = splitAddr(original.dst);
  const [rsrc, rsport] = splitAddr(out.dst);
  const [rdst, rdport] = splitAddr(out.src);
  const ct: ConntrackEntry = {
    node: nodeName,
    proto: original.proto,
    original: { src: osrc, dst: odst, sport: osport, dport: odport },
    reply: { src: rsrc, dst: rdst, sport: rsport, dport: rdport },
    dnat,
    snat,
    time: f.ctx.now,
  };
  f.ctx.conntrack.add(ct);
  return ct;
}

/** Across the overlay (or the cloud route) to the node that has the destination pod. */
export function crossNodes(f: Flight, from: NodeNet, to: NodeNet, packet: Packet): void {
  const mode = f.ctx.network.mode;
  if (mode === 'overlay') {
    const outerSrc = `${from.internalIP}:${VXLAN_PORT}`;
    const outerDst = `${to.internalIP}:${VXLAN_PORT}`;
    f.rec.add({
      at: `node:${from.name}`,
      kind: 'encap',
      summary: `${packet.dst.split(':')[0]} is in ${to.name}'s podCIDR ${formatCidrOf(to)}: flannel.1 wraps the packet in VXLAN (UDP ${VXLAN_PORT}) from ${from.internalIP} to ${to.internalIP}. The pod addresses inside are unchanged.`,
      packet: { ...packet, src: outerSrc, dst: outerDst, proto: 'UDP' },
      rule: `${formatCidrOf(to)} via ${to.tunnelIP ?? to.internalIP} dev flannel.1 onlink`,
      refs: [`node:${to.name}`],
    });
    f.rec.add({
      at: `node:${to.name}`,
      kind: 'decap',
      summary: `${to.name} unwraps the VXLAN packet and forwards the inner packet to its bridge cni0.`,
      before: { ...packet, src: outerSrc, dst: outerDst, proto: 'UDP' },
      packet,
      refs: [],
    });
    f.path.push({ type: 'tunnel', from: from.name, to: to.name, outerSrc, outerDst });
  } else {
    f.rec.add({
      at: `node:${from.name}`,
      kind: 'route',
      summary: `The route for ${formatCidrOf(to)} sends the packet out of eth0 to ${to.name} (${to.internalIP}); pod addresses travel unchanged.`,
      packet,
      rule: `${formatCidrOf(to)} via ${to.internalIP} dev eth0`,
      refs: [`node:${to.name}`],
    });
    f.path.push({ type: 'tunnel', from: from.name, to: to.name, outerSrc: from.internalIP, outerDst: to.internalIP });
  }
}

function formatCidrOf(n: NodeNet): string {
  return n.podCIDR ? formatCidr(n.podCIDR) : '';
}
