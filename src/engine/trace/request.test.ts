/**
 * The packet path through the public API: seed 003 "Using source IP" (client_address for each
 * Service type and policy), seed 001's three Service types, and the failure outcomes.
 */
import { describe, expect, it } from 'vitest';
// oxlint-disable-next-line no-restricted-imports -- tests read the scenario data from disk
import { readFileSync } from 'node:fs';
import { createPlayground } from '../index';
import type { Trace } from '../types';

const app = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: source-ip-app
spec:
  replicas: 1
  selector:
    matchLabels:
      app: source-ip-app
  template:
    metadata:
      labels:
        app: source-ip-app
    spec:
      containers:
        - name: echoserver
          image: registry.k8s.io/echoserver:1.4
---
apiVersion: v1
kind: Pod
metadata:
  name: busybox
spec:
  containers:
    - name: busybox
      image: busybox
      command: ["sleep", "infinity"]
`;

const svc = (name: string, type: string, extra = '') => `
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: ${type}
  selector:
    app: source-ip-app
  ports:
    - port: 80
      targetPort: 8080
${extra}`;

function clientAddress(t: Trace): string | undefined {
  return t.outcome.kind === 'response' ? /client_address=(\S+)/.exec(t.outcome.body)?.[1] : undefined;
}

function setup(services: string, options = {}) {
  const pg = createPlayground(options);
  const r = pg.apply(app + services);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const s = pg.snapshot();
  const server = s.pods.find((p) => p.labels.app === 'source-ip-app')!;
  const client = s.pods.find((p) => p.name === 'busybox')!;
  return { pg, s, server, client };
}

describe('seed 003: source IP', () => {
  it('ClusterIP: the server sees the client pod IP, and the trace shows DNAT and the un-NAT', () => {
    const { pg, s, client } = setup(svc('clusterip', 'ClusterIP'));
    const ip = s.services.find((x) => x.name === 'clusterip')!.clusterIP!;
    const t = pg.request({ from: { pod: 'default/busybox' }, url: `http://${ip}/` });
    expect(t.outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(clientAddress(t)).toBe(client.ip);
    const kinds = t.hops.map((h) => h.kind);
    expect(kinds).toContain('dnat');
    expect(kinds).not.toContain('masquerade');
    expect(kinds.indexOf('dnat')).toBeLessThan(kinds.indexOf('respond'));
    expect(kinds).toContain('reverse-nat');
    const dnat = t.hops.find((h) => h.kind === 'dnat')!;
    expect(dnat.rule).toMatch(/-j DNAT .*--to-destination \d+\.\d+\.\d+\.\d+:8080/);
    expect(dnat.before?.dst).toBe(`${ip}:80`);
    // The client gets the answer from the address it asked.
    expect(t.hops.at(-1)!.packet.src).toBe(`${ip}:80`);
  });

  it('NodePort, Cluster policy: the server sees an address of the node the client used (SNAT)', () => {
    const { pg, s, server } = setup(svc('nodeport', 'NodePort'));
    const port = s.services.find((x) => x.name === 'nodeport')!.ports[0]!.nodePort!;
    for (const node of s.nodes) {
      const t = pg.request({ from: { external: '104.132.1.79' }, url: `http://${node.internalIP}:${port}/` });
      expect(t.outcome).toMatchObject({ kind: 'response', status: 200 });
      const seen = clientAddress(t)!;
      expect(seen).not.toBe('104.132.1.79');
      // On the endpoint's node the packet leaves by cni0 (.1 of its podCIDR); elsewhere by flannel.1 (.0).
      const base = node.podCIDR.replace(/\.0\/24$/, '');
      expect(seen).toBe(node.name === server.node ? `${base}.1` : `${base}.0`);
      expect(t.hops.some((h) => h.kind === 'masquerade')).toBe(true);
    }
  });

  it('NodePort in routed mode (cloud routes, as on GCE): other nodes SNAT to their own IP', () => {
    const { pg, s, server } = setup(svc('nodeport', 'NodePort'), { podNetwork: 'routed' });
    const port = s.services.find((x) => x.name === 'nodeport')!.ports[0]!.nodePort!;
    const other = s.nodes.find((n) => n.name !== server.node)!;
    const t = pg.request({ from: { external: '104.132.1.79' }, url: `http://${other.internalIP}:${port}/` });
    expect(clientAddress(t)).toBe(other.internalIP);
    expect(t.hops.some((h) => h.kind === 'encap')).toBe(false);
  });

  it('NodePort, Local policy: the real client IP where the endpoint runs, no answer elsewhere', () => {
    const { pg, s, server } = setup(svc('nodeport', 'NodePort', '  externalTrafficPolicy: Local'));
    const port = s.services.find((x) => x.name === 'nodeport')!.ports[0]!.nodePort!;
    for (const node of s.nodes) {
      const t = pg.request({ from: { external: '104.132.1.79' }, url: `http://${node.internalIP}:${port}/` });
      if (node.name === server.node) {
        expect(clientAddress(t)).toBe('104.132.1.79');
      } else {
        expect(t.outcome).toMatchObject({ kind: 'error', code: 'timeout' });
        expect(t.hops.at(-1)!.kind).toBe('drop');
      }
    }
  });

  it('LoadBalancer, Local policy: health checks answer per node and the client IP is kept', () => {
    const { pg, s, server } = setup(svc('loadbalancer', 'LoadBalancer', '  externalTrafficPolicy: Local'));
    const lb = s.services.find((x) => x.name === 'loadbalancer')!;
    expect(lb.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    for (const node of s.nodes) {
      const t = pg.request({ from: { node: node.name }, url: `http://127.0.0.1:${lb.healthCheckNodePort}/healthz` });
      expect(t.outcome.kind).toBe('response');
      if (t.outcome.kind !== 'response') continue;
      const body = JSON.parse(t.outcome.body);
      expect(body.service).toEqual({ namespace: 'default', name: 'loadbalancer' });
      expect(body.localEndpoints).toBe(node.name === server.node ? 1 : 0);
      expect(t.outcome.status).toBe(node.name === server.node ? 200 : 503);
    }
    for (let i = 0; i < 4; i++) {
      const t = pg.request({ from: { external: '198.51.100.79' }, url: `http://${lb.loadBalancerIP}/` });
      expect(clientAddress(t)).toBe('198.51.100.79');
      expect(t.hops.find((h) => h.kind === 'forward')!.refs).toContain(`node:${server.node}`);
    }
  });
});

