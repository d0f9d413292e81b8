/**
 * The shell on a real cluster model: execInContainer builds the ShellHost from the state and
 * sends requests through the playground, as kubectl exec in seed 003 would.
 */
// oxlint-disable-next-line no-restricted-imports -- tests run under Node and read the scenario files in public/
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPlayground } from '../index';
import { execInContainer, shellHost } from './exec';

const MANIFESTS = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-nginx
spec:
  selector:
    matchLabels:
      run: my-nginx
  replicas: 2
  template:
    metadata:
      labels:
        run: my-nginx
    spec:
      containers:
      - name: my-nginx
        image: nginx
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: my-nginx
  labels:
    run: my-nginx
spec:
  ports:
  - port: 80
    protocol: TCP
  selector:
    run: my-nginx
---
apiVersion: v1
kind: Pod
metadata:
  name: busybox
spec:
  containers:
  - name: busybox
    image: busybox:1.28
    command: ["sleep", "3600"]
`;

function setup() {
  const pg = createPlayground();
  pg.apply(MANIFESTS);
  const state = pg.clusterState;
  const pod = state.objects.get('Pod')?.get('default/busybox');
  if (!pod || pod.kind !== 'Pod') throw new Error('no busybox pod');
  const run = (command: string) => execInContainer(pg.clusterState, pod, 'busybox', command, { request: (spec) => pg.request(spec) });
  const svc = pg.snapshot().services.find((s) => s.name === 'my-nginx');
  return { pg, pod, run, clusterIP: svc?.clusterIP ?? '' };
}

describe('exec on the cluster model', () => {
  it('builds the host from the pod: addresses, routes, resolv.conf, hosts', () => {
    const { pg, pod } = setup();
    const host = shellHost(pg.clusterState, pod, 'busybox');
    expect(host.imageRef).toBe('busybox:1.28');
    expect(host.podIP).toMatch(/^10\.244\.\d+\.\d+$/);
    expect(host.network.gateway).toBe(host.network.podCIDR.replace(/0\/24$/, '1'));
    expect(host.network.clusterDNS).toBe('10.96.0.10');
    expect(host.resolvConf).toContain('nameserver 10.96.0.10\n');
    expect(host.hosts).toContain(`${host.podIP}\tbusybox\n`);
    expect(host.pingable('10.96.0.10')).toBe(false);
    expect(host.pingable(host.network.gateway)).toBe(true);
  });

  it('nslookup my-nginx prints busybox 1.28 format with the real ClusterIP (seed 003)', () => {
    const { run, clusterIP } = setup();
    const r = run('nslookup my-nginx');
    expect(r.stdout).toMatch(/^Server: {4}10\.96\.0\.10\nAddress 1: 10\.96\.0\.10( kube-dns\.kube-system\.svc\.cluster\.local)?\n\nName: {6}my-nginx\nAddress 1: /);
    expect(r.stdout).toContain(`Address 1: ${clusterIP}`);
    expect(r.exitCode).toBe(0);
  });

  it('wget -qO- reaches nginx through the Service; ping of the ClusterIP gets nothing', () => {
    const { run, clusterIP } = setup();
    expect(run(`wget -qO - ${clusterIP}`).stdout).toContain('Welcome to nginx!');
    expect(run(`ping -c 2 ${clusterIP}`)).toMatchObject({ exitCode: 1 });
    expect(run(`ping -c 2 ${clusterIP}`).stdout).toContain('100% packet loss');
  });

  it('a pod IP answers ping; ip route shows the bridge as gateway', () => {
    const { pg, run } = setup();
    const nginx = pg.snapshot().pods.find((p) => p.labels.run === 'my-nginx');
    expect(run(`ping -c 1 ${nginx?.ip ?? ''}`).stdout).toContain('1 packets received');
    expect(run('ip route').stdout).toMatch(/^default via 10\.244\.\d+\.1 dev eth0 \n10\.244\.0\.0\/16 via /);
  });

  it('curl is not in busybox', () => {
    const { run } = setup();
    expect(run('curl my-nginx')).toEqual({ stdout: '', stderr: 'sh: curl: not found\n', exitCode: 127 });
  });

  it('without a network a request cannot leave the pod', () => {
    const { pg, pod } = setup();
    expect(execInContainer(pg.clusterState, pod, 'busybox', 'wget -qO- 10.96.0.1').exitCode).toBe(1);
  });
});

const stage = (file: string) => readFileSync(new URL(`../../../public/scenarios/seed-003-connecting-apps/${file}.yaml`, import.meta.url), 'utf8');

/** A shell in the first running pod with the label, after applying the YAML. */
function podRun(yaml: string, label: string) {
  const pg = createPlayground();
  pg.apply(yaml);
  const snap = pg.snapshot().pods.find((p) => Object.entries(p.labels).some(([k, v]) => `${k}=${v}` === label) && p.phase === 'Running');
  const pod = pg.clusterState.objects.get('Pod')?.get(`default/${snap?.name ?? ''}`);
  if (!pod || pod.kind !== 'Pod') throw new Error(`no pod ${label}`);
  const container = pod.spec?.containers?.[0]?.name ?? '';
  return (command: string) => execInContainer(pg.clusterState, pod, container, command, { request: (spec) => pg.request(spec) });
}

describe('seed 003 through the shell', () => {
  it('nslookup my-nginx from radial/busyboxplus:curl (old busybox format)', () => {
    const run = podRun(`${stage('01-my-nginx')}\n---\n${stage('02-my-nginx-service')}\n---\n${stage('03-dns-curl-pod')}`, 'run=curl');
    const r = run('nslookup my-nginx');
    expect(r.stdout).toMatch(/^Server: {4}10\.96\.0\.10\nAddress 1: 10\.96\.0\.10 kube-dns\.kube-system\.svc\.cluster\.local\n\nName: {6}my-nginx\nAddress 1: 10\.\d+\.\d+\.\d+ my-nginx\.default\.svc\.cluster\.local\n$/);
  });

  it('curl https://my-nginx needs --cacert (or -k), as the seed shows', () => {
    const run = podRun(stage('04-secure-https-nodeport'), 'app=curlpod');
    expect(run('curl -s https://my-nginx')).toMatchObject({ exitCode: 60 });
    // The handshake succeeds with the certificate from the mounted Secret as CA, and nginx's
    // `location / { try_files ... }` serves its welcome page.
    const ok = run("curl -s -o /dev/null -w '%{http_code}' https://my-nginx --cacert /etc/nginx/ssl/tls.crt");
    expect(ok).toMatchObject({ exitCode: 0, stdout: '200' });
    expect(run('curl -sk https://my-nginx').stdout).toContain('<title>Welcome to nginx!</title>');
  });
});
