import { describe, expect, it } from 'vitest';
import { createPlayground } from '../../src/engine';
import { canvasFromSnapshot } from './fromSnapshot';

const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx
          ports:
            - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`;

describe('canvasFromSnapshot', () => {
  const pg = createPlayground();
  pg.apply(yaml);
  const snap = pg.snapshot();

  it('draws the user objects: pods in their nodes, the Service with an edge per endpoint', () => {
    const c = canvasFromSnapshot(snap);
    const pods = c.nodes.flatMap((n) => n.pods);
    expect(pods.map((p) => p.namespace)).toEqual(['default', 'default']);
    expect(c.services.map((s) => s.id)).toEqual(['service:default/web']);
    expect(c.services[0]!.endpoints.map((e) => e.pod).sort()).toEqual(pods.map((p) => p.id).sort());
    for (const n of c.nodes) for (const p of n.pods) expect(snap.pods.find((x) => x.name === p.name)!.node).toBe(n.name);
  });

  it('shows the system namespaces only when asked', () => {
    const c = canvasFromSnapshot(snap, { showSystem: true });
    expect(c.nodes.flatMap((n) => n.pods).some((p) => p.namespace === 'kube-system')).toBe(true);
    expect(c.services.some((s) => s.name === 'kube-dns')).toBe(true);
  });
});
