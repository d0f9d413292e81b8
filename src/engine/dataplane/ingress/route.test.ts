/**
 * routeIngress against ingress-nginx's behaviour: test/e2e/annotations/rewrite.go (rewrite-target
 * with captures), approot.go, redirect.go, sslredirect/forcesslredirect, and the seed 002 walk.
 */
// oxlint-disable-next-line no-restricted-imports -- tests run under Node and read the scenario files in public/
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPlayground } from '../../index';
import { routeIngress } from './route';
import { app, cluster, ingress } from './testkit';

describe('rewrite-target with capture groups', () => {
  const route = cluster(app('svc'), ingress('rw', 'foo.bar.com', [{ path: '/something(/|$)(.*)', pathType: 'ImplementationSpecific', service: 'svc' }], { 'use-regex': 'true', 'rewrite-target': '/$2' }));
  it.each([
    ['/something', '/'],
    ['/something/', '/'],
    ['/something/new', '/new'],
    ['/SOMETHING/new', '/new'],
    ['/something/new?a=1', '/new?a=1'],
  ])('%s → %s', (path, upstreamPath) => {
    expect(route({ path })).toMatchObject({ service: 'default/svc', upstreamPath, rule: 'location ~* "^/something(/|$)(.*)"' });
  });
  it('anything else goes to the default backend, written as a regex too', () => {
    expect(route({ path: '/other' })).toMatchObject({ status: 404, rule: 'location ~* "^/"' });
  });
});

describe('regex locations of a host', () => {
  it('one Ingress with use-regex turns every location of the host into ~*, longest first', () => {
    const route = cluster(
      app('a'), app('b'),
      ingress('plain', 'foo.bar.com', [{ path: '/foo', service: 'a' }]),
      ingress('rx', 'foo.bar.com', [{ path: '/foo/bar/.+', pathType: 'ImplementationSpecific', service: 'b' }], { 'use-regex': 'true' }),
    );
    expect(route({ path: '/foo/bar/x' })).toMatchObject({ service: 'default/b', rule: 'location ~* "^/foo/bar/.+"', upstreamPath: '/foo/bar/x' });
    expect(route({ path: '/FOO/' })).toMatchObject({ service: 'default/a', rule: 'location ~* "^/foo/"' });
    // The Exact copy of a Prefix path is written `~* "^/foo"` too: no longer exact.
    expect(route({ path: '/foobar' })).toMatchObject({ service: 'default/a', rule: 'location ~* "^/foo"' });
  });
  it('other hosts keep their plain locations', () => {
    const route = cluster(
      app('a'),
      ingress('plain', 'other.com', [{ path: '/foo', service: 'a' }]),
      ingress('rx', 'foo.bar.com', [{ path: '/x.*', pathType: 'ImplementationSpecific', service: 'a' }], { 'use-regex': 'true' }),
    );
    expect(route({ host: 'other.com', path: '/foo' }).rule).toBe('location = /foo');
  });
});

describe('redirects', () => {
  it('app-root: / → 302 to the root, other paths untouched', () => {
    const route = cluster(app('svc'), ingress('ar', 'approot.bar.com', [{ path: '/', service: 'svc' }], { 'app-root': '/foo' }));
    expect(route({ host: 'approot.bar.com', path: '/' })).toMatchObject({ status: 302, redirect: 'http://approot.bar.com/foo' });
    expect(route({ host: 'approot.bar.com', path: '/foo' })).toMatchObject({ service: 'default/svc', upstreamPath: '/foo' });
  });
  it('permanent-redirect 301 (or its code), temporal-redirect 302 and wins', () => {
    const perm = cluster(app('svc'), ingress('r', undefined, [{ path: '/', service: 'svc' }], { 'permanent-redirect': 'https://www.google.com' }));
    expect(perm({ path: '/x' })).toMatchObject({ status: 301, redirect: 'https://www.google.com' });
    const code = cluster(app('svc'), ingress('r', undefined, [{ path: '/', service: 'svc' }], { 'permanent-redirect': 'https://a.b', 'permanent-redirect-code': '308' }));
    expect(code({ path: '/' })).toMatchObject({ status: 308 });
    const both = cluster(app('svc'), ingress('r', undefined, [{ path: '/', service: 'svc' }], { 'permanent-redirect': 'https://a.b', 'temporal-redirect': 'https://c.d' }));
    expect(both({ path: '/' })).toMatchObject({ status: 302, redirect: 'https://c.d' });
  });
  const tls = `  tls:\n  - hosts: [foo.bar.com]\n    secretName: foo-tls\n`;
  const secret = `apiVersion: v1\nkind: Secret\nmetadata: {name: foo-tls, namespace: default}\ntype: Opaque\ndata: {}\n`;
  it('ssl-redirect: http to a TLS host → 308 https, the trailing / dropped', () => {
    const route = cluster(app('svc'), secret, ingress('t', 'foo.bar.com', [{ path: '/', service: 'svc' }], {}, tls));
    expect(route({ path: '/a/?q=1' })).toMatchObject({ status: 308, redirect: 'https://foo.bar.com/a/?q=1' });
    expect(route({ path: '/a/' })).toMatchObject({ status: 308, redirect: 'https://foo.bar.com/a' });
    expect(route({ path: '/a', scheme: 'https' })).toMatchObject({ service: 'default/svc' });
    const off = cluster(app('svc'), secret, ingress('t', 'foo.bar.com', [{ path: '/', service: 'svc' }], { 'ssl-redirect': 'false' }, tls));
    expect(off({ path: '/a' }).status).toBeUndefined();
  });
  it('force-ssl-redirect without TLS', () => {
    const route = cluster(app('svc'), ingress('t', 'foo.bar.com', [{ path: '/', service: 'svc' }], { 'force-ssl-redirect': 'true' }));
    expect(route({ path: '/a' })).toMatchObject({ status: 308, redirect: 'https://foo.bar.com/a' });
    const plain = cluster(app('svc'), ingress('t', 'foo.bar.com', [{ path: '/', service: 'svc' }]));
    expect(plain({ path: '/a' }).status).toBeUndefined();
  });
});

