/**
 * The shapes of a parsed `iptables-save` dump: tables → chains → rules, each rule with its
 * exact text, its matches and its target. Data only; parse.ts builds it, walk.ts reads it.
 *
 * The model follows kube-proxy's test helper (kubernetes/kubernetes
 * pkg/util/iptables/testing/parse.go: IPTablesDump, Table, Chain, Rule) but keeps every match
 * and target typed, so a rule can be evaluated rather than only inspected.
 */
import type { Cidr } from '../../net/ipv4';

export type TableName = 'filter' | 'nat' | 'mangle' | 'raw' | 'security';

export type Hook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

export interface ParsedTables {
  /** In the order the dump declares them. */
  tables: Table[];
}

export interface Table {
  name: TableName;
  /** Chains in declared order; built-in chains the dump never declares are added after. */
  chains: Chain[];
  /** The same chains by name. */
  byName: ReadonlyMap<string, Chain>;
}

export interface Chain {
  name: string;
  builtin: boolean;
  /** ACCEPT or DROP for built-in chains; undefined ("-") for user chains. */
  policy?: 'ACCEPT' | 'DROP';
  rules: Rule[];
  /** 1-based line of the `:CHAIN` declaration; 0 when the chain was implicit. */
  line: number;
}

export interface Rule {
  table: TableName;
  chain: string;
  /** The exact line of the dump (trimmed), for showing "the rule that decided". */
  text: string;
  /** 1-based line number in the dump. */
  line: number;
  /** `-m comment --comment` text, when present. */
  comment?: string;
  /** Matches in the order netfilter evaluates them: generic IP header matches first, then modules. */
  matches: Match[];
  /** No target: the rule only counts packets. */
  target?: Target;
}

/** A port or port range, inclusive. */
export interface PortRange {
  min: number;
  max: number;
}

export type L4Proto = 'tcp' | 'udp' | 'sctp';

export type Match =
  | { kind: 'address'; side: 'src' | 'dst'; negate: boolean; cidr: Cidr }
  | { kind: 'protocol'; negate: boolean; proto: L4Proto | 'icmp' | 'all' }
  | { kind: 'iface'; side: 'in' | 'out'; negate: boolean; name: string }
  /** `-m tcp|udp|sctp` with its optional `--sport`/`--dport`. Matches only that protocol. */
  | { kind: 'l4'; proto: L4Proto; sport?: PortCheck; dport?: PortCheck }
  | { kind: 'multiport'; which: 'sport' | 'dport' | 'any'; negate: boolean; ports: PortRange[] }
  | { kind: 'comment'; text: string }
  | { kind: 'addrtype'; src?: TypeCheck; dst?: TypeCheck }
  | { kind: 'mark'; negate: boolean; value: number; mask: number }
  | { kind: 'ctstate'; negate: boolean; states: string[] }
  | { kind: 'statistic'; negate: boolean; probability: number }
  | {
      kind: 'recent';
      negate: boolean;
      name: string;
      mode: 'set' | 'rcheck' | 'update' | 'remove';
      seconds?: number;
      reap: boolean;
      side: 'src' | 'dst';
      mask: number;
    }
  | { kind: 'nfacct'; name: string }
  | { kind: 'physdev'; isIn?: boolean; isOut?: boolean; isBridged?: boolean; inName?: IfaceCheck; outName?: IfaceCheck };

export interface PortCheck {
  negate: boolean;
  range: PortRange;
}

export interface TypeCheck {
  negate: boolean;
  types: string[];
}

export interface IfaceCheck {
  negate: boolean;
  name: string;
}

export type Target =
  | { kind: 'ACCEPT' }
  | { kind: 'DROP' }
  | { kind: 'RETURN' }
  | { kind: 'REJECT'; with?: string }
  /** `-j CHAIN` (goto false) or `-g CHAIN` (goto true). */
  | { kind: 'chain'; chain: string; goto: boolean }
  | { kind: 'DNAT'; ip: string; port?: number }
  | { kind: 'SNAT'; ip: string; port?: number }
  | { kind: 'MASQUERADE'; randomFully: boolean }
  | { kind: 'MARK'; op: 'set' | 'xset' | 'and' | 'or' | 'xor'; value: number; mask: number }
  | { kind: 'LOG'; prefix?: string };

export interface ParseError {
  /** 1-based line of the dump; 0 for errors about the dump as a whole. */
  line: number;
  /** The offending line, trimmed ("" when there is none). */
  text: string;
  message: string;
}

export interface ParseResult {
  tables: ParsedTables;
  errors: ParseError[];
}

/** Built-in chains of each table, in hook order. */
export const BUILTIN_CHAINS: Readonly<Record<TableName, readonly Hook[]>> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

export function isTableName(name: string): name is TableName {
  return Object.hasOwn(BUILTIN_CHAINS, name);
}

export function getChain(tables: ParsedTables, table: TableName, chain: string): Chain | undefined {
  return tables.tables.find((t) => t.name === table)?.byName.get(chain);
}
