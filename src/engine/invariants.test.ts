/**
 * Invariants over random clusters and random sequences of operations (fast-check):
 * pod IPs unique and inside their node's podCIDR, ClusterIPs unique and inside the service
 * range, nodePorts unique and in range, EndpointSlices list exactly the pods whose labels
 * match, and no input ever throws.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPlayground } from './index';
import type { ClusterSnapshot } from './types';
import { ipInCidr } from './net/ipv4';

const LABEL_VALUES = ['a', 'b', 'c'];

const deploymentArb = fc.record({
  app: fc.constantFrom(...LABEL_VALUES),
  tier: fc.constantFrom(...LABEL_VALUES),
  replicas: fc.integer({ min: 0, max: 4 }),
});
const serviceArb = fc.record({
  app: fc.constantFrom(...LABEL_VALUES),
  tier: fc.option(fc.constantFrom(...LABEL_VALUES), { nil: undefined }),
  type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'),
  named: fc.boolean(),
});
const opArb = fc.oneof(
  fc.record({ op: fc.constant('scale' as const), index: fc.nat(), replicas: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ op: fc.constant('label' as const), index: fc.nat(), value: fc.constantFrom(...LABEL_VALUES) }),
  fc.record({ op: fc.constant('delete-pod' as const), index: fc.nat() }),
  fc.record({ op: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 60 }) }),
);

function manifests(deps: { app: string; tier: string; replicas: number }[], svcs: { app: string; tier?: string; type: string; named: boolean }[]): string {
  const docs = deps.map(
    (d, i) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d${i}
spec:
  replicas: ${d.replicas}
  selector:
    matchLabels:
      owner: d${i}
  template:
    metadata:
      labels:
        owner: d${i}
        app: ${d.app}
        tier: ${d.tier}
    spec:
      containers:
        - name: c
          image: nginx
          ports:
            - name: ${i % 2 ? 'http' : 'web'}
              containerPort: ${8000 + i}
`,
  );
  svcs.forEach((s, i) =>
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: s${i}
spec:
  type: ${s.type}
  selector:
    app: ${s.app}${s.tier ? `\n    tier: ${s.tier}` : ''}
  ports:
    - port: 80
      targetPort: ${s.named ? 'http' : 8080}
`),
  );
  return docs.join('---\n');
}

function checkInvariants(s: ClusterSnapshot): void {
  const nodes = new Map(s.nodes.map((n) => [n.name, n]));
  const podIPs = s.pods.filter((p) => p.ip).map((p) => p.ip!);
  expect(new Set(podIPs).size).toBe(podIPs.length);
  for (const p of s.pods) if (p.ip) expect(ipInCidr(p.ip, nodes.get(p.node!)!.podCIDR)).toBe(true);

  const clusterIPs = s.services.map((x) => x.clusterIP).filter((ip): ip is string => !!ip && ip !== 'None');
  expect(new Set(clusterIPs).size).toBe(clusterIPs.length);
  for (const ip of clusterIPs) expect(ipInCidr(ip, '10.96.0.0/12')).toBe(true);

  const nodePorts = s.services.flatMap((x) => [...x.ports.map((p) => p.nodePort), x.healthCheckNodePort]).filter((p): p is number => p !== undefined);
  expect(new Set(nodePorts).size).toBe(nodePorts.length);
  for (const p of nodePorts) expect(p >= 30000 && p <= 32767).toBe(true);

  for (const svc of s.services) {
    if (!svc.selector || Object.keys(svc.selector).length === 0) continue;
    const selected = s.pods.filter(
      (p) => p.namespace === svc.namespace && p.ip && Object.entries(svc.selector!).every(([k, v]) => p.labels[k] === v),
    );
    const slices = s.endpointSlices.filter((e) => e.namespace === svc.namespace && e.service === svc.name);
    const listed = slices.flatMap((e) => e.endpoints);
    // A pod appears once, and only if selected; ready exactly when the pod is ready and not terminating.
    expect(new Set(listed.map((e) => e.ip)).size).toBe(listed.length);
    for (const e of listed) {
      const pod = selected.find((p) => p.ip === e.ip);
      expect(pod).toBeDefined();
      expect(e.ready).toBe(pod!.ready && !pod!.terminating);
      expect(e.terminating).toBe(pod!.terminating);
    }
    // Every selected pod is listed; one that lacks a named target port is listed without that
    // port, as upstream's getEndpointPorts skips the port, not the pod.
    expect(listed.length).toBe(selected.length);
  }
}

describe('cluster invariants', () => {
  it('hold for random clusters and random operations', () => {
    fc.assert(
      fc.property(
        fc.array(deploymentArb, { maxLength: 5 }),
        fc.array(serviceArb, { maxLength: 5 }),
        fc.array(opArb, { maxLength: 8 }),
        fc.integer({ min: 1, max: 1000 }),
        (deps, svcs, ops, seed) => {
          const pg = createPlayground({ seed, ingressNginx: seed % 2 === 0 });
          const r = pg.apply(manifests(deps, svcs));
          expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          checkInvariants(pg.snapshot());
          for (const op of ops) {
            const pods = pg.snapshot().pods.filter((p) => p.namespace === 'default');
            switch (op.op) {
              case 'scale':
                if (deps.length) pg.scale({ kind: 'deploy', name: `d${op.index % deps.length}` }, op.replicas);
                break;
              case 'label':
                if (pods.length) pg.label({ kind: 'pod', name: pods[op.index % pods.length]!.name }, { app: op.value }, { overwrite: true });
                break;
              case 'delete-pod':
                if (pods.length) pg.delete({ kind: 'pod', name: pods[op.index % pods.length]!.name });
                break;
              case 'advance':
                pg.advance(op.seconds);
                break;
            }
            checkInvariants(pg.snapshot());
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('hostile input', () => {
  const valid = manifests([{ app: 'a', tier: 'b', replicas: 2 }], [{ app: 'a', type: 'NodePort', named: true }]);

  it('random text never throws, only produces diagnostics', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const pg = createPlayground();
        const r = pg.apply(text);
        for (const d of r.diagnostics) expect(d.document).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('mutated valid manifests never throw', () => {
    fc.assert(
      fc.property(fc.nat(valid.length - 1), fc.nat(valid.length), fc.string({ maxLength: 12 }), (at, len, insert) => {
        const text = valid.slice(0, at) + insert + valid.slice(Math.min(valid.length, at + (len % 20)));
        const pg = createPlayground();
        pg.apply(text);
        pg.snapshot();
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('wrong types anywhere never throw', () => {
    const values = ['null', '[]', '{}', '"x"', '-1', '1.5', 'true', '99999999999'];
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...values), (lineIndex, value) => {
        const lines = valid.split('\n');
        const i = lineIndex % lines.length;
        const line = lines[i]!;
        const colon = line.indexOf(':');
        if (colon < 0) return;
        lines[i] = `${line.slice(0, colon + 1)} ${value}`;
        const pg = createPlayground();
        pg.apply(lines.join('\n'));
        pg.snapshot();
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