describe('servers, classes, backends', () => {
  it('no server for the host → catch-all _ default backend 404', () => {
    const route = cluster(app('svc'), ingress('i', 'foo.bar.com', [{ path: '/', service: 'svc' }]));
    expect(route({ host: 'nope.com', path: '/' })).toMatchObject({ status: 404, rule: 'location /' });
    expect(route({ host: 'FOO.bar.com:8080', path: '/' }).service).toBe('default/svc');
  });
  it('wildcard hosts match exactly one label; exact names win', () => {
    const route = cluster(app('w'), app('e'), ingress('w', '*.foo.com', [{ path: '/', service: 'w' }]), ingress('e', 'a.foo.com', [{ path: '/', service: 'e' }]));
    expect(route({ host: 'b.foo.com', path: '/' }).service).toBe('default/w');
    expect(route({ host: 'a.foo.com', path: '/' }).service).toBe('default/e');
    expect(route({ host: 'x.b.foo.com', path: '/' }).status).toBe(404);
    expect(route({ host: 'foo.com', path: '/' }).status).toBe(404);
  });
  it('Ingresses of one host merge; the older keeps a path both define', () => {
    const route = cluster(app('a'), app('b'), ingress('one', 'foo.bar.com', [{ path: '/a', service: 'a' }]), ingress('two', 'foo.bar.com', [{ path: '/b', service: 'b' }, { path: '/a', service: 'b' }]));
    expect(route({ path: '/b/x' })).toMatchObject({ service: 'default/b', ingress: 'default/two' });
    expect(route({ path: '/a/x' })).toMatchObject({ service: 'default/a', ingress: 'default/one' });
  });
  it('Ingresses of another class are ignored; no class means the default class', () => {
    const other = `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: traefik}\nspec: {controller: traefik.io/ingress-controller}\n`;
    const route = cluster(app('svc'), other, ingress('i', 'foo.bar.com', [{ path: '/', service: 'svc' }], {}, '  ingressClassName: traefik\n'), ingress('j', 'bar.com', [{ path: '/', service: 'svc' }]));
    expect(route({ path: '/' }).status).toBe(404);
    expect(route({ host: 'bar.com', path: '/' }).service).toBe('default/svc');
  });
  it('a backend without ready endpoints → 503; a missing Service → 503', () => {
    const route = cluster(app('svc', 'default', 0), ingress('i', 'foo.bar.com', [{ path: '/', service: 'svc' }, { path: '/gone', service: 'gone' }]));
    expect(route({ path: '/' })).toMatchObject({ status: 503, service: 'default/svc' });
    expect(route({ path: '/gone' })).toMatchObject({ status: 503, service: 'default/gone' });
  });
  it('a backend port by name', () => {
    const route = cluster(app('svc'), ingress('i', 'foo.bar.com', [{ path: '/', service: 'svc', port: 'http' }]));
    expect(route({ path: '/' })).toMatchObject({ service: 'default/svc', port: 'http' });
    expect(route({ path: '/' }).endpoints?.length).toBe(1);
  });
  it('affinity: cookie reports the cookie name (INGRESSCOOKIE by default)', () => {
    const route = cluster(app('svc'), ingress('i', 'foo.bar.com', [{ path: '/', service: 'svc' }], { affinity: 'cookie' }));
    expect(route({ path: '/' }).affinity).toEqual({ type: 'cookie', cookieName: 'INGRESSCOOKIE' });
  });
});

describe('seed 002: an ExternalName backend with rewrite-target /$2 and app-root', () => {
  const file = new URL('../../../../public/scenarios/seed-002-ingress-rewrite/02-externalname-ingress.yaml', import.meta.url);
  const pg = createPlayground();
  pg.apply(readFileSync(file, 'utf8'));
  const route = (path: string) => routeIngress(pg.clusterState, { host: 'myproject.project.io', path });
  it('/chatforyouio/user/create reaches chatforyou-io-svc as /user/create', () => {
    expect(route('/chatforyouio/user/create')).toMatchObject({
      ingress: 'nginx/chatforyou-io-ingress',
      service: 'nginx/chatforyou-io-svc',
      port: 8443,
      upstreamPath: '/user/create',
      rule: 'location ~* "^/chatforyouio(/|$)(.*)"',
    });
    expect(route('/chatforyouio/user/create').endpoints).toEqual(['chatforyou-io-service.chatforyou-io.svc.cluster.local:8443']);
    expect(route('/chatforyouio').upstreamPath).toBe('/');
  });
  it('/ → 302 to the app-root', () => {
    expect(route('/')).toMatchObject({ status: 302, redirect: 'http://myproject.project.io/' });
  });
});

describe('the public API', () => {
  it('playground.routeIngress answers like routeIngress(state)', () => {
    const pg = createPlayground();
    pg.apply(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: nginx
  rules:
    - host: foo.example
      http:
        paths:
          - path: /app
            pathType: Prefix
            backend:
              service:
                name: missing
                port:
                  number: 80
`);
    expect(pg.routeIngress({ host: 'foo.example', path: '/app/x' })).toMatchObject({ status: 503, ingress: 'default/web', service: 'default/missing' });
    expect(pg.routeIngress({ host: 'foo.example', path: '/other' })).toMatchObject({ status: 404 });
  });
});
