/**
 * The server side: the packet reaches the pod, the container listening on the port answers
 * (nothing listening: the kernel answers with a reset, "connection refused"), and the reply
 * retraces the path, un-NATed by the conntrack entries the request left.
 */
import type { Outcome, Packet } from '../types';
import type { PodNet } from '../dataplane/cni/network';
import { listenerFor } from '../dataplane/apps/catalogue';
import type { HttpResponse } from '../dataplane/apps/http';
import { reversed, withAddrs } from './hops';
import { splitAddr } from './url';
import { processEnv } from '../dataplane/apps/processenv';
import { mountedFiles } from '../dataplane/apps/mountedfiles';
import { routeIngress } from '../dataplane/ingress/route';
import { viewOf } from '../cluster/state';
import type { OutboundRequest, OutboundResult } from '../dataplane/apps/http';
import type { Trace } from '../types';
import { describeCertificate, handshakeSummary, podCertificate, verify } from './tls';
import type { Flight } from './context';

/** Apps calling apps: deeper than this is a loop. */
export const MAX_CALL_DEPTH = 8;

export function refused(f: Flight): Outcome {
  return { kind: 'error', code: 'connection-refused', message: `curl: (7) Failed to connect to ${f.host} port ${f.port} after 0 ms: Couldn't connect to server` };
}

export function timedOut(f: Flight, why: string): Outcome {
  return { kind: 'error', code: 'timeout', message: `curl: (28) Failed to connect to ${f.host} port ${f.port} after 130000 ms: Couldn't connect to server (${why})` };
}

/** The reply travels back along the request's path; each conntrack entry undoes its NAT. */
export function replyPath(f: Flight, reply: Packet): Packet {
  let p = reply;
  for (let i = f.path.length - 1; i >= 0; i--) {
    const step = f.path[i]!;
    switch (step.type) {
      case 'node': {
        const ct = step.ct;
        if (!ct || (!ct.dnat && !ct.snat)) break;
        const src = `${ct.original.dst}:${ct.original.dport}`;
        const dst = `${ct.original.src}:${ct.original.sport}`;
        const before = p;
        p = withAddrs(p, src, dst);
        f.rec.add({
          at: `node:${step.node}`,
          kind: 'reverse-nat',
          summary: `The reply matches the connection ${step.node} tracked: conntrack rewrites it back, source ${before.src} → ${src}${ct.snat ? `, destination ${before.dst} → ${dst}` : ''}, so the client sees the address it asked for.`,
          before,
          packet: p,
          rule: `conntrack: src=${ct.original.src} dst=${ct.original.dst} sport=${ct.original.sport} dport=${ct.original.dport} src=${ct.reply.src} dst=${ct.reply.dst} sport=${ct.reply.sport} dport=${ct.reply.dport}`,
          refs: [],
        });
        break;
      }
      case 'tunnel':
        f.rec.add({
          at: `node:${step.to}`,
          kind: f.ctx.network.mode === 'overlay' ? 'encap' : 'route',
          summary: `The reply goes back from ${step.to} to ${step.from}${f.ctx.network.mode === 'overlay' ? ' inside VXLAN' : ''}.`,
          packet: p,
          refs: [`node:${step.from}`],
        });
        break;
      case 'origin-pod':
        f.rec.add({ at: `pod:${step.key}`, kind: 'deliver', summary: `The reply arrives at ${step.key}.`, packet: p, refs: [`pod:${step.key}`] });
        break;
      case 'origin-node':
        f.rec.add({ at: `node:${step.node}`, kind: 'deliver', summary: `The reply arrives at ${step.node}.`, packet: p, refs: [] });
        break;
      case 'origin-external':
        f.rec.add({ at: `external:${step.ip}`, kind: 'deliver', summary: `The reply reaches the client ${step.ip}.`, packet: p, refs: [] });
        break;
      case 'lb':
        break;
      default: {
        const never: never = step;
        return never;
      }
    }
  }
  return p;
}

export function responseOutcome(res: HttpResponse, servedBy?: string): Outcome {
  return { kind: 'response', status: res.status, headers: res.headers, body: res.body, servedBy };
}

