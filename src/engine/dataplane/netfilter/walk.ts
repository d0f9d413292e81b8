/**
 * Walk one packet through one table's chain for one hook, as netfilter does: rules in order,
 * `-j` pushes the chain (a call), `-g` replaces the current chain (so RETURN goes back to the
 * caller's caller), RETURN or the end of a user chain pops, the end of a built-in chain (or a
 * RETURN from it) applies its policy. ACCEPT, DROP, REJECT end the walk; DNAT, SNAT and
 * MASQUERADE rewrite the packet and end it (NAT targets accept); MARK and LOG continue;
 * `recent --set` records and continues. The number of rule evaluations is bounded, so a walk
 * always ends. It never throws: problems come back in `error`.
 *
 * Compare kubernetes/kubernetes pkg/proxy/iptables/proxier_test.go (iptablesTracer.runChain),
 * which follows only the jumps kube-proxy writes; this follows the kernel's rules instead.
 */
import { formatIPv4, parseIPv4 } from '../../net/ipv4';
import { ruleMatches, type MatchContext, type PacketState } from './evaluate';
import { createRecentStore, type RecentStore } from './recent';
import { getChain, type Chain, type Hook, type ParsedTables, type Rule, type TableName } from './types';

export interface NetfilterPacket {
  src: string;
  dst: string;
  dport: number;
  proto: 'TCP' | 'UDP' | 'SCTP';
  sport?: number;
  mark?: number;
  inIface?: string;
  outIface?: string;
  /** Conntrack state, comma-separated (e.g. "NEW" or "ESTABLISHED"); default "NEW". */
  ctstate?: string;
  /** Bridge ports, for `-m physdev`; absent when the packet did not cross a bridge. */
  physdevIn?: string;
  physdevOut?: string;
}

export interface WalkContext {
  /** Addresses of this node (addrtype LOCAL); 127.0.0.0/8 is always local. */
  localAddresses: ReadonlySet<string>;
  /** Uniform [0, 1), e.g. the engine's SeededRng.float; decides `statistic` matches. */
  random: () => number;
  /** Decide a `statistic --probability p` match directly (overrides `random`). */
  chance?: (probability: number) => boolean;
  /** Memory of `-m recent` (session affinity). Updated in place; a fresh one when absent. */
  recent?: RecentStore;
  /** Logical time in seconds, for `recent --seconds`. Default 0. */
  now?: number;
  /** Bound on rule evaluations. Default 100,000. */
  maxSteps?: number;
  /** The address MASQUERADE gives the packet (its outgoing interface's); unchanged when absent. */
  masqueradeSource?: string;
}

export interface MatchedRule {
  table: TableName;
  chain: string;
  /** The exact iptables-save line. */
  rule: string;
  line: number;
}

export type WalkVerdict = 'ACCEPT' | 'DROP' | 'REJECT' | 'DNAT';

export interface WalkResult {
  verdict: WalkVerdict;
  /** The packet after DNAT, SNAT/MASQUERADE and MARK. */
  packet: NetfilterPacket;
  /** Every rule whose matches held, in order (including MARK, jumps and the deciding rule). */
  matched: MatchedRule[];
  /** The rule whose target ended the walk; absent when a chain policy decided. */
  decidedBy?: MatchedRule;
  /** "ip:port" when DNAT rewrote the destination. */
  dnat?: string;
  /** The packet mark after the walk. */
  mark?: number;
  masquerade?: boolean;
  /** "ip[:port]" when SNAT rewrote the source. */
  snat?: string;
  rejectWith?: string;
  /** Rule evaluations used. */
  steps: number;
  error?: string;
}

export const DEFAULT_MAX_STEPS = 100_000;

export function toPacketState(p: NetfilterPacket): PacketState | string {
  const src = parseIPv4(p.src);
  const dst = parseIPv4(p.dst);
  if (src === undefined) return `invalid source address "${p.src}"`;
  if (dst === undefined) return `invalid destination address "${p.dst}"`;
  const proto = p.proto.toLowerCase();
  if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') return `unsupported protocol "${p.proto}"`;
  if (!Number.isInteger(p.dport) || p.dport < 0 || p.dport > 65535) return `invalid destination port ${p.dport}`;
  return {
    src, dst, srcText: p.src, dstText: p.dst, proto,
    sport: p.sport, dport: p.dport, mark: (p.mark ?? 0) >>> 0,
    inIface: p.inIface ?? '', outIface: p.outIface ?? '',
    ctstate: new Set((p.ctstate ?? 'NEW').split(',').filter((s) => s !== '')),
    physdevIn: p.physdevIn, physdevOut: p.physdevOut,
  };
}

function fromPacketState(s: PacketState, base: NetfilterPacket): NetfilterPacket {
  const out: NetfilterPacket = { ...base, src: formatIPv4(s.src), dst: formatIPv4(s.dst), dport: s.dport, mark: s.mark };
  if (s.sport !== undefined) out.sport = s.sport;
  out.ctstate = [...s.ctstate].join(',');
  return out;
}

