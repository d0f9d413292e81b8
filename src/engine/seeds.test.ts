/**
 * The seeds' walkthroughs (../shared/seeds), replayed through the public API with the
 * manifests in public/scenarios: every stage applies cleanly and the cluster looks the way the
 * seed shows it on a real cluster (pods and READY, Service types, ports, node ports, ClusterIPs,
 * load-balancer IPs, EndpointSlices, environment variables, Terminating pods).
 */
// oxlint-disable-next-line no-restricted-imports -- tests run under Node and read the scenario files in public/
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPlayground } from './index';
import type { ClusterPlayground } from './index';
import type { ClusterSnapshot, PlaygroundOptions, SnapshotPod, SnapshotService } from './types';

const SCENARIOS = new URL('../../public/scenarios/', import.meta.url);

function load(id: string, stage: string): string {
  return readFileSync(new URL(`${id}/${stage}.yaml`, SCENARIOS), 'utf8');
}

function stagesOf(id: string): string[] {
  return readdirSync(new URL(`${id}/`, SCENARIOS))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => f.slice(0, -'.yaml'.length));
}

/** The documents of a file, to apply some of them on their own. */
function documents(yaml: string): string[] {
  return yaml.split(/^---\s*$/m).filter((d) => /^kind:/m.test(d));
}

function kindOf(doc: string): string {
  return /^kind:\s*"?(\w+)"?/m.exec(doc)?.[1] ?? '';
}

function nameOf(doc: string): string {
  return /^metadata:\s*\n(?:\s+.*\n)*?\s+name:\s*"?([\w.-]+)"?/m.exec(doc)?.[1] ?? '';
}

function applyOk(pg: ClusterPlayground, yaml: string) {
  const result = pg.apply(yaml);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result;
}

/** A cluster after the given stages, and a few seconds for the pods to start (probes' initial delays). */
function playground(id: string, stages: string[], options: PlaygroundOptions = {}): ClusterPlayground {
  const pg = createPlayground(options);
  for (const stage of stages) applyOk(pg, load(id, stage));
  pg.advance(10);
  return pg;
}

