/**
 * What the tracer needs from a node's netfilter: the nat decision (PREROUTING for packets
 * arriving, OUTPUT for packets the node itself sends), the filter verdict, and whether
 * POSTROUTING masquerades. Bound to the kube-proxy rules of one node.
 */

export interface L4 {
  src: string;
  dst: string;
  sport: number;
  dport: number;
  proto: 'TCP' | 'UDP';
}

export interface NatStep {
  verdict: 'ACCEPT' | 'DNAT' | 'DROP' | 'REJECT';
  /** The packet after DNAT (unchanged otherwise). */
  packet: L4;
  /** Packet mark after the walk (0x4000: masquerade on the way out). */
  mark: number;
  /** Every rule line the packet matched, in order. */
  rules: string[];
  /** The line that decided (the DNAT, DROP or REJECT rule). */
  decidingRule?: string;
}

export interface NodeRules {
  nat(hook: 'PREROUTING' | 'OUTPUT', packet: L4, mark: number): NatStep;
  filter(hook: 'INPUT' | 'FORWARD' | 'OUTPUT', packet: L4, mark: number): NatStep;
  postrouting(packet: L4, mark: number): { masquerade: boolean; rules: string[]; rule?: string };
}
