/**
 * The Kubernetes DNS-Based Service Discovery specification (kubernetes/dns
 * docs/specification.md) and the Kubernetes docs' "DNS for Services and Pods" examples, in a
 * kubepath cluster built from YAML: records for a ClusterIP Service (§2.3), a headless Service
 * (§2.4, NXDOMAIN with no ready endpoints), ExternalName (§2.5, with chains and loops as
 * CoreDNS bounds them), pod A records (§2.6), hostname/subdomain, PTR, NXDOMAIN and NODATA.
 */
// oxlint-disable-next-line no-restricted-imports -- tests run under Node and read the scenario files in public/
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPlayground } from '../../index';
import type { ClusterState } from '../../cluster/state';
import { viewOf } from '../../cluster/state';
import { ipInCidr } from '../../net/ipv4';
import { answer } from './coredns';
import { formatRecord, type QType } from './message';

const SCENARIOS = new URL('../../../../public/scenarios/', import.meta.url);
const scenario = (path: string) => readFileSync(new URL(path, SCENARIOS), 'utf8');

const EXTRA = `
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {run: my-nginx}
  ports: [{name: http, port: 80, protocol: TCP}, {name: dns, port: 53, protocol: UDP}]
---
apiVersion: v1
kind: Service
metadata: {name: busybox-subdomain}
spec:
  selector: {name: busybox}
  clusterIP: None
  ports: [{name: foo, port: 1234}]
---
apiVersion: v1
kind: Pod
metadata: {name: busybox1, labels: {name: busybox}}
spec:
  hostname: busybox-1
  subdomain: busybox-subdomain
  containers: [{name: busybox, image: "busybox:1.28", command: [sleep, "3600"]}]
---
apiVersion: v1
kind: Pod
metadata: {name: busybox2, labels: {name: busybox}}
spec:
  hostname: busybox-2
  subdomain: busybox-subdomain
  containers: [{name: busybox, image: "busybox:1.28", command: [sleep, "3600"]}]
---
apiVersion: v1
kind: Service
metadata: {name: nobody-home}
spec:
  selector: {app: nothing-matches}
  clusterIP: None
---
apiVersion: v1
kind: Service
metadata: {name: ext-example}
spec: {type: ExternalName, externalName: example.com}
---
apiVersion: v1
kind: Service
metadata: {name: loop-a}
spec: {type: ExternalName, externalName: loop-b.default.svc.cluster.local}
---
apiVersion: v1
kind: Service
metadata: {name: loop-b}
spec: {type: ExternalName, externalName: loop-a.default.svc.cluster.local}
---
apiVersion: v1
kind: Service
metadata: {name: self}
spec: {type: ExternalName, externalName: self.default.svc.cluster.local}
---
apiVersion: v1
kind: Service
metadata: {name: dangling}
spec: {type: ExternalName, externalName: no-such-svc.default.svc.cluster.local}
${Array.from({ length: 9 }, (_, i) => `---
apiVersion: v1
kind: Service
metadata: {name: chain-${i}}
spec: {type: ExternalName, externalName: ${i === 8 ? 'my-nginx' : `chain-${i + 1}`}.default.svc.cluster.local}
`).join('')}`;

let cached: ClusterState | undefined;
function cluster(): ClusterState {
  if (cached) return cached;
  const pg = createPlayground();
  for (const yaml of [scenario('seed-003-connecting-apps/02-my-nginx-service.yaml'), scenario('seed-002-ingress-rewrite/02-externalname-ingress.yaml'), EXTRA]) {
    const errors = pg.apply(yaml).diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
  }
  pg.advance(10);
  cached = pg.clusterState;
  return cached;
}

const ask = (name: string, type: QType = 'A') => {
  const a = answer(cluster(), name, type);
  return { rcode: a.rcode, answers: a.answers.map((r) => formatRecord(r)), soa: a.authority.length, extra: a.additional.map((r) => formatRecord(r)) };
};
const clusterIP = (ns: string, name: string) => viewOf(cluster()).get('Service', ns, name)?.spec?.clusterIP ?? '';
const podIPs = (ns: string, label: [string, string]) =>
  [...viewOf(cluster()).list('Pod')].filter((p) => p.metadata.namespace === ns && p.metadata.labels?.[label[0]] === label[1]).map((p) => p.status?.podIP ?? '');
const podIP = (ns: string, name: string) => viewOf(cluster()).get('Pod', ns, name)?.status?.podIP ?? '';

