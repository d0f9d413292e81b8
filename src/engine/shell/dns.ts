/**
 * Reading the host's DNS answers for nslookup, dig, ping and wget. `ShellHost.resolve` returns
 * the engine's `DnsResult`; when the playground passes the resolver's fuller answer through
 * (`server`, `records` with TTLs, per-name `steps` with authority records, `error`), the tools
 * use it for dig's TTLs and AUTHORITY section and for telling "no server answered" apart.
 */
import type { DnsQuery, DnsResult } from '../types';
import type { ShellHost } from './host';

export interface RecordView {
  name: string;
  type: string;
  ttl: number;
  data: string;
}

export interface DnsStepView {
  name: string;
  outcome?: string;
  rcode?: string;
  answers: string[];
  authority?: string[];
  source?: 'kubernetes' | 'upstream';
}

/** A `DnsResult`, with what `dataplane/dns` resolveQuery adds when the host passes it on. */
export interface DnsLookup extends DnsResult {
  server?: string;
  records?: RecordView[];
  steps?: DnsStepView[];
  error?: string;
}

export type QType = NonNullable<DnsQuery['type']>;

/** The TTL CoreDNS's kubernetes plugin answers with in kubeadm's Corefile (`ttl 30`), when the host gives none. */
export const DEFAULT_TTL = 30;

export function lookup(host: ShellHost, name: string, type: QType = 'A'): DnsLookup {
  return host.resolve({ name, type });
}

/** "<owner> <TYPE> <rdata>" (or with TTL and class, "<owner> <ttl> IN <TYPE> <rdata>") → its parts. */
export function parseRecord(line: string): RecordView {
  const m = /^(\S+)\s+(?:(\d+)\s+IN\s+)?([A-Z]+)\s+(.*)$/.exec(line.trim());
  if (!m) return { name: line, type: '', ttl: DEFAULT_TTL, data: '' };
  return { name: m[1] ?? '', type: m[3] ?? '', ttl: m[2] ? Number(m[2]) : DEFAULT_TTL, data: m[4] ?? '' };
}

export function recordsOf(r: DnsLookup): RecordView[] {
  return r.records && r.records.length === r.answers.length ? r.records : r.answers.map(parseRecord);
}

export function addressesOf(r: DnsLookup, type: 'A' | 'AAAA' = 'A'): string[] {
  return r.rcode === 'NOERROR' ? recordsOf(r).filter((x) => x.type === type).map((x) => x.data) : [];
}

/** Why no nameserver answered, when none did. */
export function unreachable(r: DnsLookup): 'timeout' | 'refused' | undefined {
  const last = r.steps?.at(-1)?.outcome;
  if (last === 'timeout' || last === 'refused') return last;
  if (r.error && /timed out|no servers/.test(r.error)) return 'timeout';
  if (r.error && /refused/.test(r.error)) return 'refused';
  return undefined;
}

/** Whether the answer came from CoreDNS's own zone (authoritative: the AA bit) rather than upstream. */
export function authoritative(r: DnsLookup): boolean {
  const step = r.steps?.find((s) => s.rcode !== undefined && s.rcode !== 'NXDOMAIN') ?? r.steps?.at(-1);
  return step?.source !== 'upstream';
}

/** The nameservers and search domains in resolv.conf text. */
export function resolvConfOf(text: string): { nameservers: string[]; search: string[] } {
  const nameservers: string[] = [];
  let search: string[] = [];
  let domain: string[] = [];
  for (const line of text.split('\n')) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (key === 'nameserver' && rest[0]) nameservers.push(rest[0]);
    else if (key === 'search') search = rest;
    else if (key === 'domain') domain = rest.slice(0, 1);
  }
  return { nameservers, search: search.length > 0 ? search : domain };
}

/** The first nameserver the pod's resolver asks. */
export function nameserverOf(host: ShellHost): string {
  return resolvConfOf(host.resolvConf).nameservers[0] ?? host.network.clusterDNS;
}

export const noDot = (name: string) => name.replace(/\.$/, '');
