/**
 * nslookup, in the three shapes a pod shows:
 *
 * - busybox ≤ 1.28 (busybox:1.28, the image the Kubernetes DNS docs use; radial/busyboxplus):
 *   networking/nslookup.c before 1.29 asks the C library (search list and ndots apply) and
 *   prints `printf("%-10s %s\n", header, name)` then `Address N: <ip> <reverse name>` (the
 *   reverse name from getnameinfo, i.e. a PTR query, left out when there is none):
 *       Server:    10.96.0.10
 *       Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local
 *
 *       Name:      kubernetes.default
 *       Address 1: 10.96.0.1 kubernetes.default.svc.cluster.local
 *   Failure: `nslookup: can't resolve 'x'` on stderr, exit 1 (kubernetes/kubernetes#66924).
 * - busybox ≥ 1.29 (the LEDE/OpenWrt resolver): one A and one AAAA query per name, sent to the
 *   first nameserver; a dotless name is tried under each search domain (1.30+, no ndots), a
 *   dotted one only as given, so `kubernetes.default` fails (docker-library/busybox#48, #61,
 *   #75). The queries share one ID, so every reply is taken for the first query: only the
 *   first (A, first name) is printed — `Name:\t<owner>` / `Address: <ip>`, or `** server
 *   can't find <q>: NXDOMAIN` (exit 1) — and every other query is listed as `*** Can't find
 *   <q>: No answer`, exactly as the outputs in those issues show.
 *   Header `Server:\t\t<ns>` / `Address:\t<ns>:53`.
 * - bind 9 (dnsutils, netshoot): `Address:\t<ns>#53`, `Name:\t<fqdn>` / `Address: <ip>`,
 *   `** server can't find <name>: NXDOMAIN`, exit 1.
 * No server answering: `;; connection timed out; no servers could be reached`, exit 1.
 * Answers from CoreDNS's own zone are authoritative, so "Non-authoritative answer:" only
 * precedes upstream answers.
 */
import { isIPv4 } from '../net/ipv4';
import type { ShellHost } from './host';
import { addressesOf, authoritative, lookup, nameserverOf, noDot, recordsOf, resolvConfOf, unreachable, type DnsLookup, type QType } from './dns';
import { Output, fail, type Tool, type ToolContext, type ToolResult } from './types';

const TIMEOUT = ';; connection timed out; no servers could be reached\n\n';

const reverseOf = (ip: string) => `${ip.split('.').reverse().join('.')}.in-addr.arpa`;

function ptrName(host: ShellHost, ip: string): string | undefined {
  const r = lookup(host, ip, 'PTR');
  const rec = recordsOf(r).find((x) => x.type === 'PTR');
  return r.rcode === 'NOERROR' && rec ? noDot(rec.data) : undefined;
}

/** busybox ≤ 1.28: printf("%-10s %s\n", header, name). */
const line = (header: string, n: string) => `${header.padEnd(10)} ${n}\n`;

function oldBusybox(host: ShellHost, name: string, server: string): ToolResult {
  const o = new Output();
  const address = (i: number, ip: string) => {
    const rev = ptrName(host, ip);
    return `Address ${i}: ${ip}${rev ? ` ${rev}` : ''}\n`;
  };
  o.out(line('Server:', server) + address(1, server) + '\n');
  const ips = isIPv4(name) ? [name] : addressesOf(lookup(host, name, 'A'));
  if (ips.length === 0) return o.err(`nslookup: can't resolve '${name}'\n`).done(1);
  o.out(line('Name:', name));
  ips.forEach((ip, i) => o.out(address(i + 1, ip)));
  return o.done(0);
}

function printAnswer(r: DnsLookup, bind: boolean): string {
  let s = authoritative(r) ? '' : 'Non-authoritative answer:\n';
  for (const rec of recordsOf(r)) {
    const owner = noDot(rec.name);
    const target = bind ? rec.data : noDot(rec.data);
    if (rec.type === 'A' || rec.type === 'AAAA') s += `Name:\t${owner}\nAddress: ${rec.data}\n`;
    else if (rec.type === 'CNAME') s += `${owner}\tcanonical name = ${target}\n`;
    else if (rec.type === 'PTR') s += `${owner}\tname = ${target}\n`;
    else if (rec.type === 'SRV') s += `${owner}\tservice = ${rec.data}\n`;
  }
  return s;
}

