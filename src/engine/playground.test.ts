import { describe, expect, it } from 'vitest';
import { createPlayground } from './index';

const deployment = (name: string, replicas: number, image = 'nginx:1.27', labels = `app: ${name}`) => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      ${labels}
  template:
    metadata:
      labels:
        ${labels}
    spec:
      containers:
        - name: web
          image: ${image}
          ports:
            - name: http
              containerPort: 80
`;

const service = (name: string, extra = '') => `
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
    - port: 80
      targetPort: http
${extra}`;

const errors = <D extends { severity: string }>(r: { diagnostics: D[] }) => r.diagnostics.filter((d) => d.severity === 'error');

describe('a new cluster', () => {
  it('has two worker nodes with their own /24 and the system add-ons running', () => {
    const s = createPlayground().snapshot();
    expect(s.nodes.map((n) => [n.name, n.podCIDR])).toEqual([
      ['node-1', '10.244.1.0/24'],
      ['node-2', '10.244.2.0/24'],
    ]);
    const svc = (ns: string, name: string) => s.services.find((x) => x.namespace === ns && x.name === name);
    expect(svc('default', 'kubernetes')?.clusterIP).toBe('10.96.0.1');
    expect(svc('kube-system', 'kube-dns')).toMatchObject({
      clusterIP: '10.96.0.10',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'metrics', port: 9153, protocol: 'TCP' },
      ],
    });
    const coredns = s.pods.filter((p) => p.namespace === 'kube-system');
    expect(coredns).toHaveLength(2);
    expect(coredns.every((p) => p.status === 'Running' && p.ready)).toBe(true);
    expect(svc('ingress-nginx', 'ingress-nginx-controller')?.type).toBe('NodePort');
    expect(s.namespaces).toEqual(['default', 'ingress-nginx', 'kube-node-lease', 'kube-public', 'kube-system']);
  });

  it('honours options: node count, CIDRs, no ingress controller', () => {
    const s = createPlayground({ nodes: 3, clusterCIDR: '10.1.0.0/16', serviceCIDR: '10.0.0.0/16', ingressNginx: false }).snapshot();
    expect(s.nodes.map((n) => n.podCIDR)).toEqual(['10.1.1.0/24', '10.1.2.0/24', '10.1.3.0/24']);
    expect(s.services.find((x) => x.name === 'kube-dns')?.clusterIP).toBe('10.0.0.10');
    expect(s.namespaces).not.toContain('ingress-nginx');
  });

  it('rejects nonsense options with a clear message', () => {
    expect(() => createPlayground({ serviceCIDR: '10.96.0.0/33' })).toThrow(/serviceCIDR/);
    expect(() => createPlayground({ nodePortRange: '32767-30000' })).toThrow(/nodePortRange/);
  });
});

describe('Deployment → ReplicaSet → Pods', () => {
  it('names pods <deploy>-<pod-template-hash>-<5 chars> and runs them', () => {
    const pg = createPlayground();
    expect(errors(pg.apply(deployment('web', 3)))).toEqual([]);
    const pods = pg.snapshot().pods.filter((p) => p.namespace === 'default');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.status).toBe('Running');
      expect(p.owner).toMatch(/^ReplicaSet\/default\/web-/);
      expect(p.ip).toMatch(/^10\.244\.[12]\.\d+$/);
    }
    const hash = pods[0]!.name.split('-')[1];
    expect(pods.every((p) => p.labels['pod-template-hash'] === hash)).toBe(true);
    expect(pg.snapshot().deployments.find((d) => d.name === 'web')).toMatchObject({ replicas: 3, readyReplicas: 3 });
  });

  it('spreads pods over the nodes', () => {
    const pg = createPlayground({ ingressNginx: false });
    pg.apply(deployment('web', 4));
    const perNode = new Map<string, number>();
    for (const p of pg.snapshot().pods.filter((x) => x.namespace === 'default')) perNode.set(p.node!, (perNode.get(p.node!) ?? 0) + 1);
    expect([...perNode.values()].sort()).toEqual([2, 2]);
  });

  it('rolls out a template change: new ReplicaSet, old pods Terminating until their grace period ends', () => {
    const pg = createPlayground();
    pg.apply(deployment('web', 2));
    const before = pg.snapshot().pods.filter((p) => p.namespace === 'default').map((p) => p.name);
    const r = pg.apply(deployment('web', 2, 'nginx:1.28'));
    expect(r.results[0]?.action).toBe('configured');
    const during = pg.snapshot().pods.filter((p) => p.namespace === 'default');
    expect(during.filter((p) => before.includes(p.name)).map((p) => p.status)).toEqual(['Terminating', 'Terminating']);
    expect(during.filter((p) => !before.includes(p.name) && p.status === 'Running')).toHaveLength(2);
    pg.advance(30);
    const after = pg.snapshot().pods.filter((p) => p.namespace === 'default');
    expect(after).toHaveLength(2);
    expect(after.every((p) => !before.includes(p.name) && p.containers[0]?.image === 'nginx:1.28')).toBe(true);
    const killing = pg.snapshot().events.filter((e) => e.reason === 'Killing');
    expect(killing.length).toBeGreaterThanOrEqual(2);
  });

  it('reports unchanged for an identical re-apply and keeps a scaled replica count', () => {
    const pg = createPlayground();
    pg.apply(deployment('web', 2));
    expect(pg.apply(deployment('web', 2)).results[0]?.action).toBe('unchanged');
    expect(pg.scale({ kind: 'deploy', name: 'web' }, 5).ok).toBe(true);
    expect(pg.snapshot().pods.filter((p) => p.namespace === 'default' && !p.terminating)).toHaveLength(5);
    pg.scale({ kind: 'deploy', name: 'web' }, 1);
    expect(pg.snapshot().pods.filter((p) => p.namespace === 'default' && !p.terminating)).toHaveLength(1);
  });

  it('deleting a Deployment cascades to its ReplicaSets and pods', () => {
    const pg = createPlayground();
    pg.apply(deployment('web', 2));
    expect(pg.delete({ kind: 'deployment', name: 'web' }).ok).toBe(true);
    pg.advance(60);
    expect(pg.snapshot().pods.filter((p) => p.namespace === 'default')).toEqual([]);
    expect(pg.getObject({ kind: 'rs', name: 'x' })).toBeUndefined();
  });

  it('a container that exits at once crash-loops', () => {
    const pg = createPlayground();
    pg.apply(`apiVersion: v1
