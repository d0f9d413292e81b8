/** Every trace terminates with an outcome and never throws, whatever the origin and target. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPlayground } from '../index';

const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: echo
          image: registry.k8s.io/echoserver:1.4
---
apiVersion: v1
kind: Service
metadata:
  name: cluster
spec:
  selector:
    app: web
  sessionAffinity: ClientIP
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: local
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: empty
spec:
  type: NodePort
  selector:
    app: nothing
  ports:
    - port: 80
`;

describe('request()', () => {
  const pg = createPlayground({ seed: 3 });
  pg.apply(yaml);
  const s = pg.snapshot();
  const targets = [
    ...s.services.flatMap((x) => [x.clusterIP, x.loadBalancerIP].filter((ip): ip is string => !!ip && ip !== 'None').flatMap((ip) => x.ports.map((p) => `${ip}:${p.port}`))),
    ...s.services.flatMap((x) => x.ports.filter((p) => p.nodePort).flatMap((p) => s.nodes.map((n) => `${n.internalIP}:${p.nodePort}`))),
    ...s.pods.filter((p) => p.ip).map((p) => `${p.ip}:8080`),
    ...s.nodes.map((n) => `${n.internalIP}:10250`),
  ];
  const origins = [
    ...s.pods.map((p) => ({ pod: `${p.namespace}/${p.name}` })),
    ...s.nodes.map((n) => ({ node: n.name })),
    { external: '198.51.100.79' },
    { pod: 'default/missing' },
  ];

  it('always ends with an outcome, a bounded number of hops, and sequential seq numbers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...origins),
        fc.oneof(fc.constantFrom(...targets), fc.ipV4().map((ip) => `${ip}:80`), fc.string({ maxLength: 20 })),
        fc.constantFrom('GET', 'POST', 'DELETE'),
        (from, target, method) => {
          const t = pg.request({ from, url: `http://${target}/`, method });
          expect(['response', 'error']).toContain(t.outcome.kind);
          expect(t.hops.length).toBeLessThan(64);
          t.hops.forEach((h, i) => expect(h.seq).toBe(i + 1));
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);
});
