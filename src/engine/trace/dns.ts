/**
 * The DNS lookup a pod makes before it connects: its resolver sends UDP queries to the
 * nameserver in /etc/resolv.conf (kube-dns's ClusterIP); kube-proxy on the pod's node DNATs
 * them to a CoreDNS pod; CoreDNS answers; conntrack un-NATs the reply. Recorded as a child
 * trace of the request's first hop, with every name the search list made the resolver try.
 */
import type { DnsResult, Packet, Trace } from '../types';
import { HopRecorder, reversed } from './hops';
import type { Flight, TraceContext } from './context';
import { atNode, crossNodes } from './node';
import { splitAddr } from './url';
import { replyPath } from './server';

export interface Lookup {
  /** The address to connect to, when the name resolved. */
  ip?: string;
  result: DnsResult;
  trace: Trace;
}

function dnsPacket(src: string, dst: string): Packet {
  return { src, dst, proto: 'UDP', direction: 'request' };
}

/** A pod's lookup through the cluster DNS Service. */
export function lookupFromPod(
  ctx: TraceContext,
  pod: { key: string; ip: string; node: string },
  name: string,
  nameserver: string,
  resolve: () => DnsResult,
): Lookup {
  const rec = new HopRecorder();
  const f: Flight = { ctx, rec, path: [{ type: 'origin-pod', key: pod.key, node: pod.node }], host: nameserver, port: 53, scheme: 'http' };
  const result = resolve();
  const request = { from: { pod: pod.key }, url: `dns://${nameserver}/${name}` };
  const done = (): Lookup => {
    const ip = result.rcode === 'NOERROR' ? /\sA\s(\d+\.\d+\.\d+\.\d+)$/.exec(result.answers.find((a) => / A /.test(a)) ?? '')?.[1] : undefined;
    const outcome = ip
      ? ({ kind: 'response', status: 200, headers: {}, body: result.answers.join('\n') } as const)
      : ({ kind: 'error', code: 'dns-nxdomain', message: `curl: (6) Could not resolve host: ${name}` } as const);
    return { ip, result, trace: { request, hops: rec.hops, outcome } };
  };
  const sport = 32768 + ctx.rng.int(28232);
  const q = dnsPacket(`${pod.ip}:${sport}`, `${nameserver}:53`);
  rec.add({
    at: `pod:${pod.key}`,
    kind: 'send',
    summary: `The resolver asks ${nameserver} (from /etc/resolv.conf) for ${result.tried.join(', then ') || name}.`,
    packet: q,
    refs: [`pod:${pod.key}`],
  });
  const at = atNode(f, pod.node, q, 'PREROUTING');
  if (at.kind !== 'forward' || (at.hop.kind !== 'local-pod' && at.hop.kind !== 'remote-pod')) {
    rec.add({ at: `node:${pod.node}`, kind: at.kind === 'reject' ? 'reject' : 'drop', summary: `The DNS query gets no answer (${at.kind === 'reject' ? 'kube-dns has no endpoints' : 'nothing answers on port 53'}).`, packet: q, rule: 'rule' in at ? at.rule : undefined, refs: [] });
    return { result: { rcode: 'SERVFAIL', answers: [], tried: result.tried }, trace: { request, hops: rec.hops, outcome: { kind: 'error', code: 'timeout', message: `curl: (6) Could not resolve host: ${name} (no DNS server answered)` } } };
  }
  if (at.hop.kind === 'remote-pod') crossNodes(f, at.node, at.hop.node, at.packet);
  const server = at.hop.pod;
  const [, dport] = splitAddr(at.packet.dst);
  if (server) {
    rec.add({ at: `pod:${server.key}`, kind: 'deliver', summary: `CoreDNS in ${server.key} receives the query on port ${dport}.`, packet: at.packet, refs: [`pod:${server.key}`] });
  }
  const reply = reversed(at.packet);
  rec.add({
    at: server ? `pod:${server.key}` : `node:${pod.node}`,
    kind: 'respond',
    summary: `CoreDNS answers ${result.rcode}${result.answers.length ? `: ${result.answers.join('; ')}` : ''}.`,
    packet: reply,
    rule: result.answers[0] ?? `${result.tried.at(-1) ?? name} ${result.rcode}`,
    refs: server ? [`pod:${server.key}`, 'service:kube-system/kube-dns'] : [],
  });
  replyPath(f, reply);
  return done();
}
