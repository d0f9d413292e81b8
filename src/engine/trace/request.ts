/**
 * request(): one HTTP request from a pod, a node or an external client, hop by hop. The path
 * is computed from the cluster: the pod's veth and its node's bridge, kube-proxy's rules on the
 * node where the packet is (a Service is rules on every node, not a box), the route to the
 * endpoint (the overlay across nodes), masquerade, the container that answers, and the reply
 * un-NATed by conntrack. Every trace ends with an outcome; nothing here throws for a network
 * result.
 */
import type { Outcome, Packet, RequestSpec, Trace } from '../types';
import { formatCidr, isIPv4 } from '../net/ipv4';
import { resolveQuery, upstreamAnswer, formatRecord } from '../dataplane/dns';
import { lookupFromPod } from './dns';
import { healthCheckResponse, healthCheckService } from '../dataplane/healthcheck';
import { loadBalancerBackends, serviceForLoadBalancerIP } from '../dataplane/loadbalancer';
import { HopRecorder, reversed } from './hops';
import { parseUrl, splitAddr } from './url';
import type { Flight, TraceContext } from './context';
import { atNode, crossNodes, type NodeResult } from './node';
import { deliverToPod, refused, replyPath, responseOutcome, timedOut } from './server';
import { listenerFor } from '../dataplane/apps/catalogue';

export const DEFAULT_EXTERNAL_CLIENT = '198.51.100.79';

/** Linux's default ephemeral port range (net.ipv4.ip_local_port_range). */
function ephemeralPort(ctx: TraceContext): number {
  return 32768 + ctx.rng.int(60999 - 32768 + 1);
}

function failure(code: Extract<Outcome, { kind: 'error' }>['code'], message: string): Outcome {
  return { kind: 'error', code, message };
}

/** After a node's rules: on to the pod, another node, or the node itself. */
const at = (n: string) => `node:${n}`;

function afterNode(f: Flight, result: NodeResult, packet: Packet): Outcome {
  switch (result.kind) {
    case 'reject': {
      f.rec.add({ at: at(result.node), kind: 'reject', summary: 'A REJECT rule answers at once with ICMP port unreachable: the Service has no endpoints to send this to.', packet, rule: result.rule, refs: [] });
      return refused(f);
    }
    case 'drop': {
      f.rec.add({ at: at(result.node), kind: 'drop', summary: `The packet is dropped (${result.why}); the client hears nothing and gives up.`, packet, rule: result.rule, refs: [] });
      return timedOut(f, result.why);
    }
    case 'local':
      return toNodeItself(f, result.node.name, result.packet);
    case 'forward': {
      const { hop, node } = result;
      switch (hop.kind) {
        case 'local-pod':
          f.rec.add({ at: at(node.name), kind: 'route', summary: `${hop.pod.ip} is a pod on ${node.name}: the bridge cni0 hands the packet to its veth.`, packet: result.packet, rule: `${node.podCIDR ? formatCidr(node.podCIDR) : ''} dev cni0 proto kernel scope link src ${node.bridgeIP ?? ''}`, refs: [`pod:${hop.pod.key}`] });
          return deliverToPod(f, hop.pod, result.packet);
        case 'remote-pod':
          crossNodes(f, node, hop.node, result.packet);
          if (!hop.pod) return timedOut(f, `no pod has ${splitAddr(result.packet.dst)[0]}`);
          return deliverToPod(f, hop.pod, result.packet);
        case 'node':
          // The other node's own rules decide next (its KUBE-NODEPORTS match only its local addresses).
          f.rec.add({ at: at(node.name), kind: 'route', summary: `The packet goes out of eth0 to ${hop.node.name}.`, packet: result.packet, refs: [`node:${hop.node.name}`] });
          return afterNode(f, atNode(f, hop.node.name, result.packet, 'PREROUTING'), result.packet);
        case 'self':
          return toNodeItself(f, node.name, result.packet);
        case 'outside':
          return toOutside(f, result.packet);
        default: {
          const never: never = hop;
          return never;
        }
      }
    }
    default: {
      const never: never = result;
      return never;
    }
  }
}

