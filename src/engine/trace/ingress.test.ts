/**
 * Seed 002 through the real path: client → node port → the ingress-nginx controller pod →
 * its location and rewrite → the ExternalName backend, by DNS, in another namespace.
 */
import { describe, expect, it } from 'vitest';
// oxlint-disable-next-line no-restricted-imports -- tests read the scenario data from disk
import { readFileSync } from 'node:fs';
import { createPlayground } from '../index';

const read = (f: string) => readFileSync(new URL(`../../../public/scenarios/seed-002-ingress-rewrite/${f}`, import.meta.url), 'utf8');

function setup() {
  const pg = createPlayground();
  for (const f of ['01-controller-nodeport.yaml', '02-externalname-ingress.yaml']) {
    expect(pg.apply(read(f)).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  }
  pg.advance(10);
  const s = pg.snapshot();
  const svc = s.services.find((x) => x.name === 'ingress-nginx-controller')!;
  const node = s.nodes[0]!;
  return { pg, node, http: svc.ports.find((p) => p.name === 'http')!.nodePort!, https: svc.ports.find((p) => p.name === 'https')!.nodePort! };
}

describe('seed 002 through the ingress controller', () => {
  it('POST /chatforyouio/user/create reaches the app as /user/create with the forwarded headers', () => {
    const { pg, node, http } = setup();
    const t = pg.request({
      from: { external: '198.51.100.79' },
      url: `http://${node.internalIP}:${http}/chatforyouio/user/create`,
      method: 'POST',
      headers: { Host: 'myproject.project.io', 'Content-Type': 'application/json' },
      body: '{"userId":"kim","password":"password"}',
    });
    expect(t.outcome).toMatchObject({ kind: 'response', status: 200 });
    const rewrite = t.hops.find((h) => h.kind === 'rewrite')!;
    expect(rewrite.at).toMatch(/^pod:ingress-nginx\/ingress-nginx-controller-/);
    expect(rewrite.rule).toBe('location ~* "^/chatforyouio(/|$)(.*)"');
    expect(rewrite.summary).toContain('rewritten to /user/create');
    const upstream = t.hops.find((h) => h.kind === 'respond' && h.children?.length)!.children![0]!;
    expect(upstream.request.url).toMatch(/^http:\/\/chatforyou-io-service\.chatforyou-io\.svc\.cluster\.local:8443\/user\/create$/);
    expect(upstream.request.headers).toMatchObject({ Host: 'myproject.project.io', 'X-Forwarded-Host': 'myproject.project.io', 'X-Forwarded-Proto': 'http' });
    expect(upstream.outcome).toMatchObject({ kind: 'response', servedBy: expect.stringMatching(/^pod:chatforyou-io\//) });
  });

  it('DELETE /chatforyouio/user/delete with a wrong password answers 400 fail delete user', () => {
    const { pg, node, http } = setup();
    const t = pg.request({
      from: { external: '198.51.100.79' },
      url: `http://${node.internalIP}:${http}/chatforyouio/user/delete`,
      method: 'DELETE',
      headers: { Host: 'myproject.project.io', 'Content-Type': 'application/json' },
      body: '{"userId":"kim","password":"wrong"}',
    });
    expect(t.outcome).toMatchObject({ kind: 'response', status: 400 });
    expect(t.outcome.kind === 'response' && t.outcome.body).toContain('fail delete user');
  });

  it('app-root redirects /, an unknown host gets the default backend 404, https presents the fake certificate', () => {
    const { pg, node, http, https } = setup();
    const root = pg.request({ from: { external: '198.51.100.79' }, url: `http://${node.internalIP}:${http}/`, headers: { Host: 'myproject.project.io' } });
    expect(root.outcome).toMatchObject({ kind: 'response', status: 302 });
    const other = pg.request({ from: { external: '198.51.100.79' }, url: `http://${node.internalIP}:${http}/`, headers: { Host: 'other.example' } });
    expect(other.outcome).toMatchObject({ kind: 'response', status: 404 });
    const tls = pg.request({ from: { external: '198.51.100.79' }, url: `https://${node.internalIP}:${https}/chatforyouio/user/create`, method: 'POST', headers: { Host: 'myproject.project.io' }, tls: { insecure: true } });
    expect(tls.hops.find((h) => h.kind === 'tls')!.rule).toContain('CN=Kubernetes Ingress Controller Fake Certificate');
    expect(tls.outcome).toMatchObject({ kind: 'response' });
  });
});

describe('session affinity through the controller', () => {
  it('the first answer sets the cookie; sending it back pins the client to one pod', () => {
    const pg = createPlayground();
    pg.apply(`apiVersion: apps/v1
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
          image: registry.k8s.io/echoserver:1.10
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
      targetPort: 8080
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    nginx.ingress.kubernetes.io/affinity: cookie
    nginx.ingress.kubernetes.io/session-cookie-name: route
spec:
  ingressClassName: nginx
  rules:
    - host: web.example
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`);
    const s = pg.snapshot();
    const node = s.nodes[0]!;
    const port = s.services.find((x) => x.name === 'ingress-nginx-controller')!.ports.find((p) => p.name === 'http')!.nodePort!;
    const send = (cookie?: string) => pg.request({ from: { external: '198.51.100.79' }, url: `http://${node.internalIP}:${port}/`, headers: { Host: 'web.example', ...(cookie ? { Cookie: cookie } : {}) } });
    const first = send();
    expect(first.outcome.kind).toBe('response');
    const setCookie = first.outcome.kind === 'response' ? first.outcome.headers['Set-Cookie'] : '';
    expect(setCookie).toMatch(/^route=[0-9a-f]{8}; Path=\/; HttpOnly$/);
    const cookie = setCookie!.split(';')[0]!;
    const servers = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const t = send(cookie);
      const call = t.hops.find((h) => h.children?.length && h.kind === 'respond')!.children![0]!;
      if (call.outcome.kind === 'response') servers.add(call.outcome.servedBy!);
    }
    expect(servers.size).toBe(1);
  });
});

describe('forwarded headers and proxy annotations', () => {
  it('replaces a client X-Forwarded-For, sets X-Real-IP; upstream-vhost and x-forwarded-prefix apply', () => {
    const pg = createPlayground();
    pg.apply(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
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
          image: registry.k8s.io/echoserver:1.10
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
      targetPort: 8080
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    nginx.ingress.kubernetes.io/upstream-vhost: internal.web
    nginx.ingress.kubernetes.io/x-forwarded-prefix: /shop
spec:
  ingressClassName: nginx
  rules:
    - host: web.example
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`);
    const s = pg.snapshot();
    const port = s.services.find((x) => x.name === 'ingress-nginx-controller')!.ports.find((p) => p.name === 'http')!.nodePort!;
    const t = pg.request({ from: { external: '198.51.100.79' }, url: `http://${s.nodes[0]!.internalIP}:${port}/x`, headers: { Host: 'web.example', 'X-Forwarded-For': '1.2.3.4' } });
    const body = t.outcome.kind === 'response' ? t.outcome.body : '';
    expect(body).toContain('host=internal.web');
    expect(body).toContain('x-forwarded-prefix=/shop');
    expect(body).toContain('x-forwarded-host=web.example');
    expect(body).not.toContain('1.2.3.4');
    // Through a NodePort under Cluster policy the controller sees the node's address, not the client's.
    expect(body).toMatch(/x-real-ip=(10\.244|192\.168)\./);
  });
});
