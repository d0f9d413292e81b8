/**
 * Does a rule's every match hold for a packet? Generic IP-header matches come first in each
 * rule's list, then the modules in the order written, so `statistic` draws and `recent --set`
 * writes happen only when everything before them matched, as in the kernel.
 */
import { cidrContains } from '../../net/ipv4';
import { evalRecent, type RecentStore } from './recent';
import type { Match, PortCheck, PortRange, Rule } from './types';

/** The packet as the matches see it; walk.ts owns and updates it. */
export interface PacketState {
  src: number;
  dst: number;
  srcText: string;
  dstText: string;
  proto: 'tcp' | 'udp' | 'sctp';
  sport?: number;
  dport: number;
  mark: number;
  inIface: string;
  outIface: string;
  ctstate: Set<string>;
  physdevIn?: string;
  physdevOut?: string;
}

export interface MatchContext {
  localAddresses: ReadonlySet<string>;
  /** Decide one `statistic --probability p` match. */
  chance: (probability: number) => boolean;
  recent: RecentStore;
  now: number;
}

export function isLocalAddress(ip: number, text: string, local: ReadonlySet<string>): boolean {
  // The whole of 127.0.0.0/8 is routed locally (`local 127.0.0.0/8 dev lo` in table local).
  return local.has(text) || ip >>> 24 === 127;
}

/** The route type the addrtype match compares (one per address). */
export function addressType(ip: number, text: string, local: ReadonlySet<string>): string {
  if (isLocalAddress(ip, text, local)) return 'LOCAL';
  if (ip === 0xffffffff) return 'BROADCAST';
  if (ip >>> 28 === 0xe) return 'MULTICAST';
  if (ip === 0) return 'UNSPEC';
  return 'UNICAST';
}

function inRange(port: number | undefined, r: PortRange): boolean {
  return port !== undefined && port >= r.min && port <= r.max;
}

function portOk(port: number | undefined, check: PortCheck | undefined): boolean {
  return check === undefined || inRange(port, check.range) !== check.negate;
}

function ifaceMatches(pattern: string, iface: string): boolean {
  return pattern.endsWith('+') ? iface.startsWith(pattern.slice(0, -1)) : iface === pattern;
}

export function matchHolds(m: Match, p: PacketState, ctx: MatchContext): boolean {
  switch (m.kind) {
    case 'address':
      return cidrContains(m.cidr, m.side === 'src' ? p.src : p.dst) !== m.negate;
    case 'protocol':
      return (m.proto === 'all' || m.proto === p.proto) !== m.negate;
    case 'iface':
      return ifaceMatches(m.name, m.side === 'in' ? p.inIface : p.outIface) !== m.negate;
    case 'l4':
      return m.proto === p.proto && portOk(p.sport, m.sport) && portOk(p.dport, m.dport);
    case 'multiport': {
      const hit = (port: number | undefined): boolean => m.ports.some((r) => inRange(port, r));
      const any = m.which === 'sport' ? hit(p.sport) : m.which === 'dport' ? hit(p.dport) : hit(p.sport) || hit(p.dport);
      return any !== m.negate;
    }
    case 'comment':
    case 'nfacct':
      return true;
    case 'addrtype': {
      const ok = (check: { negate: boolean; types: string[] } | undefined, ip: number, text: string): boolean =>
        check === undefined || check.types.includes(addressType(ip, text, ctx.localAddresses)) !== check.negate;
      return ok(m.src, p.src, p.srcText) && ok(m.dst, p.dst, p.dstText);
    }
    case 'mark':
      return (((p.mark & m.mask) >>> 0) === m.value) !== m.negate;
    case 'ctstate':
      return m.states.some((s) => p.ctstate.has(s)) !== m.negate;
    case 'statistic':
      return ctx.chance(m.probability) !== m.negate;
    case 'recent':
      return evalRecent(m, m.side === 'src' ? p.src : p.dst, ctx.recent, ctx.now);
    case 'physdev': {
      if (m.isIn !== undefined && (p.physdevIn !== undefined) !== m.isIn) return false;
      if (m.isOut !== undefined && (p.physdevOut !== undefined) !== m.isOut) return false;
      if (m.isBridged !== undefined && (p.physdevOut !== undefined) !== m.isBridged) return false;
      if (m.inName && ifaceMatches(m.inName.name, p.physdevIn ?? '') === m.inName.negate) return false;
      if (m.outName && ifaceMatches(m.outName.name, p.physdevOut ?? '') === m.outName.negate) return false;
      return true;
    }
  }
}

export function ruleMatches(rule: Rule, p: PacketState, ctx: MatchContext): boolean {
  for (const m of rule.matches) if (!matchHolds(m, p, ctx)) return false;
  return true;
}