function ipv4(ip: string): number {
  const parts = ip.split('.').map(Number);
  expect(parts).toHaveLength(4);
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

function inCidr(ip: string | undefined, cidr: string): boolean {
  if (!ip) return false;
  const [base = '', bits = '32'] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = ipv4(base);
  const n = ipv4(ip);
  return n >= start && n < start + size;
}

const SERVICE_CIDR = '10.96.0.0/12';
const CLUSTER_CIDR = '10.244.0.0/16';
const LB_NETWORK = '203.0.113.0/24';

function inNodePortRange(port: number | undefined): boolean {
  return port !== undefined && port >= 30000 && port <= 32767;
}

function service(snap: ClusterSnapshot, name: string, namespace = 'default'): SnapshotService {
  const svc = snap.services.find((s) => s.namespace === namespace && s.name === name);
  expect(svc, `service ${namespace}/${name}`).toBeDefined();
  return svc!;
}

function podsOf(snap: ClusterSnapshot, prefix: string, namespace = 'default'): SnapshotPod[] {
  return snap.pods.filter((p) => p.namespace === namespace && p.name.startsWith(prefix));
}

function pod(snap: ClusterSnapshot, name: string, namespace = 'default'): SnapshotPod {
  const p = snap.pods.find((x) => x.namespace === namespace && x.name === name);
  expect(p, `pod ${namespace}/${name}`).toBeDefined();
  return p!;
}

function selected(snap: ClusterSnapshot, labels: Record<string, string>, namespace = 'default'): SnapshotPod[] {
  return snap.pods.filter((p) => p.namespace === namespace && Object.entries(labels).every(([k, v]) => p.labels[k] === v));
}

/** READY as kubectl prints it: ready containers / containers. */
function readyColumn(p: SnapshotPod): string {
  return `${p.containers.filter((c) => c.ready).length}/${p.containers.length}`;
}

/** `kubectl get pods`: Running, READY n/n, the pod Ready. */
function expectRunning(p: SnapshotPod, containers = 1): void {
  expect(p.status, `${p.name} STATUS`).toBe('Running');
  expect(p.phase).toBe('Running');
  expect(p.terminating).toBe(false);
  expect(readyColumn(p), `${p.name} READY`).toBe(`${containers}/${containers}`);
  expect(p.ready).toBe(true);
  expect(inCidr(p.ip, CLUSTER_CIDR), `${p.name} IP ${p.ip}`).toBe(true);
  expect(p.node).toBeDefined();
}

function slicesOf(snap: ClusterSnapshot, svc: string, namespace = 'default') {
  return snap.endpointSlices.filter((s) => s.namespace === namespace && s.service === svc);
}

function endpointsOf(snap: ClusterSnapshot, svc: string, namespace = 'default') {
  return slicesOf(snap, svc, namespace).flatMap((s) => s.endpoints);
}

/** `kubectl get ep`: the ready addresses, sorted. */
function readyIPs(snap: ClusterSnapshot, svc: string, namespace = 'default'): string[] {
  return endpointsOf(snap, svc, namespace)
    .filter((e) => e.ready)
    .map((e) => e.ip)
    .sort();
}

/** The ports the slices of a Service carry (the resolved target ports). */
function slicePorts(snap: ClusterSnapshot, svc: string, namespace = 'default'): number[] {
  const ports = new Set<number>();
  for (const s of slicesOf(snap, svc, namespace)) if (s.endpoints.length > 0) for (const p of s.ports) ports.add(p.port);
  return [...ports].sort((a, b) => a - b);
}

const ips = (pods: SnapshotPod[]) => pods.map((p) => p.ip ?? '').sort();

/** `kubectl exec <pod> -- printenv`, as a map. */
function printenv(pg: ClusterPlayground, podRef: string, container?: string): Record<string, string> {
  const out = pg.exec(podRef, 'printenv', container ? { container } : {});
  expect(out.stderr).toBe('');
  expect(out.exitCode).toBe(0);
  const env: Record<string, string> = {};
  for (const line of out.stdout.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return env;
}

function expectKubernetesServiceEnv(env: Record<string, string>): void {
  expect(env.KUBERNETES_SERVICE_HOST).toBe('10.96.0.1');
  expect(env.KUBERNETES_SERVICE_PORT).toBe('443');
  expect(env.KUBERNETES_SERVICE_PORT_HTTPS).toBe('443');
}

/** Every stage of a scenario in order on one cluster, then a minute: the snapshot as JSON. */
function allStages(id: string, seed: number): string {
  const pg = createPlayground({ seed });
  for (const stage of stagesOf(id)) applyOk(pg, load(id, stage));
  pg.advance(60);
  return JSON.stringify(pg.snapshot());
}

/** Stages mixed with the imperative commands the seeds use, for the determinism check. */
function imperativeRun(): string {
  const pg = playground('seed-003-connecting-apps', ['01-my-nginx', '02-my-nginx-service']);
  pg.scale({ kind: 'deploy', name: 'my-nginx' }, 0);
  pg.scale({ kind: 'deploy', name: 'my-nginx' }, 2);
  pg.advance(60);
  applyOk(pg, load('seed-004-orchestrating-cloud', '03-secure-monolith-service'));
  pg.label({ kind: 'pod', name: 'secure-monolith' }, { secure: 'enabled' });
  pg.delete({ kind: 'pod', name: 'monolith' });
  applyOk(pg, load('seed-003-source-ip', '05-loadbalancer'));
  pg.patch({ kind: 'svc', name: 'loadbalancer' }, '{"spec":{"externalTrafficPolicy":"Local"}}', 'strategic');
  pg.advance(45);
  return JSON.stringify(pg.snapshot());
}

// ---------------------------------------------------------------------------------------------

describe('every scenario file', () => {
  const ids = readdirSync(SCENARIOS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.startsWith('seed-'))
    .map((d) => d.name)
    .sort();

  it('has the scenarios the seeds need', () => {
    expect(ids).toEqual([
      'seed-000-compose-to-k8s',
      'seed-001-service-types',
      'seed-002-ingress-rewrite',
      'seed-003-connecting-apps',
      'seed-003-source-ip',
      'seed-004-orchestrating-cloud',
    ]);
  });

  it('is listed in public/scenarios/README.md', () => {
    const readme = readFileSync(new URL('README.md', SCENARIOS), 'utf8');
    for (const id of ids) {
      expect(readme).toContain(`## ${id}`);
      for (const stage of stagesOf(id)) expect(readme, `${id}/${stage}`).toContain(`\`${stage}.yaml\``);
    }
  });

  for (const id of ids) {
    for (const stage of stagesOf(id)) {
      for (const loadBalancer of ['cloud', 'none'] as const) {
        it(`${id}/${stage} applies cleanly on a fresh cluster (loadBalancer ${loadBalancer})`, () => {
          const pg = createPlayground({ loadBalancer });
          const yaml = load(id, stage);
          const result = applyOk(pg, yaml);
          expect(result.applied).toHaveLength(documents(yaml).length);
          expect(result.results.every((r) => r.action === 'created' || r.object.startsWith('Service/ingress-nginx/'))).toBe(true);
          // Every pod a stage makes runs (no CrashLoopBackOff, nothing stuck Pending).
          pg.advance(10);
          const snap = pg.snapshot();
          for (const p of snap.pods) expectRunning(p, p.containers.length);
        });
      }
    }
  }

  for (const id of ids) {
    it(`${id}: stage after stage on one cluster; the same seed gives the same cluster`, () => {
      expect(allStages(id, 7)).toBe(allStages(id, 7));
      expect(allStages(id, 1)).toBe(allStages(id, 1));
    });
  }

  it('is deterministic through scale, label, delete, patch and the clock too', () => {
    expect(imperativeRun()).toBe(imperativeRun());
  });
});

// ---------------------------------------------------------------------------------------------

describe('seed 000: docker-compose to Kubernetes (users, auth, tasks)', () => {
  const ID = 'seed-000-compose-to-k8s';

  it('01: users-deployment runs one pod behind users-service (LoadBalancer 8080, <pending> on minikube)', () => {
    const pg = playground(ID, ['01-users'], { loadBalancer: 'none' });
    const snap = pg.snapshot();
    const users = podsOf(snap, 'users-deployment-');
    expect(users).toHaveLength(1);
    expectRunning(users[0]!);
    expect(users[0]!.name).toMatch(/^users-deployment-[a-z0-9]{8,10}-[a-z0-9]{5}$/);
    expect(users[0]!.owner).toMatch(/^ReplicaSet\/default\/users-deployment-[a-z0-9]+$/);
    expect(users[0]!.containers.map((c) => c.image)).toEqual(['wooglim/kub-demo-users']);

    const svc = service(snap, 'users-service');
    expect(svc.type).toBe('LoadBalancer');
    expect(inCidr(svc.clusterIP, SERVICE_CIDR)).toBe(true);
    expect(svc.ports).toHaveLength(1);
    expect(svc.ports[0]).toMatchObject({ port: 8080, targetPort: 8080, protocol: 'TCP' });
    expect(inNodePortRange(svc.ports[0]!.nodePort)).toBe(true);
    expect(svc.loadBalancerIP).toBeUndefined();
    expect(readyIPs(snap, 'users-service')).toEqual(ips(users));
    expect(slicePorts(snap, 'users-service')).toEqual([8080]);
  });

  it('01: with a cloud provider users-service gets an external IP', () => {
    const snap = playground(ID, ['01-users'], { loadBalancer: 'cloud' }).snapshot();
    expect(inCidr(service(snap, 'users-service').loadBalancerIP, LB_NETWORK)).toBe(true);
  });

  it('02: the new two-container pod is 2/2 Running and the old one Terminating until it is gone', () => {
    const pg = playground(ID, ['01-users'], { loadBalancer: 'none' });
    const before = podsOf(pg.snapshot(), 'users-deployment-');
    const serviceIP = service(pg.snapshot(), 'users-service').clusterIP;
    const result = applyOk(pg, load(ID, '02-users-auth-same-pod'));
    expect(result.results.map((r) => [r.object, r.action])).toEqual([
      ['Deployment/default/users-deployment', 'configured'],
      ['Service/default/users-service', 'unchanged'],
    ]);

    const snap = pg.snapshot();
    const pods = podsOf(snap, 'users-deployment-');
    expect(pods).toHaveLength(2);
    const old = pods.find((p) => p.name === before[0]!.name)!;
    const fresh = pods.find((p) => p.name !== before[0]!.name)!;
    expect(old.status).toBe('Terminating');
    expect(old.terminating).toBe(true);
    expect(readyColumn(old)).toBe('1/1');
    expectRunning(fresh, 2);
    expect(fresh.containers.map((c) => c.name)).toEqual(['users', 'auth']);
    expect(fresh.owner).not.toBe(old.owner); // a new ReplicaSet (new pod-template-hash)
    expect(service(snap, 'users-service').clusterIP).toBe(serviceIP);
    expect(readyIPs(snap, 'users-service')).toEqual([fresh.ip]);
    expect(printenv(pg, `default/${fresh.name}`, 'users').AUTH_ADDRESS).toBe('localhost');

    pg.advance(60);
    const after = podsOf(pg.snapshot(), 'users-deployment-');
    expect(after.map((p) => p.name)).toEqual([fresh.name]);
    expect(endpointsOf(pg.snapshot(), 'users-service').map((e) => e.ip)).toEqual([fresh.ip]);
  });

  it('03: auth in its own Deployment behind ClusterIP auth-service; users still points at localhost', () => {
    const pg = playground(ID, ['01-users', '02-users-auth-same-pod', '03-auth-split-localhost'], { loadBalancer: 'none' });
    pg.advance(60);
    const snap = pg.snapshot();
    const auth = podsOf(snap, 'auth-deployment-');
    const users = podsOf(snap, 'users-deployment-');
    expect(auth).toHaveLength(1);
    expect(users).toHaveLength(1);
    expectRunning(auth[0]!);
    expectRunning(users[0]!);
    expect(users[0]!.containers.map((c) => c.name)).toEqual(['users']);

    const svc = service(snap, 'auth-service');
    expect(svc.type).toBe('ClusterIP');
    expect(svc.clusterIP).toBe('10.99.190.110');
    expect(svc.ports).toEqual([expect.objectContaining({ port: 80, targetPort: 80, protocol: 'TCP' })]);
    expect(svc.ports[0]!.nodePort).toBeUndefined();
    expect(readyIPs(snap, 'auth-service')).toEqual(ips(auth));
    expect(slicePorts(snap, 'auth-service')).toEqual([80]);

    const env = printenv(pg, `default/${users[0]!.name}`);
    expect(env.AUTH_ADDRESS).toBe('localhost');
    // The users pod of this stage started after auth-service existed.
    expect(env.AUTH_SERVICE_SERVICE_HOST).toBe('10.99.190.110');
    expect(env.AUTH_SERVICE_SERVICE_PORT).toBe('80');
    expectKubernetesServiceEnv(env);
  });

  it('04: AUTH_SERVICE_SERVICE_HOST appears only in a users pod started after auth-service (delete -f, apply -f)', () => {
    const docs = documents(load(ID, '04-auth-by-clusterip'));
    const users = docs.filter((d) => nameOf(d).startsWith('users-'));
    const auth = docs.filter((d) => nameOf(d).startsWith('auth-'));
    expect(users).toHaveLength(2);
    expect(auth).toHaveLength(2);

    const pg = createPlayground({ loadBalancer: 'none' });
    applyOk(pg, users.join('---\n'));
    applyOk(pg, auth.join('---\n'));
    const early = podsOf(pg.snapshot(), 'users-deployment-')[0]!;
    const before = printenv(pg, `default/${early.name}`);
    expect(before.AUTH_ADDRESS).toBe('10.99.190.110');
    expect(before.AUTH_SERVICE_SERVICE_HOST).toBeUndefined();
    expectKubernetesServiceEnv(before);

    // kubectl delete -f=users-deployment.yaml; kubectl apply -f=users-deployment.yaml
    expect(pg.delete({ kind: 'deployment', name: 'users-deployment' }).ok).toBe(true);
    pg.advance(60);
    expect(podsOf(pg.snapshot(), 'users-deployment-')).toEqual([]);
    applyOk(pg, docs.find((d) => kindOf(d) === 'Deployment' && nameOf(d) === 'users-deployment')!);
    const late = podsOf(pg.snapshot(), 'users-deployment-');
    expect(late).toHaveLength(1);
    expectRunning(late[0]!);
    const after = printenv(pg, `default/${late[0]!.name}`);
    expect(after.AUTH_SERVICE_SERVICE_HOST).toBe('10.99.190.110');
    expect(after.AUTH_SERVICE_SERVICE_PORT).toBe('80');
    expect(after.AUTH_ADDRESS).toBe(service(pg.snapshot(), 'auth-service').clusterIP);
  });

  it('05: users and tasks find auth by DNS name; tasks-service is a LoadBalancer on 8000', () => {
    const pg = playground(ID, ['01-users', '02-users-auth-same-pod', '03-auth-split-localhost', '04-auth-by-clusterip', '05-auth-by-dns'], { loadBalancer: 'none' });
    pg.advance(60);
    const snap = pg.snapshot();
    const pods = snap.pods.filter((p) => p.namespace === 'default');
    expect(pods.map((p) => p.name.replace(/-[a-z0-9]+-[a-z0-9]{5}$/, '')).sort()).toEqual(['auth-deployment', 'tasks-deployment', 'users-deployment']);
    for (const p of pods) expectRunning(p);

    // kubectl get services (lines 301-305)
    const names = snap.services.filter((s) => s.namespace === 'default').map((s) => [s.name, s.type]);
    expect(names).toEqual([
      ['auth-service', 'ClusterIP'],
      ['kubernetes', 'ClusterIP'],
      ['tasks-service', 'LoadBalancer'],
      ['users-service', 'LoadBalancer'],
    ]);
    expect(service(snap, 'kubernetes').clusterIP).toBe('10.96.0.1');
    expect(service(snap, 'kubernetes').ports[0]).toMatchObject({ port: 443, protocol: 'TCP' });
    const tasks = service(snap, 'tasks-service');
    expect(tasks.ports[0]).toMatchObject({ port: 8000, targetPort: 8000 });
    expect(inNodePortRange(tasks.ports[0]!.nodePort)).toBe(true);
    expect(tasks.loadBalancerIP).toBeUndefined();
    expect(readyIPs(snap, 'tasks-service')).toEqual(ips(podsOf(snap, 'tasks-deployment-')));

    for (const prefix of ['users-deployment-', 'tasks-deployment-']) {
      const env = printenv(pg, `default/${podsOf(snap, prefix)[0]!.name}`);
      expect(env.AUTH_ADDRESS).toBe('auth-service.default');
      expect(env.AUTH_SERVICE_SERVICE_HOST).toBe('10.99.190.110');
    }
    expect(service(snap, 'kube-dns', 'kube-system').clusterIP).toBe('10.96.0.10');
  });
});

// ---------------------------------------------------------------------------------------------

describe('seed 001: the three Service types', () => {
  const ID = 'seed-001-service-types';

  it('01: svc-1 is a ClusterIP on 9000 whose EndpointSlice lists pod-1 on 8080', () => {
    const snap = playground(ID, ['01-clusterip']).snapshot();
    const p = pod(snap, 'pod-1');
    expectRunning(p);
    const svc = service(snap, 'svc-1');
    expect(svc.type).toBe('ClusterIP');
    expect(inCidr(svc.clusterIP, SERVICE_CIDR)).toBe(true);
    expect(svc.selector).toEqual({ app: 'pod' });
    expect(svc.ports).toEqual([expect.objectContaining({ port: 9000, targetPort: 8080, protocol: 'TCP' })]);
    expect(svc.ports[0]!.nodePort).toBeUndefined();
    expect(svc.loadBalancerIP).toBeUndefined();
    const endpoints = endpointsOf(snap, 'svc-1');
    expect(endpoints).toEqual([expect.objectContaining({ ip: p.ip, ready: true, terminating: false, pod: 'default/pod-1', node: p.node })]);
    expect(slicePorts(snap, 'svc-1')).toEqual([8080]);
  });

  it('01: a recreated pod gets a new IP; the Service keeps its IP and follows the new endpoint', () => {
    const pg = playground(ID, ['01-clusterip']);
    const first = pg.snapshot();
    const oldIP = pod(first, 'pod-1').ip;
    const serviceIP = service(first, 'svc-1').clusterIP;

    expect(pg.delete({ kind: 'pod', name: 'pod-1' }).ok).toBe(true);
    expect(pod(pg.snapshot(), 'pod-1').status).toBe('Terminating');
    expect(readyIPs(pg.snapshot(), 'svc-1')).toEqual([]);
    pg.advance(60);
    expect(pg.snapshot().pods.some((p) => p.name === 'pod-1')).toBe(false);
    expect(endpointsOf(pg.snapshot(), 'svc-1')).toEqual([]);

    applyOk(pg, load(ID, '01-clusterip'));
    const second = pg.snapshot();
    const p = pod(second, 'pod-1');
    expectRunning(p);
    expect(p.ip).not.toBe(oldIP);
    expect(service(second, 'svc-1').clusterIP).toBe(serviceIP);
    expect(readyIPs(second, 'svc-1')).toEqual([p.ip]);
  });

  it('02: svc-2 is a NodePort on 30000 (9000 -> 8080)', () => {
    const snap = playground(ID, ['02-nodeport']).snapshot();
    const svc = service(snap, 'svc-2');
    expect(svc.type).toBe('NodePort');
    expect(inCidr(svc.clusterIP, SERVICE_CIDR)).toBe(true);
    expect(svc.ports).toEqual([expect.objectContaining({ port: 9000, targetPort: 8080, nodePort: 30000, protocol: 'TCP' })]);
    expect(svc.externalTrafficPolicy).toBe('Cluster');
    expect(readyIPs(snap, 'svc-2')).toEqual([pod(snap, 'pod-1').ip]);
    expect(slicePorts(snap, 'svc-2')).toEqual([8080]);
  });

  it('03: svc-2 with externalTrafficPolicy Local keeps node port 30000 and needs no health-check port', () => {
    const pg = playground(ID, ['02-nodeport']);
    const clusterIP = service(pg.snapshot(), 'svc-2').clusterIP;
    const result = applyOk(pg, load(ID, '03-nodeport-local'));
    expect(result.results.find((r) => r.object === 'Service/default/svc-2')?.action).toBe('configured');
    const svc = service(pg.snapshot(), 'svc-2');
    expect(svc.externalTrafficPolicy).toBe('Local');
    expect(svc.ports[0]!.nodePort).toBe(30000);
    expect(svc.clusterIP).toBe(clusterIP);
    expect(svc.healthCheckNodePort).toBeUndefined();
  });

  it('04: svc-3 gets an external IP from a cloud provider and stays <pending> without one', () => {
    for (const loadBalancer of ['cloud', 'none'] as const) {
      const snap = playground(ID, ['04-loadbalancer'], { loadBalancer }).snapshot();
      const svc = service(snap, 'svc-3');
      expect(svc.type).toBe('LoadBalancer');
      expect(inCidr(svc.clusterIP, SERVICE_CIDR)).toBe(true);
      expect(svc.ports[0]).toMatchObject({ port: 9000, targetPort: 8080 });
      expect(inNodePortRange(svc.ports[0]!.nodePort)).toBe(true);
      expect(svc.externalTrafficPolicy).toBe('Cluster');
      expect(svc.healthCheckNodePort).toBeUndefined();
      if (loadBalancer === 'cloud') expect(inCidr(svc.loadBalancerIP, LB_NETWORK), svc.loadBalancerIP).toBe(true);
      else expect(svc.loadBalancerIP).toBeUndefined();
      expect(readyIPs(snap, 'svc-3')).toEqual([pod(snap, 'pod-1').ip]);
    }
  });

  it('all three Services select the same pod when applied in order', () => {
    const snap = playground(ID, stagesOf(ID)).snapshot();
    const ip = pod(snap, 'pod-1').ip;
    for (const name of ['svc-1', 'svc-2', 'svc-3']) expect(readyIPs(snap, name), name).toEqual([ip]);
    const clusterIPs = ['svc-1', 'svc-2', 'svc-3'].map((n) => service(snap, n).clusterIP);
    expect(new Set(clusterIPs).size).toBe(3);
  });
});

// ---------------------------------------------------------------------------------------------

describe('seed 002: ingress-nginx, rewrite-target and an ExternalName Service', () => {
  const ID = 'seed-002-ingress-rewrite';
  const CONTROLLER = 'ingress-nginx-controller';

  it('01: the controller Service is a NodePort with https on node port 30133; http keeps its node port', () => {
    const pg = createPlayground();
    const before = service(pg.snapshot(), CONTROLLER, 'ingress-nginx');
    const httpNodePort = before.ports.find((p) => p.name === 'http')?.nodePort;
    const result = applyOk(pg, load(ID, '01-controller-nodeport'));
    expect(result.applied).toEqual([`Service/ingress-nginx/${CONTROLLER}`]);

    const snap = pg.snapshot();
    const svc = service(snap, CONTROLLER, 'ingress-nginx');
    expect(svc.type).toBe('NodePort');
    expect(svc.clusterIP).toBe(before.clusterIP);
    expect(svc.ports.find((p) => p.name === 'https')).toMatchObject({ port: 443, targetPort: 'https', nodePort: 30133 });
    expect(svc.ports.find((p) => p.name === 'http')).toMatchObject({ port: 80, targetPort: 'http', nodePort: httpNodePort });

    const controllers = snap.pods.filter((p) => p.namespace === 'ingress-nginx');
    expect(controllers).toHaveLength(1);
    expectRunning(controllers[0]!);
    expect(readyIPs(snap, CONTROLLER, 'ingress-nginx')).toEqual(ips(controllers));
    // Named target ports resolve to the controller container's 80 and 443.
    expect(slicePorts(snap, CONTROLLER, 'ingress-nginx')).toEqual([80, 443]);
  });

  it('02: the Ingress in nginx routes to an ExternalName Service for the app in chatforyou-io', () => {
    const pg = playground(ID, ['01-controller-nodeport', '02-externalname-ingress']);
    const snap = pg.snapshot();
    expect(snap.namespaces).toEqual(expect.arrayContaining(['nginx', 'chatforyou-io', 'ingress-nginx']));

    const app = snap.pods.filter((p) => p.namespace === 'chatforyou-io');
    expect(app).toHaveLength(1);
    expectRunning(app[0]!);
    const backend = service(snap, 'chatforyou-io-service', 'chatforyou-io');
    expect(backend.type).toBe('ClusterIP');
    expect(inCidr(backend.clusterIP, SERVICE_CIDR)).toBe(true);
    expect(backend.ports[0]).toMatchObject({ port: 8443, targetPort: 8443 });
    expect(readyIPs(snap, 'chatforyou-io-service', 'chatforyou-io')).toEqual(ips(app));
    expect(slicePorts(snap, 'chatforyou-io-service', 'chatforyou-io')).toEqual([8443]);

    const external = service(snap, 'chatforyou-io-svc', 'nginx');
    expect(external.type).toBe('ExternalName');
    expect(external.externalName).toBe('chatforyou-io-service.chatforyou-io.svc.cluster.local');
    expect(external.clusterIP).toBeUndefined();
    expect(external.selector).toBeUndefined();
    expect(external.ports).toEqual([expect.objectContaining({ name: 'http', port: 8443, protocol: 'TCP' })]);
    expect(slicesOf(snap, 'chatforyou-io-svc', 'nginx')).toEqual([]);

    expect(snap.ingresses).toHaveLength(1);
    const ing = snap.ingresses[0]!;
    expect(ing).toMatchObject({ namespace: 'nginx', name: 'chatforyou-io-ingress', className: 'nginx' });
    // The seed's annotations, next to kubectl apply's last-applied-configuration.
    const { 'kubectl.kubernetes.io/last-applied-configuration': _lastApplied, ...annotations } = ing.annotations;
    expect(annotations).toEqual({
      'nginx.ingress.kubernetes.io/app-root': '/',
      'nginx.ingress.kubernetes.io/rewrite-target': '/$2',
      'nginx.ingress.kubernetes.io/session-cookie-name': 'route',
      'nginx.ingress.kubernetes.io/use-regex': 'true',
    });
    expect(ing.rules).toEqual([
      {
        host: 'myproject.project.io',
        http: {
          paths: [
            {
              path: '/chatforyouio(/|$)(.*)',
              pathType: 'Prefix',
              backend: { service: { name: 'chatforyou-io-svc', port: { number: 8443 } } },
            },
          ],
        },
      },
    ]);
  });

  it('02: without the Namespace objects the namespaced ones are refused (namespaces "nginx" not found)', () => {
    const pg = createPlayground();
    const docs = documents(load(ID, '02-externalname-ingress')).filter((d) => kindOf(d) !== 'Namespace');
    const result = pg.apply(docs.join('---\n'));
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message).sort()).toEqual([
      'namespaces "chatforyou-io" not found',
      'namespaces "chatforyou-io" not found',
      'namespaces "nginx" not found',
      'namespaces "nginx" not found',
    ]);
    expect(result.applied).toEqual([`Service/ingress-nginx/${CONTROLLER}`]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('seed 003: connecting applications with services', () => {
  const ID = 'seed-003-connecting-apps';

  it('01: two nginx replicas on two nodes, without MY_NGINX_SERVICE_* in their environment', () => {
    const pg = playground(ID, ['01-my-nginx']);
    const snap = pg.snapshot();
    const pods = selected(snap, { run: 'my-nginx' });
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expectRunning(p);
      expect(p.name).toMatch(/^my-nginx-[a-z0-9]+-[a-z0-9]{5}$/);
      const env = printenv(pg, `default/${p.name}`);
      expectKubernetesServiceEnv(env);
      expect(env.MY_NGINX_SERVICE_HOST).toBeUndefined();
    }
    expect(new Set(pods.map((p) => p.node)).size).toBe(2);
    expect(new Set(pods.map((p) => p.ip)).size).toBe(2);
  });

  it('02: kubectl expose; old pods keep their environment until scale 0 / scale 2 recreates them', () => {
    const pg = playground(ID, ['01-my-nginx']);
    const first = selected(pg.snapshot(), { run: 'my-nginx' });
    const result = applyOk(pg, load(ID, '02-my-nginx-service'));
    expect(result.results.map((r) => [r.object, r.action])).toEqual([
      ['Deployment/default/my-nginx', 'unchanged'],
      ['Service/default/my-nginx', 'created'],
    ]);

    let snap = pg.snapshot();
    const svc = service(snap, 'my-nginx');
    expect(svc.type).toBe('ClusterIP');
    expect(inCidr(svc.clusterIP, SERVICE_CIDR)).toBe(true);
    expect(svc.ports).toEqual([expect.objectContaining({ port: 80, targetPort: 80, protocol: 'TCP' })]);
    expect(svc.selector).toEqual({ run: 'my-nginx' });
    expect(selected(snap, { run: 'my-nginx' }).map((p) => p.name)).toEqual(first.map((p) => p.name));
    // kubectl describe svc / get ep: the pods' IPs on port 80
    expect(readyIPs(snap, 'my-nginx')).toEqual(ips(first));
    expect(slicePorts(snap, 'my-nginx')).toEqual([80]);
    for (const p of first) {
      const env = printenv(pg, `default/${p.name}`);
      expect(env.MY_NGINX_SERVICE_HOST).toBeUndefined();
      expectKubernetesServiceEnv(env);
    }

    expect(pg.scale({ kind: 'deploy', name: 'my-nginx' }, 0).ok).toBe(true);
    expect(selected(pg.snapshot(), { run: 'my-nginx' }).every((p) => p.terminating)).toBe(true);
    expect(readyIPs(pg.snapshot(), 'my-nginx')).toEqual([]);
    expect(pg.scale({ kind: 'deploy', name: 'my-nginx' }, 2).ok).toBe(true);
    pg.advance(60);

    snap = pg.snapshot();
    const second = selected(snap, { run: 'my-nginx' });
    expect(second).toHaveLength(2);
    for (const p of second) {
      expectRunning(p);
      expect(first.map((x) => x.name)).not.toContain(p.name);
      expect(p.owner).toBe(first[0]!.owner); // same ReplicaSet, same pod-template-hash
      const env = printenv(pg, `default/${p.name}`);
      expect(env.MY_NGINX_SERVICE_HOST).toBe(svc.clusterIP);
      expect(env.MY_NGINX_SERVICE_PORT).toBe('80');
      expectKubernetesServiceEnv(env);
    }
    expect(service(snap, 'my-nginx').clusterIP).toBe(svc.clusterIP);
    expect(readyIPs(snap, 'my-nginx')).toEqual(ips(second));
    expect(endpointsOf(snap, 'my-nginx')).toHaveLength(2);
  });

  it('03: kube-dns is the ClusterIP .10 in front of CoreDNS; the curl pod (-i --tty) keeps running', () => {
    const pg = playground(ID, ['01-my-nginx', '02-my-nginx-service', '03-dns-curl-pod']);
    const snap = pg.snapshot();
    const dns = service(snap, 'kube-dns', 'kube-system');
    expect(dns.type).toBe('ClusterIP');
    expect(dns.clusterIP).toBe('10.96.0.10');
    expect(dns.ports.map((p) => `${p.port}/${p.protocol}`)).toEqual(expect.arrayContaining(['53/UDP', '53/TCP']));
    const coredns = selected(snap, { 'k8s-app': 'kube-dns' }, 'kube-system');
    expect(coredns).toHaveLength(2);
    expect(readyIPs(snap, 'kube-dns', 'kube-system')).toEqual(ips(coredns));

    const curl = pod(snap, 'curl');
    expectRunning(curl);
    expect(curl.labels).toEqual({ run: 'curl' });
    const env = printenv(pg, 'default/curl');
    expect(env.MY_NGINX_SERVICE_HOST).toBe(service(snap, 'my-nginx').clusterIP);
  });

  it('04: after delete deployments,svc my-nginx: nginx https behind a NodePort with two ports', () => {
    const pg = playground(ID, ['01-my-nginx', '02-my-nginx-service']);
    expect(pg.delete({ kind: 'deployments', name: 'my-nginx' }).ok).toBe(true);
    expect(pg.delete({ kind: 'svc', name: 'my-nginx' }).ok).toBe(true);
    pg.advance(60);
    expect(selected(pg.snapshot(), { run: 'my-nginx' })).toEqual([]);
    applyOk(pg, load(ID, '04-secure-https-nodeport'));

    const snap = pg.snapshot();
    const nginx = selected(snap, { run: 'my-nginx' });
    expect(nginx).toHaveLength(1);
    expectRunning(nginx[0]!);
    expect(nginx[0]!.containers.map((c) => c.image)).toEqual(['bprashanth/nginxhttps:1.0']);
    const curl = selected(snap, { app: 'curlpod' });
    expect(curl).toHaveLength(1);
    expectRunning(curl[0]!);

    const svc = service(snap, 'my-nginx');
    expect(svc.type).toBe('NodePort');
    expect(svc.ports).toEqual([
      expect.objectContaining({ name: 'http', port: 8080, targetPort: 80, protocol: 'TCP' }),
      expect.objectContaining({ name: 'https', port: 443, targetPort: 443, protocol: 'TCP' }),
    ]);
    for (const p of svc.ports) expect(inNodePortRange(p.nodePort), `${p.name} nodePort`).toBe(true);
    expect(svc.ports[0]!.nodePort).not.toBe(svc.ports[1]!.nodePort);
    expect(readyIPs(snap, 'my-nginx')).toEqual(ips(nginx));
    const slice = slicesOf(snap, 'my-nginx').find((s) => s.endpoints.length > 0)!;
    expect(slice.ports.map((p) => [p.name, p.port]).sort()).toEqual([
      ['http', 80],
      ['https', 443],
    ]);
    expect(printenv(pg, `default/${curl[0]!.name}`).MY_NGINX_SERVICE_PORT_HTTPS).toBe('443');
  });

  it('05: kubectl edit to LoadBalancer keeps the ClusterIP and node ports and adds an external IP', () => {
    const pg = playground(ID, ['04-secure-https-nodeport']);
    const before = service(pg.snapshot(), 'my-nginx');
    const result = applyOk(pg, load(ID, '05-loadbalancer'));
    expect(result.results.filter((r) => r.action !== 'unchanged').map((r) => r.object)).toEqual(['Service/default/my-nginx']);
    const after = service(pg.snapshot(), 'my-nginx');
    expect(after.type).toBe('LoadBalancer');
    expect(after.clusterIP).toBe(before.clusterIP);
    expect(after.ports.map((p) => p.nodePort)).toEqual(before.ports.map((p) => p.nodePort));
    expect(inCidr(after.loadBalancerIP, LB_NETWORK)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe('seed 003: using source IP', () => {
  const ID = 'seed-003-source-ip';

  it('01: kubectl create deployment source-ip-app runs one echoserver', () => {
    const snap = playground(ID, ['01-source-ip-app'], { nodes: 3 }).snapshot();
    expect(snap.nodes).toHaveLength(3);
    const pods = selected(snap, { app: 'source-ip-app' });
    expect(pods).toHaveLength(1);
    expectRunning(pods[0]!);
    expect(pods[0]!.containers.map((c) => [c.name, c.image])).toEqual([['echoserver', 'registry.k8s.io/echoserver:1.4']]);
    expect(snap.deployments.find((d) => d.name === 'source-ip-app')).toMatchObject({ replicas: 1, readyReplicas: 1, selector: { app: 'source-ip-app' } });
  });

  it('02: Service clusterip (80 -> 8080); the busybox pod of kubectl run -it stays Running', () => {
    const snap = playground(ID, ['01-source-ip-app', '02-clusterip'], { nodes: 3 }).snapshot();
    const svc = service(snap, 'clusterip');
    expect(svc.type).toBe('ClusterIP');
    expect(svc.ports).toEqual([expect.objectContaining({ port: 80, targetPort: 8080, protocol: 'TCP' })]);
    expect(readyIPs(snap, 'clusterip')).toEqual(ips(selected(snap, { app: 'source-ip-app' })));
    expect(slicePorts(snap, 'clusterip')).toEqual([8080]);
    // `kubectl run busybox -it --restart=Never`: sh with a terminal attached waits for input.
    const busybox = pod(snap, 'busybox');
    expectRunning(busybox);
    expect(busybox.containers[0]!.restartCount).toBe(0);
  });

  it('03-04: Service nodeport, then externalTrafficPolicy Local by patch or by apply, same node port', () => {
    const pg = playground(ID, ['01-source-ip-app', '02-clusterip', '03-nodeport'], { nodes: 3 });
    const svc = service(pg.snapshot(), 'nodeport');
    expect(svc.type).toBe('NodePort');
    expect(svc.externalTrafficPolicy).toBe('Cluster');
    expect(inNodePortRange(svc.ports[0]!.nodePort)).toBe(true);
    expect(svc.ports[0]).toMatchObject({ port: 80, targetPort: 8080 });

    const patched = pg.patch({ kind: 'svc', name: 'nodeport' }, '{"spec":{"externalTrafficPolicy":"Local"}}', 'strategic');
    expect(patched).toEqual({ ok: true });
    const local = service(pg.snapshot(), 'nodeport');
    expect(local.externalTrafficPolicy).toBe('Local');
    expect(local.ports[0]!.nodePort).toBe(svc.ports[0]!.nodePort);
    expect(local.clusterIP).toBe(svc.clusterIP);
    expect(local.healthCheckNodePort).toBeUndefined();

    const applied = playground(ID, ['01-source-ip-app', '02-clusterip', '03-nodeport', '04-nodeport-local'], { nodes: 3 });
    expect(service(applied.snapshot(), 'nodeport')).toEqual(service(pg.snapshot(), 'nodeport'));
  });

  it('05-06: Service loadbalancer; externalTrafficPolicy Local allocates a healthCheckNodePort', () => {
    const pg = playground(ID, ['01-source-ip-app', '02-clusterip', '03-nodeport', '04-nodeport-local', '05-loadbalancer'], { nodes: 3 });
    const lb = service(pg.snapshot(), 'loadbalancer');
    expect(lb.type).toBe('LoadBalancer');
    expect(lb.externalTrafficPolicy).toBe('Cluster');
    expect(lb.healthCheckNodePort).toBeUndefined();
    expect(inCidr(lb.loadBalancerIP, LB_NETWORK)).toBe(true);
    expect(inNodePortRange(lb.ports[0]!.nodePort)).toBe(true);
    expect(readyIPs(pg.snapshot(), 'loadbalancer')).toEqual(ips(selected(pg.snapshot(), { app: 'source-ip-app' })));

    applyOk(pg, load(ID, '06-loadbalancer-local'));
    const local = service(pg.snapshot(), 'loadbalancer');
    expect(local.externalTrafficPolicy).toBe('Local');
    expect(inNodePortRange(local.healthCheckNodePort)).toBe(true);
    const nodePorts = pg.snapshot().services.flatMap((s) => s.ports.map((p) => p.nodePort));
    expect(nodePorts).not.toContain(local.healthCheckNodePort);
    expect(local.ports[0]!.nodePort).toBe(lb.ports[0]!.nodePort);
    expect(local.loadBalancerIP).toBe(lb.loadBalancerIP);
    expect(local.clusterIP).toBe(lb.clusterIP);

    // kubectl patch svc loadbalancer -p '{"spec":{"externalTrafficPolicy":"Local"}}' does the same.
    const viaPatch = playground(ID, ['01-source-ip-app', '02-clusterip', '03-nodeport', '04-nodeport-local', '05-loadbalancer'], { nodes: 3 });
    expect(viaPatch.patch({ kind: 'service', name: 'loadbalancer' }, '{"spec":{"externalTrafficPolicy":"Local"}}', 'merge').ok).toBe(true);
    const patched = service(viaPatch.snapshot(), 'loadbalancer');
    expect(patched.externalTrafficPolicy).toBe('Local');
    expect(inNodePortRange(patched.healthCheckNodePort)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe('seed 004: Orchestrating the Cloud with Kubernetes', () => {
  const ID = 'seed-004-orchestrating-cloud';

  it('01: nginx:1.10.0 exposed by a LoadBalancer on 80 with an external IP', () => {
    const snap = playground(ID, ['01-nginx'], { loadBalancer: 'cloud' }).snapshot();
    const pods = selected(snap, { app: 'nginx' });
    expect(pods).toHaveLength(1);
    expectRunning(pods[0]!);
    expect(pods[0]!.containers.map((c) => [c.name, c.image])).toEqual([['nginx', 'nginx:1.10.0']]);
    const svc = service(snap, 'nginx');
    expect(svc.type).toBe('LoadBalancer');
    expect(svc.ports[0]).toMatchObject({ port: 80, targetPort: 80, protocol: 'TCP' });
    expect(inCidr(svc.loadBalancerIP, LB_NETWORK)).toBe(true);
    expect(readyIPs(snap, 'nginx')).toEqual(ips(pods));
  });

  it('02: the monolith pod runs with its http and health ports', () => {
    const snap = playground(ID, ['02-monolith-pod']).snapshot();
    const p = pod(snap, 'monolith');
    expectRunning(p);
    expect(p.labels).toEqual({ app: 'monolith' });
    expect(p.containers[0]!.ports).toEqual([
      { name: 'http', containerPort: 80, protocol: 'TCP' },
      { name: 'health', containerPort: 81, protocol: 'TCP' },
    ]);
  });

  it('03: Service monolith has no endpoints until secure-monolith is labelled secure=enabled', () => {
    const pg = playground(ID, ['01-nginx', '02-monolith-pod', '03-secure-monolith-service']);
    let snap = pg.snapshot();
    expectRunning(pod(snap, 'monolith'));
    const secure = pod(snap, 'secure-monolith');
    expectRunning(secure, 2);
    expect(secure.containers.map((c) => c.name)).toEqual(['nginx', 'monolith']);

    const svc = service(snap, 'monolith');
    expect(svc.type).toBe('NodePort');
    expect(svc.selector).toEqual({ app: 'monolith', secure: 'enabled' });
    expect(svc.ports).toEqual([expect.objectContaining({ port: 443, targetPort: 443, nodePort: 31000, protocol: 'TCP' })]);
    // kubectl get pods -l "app=monolith,secure=enabled": nothing
    expect(selected(snap, { app: 'monolith', secure: 'enabled' })).toEqual([]);
    expect(endpointsOf(snap, 'monolith')).toEqual([]);

    expect(pg.label({ kind: 'pod', name: 'secure-monolith' }, { secure: 'enabled' })).toEqual({ ok: true });
    snap = pg.snapshot();
    expect(selected(snap, { app: 'monolith', secure: 'enabled' }).map((p) => p.name)).toEqual(['secure-monolith']);
    expect(endpointsOf(snap, 'monolith')).toEqual([expect.objectContaining({ ip: secure.ip, ready: true, pod: 'default/secure-monolith' })]);
    expect(slicePorts(snap, 'monolith')).toEqual([443]);
    expect(service(snap, 'monolith').clusterIP).toBe(svc.clusterIP);

    // Labelling again without --overwrite is refused; removing the label empties the Service again.
    expect(pg.label({ kind: 'pod', name: 'secure-monolith' }, { secure: 'disabled' }).ok).toBe(false);
    expect(pg.label({ kind: 'pod', name: 'secure-monolith' }, { secure: null }).ok).toBe(true);
    expect(endpointsOf(pg.snapshot(), 'monolith')).toEqual([]);
  });

  it('03: re-applying the file keeps the label kubectl label added (kubectl apply three-way merge)', () => {
    const pg = playground(ID, ['03-secure-monolith-service']);
    expect(pg.label({ kind: 'pod', name: 'secure-monolith' }, { secure: 'enabled' }).ok).toBe(true);
    applyOk(pg, load(ID, '03-secure-monolith-service'));
    const snap = pg.snapshot();
    expect(pod(snap, 'secure-monolith').labels).toEqual({ app: 'monolith', secure: 'enabled' });
    expect(readyIPs(snap, 'monolith')).toEqual([pod(snap, 'secure-monolith').ip]);
  });

  it('04: auth, hello and frontend; only frontend is a LoadBalancer; hello scales to 3', () => {
    const pg = playground(ID, ['01-nginx', '02-monolith-pod', '03-secure-monolith-service', '04-microservices'], { loadBalancer: 'cloud' });
    let snap = pg.snapshot();
    for (const app of ['auth', 'hello', 'frontend']) {
      const pods = selected(snap, { app, track: 'stable' });
      expect(pods, app).toHaveLength(1);
      expectRunning(pods[0]!);
      expect(readyIPs(snap, app), app).toEqual(ips(pods));
    }
    expect(selected(snap, { app: 'auth' })[0]!.containers[0]!.image).toBe('kelseyhightower/auth:2.0.0');
    expect(selected(snap, { app: 'hello' })[0]!.containers[0]!.image).toBe('kelseyhightower/hello:2.0.0');
    expect(selected(snap, { app: 'frontend' })[0]!.containers[0]!.image).toBe('nginx:1.9.14');
    for (const name of ['auth', 'hello']) {
      const svc = service(snap, name);
      expect(svc.type, name).toBe('ClusterIP');
      expect(svc.ports[0]).toMatchObject({ port: 80, targetPort: 80 });
      expect(slicePorts(snap, name)).toEqual([80]);
    }
    const frontend = service(snap, 'frontend');
    expect(frontend.type).toBe('LoadBalancer');
    expect(frontend.ports[0]).toMatchObject({ port: 443, targetPort: 443 });
    expect(inCidr(frontend.loadBalancerIP, LB_NETWORK)).toBe(true);
    expect(frontend.loadBalancerIP).not.toBe(service(snap, 'nginx').loadBalancerIP);

    expect(pg.scale({ kind: 'deployment', name: 'hello' }, 3).ok).toBe(true);
    snap = pg.snapshot();
    const hello = selected(snap, { app: 'hello' });
    expect(hello).toHaveLength(3);
    for (const p of hello) expectRunning(p);
    expect(readyIPs(snap, 'hello')).toEqual(ips(hello));
    expect(snap.deployments.find((d) => d.name === 'hello')).toMatchObject({ replicas: 3, readyReplicas: 3 });
  });
});