function lastNode(f: Flight): string {
  for (let i = f.path.length - 1; i >= 0; i--) {
    const s = f.path[i]!;
    if (s.type === 'node' || s.type === 'origin-node') return s.node;
    if (s.type === 'origin-pod') return s.node;
  }
  return '';
}

/** Addresses outside the cluster: the control plane's API server, or nothing kubepath knows. */
function toOutside(f: Flight, packet: Packet): Outcome {
  f.rec.add({ at: `node:${lastNode(f)}`, kind: 'drop', summary: `Nothing in the cluster has ${splitAddr(packet.dst)[0]}; the packet leaves by the default route and no answer comes back.`, packet, refs: [] });
  return timedOut(f, 'no host answers at that address');
}

/** A packet for an address the node owns: the health-check ports, or nothing listening. */
function toNodeItself(f: Flight, node: string, packet: Packet): Outcome {
  const [, dport] = splitAddr(packet.dst);
  const hc = healthCheckService(f.ctx.state, dport);
  if (hc) {
    const res = healthCheckResponse(f.ctx.state, hc, node);
    f.rec.add({ at: `node:${node}`, kind: 'respond', summary: `kube-proxy's health check for ${hc.metadata.namespace}/${hc.metadata.name} answers ${res.status}: ${res.status === 200 ? 'this node has a ready endpoint' : 'no endpoint of the Service runs on this node'}.`, packet: reversed(packet, res.status, res.headers), refs: [`service:${hc.metadata.namespace}/${hc.metadata.name}`] });
    replyPath(f, reversed(packet, res.status, res.headers));
    return responseOutcome(res, `node:${node}/kube-proxy`);
  }
  // hostNetwork pods share the node's network namespace: the one listening on the port answers.
  const hostPod = [...f.ctx.network.pods.values()].find((p) => p.hostNetwork && p.node === node && listenerFor(p.object, dport, packet.proto));
  if (hostPod) return deliverToPod(f, hostPod, packet);
  f.rec.add({ at: `node:${node}`, kind: 'reject', summary: `Nothing on ${node} listens on port ${dport}: the kernel answers with a reset.`, packet, refs: [] });
  return refused(f);
}

function fromExternal(f: Flight, client: string, packet: Packet): Outcome {
  const ctx = f.ctx;
  const [dst] = splitAddr(packet.dst);
  f.path.push({ type: 'origin-external', ip: client });
  const svc = serviceForLoadBalancerIP(ctx.state, dst);
  if (svc) {
    const ref = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const backends = loadBalancerBackends(ctx.state, svc);
    const healthy = backends.filter((b) => b.healthy);
    const checks = backends.map((b) => `${b.node}: ${b.check ? `healthz ${b.check.status}` : b.healthy ? 'in service' : 'not ready'}`).join(', ');
    if (healthy.length === 0) {
      f.rec.add({ at: `lb:${ref}`, kind: 'drop', summary: `The load balancer for ${ref} has no healthy node (${checks}); the connection goes nowhere.`, packet, refs: [`service:${ref}`] });
      return timedOut(f, 'the load balancer has no healthy backend');
    }
    const chosen = healthy[ctx.rng.int(healthy.length)]!;
    f.rec.add({
      at: `lb:${ref}`,
      kind: 'forward',
      summary: `The cloud load balancer for ${ref} picks ${chosen.node} among its healthy nodes (${checks}) and forwards the packet unchanged.`,
      packet,
      rule: svc.spec?.externalTrafficPolicy === 'Local' ? `health check: GET /healthz on port ${svc.spec.healthCheckNodePort}` : 'backends: every ready node',
      refs: [`service:${ref}`, `node:${chosen.node}`],
    });
    f.path.push({ type: 'lb', service: ref });
    return afterNode(f, atNode(f, chosen.node, packet, 'PREROUTING'), packet);
  }
  const node = ctx.network.nodeByAddress.get(dst);
  if (!node) {
    f.rec.add({ at: `external:${client}`, kind: 'drop', summary: `${dst} is not reachable from outside the cluster (only node addresses and load balancer IPs are).`, packet, refs: [] });
    return timedOut(f, `${dst} is not reachable from outside the cluster`);
  }
  f.rec.add({ at: `node:${node.name}`, kind: 'route', summary: `The packet arrives at ${node.name} (${dst}) on eth0.`, packet, refs: [`node:${node.name}`] });
  return afterNode(f, atNode(f, node.name, packet, 'PREROUTING'), packet);
}

