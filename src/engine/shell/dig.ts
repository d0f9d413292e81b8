/**
 * bind's dig. Unlike nslookup and the C library, dig asks the name as given (no search list)
 * unless `+search`. Output as dig 9.18 prints it:
 *
 *     ; <<>> DiG 9.18.33 <<>> my-nginx.default.svc.cluster.local
 *     ;; global options: +cmd
 *     ;; Got answer:
 *     ;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 23183
 *     ;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1
 *     ;; WARNING: recursion requested but not available
 *
 *     ;; OPT PSEUDOSECTION:
 *     ; EDNS: version: 0, flags:; udp: 1232
 *     ;; QUESTION SECTION:
 *     ;my-nginx.default.svc.cluster.local. IN	A
 *
 *     ;; ANSWER SECTION:
 *     my-nginx.default.svc.cluster.local. 30 IN A	10.96.0.12
 *
 *     ;; Query time: 0 msec
 *     ;; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)
 *     ;; MSG SIZE  rcvd: 113
 *
 * CoreDNS answers its own zone authoritatively (aa) and does not offer recursion (no ra), hence
 * the WARNING; forwarded answers carry the upstream's `rd ra`. Records are laid out with bind's
 * masterdump `indent()` (tab stops every 8, TTL at column 24, class 32, type 40, data 48).
 * `+short` prints only the data; NXDOMAIN is exit 0 (dig reports, it does not fail); no server
 * answering is `;; connection timed out; no servers could be reached`, exit 9. The `;; WHEN:`
 * line is left out (the engine has no wall clock); MSG SIZE is computed from the records
 * without name compression of record data.
 */
import { isIPv4 } from '../net/ipv4';
import { DEFAULT_TTL, authoritative, lookup, nameserverOf, parseRecord, recordsOf, unreachable, type QType, type RecordView } from './dns';
import { Output, fail, hash32, type Tool } from './types';

const TYPES: readonly QType[] = ['A', 'AAAA', 'SRV', 'CNAME', 'PTR'];

/** bind's masterdump indent(): tabs to the tab stop at or before `to`, then spaces; at least one blank. */
function indent(column: number, to: number): [string, number] {
  const target = to < column + 1 ? column + 1 : to;
  const tabs = Math.max(0, Math.floor(target / 8) - Math.floor(column / 8));
  const from = tabs > 0 ? Math.floor(target / 8) * 8 : column;
  return ['\t'.repeat(tabs) + ' '.repeat(target - from), target];
}

function columns(fields: [string, number | undefined][]): string {
  let s = '';
  let col = 0;
  for (const [text, stop] of fields) {
    if (stop !== undefined) {
      const [pad, at] = indent(col, stop);
      s += pad;
      col = at;
    }
    s += text;
    col += text.length;
  }
  return s;
}

const fq = (name: string) => (name.endsWith('.') ? name : `${name}.`);

export function formatRecord(r: RecordView): string {
  return columns([[fq(r.name), undefined], [String(r.ttl), 24], ['IN', 32], [r.type, 40], [r.data, 48]]);
}

export function formatQuestion(name: string, type: string): string {
  return columns([[`;${fq(name)}`, undefined], ['IN', 32], [type, 40]]);
}

/** Octets of a name on the wire, uncompressed. */
const wire = (name: string) => fq(name).split('.').filter(Boolean).reduce((n, l) => n + l.length + 1, 1);

function rdataSize(r: RecordView): number {
  if (r.type === 'A') return 4;
  if (r.type === 'AAAA') return 16;
  if (r.type === 'SRV') return 6 + wire(r.data.split(' ')[3] ?? '.');
  if (r.type === 'SOA') {
    const [m, rn] = r.data.split(' ');
    return wire(m ?? '.') + wire(rn ?? '.') + 20;
  }
  return wire(r.data);
}

function messageSize(qname: string, sections: RecordView[]): number {
  const q = wire(qname);
  return 12 + q + 4 + sections.reduce((n, r) => n + (fq(r.name) === fq(qname) ? 2 : wire(r.name)) + 10 + rdataSize(r), 0) + 11;
}

