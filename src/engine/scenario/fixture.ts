/**
 * For the scenario unit tests: a small cluster with one of each thing the lesson checks look
 * at (a Deployment behind ClusterIP, NodePort and LoadBalancer Services, a client pod, another
 * namespace), settled.
 */
import { ClusterPlayground } from '../playground';
import type { PlaygroundOptions } from '../types';

export const FIXTURE = `
apiVersion: v1
kind: Namespace
metadata:
  name: other
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: echoserver
        image: registry.k8s.io/echoserver:1.4
        ports:
        - {name: http, containerPort: 8080}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports:
  - {port: 80, targetPort: http}
---
apiVersion: v1
kind: Service
metadata: {name: web-np}
spec:
  type: NodePort
  selector: {app: web}
  ports:
  - {name: http, port: 80, targetPort: http, nodePort: 30080}
  - {name: extra, port: 81, targetPort: http}
---
apiVersion: v1
kind: Service
metadata: {name: web-lb}
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector: {app: web}
  ports:
  - {port: 80, targetPort: http}
---
apiVersion: v1
kind: Pod
metadata:
  name: client
  labels: {run: client}
spec:
  containers:
  - name: busybox
    image: busybox:1.36
    command: [sleep, "3600"]
    env:
    - {name: GREETING, value: hello}
---
apiVersion: v1
kind: Pod
metadata:
  name: db
  namespace: other
  labels: {app: db}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`;

export function fixture(options: PlaygroundOptions = {}): ClusterPlayground {
  const pg = new ClusterPlayground(options);
  const r = pg.apply(FIXTURE);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join('\n'));
  pg.advance(30);
  return pg;
}
