import { describe, expect, it } from 'vitest';
import { createPlayground } from '../../index';
import type { NodeShell } from '../workstation';

/** nginx behind a LoadBalancer Service with externalTrafficPolicy Local (one pod, on one node). */
function cluster() {
  const pg = createPlayground();
  pg.kubectl('kubectl create deployment web --image=nginx');
  pg.kubectl('kubectl expose deployment web --type=LoadBalancer --port=80');
  pg.kubectl(`kubectl patch svc web -p '{"spec":{"externalTrafficPolicy":"Local"}}'`);
  pg.advance(30);
  const web = pg.snapshot().pods.find((p) => p.name.startsWith('web-'))!;
  const svc = pg.snapshot().services.find((s) => s.name === 'web')!;
  return { pg, web, svc };
}

function ssh(pg: ReturnType<typeof createPlayground>, args = ''): NodeShell {
  const r = pg.kubectl(`minikube ssh${args}`);
  expect(r).toEqual({ stdout: '', stderr: '', exitCode: 0, interactive: { kind: 'node', node: expect.any(String) } });
  return pg.workstation().attach(r.interactive!) as NodeShell;
}

describe('minikube ssh: a login shell on a node', () => {
  it('opens on the first node by default, with Ubuntu bash’s prompt for the docker user', () => {
    const { pg } = cluster();
    const sh = ssh(pg);
    expect(sh.session).toEqual({ kind: 'node', node: 'node-1' });
    expect(sh.prompt()).toBe('docker@node-1:~$ ');
    expect(sh.run('hostname; echo $USER $HOME')).toEqual({ stdout: 'node-1\ndocker /home/docker\n', stderr: '', exitCode: 0 });
    expect(ssh(pg, ' -n node-2').prompt()).toBe('docker@node-2:~$ ');
    expect(ssh(pg, ' --node=node-2').session).toEqual({ kind: 'node', node: 'node-2' });
  });

  it('keeps variables until exit; exit says logout (bash’s login shell) and minikube adds nothing', () => {
    const sh = ssh(cluster().pg);
    sh.run('X=42');
    expect(sh.run('echo $X').stdout).toBe('42\n');
    expect(sh.run('exit')).toEqual({ stdout: '', stderr: 'logout\n', exitCode: 0, exited: true });
    expect(sh.run('echo again')).toMatchObject({ exitCode: 1, exited: true });
  });

  it.each([
    ['exit 3', 'logout\nssh: Process exited with status 3\n'],
    ['logout', ''],
    ['logout 2', 'ssh: Process exited with status 2\n'],
  ])('%s: the native SSH client’s error when the status is not 0, minikube exits 1', (line, stderr) => {
    const r = ssh(cluster().pg).run(line);
    expect(r).toEqual({ stdout: '', stderr, exitCode: stderr.includes('ssh:') ? 1 : 0, exited: true });
  });

  it('curls a pod IP from the node (seed 003: node $ curl -k https://<pod IP>), with the request in the result', () => {
    const { pg, web } = cluster();
    const r = ssh(pg).run(`curl -k https://${web.ip}`);
    // nginx listens on 80 only: refused on 443, from the node itself.
    expect(r.exitCode).toBe(7);
    const ok = ssh(pg).run(`curl -s http://${web.ip}/ | grep -o "Welcome to nginx!" | head -n 1`);
    expect(ok.stdout).toBe('Welcome to nginx!\n');
    expect(ok.traces?.map((t) => [t.request.from, t.request.url, t.outcome.kind])).toEqual([[{ node: 'node-1' }, `http://${web.ip}/`, 'response']]);
  });

  it('reaches kube-proxy on loopback: /proxyMode on 127.0.0.1:10249, /healthz on :10256', () => {
    const { pg } = cluster();
    const sh = ssh(pg);
    const mode = sh.run('curl localhost:10249/proxyMode');
    expect(mode).toMatchObject({ stdout: 'iptables', stderr: '', exitCode: 0 });
    expect(mode.traces?.[0]).toMatchObject({ outcome: { kind: 'response', status: 200, servedBy: 'node:node-1/kube-proxy' } });
    expect(mode.traces?.[0]?.hops.map((h) => h.kind)).toEqual(['send', 'respond']);
    expect(sh.run('curl -s localhost:10256/healthz').stdout).toMatch(/^\{"lastUpdated": "2026-01-01 00:00:30(\.\d+)? \+0000 UTC m=\+30\.\d{9}","currentTime": "[^"]+", "nodeEligible": true\}$/);
    expect(sh.run('curl -s 127.0.0.1:10249/metrics').stdout).toBe('404 page not found\n');
  });

  it('reaches the health-check node port on loopback: the local endpoints of that node (seed 003: curl localhost:32122/healthz)', () => {
    const { pg, web, svc } = cluster();
    const other = web.node === 'node-1' ? 'node-2' : 'node-1';
    const here = ssh(pg, ` -n ${web.node}`).run(`curl -s localhost:${svc.healthCheckNodePort}/healthz`);
    expect(here.stdout).toContain('"localEndpoints": 1');
    const there = ssh(pg, ` -n ${other}`).run(`curl -s -o /dev/null -w '%{http_code}' localhost:${svc.healthCheckNodePort}/healthz`);
    expect(there.stdout).toBe('503');
    // The Service's node port answers on the node's loopback too (kube-proxy's localhost node ports).
    expect(ssh(pg, ` -n ${web.node}`).run(`curl -s localhost:${svc.ports[0]!.nodePort}/ | grep -c "Welcome to nginx"`).stdout).toMatch(/^[1-9]/);
  });

  it('has the node’s tables behind sudo', () => {
    const sh = ssh(cluster().pg);
    expect(sh.run('iptables-save')).toEqual({ stdout: '', stderr: 'iptables-save v1.8.7 (legacy): Cannot initialize: Permission denied (you must be root)\n', exitCode: 1 });
    expect(sh.run('sudo iptables-save | grep -c KUBE-SERVICES').stdout).toMatch(/^[1-9]\d*\n$/);
    expect(sh.run('ip route').stdout).toMatch(/^default via 192\.168\.49\.1 dev eth0/);
    expect(sh.run('kubectl get pods')).toMatchObject({ stderr: 'bash: kubectl: command not found\n', exitCode: 127 });
  });
});

describe('minikube ssh with a command', () => {
  it.each([
    ['minikube ssh -- curl -s localhost:10249/proxyMode', { stdout: 'iptables', stderr: '', exitCode: 0 }],
    ['minikube ssh "curl -s localhost:10249/proxyMode"', { stdout: 'iptables', stderr: '', exitCode: 0 }],
    ['minikube ssh -n node-2 -- hostname', { stdout: 'node-2\n', stderr: '', exitCode: 0 }],
    ['minikube ssh false', { stdout: '', stderr: 'ssh: Process exited with status 1\n', exitCode: 1 }],
    ['minikube ssh -n nosuch', { stdout: '', stderr: '\n❌  Exiting due to GUEST_NODE_RETRIEVE: Node nosuch does not exist.\n\n', exitCode: 85 }],
    ['minikube ssh curl -s x', { stdout: '', stderr: "Error: unknown shorthand flag: 's' in -s\n", exitCode: 1 }],
  ])('%s', (line, expected) => {
    const { traces: _traces, ...r } = createPlayground().kubectl(line);
    expect(r).toEqual(expected);
  });

  it('carries the requests it sent, with kube-proxy’s answer', () => {
    const r = createPlayground().kubectl('minikube ssh -- curl -s localhost:10249/proxyMode');
    expect(r.traces?.map((t) => [t.request.from, t.outcome.kind])).toEqual([[{ node: 'node-1' }, 'response']]);
  });
});
