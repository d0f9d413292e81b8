/**
 * What a lesson reads off a trace: the status (or curl's failure), the body, the
 * `client_address` an echoserver reports, and the path the backend received after an ingress
 * rewrite. Pure functions of the trace.
 */
import type { Trace } from '../types';

/** "200", or the failure's code ("timeout", "connection-refused", ...). */
export function statusOf(trace: Trace): string {
  return trace.outcome.kind === 'response' ? String(trace.outcome.status) : trace.outcome.code;
}

export function bodyOf(trace: Trace): string | undefined {
  return trace.outcome.kind === 'response' ? trace.outcome.body.trim() : undefined;
}

/**
 * The client address the server saw, as registry.k8s.io/echoserver reports it
 * (`client_address=10.244.1.5`, up to 1.4; `client_address=` also in its later
 * `Request Information:` block), or whoami's `RemoteAddr: ip:port`.
 */
export function clientAddressOf(trace: Trace): string | undefined {
  const body = bodyOf(trace);
  if (body === undefined) return undefined;
  const echo = /client_address=([^\s]+)/.exec(body);
  if (echo) return echo[1];
  return /^RemoteAddr:\s*(\[[^\]]+\]|[^:\s]+)/m.exec(body)?.[1];
}

/**
 * The path the backend received: the first HTTP request a hop's own downstream call made
 * (ingress-nginx's upstream request, after rewrite-target), else the request's own path.
 */
export function upstreamPathOf(trace: Trace): string | undefined {
  for (const hop of trace.hops) {
    for (const child of hop.children ?? []) {
      const http = child.hops[0]?.packet.http;
      if (http) return http.path;
    }
  }
  return trace.hops[0]?.packet.http?.path;
}

/** One line for a check's detail: "200 {"message":"Hello"}", "timeout: curl: (28) ...". */
export function outcomeSummary(trace: Trace): string {
  const o = trace.outcome;
  if (o.kind === 'error') return `${o.code}: ${o.message}`;
  const body = o.body.trim().replace(/\s+/g, ' ');
  return `${o.status} ${body.length > 80 ? `${body.slice(0, 77)}...` : body}`;
}
