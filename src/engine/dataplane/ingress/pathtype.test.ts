/**
 * The Kubernetes docs' path-matching table (concepts/services-networking/ingress, "Examples"),
 * routed through ingress-nginx's locations, and how ingress-nginx writes them
 * (controller.go updateServerLocations, template.go buildLocation).
 */
import { describe, expect, it } from 'vitest';
import { app, cluster, ingress } from './testkit';

type Row = [string, string, string[], string, boolean | 'redirect'];
// [pathType, path, -, request path, matches?] as in the docs' table. 'redirect': the docs say
// it matches; ingress-nginx writes `location /foo/` (and `= /foo/`), so nginx first answers 301
// to the path with its '/' (auto_redirect), which then matches.
const docsTable: Row[] = [
  ['Prefix', '/', [], '(all paths)', true],
  ['Exact', '/foo', [], '/foo', true],
  ['Exact', '/foo', [], '/bar', false],
  ['Exact', '/foo', [], '/foo/', false],
  ['Exact', '/foo/', [], '/foo', 'redirect'], // `= /foo/` proxies too, so it has auto_redirect
  ['Prefix', '/foo', [], '/foo', true],
  ['Prefix', '/foo', [], '/foo/', true],
  ['Prefix', '/foo/', [], '/foo', 'redirect'],
  ['Prefix', '/foo/', [], '/foo/', true],
  ['Prefix', '/aaa/bb', [], '/aaa/bbb', false],
  ['Prefix', '/aaa/bbb', [], '/aaa/bbb', true],
  ['Prefix', '/aaa/bbb/', [], '/aaa/bbb', 'redirect'],
  ['Prefix', '/aaa/bbb', [], '/aaa/bbb/', true],
  ['Prefix', '/aaa/bbb', [], '/aaa/bbb/ccc', true],
  ['Prefix', '/aaa/bbb', [], '/aaa/bbbxyz', false],
];

describe('the Kubernetes docs path table', () => {
  it.each(docsTable)('%s %s: %s', (pathType, path, _x, request, matches) => {
    const route = cluster(app('svc'), ingress('ing', 'foo.bar.com', [{ path, pathType, service: 'svc' }]));
    const reqPath = request === '(all paths)' ? '/anything/at/all' : request;
    const d = route({ path: reqPath });
    if (matches === 'redirect') {
      expect(d).toMatchObject({ status: 301, redirect: `http://foo.bar.com${reqPath}/` });
      expect(route({ path: `${reqPath}/` })).toMatchObject({ service: 'default/svc' });
    } else if (matches) expect(d).toMatchObject({ service: 'default/svc', upstreamPath: reqPath });
    else expect(d).toMatchObject({ status: 404 });
  });

  it('/ and /aaa Prefix: /aaa/ccc goes to /aaa', () => {
    const route = cluster(app('a'), app('b'), ingress('ing', 'foo.bar.com', [
      { path: '/', service: 'a' },
      { path: '/aaa', service: 'b' },
    ]));
    expect(route({ path: '/aaa/ccc' }).service).toBe('default/b');
    expect(route({ path: '/ccc' }).service).toBe('default/a');
  });

  it('/foo Exact and /foo Prefix: Exact wins for /foo, Prefix takes /foo/', () => {
    const route = cluster(app('ex'), app('pre'), ingress('ing', 'foo.bar.com', [
      { path: '/foo', pathType: 'Prefix', service: 'pre' },
      { path: '/foo', pathType: 'Exact', service: 'ex' },
    ]));
    expect(route({ path: '/foo' })).toMatchObject({ service: 'default/ex', rule: 'location = /foo' });
    expect(route({ path: '/foo/' })).toMatchObject({ service: 'default/pre', rule: 'location /foo/' });
  });

  it('longest prefix wins', () => {
    const route = cluster(app('a'), app('b'), ingress('ing', 'foo.bar.com', [
      { path: '/aaa', service: 'a' },
      { path: '/aaa/bbb', service: 'b' },
    ]));
    expect(route({ path: '/aaa/bbb/c' }).service).toBe('default/b');
    expect(route({ path: '/aaa/bb' }).service).toBe('default/a');
  });
});

describe('how ingress-nginx writes the locations', () => {
  it('Prefix /aaa is `location = /aaa` and `location /aaa/`', () => {
    const route = cluster(app('svc'), ingress('ing', 'foo.bar.com', [{ path: '/aaa', service: 'svc' }]));
    expect(route({ path: '/aaa' }).rule).toBe('location = /aaa');
    expect(route({ path: '/aaa/' }).rule).toBe('location /aaa/');
    expect(route({ path: '/aaa/b' }).rule).toBe('location /aaa/');
    expect(route({ path: '/aaab' })).toMatchObject({ status: 404, rule: 'location /' });
  });

  it('Exact is `location = `; ImplementationSpecific is a plain nginx prefix', () => {
    const route = cluster(app('svc'), ingress('ing', 'foo.bar.com', [
      { path: '/exact', pathType: 'Exact', service: 'svc' },
      { path: '/impl', pathType: 'ImplementationSpecific', service: 'svc' },
    ]));
    expect(route({ path: '/exact' }).rule).toBe('location = /exact');
    expect(route({ path: '/implxyz' })).toMatchObject({ rule: 'location /impl', service: 'default/svc' });
  });
});