/** The request reaches a pod's network namespace. */
export function deliverToPod(f: Flight, pod: PodNet, packet: Packet): Outcome {
  const [dstIP, dport] = splitAddr(packet.dst);
  const [srcIP, sport] = splitAddr(packet.src);
  const bound = listenerFor(pod.object, dport, packet.proto);
  if (!bound) {
    f.rec.add({
      at: `pod:${pod.key}`,
      kind: 'reject',
      summary: `Nothing in ${pod.key} listens on ${packet.proto} port ${dport}: the kernel answers the SYN with a reset.`,
      packet,
      refs: [`pod:${pod.key}`],
    });
    return refused(f);
  }
  f.rec.add({
    at: `pod:${pod.key}`,
    kind: 'deliver',
    summary: `The packet arrives on ${pod.key}'s eth0; container ${bound.container} (${bound.app.kind}) listens on ${dport} and sees the client as ${srcIP}.`,
    packet,
    refs: [`pod:${pod.key}`],
  });
  if (f.scheme === 'https') {
    const cert = podCertificate(f, pod);
    if (!cert) {
      f.rec.add({ at: `pod:${pod.key}`, kind: 'tls', summary: `curl starts a TLS handshake, but ${bound.container} on port ${dport} speaks plain HTTP (no certificate is mounted into ${pod.key}).`, packet, refs: [`pod:${pod.key}`] });
      return { kind: 'error', code: 'tls', message: 'curl: (35) OpenSSL/3.0.15: error:0A00010B:SSL routines::wrong version number' };
    }
    const error = verify(f, cert);
    f.rec.add({ at: `pod:${pod.key}`, kind: 'tls', summary: handshakeSummary(f, cert, error), packet, rule: describeCertificate(cert), refs: [`pod:${pod.key}`] });
    if (error) return { kind: 'error', code: 'tls', message: error };
  }
  const http = packet.http;
  const children: Trace[] = [];
  const spec = pod.object.spec?.containers?.find((c) => c.name === bound.container);
  const fetch = (out: OutboundRequest): OutboundResult => {
    if (f.ctx.depth >= MAX_CALL_DEPTH) {
      return { ok: false, code: 'loop', message: `kubepath stopped a chain of ${MAX_CALL_DEPTH} nested calls (the apps call each other in a loop)` };
    }
    const child = f.ctx.subrequest(
      { from: { pod: pod.key, container: bound.container }, url: out.url, method: out.method, headers: out.headers, body: out.body, ...(out.insecure ? { tls: { insecure: true } } : {}) },
      f.ctx.depth + 1,
    );
    children.push(child);
    const o = child.outcome;
    return o.kind === 'response' ? { ok: true, response: { status: o.status, headers: o.headers, body: o.body } } : { ok: false, code: o.code, message: o.message };
  };
  const notes: { kind: string; summary: string; rule?: string }[] = [];
  let env: Record<string, string> | undefined;
  let files: ReadonlyMap<string, string> | undefined;
  const res = bound.app.handle(
    {
      method: http?.method ?? 'GET',
      scheme: f.scheme,
      host: http?.host ?? dstIP,
      path: http?.path ?? '/',
      headers: http?.headers ?? {},
      body: f.body,
      clientAddress: srcIP,
      clientPort: sport,
      serverAddress: dstIP,
      serverPort: dport,
    },
    {
      pod: pod.name,
      namespace: pod.namespace,
      container: bound.container,
      node: pod.node,
      image: bound.image,
      // Built only if the app reads them: a pod's environment holds every Service's variables.
      get env() {
        return (env ??= Object.fromEntries(processEnv(pod.object, bound.container, f.ctx.state)));
      },
      argv: [...(spec?.command ?? []), ...(spec?.args ?? [])],
      get files() {
        return (files ??= mountedFiles(f.ctx.state, pod.object, bound.container));
      },
      fetch,
      note: (kind, summary, rule) => {
        notes.push({ kind, summary, rule });
      },
      pick: (n) => f.ctx.rng.int(n),
      ingress: {
        route: (r) => {
          const d = routeIngress(f.ctx.state, r);
          const [ns, name] = (d.ingress ?? '/').split('/');
          const annotations = d.ingress ? viewOf(f.ctx.state).get('Ingress', ns, name ?? '')?.metadata.annotations : undefined;
          return { ...d, annotations };
        },
      },
    },
  );
  for (const n of notes) f.rec.add({ at: `pod:${pod.key}`, kind: n.kind, summary: n.summary, packet, rule: n.rule, refs: [`pod:${pod.key}`] });
  const reply = reversed(packet, res.status, res.headers);
  f.rec.add({
    at: `pod:${pod.key}`,
    kind: 'respond',
    summary: `${bound.container} answers ${res.status}${children.length ? ` after ${children.length} call${children.length > 1 ? 's' : ''} of its own` : ''}.`,
    packet: reply,
    refs: [`pod:${pod.key}`],
    ...(children.length ? { children } : {}),
  });
  replyPath(f, reply);
  return responseOutcome(res, `pod:${pod.key}/${bound.container}`);
}
