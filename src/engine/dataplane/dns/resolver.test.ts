/**
 * Names typed in a pod, resolved through its resolv.conf, the search list and the nameserver:
 * seed 003's `nslookup my-nginx` from the busybox pod (server 10.96.0.10, the Service's
 * ClusterIP), the search-expansion cases of the Kubernetes DNS docs, pods whose DNS policy
 * bypasses CoreDNS, and a cluster whose DNS is down. A property: resolve never throws, and any
 * non-empty name is asked at least once.
 */
// oxlint-disable-next-line no-restricted-imports -- tests run under Node and read the scenario files in public/
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPlayground } from '../../index';
import type { ClusterPlayground } from '../../index';
import { viewOf } from '../../cluster/state';
import { resolve, resolveQuery } from './resolver';

const SEED_003 = new URL('../../../../public/scenarios/seed-003-connecting-apps/03-dns-curl-pod.yaml', import.meta.url);

const EXTRA = `
apiVersion: v1
kind: Namespace
metadata: {name: team-a}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: team-a}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: hostnet}
spec: {hostNetwork: true, containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: public-dns}
spec:
  dnsPolicy: None
  dnsConfig: {nameservers: [8.8.8.8]}
  containers: [{name: c, image: nginx}]
`;

function seed003(extra = EXTRA): ClusterPlayground {
  const pg = createPlayground();
  for (const yaml of [readFileSync(SEED_003, 'utf8'), extra]) expect(pg.apply(yaml).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  pg.advance(10);
  return pg;
}

const shared = seed003();
const state = shared.clusterState;
const myNginx = viewOf(state).get('Service', 'default', 'my-nginx')?.spec?.clusterIP ?? '';

describe('seed 003: nslookup my-nginx from the busybox pod', () => {
  it('resolves to the my-nginx ClusterIP via server 10.96.0.10, on the first name of the search list', () => {
    const r = resolveQuery(state, { from: 'default/curl', name: 'my-nginx' });
    expect(myNginx).not.toBe('');
    expect(r).toMatchObject({
      rcode: 'NOERROR',
      server: '10.96.0.10',
      answers: [`my-nginx.default.svc.cluster.local. A ${myNginx}`],
      tried: ['my-nginx.default.svc.cluster.local.'],
    });
    expect(r.steps[0]).toMatchObject({ server: '10.96.0.10', source: 'kubernetes', outcome: 'answer' });
    expect(r.records[0]).toMatchObject({ ttl: 30 });
    expect(resolve(state, { from: 'default/curl', name: 'my-nginx' })).toEqual({ rcode: r.rcode, answers: r.answers, tried: r.tried });
  });
});

const tried = (from: string, name: string, type?: 'A' | 'AAAA' | 'PTR', libc?: 'glibc' | 'musl') => resolveQuery(state, { from, name, type }, { libc });

describe('search-list expansion (ndots:5)', () => {
  it('<svc>.<ns>: NXDOMAIN under the own namespace first, then found', () => {
    const r = tried('default/curl', 'my-nginx.default');
    expect(r.tried).toEqual(['my-nginx.default.default.svc.cluster.local.', 'my-nginx.default.svc.cluster.local.']);
    expect(r.steps.map((s) => s.rcode)).toEqual(['NXDOMAIN', 'NOERROR']);
    expect(r.answers).toEqual([`my-nginx.default.svc.cluster.local. A ${myNginx}`]);
  });

  it('a public name walks the whole search list before the name itself, answered upstream', () => {
    const r = tried('default/curl', 'kubernetes.io');
    expect(r.tried).toEqual(['kubernetes.io.default.svc.cluster.local.', 'kubernetes.io.svc.cluster.local.', 'kubernetes.io.cluster.local.', 'kubernetes.io.']);
    expect(r.steps.map((s) => s.source)).toEqual(['kubernetes', 'kubernetes', 'kubernetes', 'upstream']);
    expect(r).toMatchObject({ rcode: 'NOERROR', answers: ['kubernetes.io. A 15.197.167.90'] });
  });

  it('the full name without a trailing dot has 4 dots: the search list comes first; with the dot, one question', () => {
    expect(tried('default/curl', 'my-nginx.default.svc.cluster.local').tried).toEqual([
      'my-nginx.default.svc.cluster.local.default.svc.cluster.local.',
      'my-nginx.default.svc.cluster.local.svc.cluster.local.',
      'my-nginx.default.svc.cluster.local.cluster.local.',
      'my-nginx.default.svc.cluster.local.',
    ]);
    expect(tried('default/curl', 'my-nginx.default.svc.cluster.local.')).toMatchObject({
      tried: ['my-nginx.default.svc.cluster.local.'],
      answers: [`my-nginx.default.svc.cluster.local. A ${myNginx}`],
    });
  });

  it('from another namespace the short name misses everywhere; <svc>.<ns> works', () => {
    expect(tried('team-a/api', 'my-nginx')).toMatchObject({
      rcode: 'NXDOMAIN',
      tried: ['my-nginx.team-a.svc.cluster.local.', 'my-nginx.svc.cluster.local.', 'my-nginx.cluster.local.', 'my-nginx.'],
    });
    expect(tried('team-a/api', 'my-nginx.default').answers).toEqual([`my-nginx.default.svc.cluster.local. A ${myNginx}`]);
  });

  it('AAAA on an IPv4 name: glibc goes on past NODATA and ends NODATA; musl stops at once', () => {
    expect(tried('default/curl', 'my-nginx', 'AAAA')).toMatchObject({ rcode: 'NOERROR', answers: [], tried: expect.arrayContaining(['my-nginx.']) });
    expect(tried('default/curl', 'my-nginx', 'AAAA').tried).toHaveLength(4);
    expect(tried('default/curl', 'my-nginx', 'AAAA', 'musl')).toMatchObject({ rcode: 'NOERROR', answers: [], tried: ['my-nginx.default.svc.cluster.local.'] });
  });

  it('PTR for an address: its in-addr.arpa name, asked as is', () => {
    expect(tried('default/curl', '10.96.0.10', 'PTR')).toMatchObject({
      rcode: 'NOERROR',
      tried: ['10.0.96.10.in-addr.arpa.'],
      answers: ['10.0.96.10.in-addr.arpa. PTR kube-dns.kube-system.svc.cluster.local.'],
    });
  });
});

describe('DNS policies that bypass CoreDNS', () => {
  it('hostNetwork + ClusterFirst uses the node resolver: cluster names do not resolve, public ones do', () => {
    expect(resolveQuery(state, { from: 'default/hostnet', name: 'my-nginx' })).toMatchObject({ rcode: 'NXDOMAIN', server: '192.168.49.1', tried: ['my-nginx.'] });
    expect(resolveQuery(state, { from: 'default/hostnet', name: 'kubernetes.io' })).toMatchObject({ rcode: 'NOERROR', tried: ['kubernetes.io.'] });
  });

  it('None with a public nameserver: only the outside world', () => {
    const r = resolveQuery(state, { from: 'default/public-dns', name: 'my-nginx.default.svc.cluster.local.' });
    expect(r).toMatchObject({ rcode: 'NXDOMAIN', server: '8.8.8.8' });
    expect(r.steps[0]?.source).toBe('upstream');
  });
});

describe('when cluster DNS is down', () => {
  it('no ready CoreDNS endpoint: kube-proxy rejects, the resolver gives up at once', () => {
    const pg = seed003('');
    expect(pg.scale({ kind: 'deployment', namespace: 'kube-system', name: 'coredns' }, 0).ok).toBe(true);
    const r = resolveQuery(pg.clusterState, { from: 'default/curl', name: 'my-nginx' });
    expect(r).toMatchObject({ rcode: 'SERVFAIL', answers: [], tried: ['my-nginx.default.svc.cluster.local.'], server: '10.96.0.10' });
    expect(r.error).toMatch(/refused/);
  });

  it('no kube-dns Service: the packets go nowhere and time out', () => {
    const pg = seed003('');
    expect(pg.delete({ kind: 'service', namespace: 'kube-system', name: 'kube-dns' }).ok).toBe(true);
    const r = resolveQuery(pg.clusterState, { from: 'default/curl', name: 'my-nginx' });
    expect(r).toMatchObject({ rcode: 'SERVFAIL', tried: ['my-nginx.default.svc.cluster.local.', 'my-nginx.'] });
    expect(r.error).toMatch(/timed out/);
  });

  it('an unknown pod is an error, not an exception', () => {
    expect(resolveQuery(state, { from: 'default/nope', name: 'my-nginx' })).toMatchObject({ rcode: 'SERVFAIL', tried: [], error: 'pods "default/nope" not found' });
  });
});

describe('properties', () => {
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
  const name = fc.oneof(
    fc.constantFrom('my-nginx', 'my-nginx.default', 'kubernetes', 'kubernetes.default.svc', 'kube-dns.kube-system', 'kubernetes.io', 'example.com.', '10.96.0.10', '.', 'a..b', 'x'.repeat(70)),
    fc.array(label, { minLength: 1, maxLength: 7 }).chain((ls) => fc.boolean().map((dot) => ls.join('.') + (dot ? '.' : ''))),
    fc.string({ maxLength: 40 }),
  );
  const from = fc.constantFrom('default/curl', 'team-a/api', 'default/hostnet', 'default/public-dns', 'default/missing');
  const type = fc.constantFrom(undefined, 'A' as const, 'AAAA' as const, 'SRV' as const, 'CNAME' as const, 'PTR' as const);
  const libc = fc.constantFrom('glibc' as const, 'musl' as const);

  it('resolve never throws, is deterministic, and asks every non-empty name at least once', () => {
    fc.assert(
      fc.property(name, from, type, libc, (n, f, t, l) => {
        const r = resolveQuery(state, { from: f, name: n, type: t }, { libc: l });
        expect(r).toEqual(resolveQuery(state, { from: f, name: n, type: t }, { libc: l }));
        expect(['NOERROR', 'NXDOMAIN', 'SERVFAIL']).toContain(r.rcode);
        if (f !== 'default/missing' && n.trim() !== '') expect(r.tried.length).toBeGreaterThan(0);
        for (const t2 of r.tried) expect(t2.endsWith('.')).toBe(true);
        if (r.answers.length > 0) expect(r.rcode).toBe('NOERROR');
        expect(r.steps).toHaveLength(r.tried.length);
      }),
      { numRuns: 300 },
    );
  });
});
