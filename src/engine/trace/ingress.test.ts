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
