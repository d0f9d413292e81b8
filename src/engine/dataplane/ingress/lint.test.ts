import { describe, expect, it } from 'vitest';
import { createPlayground } from '../../index';

const ingress = (annotations: string, path: string, backend = 'web', port = 80, cls = 'nginx') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ing
  annotations:
${annotations}
spec:
  ingressClassName: ${cls}
  rules:
    - host: a.example
      http:
        paths:
          - path: ${path}
            pathType: ImplementationSpecific
            backend:
              service:
                name: ${backend}
                port:
                  number: ${port}
`;

function warnings(yaml: string) {
  return createPlayground().apply(yaml).diagnostics.filter((d) => d.code === 'ingress-mistake');
}

describe('Ingress mistakes', () => {
  it('a misspelled annotation, with the likely one', () => {
    const [w] = warnings(ingress('    nginx.ingress.kubernetes.io/rewrite-targets: /', '/'));
    expect(w).toMatchObject({ severity: 'warning', path: 'metadata.annotations', line: 15 });
    expect(w!.message).toContain('did you mean "nginx.ingress.kubernetes.io/rewrite-target"');
  });

  it('a $2 target without capture groups, and a target that drops the path', () => {
    expect(warnings(ingress('    nginx.ingress.kubernetes.io/rewrite-target: /$2', '/app'))[0]!.message).toContain('uses $2, but the path "/app" has 0 capture groups');
    expect(warnings(ingress('    nginx.ingress.kubernetes.io/rewrite-target: /', '/app'))[0]!.message).toContain('replaces the whole path');
    expect(warnings(ingress('    nginx.ingress.kubernetes.io/use-regex: "true"\n    nginx.ingress.kubernetes.io/rewrite-target: /$2', '/app(/|$)(.*)'))).toEqual([]);
  });

  it('a missing backend Service or port, and a class nobody serves', () => {
    expect(warnings(ingress('    x: y', '/', 'nope'))[0]).toMatchObject({ path: 'spec.rules[0].http.paths[0].backend.service.name' });
    expect(warnings(ingress('    x: y', '/', 'web', 81))[0]).toMatchObject({ path: 'spec.rules[0].http.paths[0].backend.service.port' });
    expect(warnings(ingress('    x: y', '/', 'web', 80, 'traefik'))[0]!.message).toContain('IngressClass "traefik" does not exist');
  });
});