function applyMark(mark: number, op: 'set' | 'xset' | 'and' | 'or' | 'xor', value: number, mask: number): number {
  switch (op) {
    case 'set':
      return ((mark & ~mask) | value) >>> 0;
    case 'xset':
      return ((mark & ~mask) ^ value) >>> 0;
    case 'and':
      return (mark & value) >>> 0;
    case 'or':
      return (mark | value) >>> 0;
    case 'xor':
      return (mark ^ value) >>> 0;
  }
}

export function walk(tables: ParsedTables, table: TableName, hook: Hook, packet: NetfilterPacket, ctx: WalkContext): WalkResult {
  const state = toPacketState(packet);
  if (typeof state === 'string') return { verdict: 'DROP', packet, matched: [], steps: 0, error: state };
  return walkState(tables, table, hook, state, packet, ctx);
}

/** As walk(), on a PacketState the caller keeps (trace.ts threads one through several hooks). */
export function walkState(
  tables: ParsedTables,
  table: TableName,
  hook: Hook,
  state: PacketState,
  base: NetfilterPacket,
  ctx: WalkContext,
): WalkResult {
  const matched: MatchedRule[] = [];
  const maxSteps = ctx.maxSteps ?? DEFAULT_MAX_STEPS;
  const random = ctx.random;
  const mctx: MatchContext = {
    localAddresses: ctx.localAddresses,
    chance: ctx.chance ?? ((p) => random() < p),
    recent: ctx.recent ?? createRecentStore(),
    now: ctx.now ?? 0,
  };
  let steps = 0;
  const done = (verdict: WalkResult['verdict'], extra: Partial<WalkResult> = {}): WalkResult => ({
    verdict, packet: fromPacketState(state, base), matched, steps, mark: state.mark, ...extra,
  });

  const start = getChain(tables, table, hook);
  if (!start) return done('ACCEPT');
  const policy = (): WalkResult => done(start.policy === 'DROP' ? 'DROP' : 'ACCEPT');
  const stack: { chain: Chain; index: number }[] = [{ chain: start, index: 0 }];

  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.chain.rules.length) {
      stack.pop();
      continue;
    }
    const rule: Rule = frame.chain.rules[frame.index++]!;
    if (++steps > maxSteps) return done('DROP', { error: `gave up after ${maxSteps} rule evaluations` });
    if (!ruleMatches(rule, state, mctx)) continue;
    const hit: MatchedRule = { table: rule.table, chain: rule.chain, rule: rule.text, line: rule.line };
    matched.push(hit);
    const t = rule.target;
    if (!t) continue;
    switch (t.kind) {
      case 'ACCEPT':
      case 'DROP':
        return done(t.kind, { decidedBy: hit });
      case 'REJECT':
        if (hook === 'PREROUTING' || hook === 'POSTROUTING') {
          return done('DROP', { decidedBy: hit, error: `REJECT is only valid in INPUT, FORWARD and OUTPUT (reached from ${hook})` });
        }
        return done('REJECT', { decidedBy: hit, rejectWith: t.with ?? 'icmp-port-unreachable' });
      case 'RETURN':
        stack.pop();
        continue;
      case 'chain': {
        const dest = getChain(tables, table, t.chain);
        if (!dest) return done('DROP', { decidedBy: hit, error: `no chain ${t.chain} in table ${table}` });
        if (t.goto) stack.pop();
        stack.push({ chain: dest, index: 0 });
        continue;
      }
      case 'MARK':
        state.mark = applyMark(state.mark, t.op, t.value, t.mask);
        continue;
      case 'LOG':
        continue;
      case 'DNAT': {
        if (hook !== 'PREROUTING' && hook !== 'OUTPUT') {
          return done('ACCEPT', { decidedBy: hit, error: `DNAT is only valid in PREROUTING and OUTPUT (reached from ${hook})` });
        }
        state.dst = parseIPv4(t.ip)!;
        state.dstText = t.ip;
        if (t.port !== undefined) state.dport = t.port;
        state.ctstate.add('DNAT');
        return done('DNAT', { decidedBy: hit, dnat: `${t.ip}:${state.dport}` });
      }
      case 'SNAT':
      case 'MASQUERADE': {
        if (hook !== 'POSTROUTING' && hook !== 'INPUT') {
          return done('ACCEPT', { decidedBy: hit, error: `${t.kind} is only valid in POSTROUTING and INPUT (reached from ${hook})` });
        }
        const to = t.kind === 'SNAT' ? t.ip : ctx.masqueradeSource;
        const toN = to === undefined ? undefined : parseIPv4(to);
        if (to !== undefined && toN !== undefined) {
          state.src = toN;
          state.srcText = to;
        }
        if (t.kind === 'SNAT' && t.port !== undefined) state.sport = t.port;
        state.ctstate.add('SNAT');
        return t.kind === 'SNAT'
          ? done('ACCEPT', { decidedBy: hit, snat: t.port === undefined ? t.ip : `${t.ip}:${t.port}` })
          : done('ACCEPT', { decidedBy: hit, masquerade: true });
      }
    }
  }
  return policy();
}
