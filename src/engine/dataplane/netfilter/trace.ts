/**
 * tracePacket: what a node's iptables rules do to one new connection, as kube-proxy's own test
 * helper answers it (kubernetes/kubernetes pkg/proxy/iptables/proxier_test.go: tracePacket,
 * runPacketFlowTests): the DNAT targets it may reach (every branch of the `statistic` rules),
 * whether it is dropped or rejected, and whether it leaves masqueraded (mark 0x4000 turned
 * into MASQUERADE by KUBE-POSTROUTING). Unlike the upstream helper, it walks the real hook
 * sequence (flow.ts) with real marks, conntrack states and recent lists.
 *
 * With `options.random` it follows one branch, chosen as the kernel would; without, it explores
 * them all. Never throws: parse and walk problems come back in `errors`.
 */
import type { PacketVerdict } from '../../types';
import { explore } from './explore';
import { runFlow, type FlowResult } from './flow';
import { parseIptablesSave } from './parse';
import { cloneRecentStore, createRecentStore, type RecentStore } from './recent';
import type { ParsedTables } from './types';
import type { MatchedRule, NetfilterPacket } from './walk';

export interface TracePacketInput {
  src: string;
  dst: string;
  dport: number;
  proto?: 'TCP' | 'UDP' | 'SCTP';
  sport?: number;
  mark?: number;
  inIface?: string;
  outIface?: string;
  ctstate?: string;
}

export interface TraceOptions {
  /** Follow one branch chosen by this generator (e.g. SeededRng.float) instead of all of them. */
  random?: () => number;
  /** Session-affinity memory. Updated in place when following one branch; each explored branch sees a copy. */
  recent?: RecentStore;
  /** Logical time in seconds for `recent --seconds`. Default 0. */
  now?: number;
  /** At most this many branches are explored. Default 1024. */
  maxPaths?: number;
  /** Bound on rule evaluations per table walk. Default 100,000. */
  maxSteps?: number;
  /** The address MASQUERADE rewrites the source to. */
  masqueradeSource?: string;
}

export interface TracePath {
  /** Probability of this branch (1 when following one branch). */
  probability: number;
  verdict: PacketVerdict['verdict'];
  /** "ip:port" when the branch DNATs. */
  endpoint?: string;
  masquerade: boolean;
  rules: MatchedRule[];
  flow: FlowResult;
}

export interface NetfilterTrace extends PacketVerdict {
  paths: TracePath[];
  errors: string[];
  /** True when maxPaths cut the exploration short. */
  truncated: boolean;
}

export const DEFAULT_MAX_PATHS = 1024;

export function tracePacket(
  save: string | ParsedTables,
  packet: TracePacketInput,
  localAddresses: ReadonlySet<string>,
  options: TraceOptions = {},
): NetfilterTrace {
  const errors: string[] = [];
  let tables: ParsedTables;
  if (typeof save === 'string') {
    const parsed = parseIptablesSave(save);
    tables = parsed.tables;
    for (const e of parsed.errors) errors.push(e.line > 0 ? `line ${e.line}: ${e.message}: ${e.text}` : e.message);
  } else {
    tables = save;
  }
  const pkt: NetfilterPacket = { ...packet, proto: packet.proto ?? 'TCP' };
  const base = { localAddresses, now: options.now ?? 0, maxSteps: options.maxSteps, masqueradeSource: options.masqueradeSource };

  let paths: TracePath[];
  let truncated = false;
  const random = options.random;
  if (random) {
    const recent = options.recent ?? createRecentStore();
    const flow = runFlow(tables, pkt, { ...base, recent, chance: (p) => random() < p });
    paths = [toPath(flow, 1)];
  } else {
    const initial = options.recent ?? createRecentStore();
    const ex = explore(
      (chance) => runFlow(tables, pkt, { ...base, recent: cloneRecentStore(initial), chance }),
      options.maxPaths ?? DEFAULT_MAX_PATHS,
    );
    paths = ex.outcomes.map((o) => toPath(o.value, o.probability));
    truncated = ex.truncated;
    if (truncated) errors.push(`explored only the first ${paths.length} branches`);
  }
  for (const p of paths) for (const e of p.flow.errors) if (!errors.includes(e)) errors.push(e);
  return { ...combine(paths), paths, errors, truncated };
}

function toPath(flow: FlowResult, probability: number): TracePath {
  return {
    probability,
    verdict: flow.verdict,
    endpoint: flow.verdict === 'DNAT' ? flow.dnat : undefined,
    masquerade: flow.masquerade,
    rules: flow.matched,
    flow,
  };
}

/** All branches as one PacketVerdict: every DNAT target, masquerade if any branch masquerades. */
function combine(paths: TracePath[]): PacketVerdict {
  const endpoints: string[] = [];
  const rules: string[] = [];
  const seenRules = new Set<string>();
  for (const p of paths) {
    if (p.endpoint && !endpoints.includes(p.endpoint)) endpoints.push(p.endpoint);
    for (const r of p.rules) {
      const key = `${r.table}:${r.line}:${r.rule}`;
      if (!seenRules.has(key)) {
        seenRules.add(key);
        rules.push(r.rule);
      }
    }
  }
  const first = paths[0]?.verdict ?? 'DROP';
  const verdict = paths.some((p) => p.verdict === 'DNAT') ? 'DNAT' : first;
  return { verdict, endpoints, masquerade: paths.some((p) => p.masquerade), rules };
}