describe('§2.3 a Service with a ClusterIP', () => {
  it('A: <service>.<ns>.svc.<zone> is the ClusterIP', () => {
    const ip = clusterIP('default', 'my-nginx');
    expect(ipInCidr(ip, '10.96.0.0/12')).toBe(true);
    expect(ask('my-nginx.default.svc.cluster.local.')).toMatchObject({ rcode: 'NOERROR', answers: [`my-nginx.default.svc.cluster.local. A ${ip}`] });
  });

  it('SRV: _<port>._<proto> for named ports; the spec example for the kubernetes Service', () => {
    expect(ask('_https._tcp.kubernetes.default.svc.cluster.local.', 'SRV').answers).toEqual([
      '_https._tcp.kubernetes.default.svc.cluster.local. SRV 0 100 443 kubernetes.default.svc.cluster.local.',
    ]);
    const web = ask('_http._tcp.web.default.svc.cluster.local.', 'SRV');
    expect(web.answers).toEqual(['_http._tcp.web.default.svc.cluster.local. SRV 0 100 80 web.default.svc.cluster.local.']);
    expect(web.extra).toEqual([`web.default.svc.cluster.local. A ${clusterIP('default', 'web')}`]);
    expect(ask('_dns._udp.web.default.svc.cluster.local.', 'SRV').answers).toEqual(['_dns._udp.web.default.svc.cluster.local. SRV 0 100 53 web.default.svc.cluster.local.']);
    // Protocol must match too; and an unnamed port has no SRV record.
    expect(ask('_http._udp.web.default.svc.cluster.local.', 'SRV').rcode).toBe('NXDOMAIN');
    expect(ask('_http._tcp.my-nginx.default.svc.cluster.local.', 'SRV').rcode).toBe('NXDOMAIN');
    // Without _port._proto: one SRV per port, weights shared.
    expect(ask('web.default.svc.cluster.local.', 'SRV').answers).toEqual([
      'web.default.svc.cluster.local. SRV 0 50 80 web.default.svc.cluster.local.',
      'web.default.svc.cluster.local. SRV 0 50 53 web.default.svc.cluster.local.',
    ]);
  });

  it('PTR: the ClusterIP names the Service; kube-dns is 10.96.0.10', () => {
    const [a, b, c, d] = clusterIP('default', 'my-nginx').split('.');
    expect(ask(`${d}.${c}.${b}.${a}.in-addr.arpa.`, 'PTR').answers).toEqual([`${d}.${c}.${b}.${a}.in-addr.arpa. PTR my-nginx.default.svc.cluster.local.`]);
    expect(ask('10.0.96.10.in-addr.arpa.', 'PTR').answers).toEqual(['10.0.96.10.in-addr.arpa. PTR kube-dns.kube-system.svc.cluster.local.']);
  });

  it('an endpoint of a ClusterIP Service answers under it too (CoreDNS), and its pod IP has a PTR', () => {
    const [ip] = podIPs('default', ['run', 'my-nginx']);
    const dashed = ip!.replaceAll('.', '-');
    expect(ask(`${dashed}.my-nginx.default.svc.cluster.local.`).answers).toEqual([`${dashed}.my-nginx.default.svc.cluster.local. A ${ip}`]);
    const rev = `${ip!.split('.').reverse().join('.')}.in-addr.arpa.`;
    // The my-nginx pods are endpoints of both my-nginx and web: one PTR each.
    expect(ask(rev, 'PTR').answers.sort()).toEqual([`${rev} PTR ${dashed}.my-nginx.default.svc.cluster.local.`, `${rev} PTR ${dashed}.web.default.svc.cluster.local.`]);
  });
});

