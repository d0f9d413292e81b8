/** tracePacket, iptablesSave, conntrack and session affinity through the public API. */
import { describe, expect, it } from 'vitest';
import { createPlayground } from '../index';

const web = (replicas: number, svcExtra = '', svcType = 'ClusterIP') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: echo
          image: registry.k8s.io/echoserver:1.10
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${svcType}
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 8080
${svcExtra}`;

function setup(yaml: string) {
  const pg = createPlayground({ ingressNginx: false });
  expect(pg.apply(yaml).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const s = pg.snapshot();
  const svc = s.services.find((x) => x.name === 'web')!;
  const pods = s.pods.filter((p) => p.labels.app === 'web');
  return { pg, s, svc, pods };
}

describe('iptablesSave and tracePacket', () => {
  it('write a KUBE-SVC chain with 1/n probabilities and list every possible endpoint', () => {
    const { pg, svc, pods } = setup(web(3));
    const save = pg.iptablesSave('node-1');
    expect(save).toMatch(/^\*nat$/m);
    expect(save).toContain(`-A KUBE-SERVICES -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d ${svc.clusterIP} --dport 80 -j KUBE-SVC-`);
    expect(save).toContain('-m statistic --mode random --probability 0.3333333333');
    expect(save).toContain('-m statistic --mode random --probability 0.5000000000');
    const v = pg.tracePacket('node-1', { src: '10.244.1.250', dst: svc.clusterIP!, dport: 80 });
    expect(v.verdict).toBe('DNAT');
    expect(v.endpoints.sort()).toEqual(pods.map((p) => `${p.ip}:8080`).sort());
    expect(v.masquerade).toBe(false);
    expect(v.rules.length).toBeGreaterThan(2);
  });

  it('masquerade traffic to a ClusterIP from outside the cluster CIDR', () => {
    const { pg, svc } = setup(web(2));
    expect(pg.tracePacket('node-2', { src: '192.168.49.3', dst: svc.clusterIP!, dport: 80 }).masquerade).toBe(true);
  });

  it('REJECT for a Service without endpoints; nothing at all for headless Services', () => {
    const { pg, svc } = setup(web(0));
    expect(pg.tracePacket('node-1', { src: '10.244.1.9', dst: svc.clusterIP!, dport: 80 }).verdict).toBe('REJECT');
    const headless = setup(web(1, '  clusterIP: None'));
    expect(headless.pg.iptablesSave('node-1')).not.toContain('default/web');
  });

  it('an unknown node is an error that names it', () => {
    const { pg } = setup(web(1));
    expect(() => pg.iptablesSave('node-9')).toThrow('nodes "node-9" not found');
  });
});

describe('requests', () => {
  it('sessionAffinity ClientIP keeps one client on one endpoint; None spreads', () => {
    const sticky = setup(web(3, '  sessionAffinity: ClientIP'));
    const served = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const t = sticky.pg.request({ from: { node: 'node-1' }, url: `http://${sticky.svc.clusterIP}/` });
      if (t.outcome.kind === 'response') served.add(t.outcome.servedBy!);
    }
    expect(served.size).toBe(1);
    const spread = setup(web(3));
    const all = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const t = spread.pg.request({ from: { node: 'node-1' }, url: `http://${spread.svc.clusterIP}/` });
      if (t.outcome.kind === 'response') all.add(t.outcome.servedBy!);
    }
    expect(all.size).toBe(3);
  });

  it('hairpin: a pod reaching its own Service and landing on itself is masqueraded', () => {
    const { pg, svc, pods } = setup(web(1));
    const self = pods[0]!;
    const t = pg.request({ from: { pod: `default/${self.name}` }, url: `http://${svc.clusterIP}/` });
    expect(t.outcome).toMatchObject({ kind: 'response', status: 200 });
    expect(t.hops.some((h) => h.kind === 'masquerade')).toBe(true);
    expect(t.outcome.kind === 'response' && t.outcome.body).toContain(`client_address=${self.ip!.replace(/\.\d+$/, '.1')}`);
  });

  it('leaves a conntrack entry on the node that NATed, and forgets it on reset', () => {
    const { pg, svc, pods } = setup(web(1));
    pg.request({ from: { node: 'node-1' }, url: `http://${svc.clusterIP}/` });
    const list = pg.conntrack('node-1');
    expect(list).toMatch(new RegExp(`^tcp +6 \\d+ ESTABLISHED src=192\\.168\\.49\\.3 dst=${svc.clusterIP!.replace(/\./g, '\\.')} sport=\\d+ dport=80 src=${pods[0]!.ip!.replace(/\./g, '\\.')} dst=\\S+ sport=8080 dport=\\d+ \\[ASSURED\\]`, 'm'));
    pg.resetConnections();
    expect(pg.conntrack('node-1')).toBe('');
  });

  it('externalIPs: traffic to an external IP that reaches a node goes to the Service', () => {
    const { pg, s } = setup(web(1, '  externalIPs: ["192.0.2.10"]'));
    expect(s.nodes.some((n) => n.externalIP === '192.0.2.10')).toBe(true);
    const t = pg.request({ from: { external: '198.51.100.7' }, url: 'http://192.0.2.10/' });
    expect(t.outcome).toMatchObject({ kind: 'response', status: 200 });
  });

  it('internalTrafficPolicy Local: a pod on a node without an endpoint gets no answer', () => {
    const yaml = `${web(1, '  internalTrafficPolicy: Local')}
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
    - name: c
      image: busybox
      command: ["sleep", "infinity"]
`;
    const { pg, s, svc, pods } = setup(yaml);
    const client = s.pods.find((p) => p.name === 'client')!;
    const t = pg.request({ from: { pod: 'default/client' }, url: `http://${svc.clusterIP}/` });
    if (client.node === pods[0]!.node) expect(t.outcome).toMatchObject({ kind: 'response' });
    else expect(t.outcome).toMatchObject({ kind: 'error', code: 'timeout' });
  });
});
