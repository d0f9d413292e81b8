/** Requests by name: the pod's lookup through kube-dns is a child trace before the connection. */
import { describe, expect, it } from 'vitest';
import { createPlayground } from '../index';

const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: auth
spec:
  replicas: 2
  selector:
    matchLabels:
      app: auth
  template:
    metadata:
      labels:
        app: auth
    spec:
      containers:
        - name: echo
          image: registry.k8s.io/echoserver:1.4
---
apiVersion: v1
kind: Service
metadata:
  name: auth-service
spec:
  selector:
    app: auth
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
    - name: c
      image: busybox:1.28
      command: ["sleep", "3600"]
`;

describe('requests by name', () => {
  const pg = createPlayground();
  pg.apply(yaml);
  const s = pg.snapshot();
  const svc = s.services.find((x) => x.name === 'auth-service')!;
  const coredns = s.pods.filter((p) => p.namespace === 'kube-system').map((p) => p.ip);

  it('auth-service.default resolves through kube-dns (DNAT to a CoreDNS pod), then the connection goes to the ClusterIP', () => {
    const t = pg.request({ from: { pod: 'default/client' }, url: 'http://auth-service.default/token' });
    expect(t.outcome).toMatchObject({ kind: 'response', status: 200 });
    const send = t.hops[0]!;
    expect(send.kind).toBe('send');
    expect(send.packet.dst).toBe(`${svc.clusterIP}:80`);
    const lookup = send.children![0]!;
    const dnat = lookup.hops.find((h) => h.kind === 'dnat')!;
    expect(dnat.before!.dst).toBe('10.96.0.10:53');
    expect(coredns).toContain(dnat.packet.dst.split(':')[0]);
    expect(dnat.packet.proto).toBe('UDP');
    expect(lookup.hops.find((h) => h.kind === 'respond')!.rule).toBe(`auth-service.default.svc.cluster.local. A ${svc.clusterIP}`);
    expect(lookup.hops.at(-1)!.packet.src).toBe('10.96.0.10:53');
    // The Host header keeps the name.
    expect(t.outcome.kind === 'response' && t.outcome.body).toContain('host=auth-service.default');
  });

  it('resolve() follows the search list and reports every name tried', () => {
    expect(pg.resolve({ from: 'default/client', name: 'auth-service.default' })).toMatchObject({
      rcode: 'NOERROR',
      tried: ['auth-service.default.default.svc.cluster.local.', 'auth-service.default.svc.cluster.local.'],
      answers: [`auth-service.default.svc.cluster.local. A ${svc.clusterIP}`],
    });
  });

  it('an unknown name fails with curl\'s message and shows the lookup', () => {
    const t = pg.request({ from: { pod: 'default/client' }, url: 'http://nope/' });
    expect(t.outcome).toMatchObject({ kind: 'error', code: 'dns-nxdomain', message: 'curl: (6) Could not resolve host: nope' });
    expect(t.hops[0]!.children![0]!.hops.length).toBeGreaterThan(2);
  });

  it('nodes and outside clients do not resolve cluster names', () => {
    expect(pg.request({ from: { node: 'node-1' }, url: 'http://auth-service.default.svc.cluster.local/' }).outcome).toMatchObject({ code: 'dns-nxdomain' });
    expect(pg.request({ from: { external: '198.51.100.79' }, url: 'http://auth-service/' }).outcome).toMatchObject({ code: 'dns-nxdomain' });
  });
});
