/**
 * Seed 004, "Orchestrating the Cloud": the monolith NodePort Service selects app=monolith AND
 * secure=enabled, so `curl -k https://<node>:31000` gets nothing until the pod is labelled.
 * (The lab, from 2016, shows a timeout; today's kube-proxy REJECTs at once for a Service
 * without endpoints, so curl reports the connection refused.)
 */
import { describe, expect, it } from 'vitest';
// oxlint-disable-next-line no-restricted-imports -- tests read the scenario data from disk
import { readFileSync } from 'node:fs';
import { createPlayground } from '../index';

const read = (f: string) => readFileSync(new URL(`../../../public/scenarios/seed-004-orchestrating-cloud/${f}`, import.meta.url), 'utf8');

describe('seed 004: the secure-monolith label lesson', () => {
  it('no endpoints until `kubectl label pods secure-monolith secure=enabled`, then HTTPS through the NodePort works', () => {
    const pg = createPlayground();
    for (const f of ['02-monolith-pod.yaml', '03-secure-monolith-service.yaml']) {
      expect(pg.apply(read(f)).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
    pg.advance(10);
    const node = pg.snapshot().nodes[0]!;
    const url = `https://${node.externalIP}:31000/`;
    const before = pg.request({ from: { external: '198.51.100.79' }, url, tls: { insecure: true } });
    expect(before.outcome).toMatchObject({ kind: 'error', code: 'connection-refused' });
    expect(before.hops.at(-1)!.rule).toContain('has no endpoints');
    expect(pg.label({ kind: 'pod', name: 'secure-monolith' }, { secure: 'enabled' }).ok).toBe(true);
    const after = pg.request({ from: { external: '198.51.100.79' }, url, tls: { insecure: true } });
    expect(after.outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(after.outcome.kind === 'response' && after.outcome.body).toContain('"message":"Hello"');
    expect(after.hops.find((h) => h.kind === 'tls')!.rule).toContain('CN=monolith');
    // nginx's proxy_pass http://127.0.0.1:80 reaches the monolith container in the same pod.
    const proxied = after.hops.find((h) => h.kind === 'respond')!.children![0]!;
    expect(proxied.outcome).toMatchObject({ kind: 'response', servedBy: 'pod:default/secure-monolith/monolith' });
    // Without -k, curl does not trust the lab's CA.
    const strict = pg.request({ from: { external: '198.51.100.79' }, url });
    expect(strict.outcome).toMatchObject({ code: 'tls', message: 'curl: (60) SSL certificate problem: unable to get local issuer certificate' });
  });
});

describe('seed 004: frontend → hello and auth', () => {
  it('the frontend nginx proxies / to hello and /login to auth by their DNS names', () => {
    const pg = createPlayground();
    expect(pg.apply(read('04-microservices.yaml')).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    pg.advance(10);
    const lb = pg.snapshot().services.find((s) => s.name === 'frontend')!;
    const root = pg.request({ from: { external: '198.51.100.79' }, url: `https://${lb.loadBalancerIP}/`, tls: { insecure: true } });
    expect(root.outcome).toMatchObject({ kind: 'response', status: 200 });
    const call = root.hops.find((h) => h.kind === 'respond')!.children![0]!;
    expect(call.request.url).toBe('http://hello.default.svc.cluster.local/');
    expect(call.outcome).toMatchObject({ kind: 'response', servedBy: expect.stringMatching(/^pod:default\/hello-/) });
    const login = pg.request({ from: { external: '198.51.100.79' }, url: `https://${lb.loadBalancerIP}/login`, tls: { insecure: true }, headers: { Authorization: `Basic ${btoa('user:password')}` } });
    expect(login.hops.find((h) => h.kind === 'respond')!.children![0]!.outcome).toMatchObject({ kind: 'response', status: 200, servedBy: expect.stringMatching(/^pod:default\/auth-/) });
  });
});

describe('seed 004: the monolith flows with curl inside the cluster', () => {
  it('/secure fails, /login with -u returns a token, /secure with the Bearer token says hello', () => {
    const pg = createPlayground();
    pg.apply(`${read('02-monolith-pod.yaml')}
---
apiVersion: v1
kind: Pod
metadata:
  name: curl
spec:
  containers:
    - name: curl
      image: curlimages/curl:8.11.1
      command: ["sleep", "infinity"]
`);
    pg.advance(10);
    const ip = pg.snapshot().pods.find((p) => p.name === 'monolith')!.ip!;
    const sh = (cmd: string) => pg.exec('default/curl', cmd);
    expect(sh(`curl -s http://${ip}`)).toMatchObject({ exitCode: 0, stdout: '{"message":"Hello"}\n' });
    expect(sh(`curl -s http://${ip}/secure`).stdout).toBe('authorization failed\n');
    const login = sh(`curl -s -u user:password http://${ip}/login`);
    const token = /"token":"([^"]+)"/.exec(login.stdout)?.[1];
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sh(`curl -s -H "Authorization: Bearer ${token}" http://${ip}/secure`).stdout).toBe('{"message":"Hello"}\n');
  });
});
