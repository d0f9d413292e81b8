/**
 * kube-proxy's own HTTP servers on a node, as a shell on the node reaches them:
 *
 * - the metrics server, bound to 127.0.0.1:10249 by default (--metrics-bind-address), which
 *   answers `/proxyMode` with the proxy mode and nothing else (cmd/kube-proxy/app/server.go
 *   serveMetrics: `fmt.Fprintf(w, "%s", proxyMode)`, text/plain), and `/healthz` with `ok`;
 * - the proxier health server on 0.0.0.0:10256 (--healthz-bind-address), whose `/healthz` and
 *   `/livez` answer `{"lastUpdated": "…","currentTime": "…", "nodeEligible": true}`
 *   (pkg/proxy/healthcheck/proxier_health.go; the times are Go's time.Time String).
 *
 * The engine's request() already reaches everything else a node's loopback has (node ports,
 * the per-Service health check ports, hostNetwork pods); it does not model these two servers
 * yet, so it answers "connection refused" at the node. `withKubeProxy` replaces that refusal
 * with the server's answer, on the trace the engine made (in place, so the line's `traces`
 * hold the answer too). (Its place is the trace's own
 * "packet for the node itself" step, so requests from pods to a node's :10256 would get it too.)
 */
import type { Hop, Outcome, RequestSpec, Trace } from '../../types';
import { timestamp } from '../../cluster/clock';
import { hash32 } from '../../shell/types';

export const METRICS_PORT = 10249;
export const HEALTHZ_PORT = 10256;

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
  server: string;
}

const NOT_FOUND: Omit<Answer, 'server'> = { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, body: '404 page not found\n' };

/** Go's time.Time.String() for a moment of the logical clock read from a running process: wall time and monotonic reading. */
export function goTimeString(seconds: number, salt: string): string {
  const nanos = String(hash32(`${salt}/${seconds}`) % 1_000_000_000).padStart(9, '0');
  const [date = '', time = ''] = timestamp(seconds).replace(/Z$/, '').split('T');
  const frac = nanos.replace(/0+$/, '');
  return `${date} ${time}${frac ? `.${frac}` : ''} +0000 UTC m=+${Math.floor(seconds)}.${nanos}`;
}

function answer(port: number, path: string, mode: string, now: number, node: string): Answer | undefined {
  const p = path.split('?')[0] ?? '/';
  if (port === METRICS_PORT) {
    const server = "kube-proxy's metrics server";
    if (p === '/proxyMode') return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, body: mode, server };
    if (p === '/healthz') return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, body: 'ok', server };
    return { ...NOT_FOUND, server };
  }
  if (port === HEALTHZ_PORT) {
    const server = "kube-proxy's health server";
    if (p !== '/healthz' && p !== '/livez') return { ...NOT_FOUND, server };
    const t = goTimeString(now, node);
    return { status: 200, headers: { 'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff' }, body: `{"lastUpdated": ${JSON.stringify(t)},"currentTime": ${JSON.stringify(t)}, "nodeEligible": true}`, server };
  }
  return undefined;
}

function urlParts(url: string): { host: string; port: number; path: string } | undefined {
  const m = /^(https?):\/\/(\[[^\]]*\]|[^/:?#]+)(?::(\d+))?([^#]*)$/i.exec(url);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  return { host: (m[2] ?? '').toLowerCase(), port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80, path: m[4] || '/' };
}

/**
 * The trace of a request sent from `node`, with kube-proxy's servers answering where the
 * engine's trace ends in a refusal at the node itself. `addresses`: the node's own addresses
 * (10256 listens on all of them, 10249 on loopback only); `mode`: the cluster's proxy mode.
 */
export function withKubeProxy(trace: Trace, spec: RequestSpec, node: string, addresses: ReadonlySet<string>, mode: string, now: number): Trace {
  const u = urlParts(spec.url);
  const last = trace.hops.at(-1);
  if (!u || trace.outcome.kind !== 'error' || trace.outcome.code !== 'connection-refused' || last?.kind !== 'reject' || last.at !== `node:${node}`) return trace;
  const loopback = u.host === 'localhost' || u.host.startsWith('127.');
  if (!(loopback || (u.port === HEALTHZ_PORT && addresses.has(u.host)))) return trace;
  if (u.port === METRICS_PORT && !loopback) return trace;
  if (spec.url.toLowerCase().startsWith('https:')) return trace;
  const a = answer(u.port, u.path, mode, now, node);
  if (!a) return trace;
  const sent = last.packet;
  const respond: Hop = {
    seq: last.seq,
    at: `node:${node}`,
    kind: 'respond',
    summary: `${a.server} on ${node} (port ${u.port}) answers ${a.status}.`,
    packet: { src: sent.dst, dst: sent.src, proto: sent.proto, direction: 'response', http: sent.http ? { ...sent.http, headers: a.headers, status: a.status } : undefined },
    refs: [`node:${node}`],
  };
  const outcome: Outcome = { kind: 'response', status: a.status, headers: { ...a.headers, 'Content-Length': String(a.body.length) }, body: a.body, servedBy: `node:${node}/kube-proxy` };
  // In place: this trace object is the one the line's observers already hold (its `traces`).
  trace.hops.splice(trace.hops.length - 1, 1, respond);
  trace.outcome = outcome;
  return trace;
}