/**
 * Names the resolver finds in /etc/hosts before asking DNS (nsswitch "files dns"): localhost,
 * and in a pod its own hostname and hostAliases, as the kubelet writes the file.
 */
function hostsFileAddress(ctx: TraceContext, from: RequestSpec['from'], host: string): string | undefined {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name === 'localhost.localdomain') return '127.0.0.1';
  if (!('pod' in from)) return undefined;
  const pod = ctx.network.pods.get(from.pod.includes('/') ? from.pod : `default/${from.pod}`);
  if (!pod) return undefined;
  const hostname = pod.object.spec?.hostname ?? pod.name;
  if (name === hostname) return pod.ip;
  for (const a of pod.object.spec?.hostAliases ?? []) if ((a.hostnames ?? []).some((h) => h.toLowerCase() === name)) return a.ip;
  return undefined;
}

export function traceRequest(ctx: TraceContext, spec: RequestSpec): Trace {
  const rec = new HopRecorder();
  const done = (outcome: Outcome): Trace => ({ request: spec, hops: rec.hops, outcome });
  const url = parseUrl(spec.url);
  if (typeof url === 'string') return done(failure('no-route', url));
  const f: Flight = { ctx, rec, path: [], host: url.host, port: url.port, body: spec.body, scheme: url.scheme, tls: spec.tls };
  const method = (spec.method ?? 'GET').toUpperCase();
  // A name is looked up first: by the pod's resolver through cluster DNS, or (nodes, outside
  // clients) by an upstream resolver that knows nothing of the cluster's names.
  let dstIP = url.host;
  let lookupTrace: Trace | undefined;
  const hostsEntry = hostsFileAddress(ctx, spec.from, url.host);
  if (hostsEntry) dstIP = hostsEntry;
  else if (!isIPv4(url.host)) {
    const from = spec.from;
    const pod = 'pod' in from ? ctx.network.pods.get(from.pod.includes('/') ? from.pod : `default/${from.pod}`) : undefined;
    if (pod) {
      const resolution = resolveQuery(ctx.state, { from: pod.key, name: url.host, type: 'A' });
      const nameserver = resolution.resolvConf?.nameservers[0] ?? '';
      const lookup = lookupFromPod(ctx, pod, url.host, nameserver, () => resolution);
      lookupTrace = lookup.trace;
      if (!lookup.ip) {
        rec.add({ at: `pod:${pod.key}`, kind: 'resolve', summary: `${url.host} does not resolve (${resolution.rcode}; tried ${resolution.tried.join(', ')}).`, packet: { src: `${pod.ip}:0`, dst: `${nameserver}:53`, proto: 'UDP', direction: 'request' }, refs: [`pod:${pod.key}`], children: [lookup.trace] });
        return done(failure('dns-nxdomain', `curl: (6) Could not resolve host: ${url.host}`));
      }
      dstIP = lookup.ip;
    } else if (!('pod' in from)) {
      const a = upstreamAnswer(url.host.endsWith('.') ? url.host : `${url.host}.`, 'A');
      const rr = a.answers.find((r) => r.type === 'A');
      if (!rr) return done(failure('dns-nxdomain', `curl: (6) Could not resolve host: ${url.host}${url.host.includes(ctx.state.options.clusterDomain) || !url.host.includes('.') ? ' (cluster names resolve only inside pods, through CoreDNS)' : ''}`));
      dstIP = formatRecord(rr).split(' ').at(-1) ?? '';
    }
  }
  const headers: Record<string, string> = { Host: url.hostHeader, 'User-Agent': 'curl/8.11.1', Accept: '*/*', ...spec.headers };
  const packetFrom = (src: string): Packet => ({
    src: `${src}:${ephemeralPort(ctx)}`,
    dst: `${dstIP}:${url.port}`,
    proto: 'TCP',
    direction: 'request',
    http: { method, host: url.hostHeader, path: url.path, headers },
  });
  const from = spec.from;
  if ('pod' in from) {
    const key = from.pod.includes('/') ? from.pod : `default/${from.pod}`;
    const pod = ctx.network.pods.get(key);
    if (!pod) return done(failure('no-route', `error: pod ${key} is not running, so it cannot send a request`));
    const packet = packetFrom(pod.ip);
    const container = from.container ?? pod.object.spec?.containers?.[0]?.name ?? '';
    rec.add({
      at: `pod:${key}`,
      kind: 'send',
      summary: `${method} ${url.path} from container ${container} in ${key}: ${lookupTrace ? `${url.host} resolved to ${dstIP}, then ` : ''}a TCP connection from ${packet.src} to ${packet.dst}.`,
      packet,
      refs: [`pod:${key}`],
      ...(lookupTrace ? { children: [lookupTrace] } : {}),
    });
    f.path.push({ type: 'origin-pod', key, node: pod.node });
    // A hostNetwork pod sends from the node's own network namespace: like the node itself.
    if (pod.hostNetwork) {
      const node = ctx.network.nodes.get(pod.node);
      if (node && dstIP.startsWith('127.')) packet.src = `127.0.0.1:${splitAddr(packet.src)[1]}`;
      return done(afterNode(f, atNode(f, pod.node, packet, 'OUTPUT'), packet));
    }
    if (dstIP === '127.0.0.1' || dstIP === pod.ip) {
      // localhost and the pod's own IP stay inside its network namespace: containers of one
      // pod share it, so a sibling's port answers.
      f.path.length = 0;
      return done(deliverToPod(f, pod, { ...packet, src: `${dstIP}:${splitAddr(packet.src)[1]}` }));
    }
    rec.add({ at: `node:${pod.node}`, kind: 'route', summary: `The packet leaves ${key}'s eth0 through its veth into ${pod.node}'s bridge cni0, where the node's netfilter sees it.`, packet, rule: 'default via cni0 (the pod\'s gateway)', refs: [`node:${pod.node}`] });
    return done(afterNode(f, atNode(f, pod.node, packet, 'PREROUTING'), packet));
  }
  if ('node' in from) {
    const node = ctx.network.nodes.get(from.node);
    if (!node) return done(failure('no-route', `error: node ${from.node} not found`));
    // The kernel picks the source address by route: loopback for 127.0.0.0/8, the address
    // itself for one of the node's own, the InternalIP (eth0) otherwise.
    const src = dstIP.startsWith('127.') ? '127.0.0.1' : node.addresses.has(dstIP) ? dstIP : node.internalIP;
    const packet = packetFrom(src);
    rec.add({ at: `node:${node.name}`, kind: 'send', summary: `${method} ${url.path} from ${node.name} itself: ${packet.src} → ${packet.dst}.`, packet, refs: [`node:${node.name}`] });
    f.path.push({ type: 'origin-node', node: node.name });
    return done(afterNode(f, atNode(f, node.name, packet, 'OUTPUT'), packet));
  }
  const client = from.external ?? DEFAULT_EXTERNAL_CLIENT;
  const packet = packetFrom(client);
  rec.add({ at: `external:${client}`, kind: 'send', summary: `${method} ${url.path} from the client ${client} outside the cluster to ${packet.dst}.`, packet, refs: [] });
  return done(fromExternal(f, client, packet));
}
