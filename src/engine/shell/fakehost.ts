/**
 * A small `ShellHost` for the shell's tests: one client pod (10.244.1.5 on node-1), a few
 * Services and pods in a table, CoreDNS's answers with the pod's search list, and servers
 * that answer, refuse or time out. Not used by the engine itself.
 */
import type { Outcome, RequestSpec, Trace } from '../types';
import type { DnsLookup, QType } from './dns';
import type { ShellHost } from './host';
import { hostsFile } from './hostsfile';

export const SEARCH = ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'];

const A_RECORDS: Record<string, string[]> = {
  'my-nginx.default.svc.cluster.local.': ['10.96.0.12'],
  'kubernetes.default.svc.cluster.local.': ['10.96.0.1'],
  'kube-dns.kube-system.svc.cluster.local.': ['10.96.0.10'],
  'empty.default.svc.cluster.local.': ['10.96.0.20'],
  'blackhole.default.svc.cluster.local.': ['10.96.0.30'],
  'headless.default.svc.cluster.local.': ['10.244.2.5', '10.244.3.4'],
};
const UPSTREAM: Record<string, string[]> = { 'example.com.': ['93.184.215.14'] };
const PTR: Record<string, string> = {
  '10.96.0.12': 'my-nginx.default.svc.cluster.local.',
  '10.96.0.1': 'kubernetes.default.svc.cluster.local.',
  '10.96.0.10': 'kube-dns.kube-system.svc.cluster.local.',
};
const SOA = 'cluster.local. SOA ns.dns.cluster.local. hostmaster.cluster.local. 1700000000 7200 1800 86400 30';

/** The "CA" mounted at /etc/nginx/ssl/tls.crt that the fake https server's certificate chains to. */
export const FAKE_CA = '-----BEGIN CERTIFICATE-----\nFAKE\n-----END CERTIFICATE-----\n';

export const NGINX_PAGE = '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n</body>\n</html>\n';

export interface FakeOptions {
  image?: string;
  dnsDown?: boolean;
}

export interface FakeHost extends ShellHost {
  requests: Omit<RequestSpec, 'from'>[];
}

const fq = (n: string) => (n.endsWith('.') ? n : `${n}.`);

function ask(name: string, type: QType): { rcode: 'NOERROR' | 'NXDOMAIN'; answers: string[]; source: 'kubernetes' | 'upstream' } {
  const n = fq(name.toLowerCase());
  const upstream = !n.endsWith('cluster.local.') && !n.endsWith('in-addr.arpa.');
  if (type === 'PTR') {
    const ip = n.replace(/\.in-addr\.arpa\.$/, '').split('.').reverse().join('.');
    const target = PTR[ip];
    return target ? { rcode: 'NOERROR', answers: [`${n} PTR ${target}`], source: 'kubernetes' } : { rcode: 'NXDOMAIN', answers: [], source: 'kubernetes' };
  }
  const ips = A_RECORDS[n] ?? UPSTREAM[n];
  if (!ips) return { rcode: 'NXDOMAIN', answers: [], source: upstream ? 'upstream' : 'kubernetes' };
  return { rcode: 'NOERROR', answers: type === 'A' ? ips.map((ip) => `${n} A ${ip}`) : [], source: upstream ? 'upstream' : 'kubernetes' };
}

/** The pod resolver: search list and ndots:5, names ending in "." asked as they are. */
function resolve(name: string, type: QType, down: boolean): DnsLookup {
  const asked = type === 'PTR' && /^\d+\.\d+\.\d+\.\d+$/.test(name) ? `${name.split('.').reverse().join('.')}.in-addr.arpa.` : name;
  const names = asked.endsWith('.') ? [asked] : asked.split('.').length - 1 >= 5 ? [asked, ...SEARCH.map((d) => `${asked}.${d}`)] : [...SEARCH.map((d) => `${asked}.${d}`), asked];
  if (down) {
    return { rcode: 'SERVFAIL', answers: [], tried: names.map(fq), steps: names.map((n) => ({ name: fq(n), outcome: 'timeout', answers: [] })), error: 'connection timed out; no servers could be reached' };
  }
  const steps: NonNullable<DnsLookup['steps']> = [];
  for (const n of names) {
    const r = ask(n, type);
    steps.push({ name: fq(n), outcome: r.rcode === 'NXDOMAIN' ? 'nxdomain' : r.answers.length ? 'answer' : 'nodata', rcode: r.rcode, answers: r.answers, authority: r.answers.length ? [] : [SOA], source: r.source });
    if (r.rcode === 'NOERROR') {
      return { rcode: 'NOERROR', answers: r.answers, tried: steps.map((s) => s.name), steps, server: '10.96.0.10', records: r.answers.map((a) => { const [owner = '', t = '', data = ''] = a.split(' '); return { name: owner, type: t, ttl: r.source === 'upstream' ? 300 : 30, data }; }) };
    }
  }
  return { rcode: 'NXDOMAIN', answers: [], tried: steps.map((s) => s.name), steps, server: '10.96.0.10', records: [] };
}

