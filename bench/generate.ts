/** Generated clusters for benchmarks: N Deployments of R replicas, each behind a Service. */

export interface GeneratedCluster {
  yaml: string;
  deployments: number;
  services: number;
  pods: number;
  /** Nodes needed so that every pod fits (110 pods per node, as the kubelet's default maxPods). */
  nodes: number;
}

export function generateCluster(deployments: number, replicas: number, servicesPerDeployment = 1): GeneratedCluster {
  const docs: string[] = [];
  for (let i = 0; i < deployments; i++) {
    const app = `app-${i}`;
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  labels:
    app: ${app}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
        tier: backend
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 80
          env:
            - name: APP_NAME
              value: ${app}
`);
    for (let s = 0; s < servicesPerDeployment; s++) {
      docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ${app}${s ? `-${s}` : ''}
spec:
  type: ${i % 10 === 0 ? 'NodePort' : 'ClusterIP'}
  selector:
    app: ${app}
  ports:
    - name: http
      port: 80
      targetPort: http
`);
    }
  }
  const pods = deployments * replicas;
  // System pods (CoreDNS, ingress-nginx) need room too.
  const nodes = Math.max(2, Math.ceil((pods + 10) / 100));
  return { yaml: docs.join('---\n'), deployments, services: deployments * servicesPerDeployment, pods, nodes };
}
