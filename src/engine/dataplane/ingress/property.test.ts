/** routeIngress never throws, whatever Ingresses and requests it meets (fast-check). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPlayground } from '../../index';

const pathArb = fc.oneof(
  fc.constantFrom('/', '/a', '/a/', '/a(/|$)(.*)', '/.*', '/(', '/[', '/a/b/c', '', '/ä', '/%2F', '/a//b'),
  fc.string({ maxLength: 12 }).map((s) => `/${s}`),
);
const annotationArb = fc.dictionary(
  fc.constantFrom('use-regex', 'rewrite-target', 'app-root', 'ssl-redirect', 'force-ssl-redirect', 'permanent-redirect', 'temporal-redirect', 'affinity', 'session-cookie-name', 'upstream-vhost', 'rewrite-targets'),
  fc.constantFrom('true', 'false', '/', '/$1', '/$2', '/app', 'https://x.example/', 'cookie', 'route', '', '$(', 'not a url'),
  { maxKeys: 4 },
);

describe('routeIngress', () => {
  it('never throws on arbitrary paths, annotations and requests', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ path: pathArb, type: fc.constantFrom('Prefix', 'Exact', 'ImplementationSpecific'), host: fc.constantFrom('a.example', '*.example', '') }), { minLength: 1, maxLength: 4 }),
        annotationArb,
        pathArb,
        fc.constantFrom('a.example', 'b.example', 'x.a.example', ''),
        (paths, annotations, reqPath, reqHost) => {
          const pg = createPlayground({ ingressNginx: true });
          const ann = Object.entries(annotations).map(([k, v]) => `    nginx.ingress.kubernetes.io/${k}: ${JSON.stringify(v)}`).join('\n');
          const rules = paths
            .map(
              (p) => `    - ${p.host ? `host: ${JSON.stringify(p.host)}\n      ` : ''}http:
        paths:
          - path: ${JSON.stringify(p.path)}
            pathType: ${p.type}
            backend:
              service:
                name: web
                port:
                  number: 80`,
            )
            .join('\n');
          pg.apply(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ing
${ann ? `  annotations:\n${ann}\n` : ''}spec:
  ingressClassName: nginx
  rules:
${rules}
`);
          const d = pg.routeIngress({ host: reqHost || 'a.example', path: reqPath || '/' });
          expect(d === undefined || typeof d === 'object').toBe(true);
          const s = pg.snapshot();
          const port = s.services.find((x) => x.name === 'ingress-nginx-controller')!.ports[0]!.nodePort!;
          const t = pg.request({ from: { external: '198.51.100.79' }, url: `http://${s.nodes[0]!.internalIP}:${port}${reqPath.startsWith('/') ? reqPath : '/'}`, headers: { Host: reqHost || 'a.example' } });
          expect(['response', 'error']).toContain(t.outcome.kind);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
