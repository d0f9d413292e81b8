/** Test helpers: a playground with apps and Ingresses, and routeIngress on its state. */
import { createPlayground } from '../../index';
import { type IngressRequest, type IngressRoute, routeIngress } from './route';

/** A Deployment (one replica) and a ClusterIP Service `name` on port 80 in `ns`. */
export function app(name: string, ns = 'default', replicas = 1): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {app: ${name}}
  ports: [{name: http, port: 80, targetPort: 80}]
`;
}

export interface PathSpec {
  path: string;
  pathType?: string;
  service: string;
  port?: number | string;
}

export function ingress(name: string, host: string | undefined, paths: PathSpec[], annotations: Record<string, string> = {}, extra = ''): string {
  const anns = Object.entries(annotations).map(([k, v]) => `    nginx.ingress.kubernetes.io/${k}: ${JSON.stringify(v)}`).join('\n');
  const ps = paths
    .map((p) => {
      const port = typeof p.port === 'string' ? `name: ${p.port}` : `number: ${p.port ?? 80}`;
      return `      - path: ${JSON.stringify(p.path)}
        pathType: ${p.pathType ?? 'Prefix'}
        backend: {service: {name: ${p.service}, port: {${port}}}}`;
    })
    .join('\n');
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: default
${anns ? `  annotations:\n${anns}\n` : ''}spec:
${extra}  rules:
  - ${host ? `host: ${JSON.stringify(host)}\n    ` : ''}http:
      paths:
${ps}
`;
}

export function cluster(...docs: string[]): (req: Partial<IngressRequest> & { path: string }) => IngressRoute {
  const pg = createPlayground();
  const res = pg.apply(docs.join('\n---\n'));
  const errors = res.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join('\n'));
  return (req) => routeIngress(pg.clusterState, { host: 'foo.bar.com', ...req });
}
