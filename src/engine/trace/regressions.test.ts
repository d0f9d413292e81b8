/** Regressions found in review: each is how real Linux/Kubernetes behaves. */
import { describe, expect, it } from 'vitest';
import { createPlayground } from '../index';

const echo = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
${extra}  containers:
    - name: echo
      image: registry.k8s.io/echoserver:1.10
`;
const svc = (name: string, type = 'ClusterIP') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: ${type}
  selector:
    app: ${name}
  ports:
    - port: 80
      targetPort: 8080
`;

const namedNode = (n: string) => `apiVersion: v1\nkind: Node\nmetadata:\n  name: ${n}\n`;
const workerAt = (ip: string) =>
  `apiVersion: v1\nkind: Node\nmetadata:\n  name: worker\nstatus:\n  addresses:\n    - type: InternalIP\n      address: ${ip}\n`;

describe('review regressions', () => {
  it('a NodePort on another node answers from a pod and from a node (that node DNATs it)', () => {
    const pg = createPlayground({ ingressNginx: false });
    pg.apply(`${echo('web', '  nodeName: node-1\n')}---\n${svc('web', 'NodePort')}---\n${echo('client', '  nodeName: node-1\n')}`);
    const s = pg.snapshot();
    const port = s.services.find((x) => x.name === 'web')!.ports[0]!.nodePort!;
    const node2 = s.nodes.find((n) => n.name === 'node-2')!;
    for (const from of [{ pod: 'default/client' }, { node: 'node-1' }]) {
      const t = pg.request({ from, url: `http://${node2.internalIP}:${port}/` });
      expect(t.outcome).toMatchObject({ kind: 'response', status: 200 });
      expect(t.hops.find((h) => h.kind === 'dnat')!.at).toBe('node:node-2');
    }
  });

  it('a large certificate bundle in a mounted Secret does not break request()', () => {
    const pg = createPlayground();
    const big = btoa(`-----BEGIN CERTIFICATE-----\n${'A'.repeat(170_000)}\n-----END CERTIFICATE-----\n`);
    pg.apply(`apiVersion: v1
kind: Secret
metadata:
  name: big
data:
  tls.crt: ${big}
---
apiVersion: v1
kind: Pod
metadata:
  name: tls
spec:
  volumes:
    - name: s
      secret:
        secretName: big
  containers:
    - name: nginx
      image: nginx
      volumeMounts:
        - name: s
          mountPath: /etc/nginx/ssl
`);
    const ip = pg.snapshot().pods.find((p) => p.name === 'tls')!.ip!;
    expect(() => pg.request({ from: { node: 'node-1' }, url: `https://${ip}/` })).not.toThrow();
  });

  it('declaring both generated node names keeps both nodes', () => {
    const pg = createPlayground();
    pg.apply(`${namedNode('node-1')}---\n${namedNode('node-2')}`);
    expect(pg.snapshot().nodes.map((n) => n.name)).toEqual(['node-1', 'node-2']);
    expect(pg.snapshot().nodes.every((n) => n.labels['kubepath.dev/generated'] === undefined)).toBe(true);
  });

  it('re-applying a declared Node with a new address changes its address', () => {
    const pg = createPlayground();
    pg.apply(workerAt('192.168.49.5'));
    pg.apply(workerAt('192.168.49.9'));
    expect(pg.snapshot().nodes.find((n) => n.name === 'worker')!.internalIP).toBe('192.168.49.9');
  });

  it('a ClusterIP answered by a hostNetwork pod on the same node is un-NATed on the way back', () => {
    const pg = createPlayground({ ingressNginx: false });
    pg.apply(`${echo('host', '  hostNetwork: true\n  nodeName: node-1\n')}---\n${svc('host')}`);
    const ip = pg.snapshot().services.find((x) => x.name === 'host')!.clusterIP!;
    const t = pg.request({ from: { node: 'node-1' }, url: `http://${ip}/` });
    expect(t.outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(t.hops.at(-1)!.packet.src).toBe(`${ip}:80`);
  });

  it('two hostNetwork pods on one node: the one listening answers', () => {
    const pg = createPlayground({ ingressNginx: false });
    pg.apply(`apiVersion: v1
kind: Pod
metadata:
  name: h1
spec:
  hostNetwork: true
  nodeName: node-1
  containers:
    - name: sh
      image: busybox
      command: ["sleep", "infinity"]
---
${echo('h2', '  hostNetwork: true\n  nodeName: node-1\n')}`);
    const node1 = pg.snapshot().nodes.find((n) => n.name === 'node-1')!;
    const fromOutside = pg.request({ from: { external: '198.51.100.79' }, url: `http://${node1.internalIP}:8080/` });
    expect(fromOutside.outcome).toMatchObject({ kind: 'response', servedBy: 'pod:default/h2/echo' });
    const fromH1 = pg.request({ from: { pod: 'default/h1' }, url: 'http://localhost:8080/' });
    expect(fromH1.outcome).toMatchObject({ kind: 'response', servedBy: 'pod:default/h2/echo' });
  });
});