describe('§2.4 a headless Service', () => {
  it('A: one record per ready endpoint; NXDOMAIN when there is none', () => {
    const ips = podIPs('default', ['name', 'busybox']).sort();
    expect(ips).toHaveLength(2);
    expect(ask('busybox-subdomain.default.svc.cluster.local.').answers.sort()).toEqual(ips.map((ip) => `busybox-subdomain.default.svc.cluster.local. A ${ip}`));
    expect(ask('nobody-home.default.svc.cluster.local.')).toMatchObject({ rcode: 'NXDOMAIN', soa: 1 });
  });

  it('hostname + subdomain: <hostname>.<subdomain>.<ns>.svc.<zone>, SRV targets and PTR use it', () => {
    const ip = podIP('default', 'busybox1');
    expect(ask('busybox-1.busybox-subdomain.default.svc.cluster.local.').answers).toEqual([`busybox-1.busybox-subdomain.default.svc.cluster.local. A ${ip}`]);
    expect(ask('_foo._tcp.busybox-subdomain.default.svc.cluster.local.', 'SRV').answers.sort()).toEqual([
      '_foo._tcp.busybox-subdomain.default.svc.cluster.local. SRV 0 50 1234 busybox-1.busybox-subdomain.default.svc.cluster.local.',
      '_foo._tcp.busybox-subdomain.default.svc.cluster.local. SRV 0 50 1234 busybox-2.busybox-subdomain.default.svc.cluster.local.',
    ]);
    const rev = `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
    expect(ask(rev, 'PTR').answers).toEqual([`${rev} PTR busybox-1.busybox-subdomain.default.svc.cluster.local.`]);
  });
});

describe('§2.5 ExternalName', () => {
  it('CNAME to the external name, then what it resolves to', () => {
    expect(ask('ext-example.default.svc.cluster.local.', 'CNAME').answers).toEqual(['ext-example.default.svc.cluster.local. CNAME example.com.']);
    expect(ask('ext-example.default.svc.cluster.local.').answers).toEqual(['ext-example.default.svc.cluster.local. CNAME example.com.', 'example.com. A 93.184.215.14']);
  });

  it('seed 002: an ExternalName to a Service in another namespace is followed inside the cluster', () => {
    expect(ask('chatforyou-io-svc.nginx.svc.cluster.local.').answers).toEqual([
      'chatforyou-io-svc.nginx.svc.cluster.local. CNAME chatforyou-io-service.chatforyou-io.svc.cluster.local.',
      `chatforyou-io-service.chatforyou-io.svc.cluster.local. A ${clusterIP('chatforyou-io', 'chatforyou-io-service')}`,
    ]);
  });

  it('chains are followed up to 8 CNAMEs; a longer chain, a loop, a self-reference or a dangling target is NODATA', () => {
    const ok = ask('chain-1.default.svc.cluster.local.');
    expect(ok.rcode).toBe('NOERROR');
    expect(ok.answers).toHaveLength(9);
    expect(ok.answers[0]).toBe('chain-1.default.svc.cluster.local. CNAME chain-2.default.svc.cluster.local.');
    expect(ok.answers[8]).toBe(`my-nginx.default.svc.cluster.local. A ${clusterIP('default', 'my-nginx')}`);
    for (const name of ['chain-0', 'loop-a', 'self', 'dangling']) {
      expect(ask(`${name}.default.svc.cluster.local.`), name).toMatchObject({ rcode: 'NOERROR', answers: [], soa: 1 });
    }
    // The CNAME itself is still there when asked for.
    expect(ask('loop-a.default.svc.cluster.local.', 'CNAME').answers).toEqual(['loop-a.default.svc.cluster.local. CNAME loop-b.default.svc.cluster.local.']);
  });
});

describe('§2.6 pod A records (pods insecure)', () => {
  it('a-b-c-d.<ns>.pod.<zone> answers for any address in an existing namespace', () => {
    expect(ask('10-244-1-5.default.pod.cluster.local.').answers).toEqual(['10-244-1-5.default.pod.cluster.local. A 10.244.1.5']);
    expect(ask('10-244-1-5.no-such-ns.pod.cluster.local.').rcode).toBe('NXDOMAIN');
    expect(ask('10-244-1-5.default.pod.cluster.local.', 'AAAA')).toMatchObject({ rcode: 'NOERROR', answers: [], soa: 1 });
  });

  it('a pod IP that is no Service endpoint has no PTR: the miss goes upstream, NXDOMAIN', () => {
    const bare = createPlayground();
    bare.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: lonely}\nspec: {containers: [{name: c, image: nginx}]}');
    bare.advance(10);
    const lonely = viewOf(bare.clusterState).get('Pod', 'default', 'lonely')?.status?.podIP ?? '';
    expect(lonely).not.toBe('');
    const a = answer(bare.clusterState, `${lonely.split('.').reverse().join('.')}.in-addr.arpa.`, 'PTR');
    expect(a).toMatchObject({ rcode: 'NXDOMAIN', answers: [], source: 'upstream' });
  });
});

describe('NXDOMAIN and NODATA', () => {
  it('a missing Service or namespace is NXDOMAIN with the cluster SOA; AAAA on an IPv4 name is NODATA', () => {
    expect(ask('nope.default.svc.cluster.local.')).toMatchObject({ rcode: 'NXDOMAIN', answers: [], soa: 1 });
    expect(ask('my-nginx.nope.svc.cluster.local.')).toMatchObject({ rcode: 'NXDOMAIN', soa: 1 });
    expect(ask('my-nginx.default.svc.cluster.local.', 'AAAA')).toMatchObject({ rcode: 'NOERROR', answers: [], soa: 1 });
    expect(ask('default.svc.cluster.local.')).toMatchObject({ rcode: 'NOERROR', answers: [], soa: 1 });
    expect(ask('my-nginx.default.svc.cluster.local.', 'CNAME')).toMatchObject({ rcode: 'NOERROR', answers: [] });
  });
});
