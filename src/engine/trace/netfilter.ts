/** The tracer's NodeRules, bound to one node's parsed kube-proxy rules and the netfilter walker. */
import { walk, type NetfilterPacket, type WalkResult } from '../dataplane/netfilter/walk';
import type { ParsedTables } from '../dataplane/netfilter/types';
import type { RecentStore } from '../dataplane/netfilter/recent';
import type { SeededRng } from '../net/rng';
import type { L4, NatStep, NodeRules } from './rules';

function toPacket(p: L4, mark: number): NetfilterPacket {
  return { src: p.src, dst: p.dst, sport: p.sport, dport: p.dport, proto: p.proto, mark };
}

function step(p: L4, r: WalkResult): NatStep {
  return {
    verdict: r.verdict,
    packet: { ...p, dst: r.packet.dst, dport: r.packet.dport },
    mark: r.mark ?? r.packet.mark ?? 0,
    rules: r.matched.map((m) => m.rule),
    decidingRule: r.decidedBy?.rule,
  };
}

export function nodeRules(tables: ParsedTables, localAddresses: ReadonlySet<string>, rng: SeededRng, recent: RecentStore, now: number): NodeRules {
  const ctx = { localAddresses, random: () => rng.float(), recent, now };
  return {
    nat: (hook, p, mark) => step(p, walk(tables, 'nat', hook, toPacket(p, mark), ctx)),
    filter: (hook, p, mark) => step(p, walk(tables, 'filter', hook, toPacket(p, mark), ctx)),
    postrouting(p, mark) {
      const r = walk(tables, 'nat', 'POSTROUTING', toPacket(p, mark), ctx);
      return { masquerade: r.masquerade === true, rules: r.matched.map((m) => m.rule), rule: r.decidedBy?.rule };
    },
  };
}