kind: Pod
metadata:
  name: shell
spec:
  containers:
    - name: busybox
      image: busybox
`);
    const pod = () => pg.snapshot().pods.find((p) => p.name === 'shell')!;
    expect(pod().status).toBe('CrashLoopBackOff');
    expect(pod().ready).toBe(false);
    pg.advance(75);
    expect(pod().containers[0]!.restartCount).toBe(3);
  });
});

describe('Services', () => {
  it('allocate a ClusterIP in the range, nodePorts in range, LB IPs with a cloud and <pending> without', () => {
    const yaml = `${deployment('web', 1)}---${service('web', '  type: LoadBalancer')}`;
    const cloud = createPlayground();
    cloud.apply(yaml);
    const s = cloud.snapshot().services.find((x) => x.name === 'web')!;
    expect(s.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(s.ports[0]!.nodePort).toBeGreaterThanOrEqual(30000);
    expect(s.ports[0]!.nodePort).toBeLessThanOrEqual(32767);
    expect(s.loadBalancerIP).toMatch(/^203\.0\.113\.\d+$/);
    const none = createPlayground({ loadBalancer: 'none' });
    none.apply(yaml);
    expect(none.snapshot().services.find((x) => x.name === 'web')!.loadBalancerIP).toBeUndefined();
  });

  it('refuses a nodePort out of range or taken, with the API server message at its line', () => {
    const pg = createPlayground();
    const r = pg.apply(`apiVersion: v1
kind: Service
metadata:
  name: bad
spec:
  type: NodePort
  selector:
    app: x
  ports:
    - port: 80
      nodePort: 80
`);
    expect(errors(r)).toEqual([
      expect.objectContaining({
        code: 'invalid-value',
        path: 'spec.ports[0].nodePort',
        message: 'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
        document: 0,
        line: 11,
      }),
    ]);
    const ok = pg.apply(service('a', '  type: NodePort\n').replace('targetPort: http', 'nodePort: 30080'));
    expect(errors(ok)).toEqual([]);
    const taken = pg.apply(service('b', '  type: NodePort\n').replace('targetPort: http', 'nodePort: 30080'));
    expect(errors(taken)[0]?.message).toBe('spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
  });

  it('keeps its ClusterIP and nodePort across re-applies', () => {
    const pg = createPlayground();
    pg.apply(service('web', '  type: NodePort'));
    const first = pg.snapshot().services.find((x) => x.name === 'web')!;
    pg.apply(service('web', '  type: NodePort\n  sessionAffinity: ClientIP'));
    const second = pg.snapshot().services.find((x) => x.name === 'web')!;
    expect(second.clusterIP).toBe(first.clusterIP);
    expect(second.ports[0]!.nodePort).toBe(first.ports[0]!.nodePort);
    expect(second.sessionAffinity).toBe('ClientIP');
  });

  it('EndpointSlices resolve named target ports and follow labels', () => {
    const pg = createPlayground();
    pg.apply(`${deployment('web', 2)}---${service('web')}`);
    const slice = () => pg.snapshot().endpointSlices.find((e) => e.service === 'web')!;
    expect(slice().ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    const podIPs = pg.snapshot().pods.filter((p) => p.labels.app === 'web').map((p) => p.ip).sort();
    expect(slice().endpoints.map((e) => e.ip).sort()).toEqual(podIPs);
    expect(slice().endpoints.every((e) => e.ready && e.serving && !e.terminating && e.node)).toBe(true);
  });

  it('a pod that stops matching leaves the Service; one that starts matching joins it', () => {
    const pg = createPlayground();
    pg.apply(`apiVersion: v1
kind: Pod
metadata:
  name: lonely
  labels:
    app: web
    secure: disabled