function newBusybox(host: ShellHost, name: string, server: string, types: QType[], searchDomains: boolean): ToolResult {
  const o = new Output();
  const search = resolvConfOf(host.resolvConf).search;
  let queries: { name: string; type: QType }[];
  if (isIPv4(name)) queries = [{ name: reverseOf(name), type: 'PTR' }];
  else {
    const names = !name.includes('.') && search.length > 0 && searchDomains ? search.map((d) => `${name}.${d}`) : [name];
    queries = types.flatMap((type) => names.map((n) => ({ name: n, type })));
  }
  // Every query goes out at once with the same query ID (musl's res_mkquery), so each reply
  // matches the first query: only its answer is printed, the others stay unanswered.
  const first = queries[0];
  if (!first) return o.done(0);
  const r = lookup(host, first.type === 'PTR' ? name : `${first.name}.`, first.type);
  if (unreachable(r)) return o.out(TIMEOUT).done(1);
  o.out(`Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
  let code = 0;
  if (r.rcode !== 'NOERROR') {
    o.out(`** server can't find ${first.name}: ${r.rcode}\n\n`);
    code = 1;
  } else if (r.answers.length === 0) o.out(`*** Can't find ${first.name}: No answer\n\n`);
  else o.out(`${printAnswer(r, false)}\n`);
  const rest = queries.slice(1);
  if (rest.length > 0) o.out(`${rest.map((q) => `*** Can't find ${q.name}: No answer\n`).join('')}\n`);
  return o.done(code);
}

function bindNslookup(host: ShellHost, name: string, server: string, type: QType): ToolResult {
  const o = new Output();
  const r = lookup(host, name, isIPv4(name) ? 'PTR' : type);
  if (unreachable(r)) return o.out(TIMEOUT).done(1);
  o.out(`Server:\t\t${server}\nAddress:\t${server}#53\n\n`);
  if (r.rcode !== 'NOERROR') return o.out(`** server can't find ${isIPv4(name) ? reverseOf(name) : name}: ${r.rcode}\n\n`).done(1);
  if (r.answers.length === 0) return o.out(`${authoritative(r) ? '' : 'Non-authoritative answer:\n'}*** Can't find ${name}: No answer\n\n`).done(0);
  return o.out(`${printAnswer(r, true)}\n`).done(0);
}

const TYPES: readonly QType[] = ['A', 'AAAA', 'SRV', 'CNAME', 'PTR'];

export const nslookup: Tool = (ctx: ToolContext) => {
  const flavour = ctx.profile.nslookup ?? 'bind';
  const args = ctx.argv.slice(1);
  let type: QType | undefined;
  const rest: string[] = [];
  for (const a of args) {
    const m = /^-(?:type|querytype|query|q|t)=(\w+)$/i.exec(a);
    if (m && flavour !== 'busybox-old') {
      const t = (m[1] ?? '').toUpperCase() as QType;
      if (!TYPES.includes(t) || (flavour === 'busybox' && t === 'SRV')) return fail(`nslookup: invalid query type "${m[1]}"\n`);
      type = t;
    } else if (a.startsWith('-')) return usage(ctx);
    else rest.push(a);
  }
  const [name, serverArg] = rest;
  if (!name || rest.length > 2) return usage(ctx);
  const server = serverArg ?? nameserverOf(ctx.host);
  if (flavour === 'busybox-old') return oldBusybox(ctx.host, name, server);
  if (flavour === 'busybox') {
    const v = ctx.profile.busybox ?? [1, 37];
    return newBusybox(ctx.host, name, server, type ? [type] : ['A', 'AAAA'], v[0] > 1 || v[1] >= 30);
  }
  return bindNslookup(ctx.host, name, server, type ?? 'A');
};

function usage(ctx: ToolContext): ToolResult {
  if (ctx.profile.nslookup === 'bind') return fail('Usage: nslookup [-opt ...] host [server]\n');
  const v = (ctx.profile.busybox ?? [1, 37]).join('.');
  return fail(`BusyBox v${v}.0 multi-call binary.\n\nUsage: nslookup ${ctx.profile.nslookup === 'busybox' ? '[-type=QUERY_TYPE] [-debug] ' : ''}HOST [DNS_SERVER]\n\nQuery DNS about HOST\n`);
}
