/**
 * One packet's way through a node's netfilter hooks, tables in priority order at each hook:
 *
 *   from elsewhere:  PREROUTING (raw, mangle, nat) → routing → INPUT (mangle, filter, security, nat)
 *                                                          or FORWARD (mangle, filter, security) → POSTROUTING (mangle, nat)
 *   from this node:  OUTPUT (raw, mangle, nat, filter, security) → POSTROUTING (mangle, nat)
 *                    → INPUT when the (possibly DNATed) destination is this node
 *
 * "From this node" means the source is one of the node's addresses (or 127.0.0.0/8). The nat
 * table is only consulted for the first packet of a connection (ctstate NEW), as conntrack
 * replays the NAT decision for the rest. Routing is "is the destination local?" after DNAT.
 */
import { isLocalAddress } from './evaluate';
import type { RecentStore } from './recent';
import type { Hook, ParsedTables, TableName } from './types';
import { getChain } from './types';
import { toPacketState, walkState, type MatchedRule, type NetfilterPacket, type WalkContext, type WalkResult } from './walk';

const HOOK_TABLES: Readonly<Record<Hook, readonly TableName[]>> = {
  PREROUTING: ['raw', 'mangle', 'nat'],
  INPUT: ['mangle', 'filter', 'security', 'nat'],
  FORWARD: ['mangle', 'filter', 'security'],
  OUTPUT: ['raw', 'mangle', 'nat', 'filter', 'security'],
  POSTROUTING: ['mangle', 'nat'],
};

export interface FlowContext {
  localAddresses: ReadonlySet<string>;
  chance: (probability: number) => boolean;
  recent: RecentStore;
  now: number;
  maxSteps?: number;
  masqueradeSource?: string;
}

export interface FlowStep {
  table: TableName;
  hook: Hook;
  verdict: WalkResult['verdict'];
  /** The rule that decided, when a rule (not a policy) did. */
  decidedBy?: MatchedRule;
}

export interface FlowResult {
  verdict: 'ACCEPT' | 'DNAT' | 'DROP' | 'REJECT';
  /** "ip:port" the destination was rewritten to. */
  dnat?: string;
  masquerade: boolean;
  snat?: string;
  /** The packet as it leaves the node, is delivered locally, or where it was dropped. */
  packet: NetfilterPacket;
  /** Whether the (final) destination is this node. */
  deliveredLocally: boolean;
  matched: MatchedRule[];
  steps: FlowStep[];
  errors: string[];
}

export function runFlow(tables: ParsedTables, packet: NetfilterPacket, ctx: FlowContext): FlowResult {
  const state = toPacketState(packet);
  if (typeof state === 'string') {
    return { verdict: 'DROP', masquerade: false, packet, deliveredLocally: false, matched: [], steps: [], errors: [state] };
  }
  const natEligible = state.ctstate.has('NEW');
  const matched: MatchedRule[] = [];
  const steps: FlowStep[] = [];
  const errors: string[] = [];
  let dnat: string | undefined;
  let snat: string | undefined;
  let masquerade = false;
  let last: NetfilterPacket = packet;
  // `chance` decides every statistic match, so the walk never draws from `random`.
  const walkCtx: WalkContext = { ...ctx, random: () => 0 };

  const runHook = (hook: Hook): 'DROP' | 'REJECT' | undefined => {
    for (const table of HOOK_TABLES[hook]) {
      if (table === 'nat' && !natEligible) continue;
      if (!getChain(tables, table, hook)) continue;
      const r = walkState(tables, table, hook, state, packet, walkCtx);
      matched.push(...r.matched);
      steps.push({ table, hook, verdict: r.verdict, decidedBy: r.decidedBy });
      last = r.packet;
      if (r.error) errors.push(`${table} ${hook}: ${r.error}`);
      if (r.dnat) dnat = r.dnat;
      if (r.snat) snat = r.snat;
      if (r.masquerade) masquerade = true;
      if (r.verdict === 'DROP' || r.verdict === 'REJECT') return r.verdict;
    }
    return undefined;
  };
  const isLocal = (which: 'src' | 'dst'): boolean =>
    which === 'src' ? isLocalAddress(state.src, state.srcText, ctx.localAddresses) : isLocalAddress(state.dst, state.dstText, ctx.localAddresses);
  const result = (verdict: FlowResult['verdict'], deliveredLocally: boolean): FlowResult => ({
    verdict, dnat, masquerade, snat, packet: last, deliveredLocally, matched, steps, errors,
  });

  const order: Hook[] = [];
  if (isLocal('src')) {
    const v = runHook('OUTPUT') ?? runHook('POSTROUTING');
    if (v) return result(v, false);
    order.push(...(isLocal('dst') ? (['INPUT'] as const) : []));
  } else {
    const v = runHook('PREROUTING');
    if (v) return result(v, false);
    order.push(...(isLocal('dst') ? (['INPUT'] as const) : (['FORWARD', 'POSTROUTING'] as const)));
  }
  for (const hook of order) {
    const v = runHook(hook);
    if (v) return result(v, false);
  }
  return result(dnat ? 'DNAT' : 'ACCEPT', isLocal('dst'));
}