interface DigArgs {
  name?: string;
  type: QType;
  server?: string;
  short: boolean;
  search: boolean;
  sections: boolean;
  answerOnly: boolean;
  reverse: boolean;
}

function parseArgs(args: string[]): DigArgs | string {
  const d: DigArgs = { type: 'A', short: false, search: false, sections: true, answerOnly: false, reverse: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a.startsWith('@')) d.server = a.slice(1);
    else if (a === '-x') {
      const ip = args[++i];
      if (!ip || !isIPv4(ip)) return `Invalid IP address ${ip ?? ''}`;
      d.name = ip;
      d.type = 'PTR';
      d.reverse = true;
    } else if (a === '-t') d.type = (args[++i] ?? '').toUpperCase() as QType;
    else if (a.startsWith('+')) {
      const opt = a.slice(1).toLowerCase();
      if (opt === 'short') d.short = true;
      else if (opt === 'search') d.search = true;
      else if (opt === 'nosearch') d.search = false;
      else if (opt === 'noall') d.sections = false;
      else if (opt === 'answer') d.answerOnly = true;
    } else if (a.startsWith('-')) continue;
    else if (TYPES.includes(a.toUpperCase() as QType) && d.name !== undefined) d.type = a.toUpperCase() as QType;
    else d.name = a;
  }
  if (!TYPES.includes(d.type)) return `Invalid type: ${d.type.toLowerCase()}`;
  return d;
}

const VERSION = '9.18.33';

export const dig: Tool = (ctx) => {
  const args = ctx.argv.slice(1);
  const d = parseArgs(args);
  if (typeof d === 'string') return fail(`${d}\n`, 1);
  const o = new Output();
  const name = d.name ?? '.';
  const qname = d.reverse ? `${name.split('.').reverse().join('.')}.in-addr.arpa.` : fq(name);
  const r = lookup(ctx.host, d.reverse ? name : d.search ? name : qname, d.type);
  const server = d.server ?? nameserverOf(ctx.host);
  const header = d.short || !d.sections ? '' : `\n; <<>> DiG ${VERSION} <<>> ${args.join(' ')}\n;; global options: +cmd\n`;
  if (unreachable(r)) return o.out(`${header};; connection timed out; no servers could be reached\n`).done(9);
  const answers = recordsOf(r);
  if (d.short) return o.out(answers.map((x) => `${x.data}\n`).join('')).done(0);
  const authority = r.rcode === 'NOERROR' && answers.length > 0 ? [] : (r.steps?.at(-1)?.authority ?? []).map(parseRecord).map((x) => ({ ...x, ttl: DEFAULT_TTL }));
  const asked = d.search ? fq(r.tried.at(-1) ?? qname) : qname;
  if (!d.sections) {
    return o.out(d.answerOnly ? answers.map((x) => `${formatRecord(x)}\n`).join('') : '').done(0);
  }
  const aa = authoritative(r);
  const id = hash32(`${asked} ${d.type}`) % 65536;
  let s = header;
  s += `;; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: ${r.rcode}, id: ${id}\n`;
  s += `;; flags: qr ${aa ? 'aa rd' : 'rd ra'}; QUERY: 1, ANSWER: ${answers.length}, AUTHORITY: ${authority.length}, ADDITIONAL: 1\n`;
  if (aa) s += ';; WARNING: recursion requested but not available\n';
  s += '\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n';
  s += `;; QUESTION SECTION:\n${formatQuestion(asked, d.type)}\n\n`;
  if (answers.length > 0) s += `;; ANSWER SECTION:\n${answers.map((x) => `${formatRecord(x)}\n`).join('')}\n`;
  if (authority.length > 0) s += `;; AUTHORITY SECTION:\n${authority.map((x) => `${formatRecord(x)}\n`).join('')}\n`;
  s += `;; Query time: ${aa ? 0 : 8 + (id % 20)} msec\n`;
  s += `;; SERVER: ${server}#53(${server}) (UDP)\n`;
  s += `;; MSG SIZE  rcvd: ${messageSize(asked, [...answers, ...authority])}\n\n`;
  return o.out(s).done(0);
};