function respond(ip: string, port: number, spec: Omit<RequestSpec, 'from'>): Outcome {
  const path = /^[a-z]+:\/\/[^/]+(\/[^#]*)?/i.exec(spec.url)?.[1] ?? '/';
  const host = /^[a-z]+:\/\/([^/:]+)/i.exec(spec.url)?.[1] ?? ip;
  if (ip === '10.96.0.20') return { kind: 'error', code: 'connection-refused', message: `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server` };
  if (ip === '10.96.0.30' || !(ip.startsWith('10.96.') || ip.startsWith('10.244.') || ip === '93.184.215.14')) {
    return { kind: 'error', code: 'timeout', message: `curl: (28) Failed to connect to ${host} port ${port} after 130000 ms: Couldn't connect to server` };
  }
  if (spec.url.startsWith('https:') && !spec.tls?.insecure) {
    if (spec.tls?.caCert !== FAKE_CA) {
      return { kind: 'error', code: 'tls', message: spec.tls?.caCert ? 'curl: (60) SSL certificate problem: unable to get local issuer certificate' : 'curl: (60) SSL certificate problem: self-signed certificate' };
    }
  }
  if (port !== 80 && port !== 443) return { kind: 'error', code: 'connection-refused', message: `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server` };
  if (path === '/missing') return { kind: 'response', status: 404, headers: { Server: 'nginx/1.27.3', 'Content-Type': 'text/html', 'Content-Length': '153' }, body: '<html>404</html>\n' };
  if (path === '/old') return { kind: 'response', status: 301, headers: { Server: 'nginx/1.27.3', Location: '/' }, body: '' };
  if (path === '/loop') return { kind: 'response', status: 302, headers: { Location: '/loop' }, body: '' };
  if (spec.method === 'POST') return { kind: 'response', status: 200, headers: { 'Content-Type': 'text/plain' }, body: `got ${spec.body ?? ''} as ${spec.headers?.['Content-Type'] ?? ''}${spec.headers?.Authorization ? ` auth ${spec.headers.Authorization}` : ''}\n` };
  const auth = spec.headers?.Authorization ? `auth=${spec.headers.Authorization}\n` : '';
  return { kind: 'response', status: 200, headers: { Server: 'nginx/1.27.3', 'Content-Type': 'text/html', 'Content-Length': String(NGINX_PAGE.length) }, body: auth + NGINX_PAGE };
}

export function fakeHost(options: FakeOptions = {}): FakeHost {
  const requests: Omit<RequestSpec, 'from'>[] = [];
  const down = options.dnsDown ?? false;
  const image = options.image ?? 'busybox:1.28';
  return {
    pod: 'default/client',
    container: 'client',
    image: image.split(':')[0]?.split('/').pop() ?? image,
    imageRef: image,
    hostname: 'client',
    podIP: '10.244.1.5',
    nodeName: 'node-1',
    env: [
      ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      ['HOSTNAME', 'client'],
      ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
      ['KUBERNETES_SERVICE_PORT', '443'],
      ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
      ['MY_NGINX_SERVICE_HOST', '10.96.0.12'],
      ['MY_NGINX_SERVICE_PORT', '80'],
      ['HOME', '/root'],
    ],
    resolvConf: `search ${SEARCH.join(' ')}\nnameserver 10.96.0.10\noptions ndots:5\n`,
    hosts: hostsFile({ podIPs: ['10.244.1.5'], hostname: 'client' }),
    requests,
    files: new Map([['/etc/nginx/ssl/tls.crt', FAKE_CA], ['/etc/nginx/ssl/tls.key', 'KEY']]),
    request(spec): Trace {
      requests.push(spec);
      const request: RequestSpec = { ...spec, from: { pod: 'default/client', container: 'client' } };
      const m = /^(https?):\/\/([^/:]+)(?::(\d+))?/i.exec(spec.url);
      const scheme = (m?.[1] ?? 'http').toLowerCase();
      const host = m?.[2] ?? '';
      const port = m?.[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
      let ip = host;
      if (!/^\d+\.\d+\.\d+\.\d+$/.test(host)) {
        const r = resolve(host, 'A', down);
        const a = r.answers[0]?.split(' ')[2];
        if (!a) return { request, hops: [], outcome: { kind: 'error', code: 'dns-nxdomain', message: `curl: (6) Could not resolve host: ${host}` } };
        ip = a;
      }
      const packet = { src: '10.244.1.5:41234', dst: `${ip}:${port}`, proto: 'TCP' as const, direction: 'request' as const };
      return { request, hops: [{ seq: 0, at: 'pod:default/client', kind: 'send', summary: 'send', packet, refs: [] }], outcome: respond(ip, port, spec) };
    },
    resolve: (q) => resolve(q.name, q.type ?? 'A', down),
    network: { gateway: '10.244.1.1', podCIDR: '10.244.1.0/24', clusterDNS: '10.96.0.10' },
    pingable: (ip) => ip.startsWith('10.244.') || ip.startsWith('192.168.') || ip === '93.184.215.14' || ip.startsWith('127.'),
  };
}