describe('seed 001: the three Service types', () => {
  const pod = `apiVersion: v1
kind: Pod
metadata:
  name: pod-1
  labels:
    app: pod
spec:
  containers:
    - name: container
      image: tmkube/app
      ports:
        - containerPort: 8080
`;
  const svc1 = `---
apiVersion: v1
kind: Service
metadata:
  name: svc-1
spec:
  selector:
    app: pod
  ports:
    - port: 9000
      targetPort: 8080
`;

  it('svc-1 reaches pod-1 on 8080; a recreated pod gets a new IP and the Service follows it', () => {
    const pg = createPlayground();
    pg.apply(pod + svc1);
    const ip = pg.snapshot().services.find((s) => s.name === 'svc-1')!.clusterIP!;
    const first = pg.snapshot().pods.find((p) => p.name === 'pod-1')!.ip;
    const t1 = pg.request({ from: { node: 'node-1' }, url: `http://${ip}:9000/` });
    expect(t1.outcome).toMatchObject({ kind: 'response', status: 200, servedBy: 'pod:default/pod-1/container' });
    pg.delete({ kind: 'pod', name: 'pod-1' });
    pg.advance(60);
    pg.apply(pod);
    const second = pg.snapshot().pods.find((p) => p.name === 'pod-1')!.ip;
    expect(second).not.toBe(first);
    expect(pg.snapshot().services.find((s) => s.name === 'svc-1')!.clusterIP).toBe(ip);
    const t2 = pg.request({ from: { node: 'node-1' }, url: `http://${ip}:9000/` });
    expect(t2.hops.find((h) => h.kind === 'dnat')!.packet.dst).toBe(`${second}:8080`);
  });

  it('a Service with no endpoints is rejected at once (connection refused)', () => {
    const pg = createPlayground();
    pg.apply(svc1);
    const ip = pg.snapshot().services.find((s) => s.name === 'svc-1')!.clusterIP!;
    const t = pg.request({ from: { node: 'node-2' }, url: `http://${ip}:9000/` });
    expect(t.outcome).toMatchObject({ kind: 'error', code: 'connection-refused' });
    expect(t.hops.at(-1)).toMatchObject({ kind: 'reject' });
    expect(t.hops.at(-1)!.rule).toMatch(/REJECT/);
  });
});