spec:
  containers:
    - name: web
      image: nginx
      ports:
        - name: http
          containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
    secure: enabled
  ports:
    - port: 443
      targetPort: http
`);
    const eps = () => pg.snapshot().endpointSlices.find((e) => e.service === 'web')!.endpoints;
    expect(eps()).toEqual([]);
    expect(pg.label({ kind: 'pod', name: 'lonely' }, { secure: 'enabled' }).ok).toBe(false);
    expect(pg.label({ kind: 'pod', name: 'lonely' }, { secure: 'enabled' }, { overwrite: true }).ok).toBe(true);
    expect(eps()).toHaveLength(1);
  });
});

describe('Service environment variables', () => {
  it('are fixed when a container starts: a pod created before its Service lacks them until recreated', () => {
    const pg = createPlayground();
    pg.apply(deployment('my-nginx', 2));
    const pod = () => pg.snapshot().pods.find((p) => p.labels.app === 'my-nginx' && !p.terminating)!;
    const env = () => pg.exec(`default/${pod().name}`, 'printenv').stdout;
    expect(env()).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\n');
    expect(env()).not.toContain('MY_NGINX_SERVICE_HOST');
    pg.apply(service('my-nginx'));
    expect(env()).not.toContain('MY_NGINX_SERVICE_HOST');
    pg.scale({ kind: 'deploy', name: 'my-nginx' }, 0);
    pg.scale({ kind: 'deploy', name: 'my-nginx' }, 2);
    const ip = pg.snapshot().services.find((s) => s.name === 'my-nginx')!.clusterIP;
    expect(env()).toContain(`MY_NGINX_SERVICE_HOST=${ip}\n`);
    expect(env()).toContain('MY_NGINX_SERVICE_PORT=80\n');
    expect(env()).toContain(`MY_NGINX_PORT=tcp://${ip}:80\n`);
  });

  it('exec reports missing pods and containers as kubectl does', () => {
    const pg = createPlayground();
    expect(pg.exec('default/nope', 'printenv')).toMatchObject({ exitCode: 1, stderr: 'Error from server (NotFound): pods "nope" not found\n' });
  });
});

describe('apply', () => {
  it('refuses an object in a missing namespace with the API server message and a hint, applying the rest', () => {
    const pg = createPlayground();
    const r = pg.apply(`apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
  namespace: nowhere
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ok
`);
    expect(errors(r)).toEqual([expect.objectContaining({ code: 'namespace-not-found', message: 'namespaces "nowhere" not found', document: 0, line: 5 })]);
    expect(errors(r)[0]).toHaveProperty('hint');
    expect(r.applied).toEqual(['ConfigMap/default/ok']);
  });

  it('declared Nodes replace the generated ones', () => {
    const pg = createPlayground();
    const r = pg.apply(`apiVersion: v1
kind: Node
metadata:
  name: kubernetes-minion-905m
  labels:
    zone: a
`);
    expect(errors(r)).toEqual([]);
    const s = pg.snapshot();
    expect(s.nodes.map((n) => n.name)).toEqual(['kubernetes-minion-905m']);
    expect(s.nodes[0]!.podCIDR).toMatch(/^10\.244\.\d+\.0\/24$/);
    expect(s.pods.filter((p) => p.namespace === 'kube-system').every((p) => p.node === 'kubernetes-minion-905m')).toBe(true);
  });

  it('is deterministic for a seed and differs only in random names for another', () => {
    const yaml = `${deployment('web', 3)}---${service('web', '  type: NodePort')}`;
    const run = (seed: number) => {
      const pg = createPlayground({ seed });
      pg.apply(yaml);
      return pg.snapshot();
    };
    expect(JSON.stringify(run(7))).toBe(JSON.stringify(run(7)));
    expect(run(7).pods.map((p) => p.name)).not.toEqual(run(8).pods.map((p) => p.name));
  });
});

describe('restartPolicy', () => {
  it.each([
    ['Always', 'CrashLoopBackOff', 'Running', 3],
    ['OnFailure', 'Completed', 'Succeeded', 0],
    ['Never', 'Completed', 'Succeeded', 0],
  ])('a shell that exits at once under %s shows %s', (policy, status, phase, restarts) => {
    const pg = createPlayground();
    pg.apply(`apiVersion: v1
kind: Pod
metadata:
  name: shell
spec:
  restartPolicy: ${policy}
  containers:
    - name: busybox
      image: busybox
`);
    pg.advance(75);
    const pod = pg.snapshot().pods.find((p) => p.name === 'shell')!;
    expect([pod.status, pod.phase, pod.ready, pod.containers[0]!.restartCount]).toEqual([status, phase, false, restarts]);
  });
});

describe('app annotations', () => {
  it('a broken kubepath.dev/app annotation is a warning at the annotations, and the rest applies', () => {
    const pg = createPlayground();
    const r = pg.apply(`apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    kubepath.dev/app.missing: |
      routes: []
spec:
  containers:
    - name: web
      image: nginx
`);
    expect(r.applied).toEqual(['Pod/default/p']);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'app-annotation', line: 5, message: expect.stringContaining('no container named "missing"') })]);
  });
});
