/** proxyInput from a running playground: what each node's kube-proxy sees, and its rules. */
import { describe, expect, it } from 'vitest';
import { createPlayground } from '../../index';
import { proxyInput } from './input';
import { iptablesSave } from './rules';

const web = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: v1
kind: Service
metadata: {name: web-headless}
spec:
  clusterIP: None
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: elsewhere}
spec:
  type: ExternalName
  externalName: example.com
`;

function cluster() {
  const pg = createPlayground();
  pg.apply(web);
  pg.advance(30);
  return pg;
}

describe('proxyInput', () => {
  it('reads the node, its addresses and kube-proxy defaults from the cluster', () => {
    const pg = createPlayground();
    const input = proxyInput(pg.clusterState, 'node-1');
    const node = pg.snapshot().nodes.find((n) => n.name === 'node-1')!;
    expect(input.node).toMatchObject({ name: 'node-1', ip: node.internalIP, addresses: [node.internalIP, node.externalIP] });
    expect(input.config).toMatchObject({ clusterCIDR: '10.244.0.0/16', masqueradeBit: 14, nodePortAddresses: [], localhostNodePorts: true });
  });

  it('gives the add-ons the chain names a real cluster has', () => {
    const dump = iptablesSave(proxyInput(createPlayground().clusterState, 'node-1'));
    expect(dump).toContain('-A KUBE-SERVICES -m comment --comment "default/kubernetes:https cluster IP" -m tcp -p tcp -d 10.96.0.1 --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y');
    expect(dump).toContain('-A KUBE-SERVICES -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp -p udp -d 10.96.0.10 --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU');
    expect(dump).toContain('-A KUBE-SERVICES -m comment --comment "kube-system/kube-dns:dns-tcp cluster IP" -m tcp -p tcp -d 10.96.0.10 --dport 53 -j KUBE-SVC-ERIFXISQEP7F7OF4');
    expect(dump).toContain('-j KUBE-SVC-JD5MR3NA4I4DYORP');
  });

  it('marks the endpoints on this node local, so each node has its own KUBE-SVL', () => {
    const pg = cluster();
    const pods = pg.snapshot().pods.filter((p) => p.labels.app === 'web');
    for (const nodeName of ['node-1', 'node-2']) {
      const input = proxyInput(pg.clusterState, nodeName);
      const port = input.servicePorts.find((s) => s.name === 'web')!;
      expect(port.externalPolicyLocal).toBe(true);
      expect(port.healthCheckNodePort).toBeGreaterThan(0);
      expect(port.endpoints.map((e) => e.ip).sort()).toEqual(pods.map((p) => p.ip).sort());
      const local = pods.filter((p) => p.node === nodeName).map((p) => `${p.ip}:80`);
      expect(port.endpoints.filter((e) => e.isLocal).map((e) => e.endpoint).sort()).toEqual(local.sort());
      expect(port.endpoints.every((e) => e.pod?.startsWith('default/web-') && e.nodeName)).toBe(true);
      const svl = iptablesSave(input)
        .split('\n')
        .filter((l) => l.startsWith('-A KUBE-SVL-'));
      expect(svl.map((l) => /-> (\S+)"/.exec(l)?.[1]).sort()).toEqual(local.sort());
    }
  });

  it('leaves headless and ExternalName Services out', () => {
    const pg = cluster();
    const input = proxyInput(pg.clusterState, 'node-1');
    expect(input.servicePorts.map((s) => s.name)).not.toContain('web-headless');
    expect(input.servicePorts.map((s) => s.name)).not.toContain('elsewhere');
    expect(iptablesSave(input)).not.toMatch(/web-headless|elsewhere/);
  });

  it('applies configuration overrides', () => {
    const input = proxyInput(createPlayground().clusterState, 'node-2', { masqueradeAll: true, nodePortAddresses: ['primary'] });
    expect(input.config.masqueradeAll).toBe(true);
    expect(iptablesSave(input)).toContain(`-d ${input.node.ip} -j KUBE-NODEPORTS`);
  });

  it('refuses a node the cluster does not have', () => {
    expect(() => proxyInput(createPlayground().clusterState, 'node-9')).toThrow(/no node named "node-9"/);
  });
});
