/** Issue 6's figure: routeIngress on 200 Ingresses with 1,000 paths (5 each, 20 hosts). */
import { createPlayground } from '../src/engine/index';
import { defineCase, type BenchCase } from './harness';

function cluster() {
  const docs: string[] = [];
  for (let i = 0; i < 200; i++) {
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
spec:
  selector:
    app: a-${i}
  ports:
    - port: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ing-${i}
${i % 4 === 0 ? '  annotations:\n    nginx.ingress.kubernetes.io/use-regex: "true"\n' : ''}spec:
  ingressClassName: nginx
  rules:
    - host: host-${i % 20}.example
      http:
        paths:
${[0, 1, 2, 3, 4].map((p) => `          - path: /svc-${i}/p${p}
            pathType: ${p % 2 ? 'Exact' : 'Prefix'}
            backend:
              service:
                name: svc-${i}
                port:
                  number: 80`).join('\n')}
`);
  }
  const pg = createPlayground();
  pg.apply(docs.join('---\n'));
  return pg;
}

export const ingressCases: BenchCase[] = [
  defineCase({
    group: 'routeIngress: 200 Ingresses, 1,000 paths, 20 hosts',
    name: 'routeIngress (a Prefix path deep in a host)',
    setup: cluster,
    run: (pg) => pg.routeIngress({ host: 'host-19.example', path: '/svc-199/p4/x' }),
    info: (pg) => ({ service: pg.routeIngress({ host: 'host-19.example', path: '/svc-199/p4/x' }).service ?? '-' }),
  }),
];
