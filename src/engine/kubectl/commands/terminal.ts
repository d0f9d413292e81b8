/**
 * The learner's workstation as a shell host: the machine minikube runs on, at minikube's host
 * address 192.168.49.1 on the node network. Its requests leave as an external client's
 * (`from: { external: '192.168.49.1' }`), so they reach node addresses (NodePorts) and
 * load-balancer IPs but no ClusterIP or pod IP, as on a real host; names resolve through the
 * public resolver (cluster names do not). Requests to 127.0.0.1/localhost go to a
 * `kubectl port-forward` of the session when one listens on that port (into the pod's network
 * namespace, where the app sees the client as 127.0.0.1), else they are refused.
 */
import type { DnsResult, RequestSpec, Trace } from '../../types';
import type { ShellHost } from '../../shell/host';
import { formatRecord, upstreamAnswer } from '../../dataplane/dns';
import type { Cluster, PortForward } from './common';

/** minikube's host-side address on its docker network (the nodes are .2, .3, ...). */
export const WORKSTATION_IP = '192.168.49.1';
export const WORKSTATION_HOSTNAME = 'workstation';

export const WORKSTATION_ENV: readonly [string, string][] = [
  ['HOME', '/root'],
  ['HOSTNAME', WORKSTATION_HOSTNAME],
  ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
  ['SHELL', '/bin/bash'],
  ['TERM', 'xterm-256color'],
  ['USER', 'root'],
];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function refusedTrace(spec: RequestSpec, host: string, port: number): Trace {
  return {
    request: spec,
    hops: [],
    outcome: { kind: 'error', code: 'connection-refused', message: `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server` },
  };
}

/** The request a workstation tool sends, through a port-forward or out to the cluster's edge. */
export function workstationRequest(cluster: Cluster, forwards: ReadonlyMap<number, PortForward>, spec: Omit<RequestSpec, 'from'>): Trace {
  const m = /^(https?):\/\/(\[[^\]]*\]|[^/:?#]+)(?::(\d+))?([^#]*)$/i.exec(spec.url);
  const full: RequestSpec = { ...spec, from: { external: WORKSTATION_IP } };
  if (!m) return cluster.request(full);
  const scheme = (m[1] ?? 'http').toLowerCase();
  const host = (m[2] ?? '').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (!LOOPBACK.has(host)) return cluster.request(full);
  const f = forwards.get(port);
  if (!f) return refusedTrace(full, host, port);
  const path = m[4] || '/';
  const pod = cluster.getObject({ kind: 'Pod', namespace: f.pod.split('/')[0], name: f.pod.split('/')[1] ?? '' });
  if (!pod || pod.kind !== 'Pod' || pod.status?.phase !== 'Running') {
    return { request: full, hops: [], outcome: { kind: 'error', code: 'no-route', message: 'curl: (52) Empty reply from server' } };
  }
  const hostHeader = m[3] ? `${host}:${port}` : host;
  // kubectl port-forward opens the connection inside the pod's network namespace, to localhost.
  return cluster.request({
    ...spec,
    url: `${scheme}://127.0.0.1:${f.remotePort}${path.startsWith('/') ? path : `/${path}`}`,
    headers: { Host: hostHeader, ...spec.headers },
    from: { pod: f.pod },
  });
}

/** A name as a host outside the cluster resolves it: localhost, else the public resolver (no cluster names). */
export function resolveName(name: string, type: string): DnsResult {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n === 'localhost') return { rcode: 'NOERROR', answers: type === 'A' ? ['localhost. A 127.0.0.1'] : [], tried: ['localhost.'] };
  const q = `${n}.`;
  const a = upstreamAnswer(q, type === 'AAAA' ? 'AAAA' : 'A');
  return { rcode: a.rcode === 'NOERROR' ? 'NOERROR' : 'NXDOMAIN', answers: a.answers.map((r) => formatRecord(r)), tried: [q] };
}

/** The workstation's ShellHost: the editor's documents are files in its working directory (/). */
export function workstationHost(cluster: Cluster, forwards: ReadonlyMap<number, PortForward>, files: ReadonlyMap<string, string>): ShellHost {
  const byPath = new Map<string, string>();
  for (const [name, text] of files) byPath.set(name.startsWith('/') ? name : `/${name.replace(/^\.\//, '')}`, text);
  return {
    pod: '',
    container: '',
    image: 'workstation',
    hostname: WORKSTATION_HOSTNAME,
    podIP: WORKSTATION_IP,
    nodeName: '',
    env: WORKSTATION_ENV,
    resolvConf: 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n',
    hosts: `127.0.0.1\tlocalhost\n127.0.1.1\t${WORKSTATION_HOSTNAME}\n::1\tlocalhost ip6-localhost ip6-loopback\n`,
    files: byPath,
    request: (spec) => workstationRequest(cluster, forwards, spec),
    resolve: (q) => resolveName(q.name, q.type ?? 'A'),
    network: { gateway: WORKSTATION_IP, podCIDR: '192.168.49.0/24', clusterDNS: '127.0.0.53' },
    pingable: () => false,
  };
}