describe('pod networking', () => {
  it('pod to pod across nodes is never NATed and crosses the overlay', () => {
    const pg = createPlayground();
    pg.apply(app.replace('replicas: 1', 'replicas: 2'));
    const s = pg.snapshot();
    const client = s.pods.find((p) => p.name === 'busybox')!;
    const remote = s.pods.find((p) => p.labels.app === 'source-ip-app' && p.node !== client.node)!;
    const t = pg.request({ from: { pod: 'default/busybox' }, url: `http://${remote.ip}:8080/` });
    expect(clientAddress(t)).toBe(client.ip);
    expect(t.hops.map((h) => h.kind)).toEqual(expect.arrayContaining(['encap', 'decap', 'respond']));
    expect(t.hops.some((h) => h.kind === 'dnat' || h.kind === 'masquerade')).toBe(false);
  });

  it('nothing listening: connection refused; a name: a clear DNS error; every trace terminates', () => {
    const pg = createPlayground();
    pg.apply(app);
    const server = pg.snapshot().pods.find((p) => p.labels.app === 'source-ip-app')!;
    expect(pg.request({ from: { pod: 'default/busybox' }, url: `http://${server.ip}:9999/` }).outcome).toMatchObject({ code: 'connection-refused' });
    expect(pg.request({ from: { pod: 'default/busybox' }, url: 'http://my-nginx/' }).outcome).toMatchObject({ code: 'dns-nxdomain' });
    expect(pg.request({ from: { external: '203.0.113.200' }, url: 'http://10.244.1.5/' }).outcome).toMatchObject({ code: 'timeout' });
  });
});

const read = (f: string) => readFileSync(new URL(`../../../public/scenarios/seed-001-service-types/${f}`, import.meta.url), 'utf8');

describe('seed 001 scenario files', () => {
  it('svc-2 answers on node port 30000 of every node; svc-3 on its external IP only with a cloud', () => {
    for (const lb of ['cloud', 'none'] as const) {
      const pg = createPlayground({ loadBalancer: lb });
      for (const f of ['01-clusterip.yaml', '02-nodeport.yaml', '04-loadbalancer.yaml']) {
        expect(pg.apply(read(f)).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      }
      const s = pg.snapshot();
      for (const n of s.nodes) {
        const t = pg.request({ from: { external: '198.51.100.79' }, url: `http://${n.internalIP}:30000/` });
        expect(t.outcome).toMatchObject({ kind: 'response', status: 200, servedBy: 'pod:default/pod-1/container' });
      }
      const svc3 = s.services.find((x) => x.name === 'svc-3')!;
      if (lb === 'cloud') {
        const t = pg.request({ from: { external: '198.51.100.79' }, url: `http://${svc3.loadBalancerIP}:9000/` });
        expect(t.outcome).toMatchObject({ kind: 'response', status: 200 });
        expect(t.hops.map((h) => h.at)).toContain('lb:default/svc-3');
      } else {
        expect(svc3.loadBalancerIP).toBeUndefined();
      }
    }
  });
});
