import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from './placeholders';
import { fixture } from './fixture';
import type { ClusterSnapshot } from '../types';

const pg = fixture();
const snap = pg.snapshot();
const svc = (name: string, ns = 'default') => snap.services.find((s) => s.namespace === ns && s.name === name)!;
const webPod = snap.pods.find((p) => p.labels.app === 'web')!;
const nodes = [...snap.nodes].sort((a, b) => a.name.localeCompare(b.name));
const hosting = nodes.find((n) => n.name === webPod.node)!;
const other = nodes.find((n) => n.name !== webPod.node)!;

describe('fillPlaceholders', () => {
  // [text, what it becomes, worked out from the snapshot]
  const filled: [string, (s: ClusterSnapshot) => string][] = [
    ['http://web/', () => 'http://web/'],
    ['{{nodeIP:0}}', () => nodes[0]!.internalIP],
    ['{{nodeIP}}', () => nodes[0]!.internalIP],
    ['{{nodeIP:1}}', () => nodes[1]!.internalIP],
    ['{{nodeIP:node-2}}', () => nodes.find((n) => n.name === 'node-2')!.internalIP],
    ['{{nodeIP:first}}', () => nodes[0]!.internalIP],
    ['{{nodeIP:hosting:app=web}}', () => hosting.internalIP],
    ['{{nodeIP:not-hosting:app=web}}', () => other.internalIP],
    ['{{nodeIP:hosting:app=db@other}}', (s) => s.nodes.find((n) => n.name === s.pods.find((p) => p.name === 'db')!.node)!.internalIP],
    ['{{nodeExternalIP:1}}', () => nodes[1]!.externalIP!],
    ['{{nodePort:default/web-np:http}}', () => '30080'],
    ['{{nodePort:web-np}}', () => '30080'],
    ['{{nodePort:web-np:extra}}', () => String(svc('web-np').ports[1]!.nodePort)],
    ['{{nodePort:web-np:1}}', () => String(svc('web-np').ports[1]!.nodePort)],
    ['{{healthCheckNodePort:web-lb}}', () => String(svc('web-lb').healthCheckNodePort)],
    ['{{clusterIP:web}}', () => svc('web').clusterIP!],
    ['{{clusterIP:kube-system/kube-dns}}', () => '10.96.0.10'],
    ['{{lbIP:default/web-lb}}', () => svc('web-lb').loadBalancerIP!],
    ['{{podIP:run=client}}', (s) => s.pods.find((p) => p.name === 'client')!.ip!],
    ['{{podName:app=web}}', () => webPod.name],
    ['{{podName:app=db@other}}', () => 'db'],
    ['{{ clusterIP : web }}', () => svc('web').clusterIP!],
    ['http://{{nodeIP:0}}:{{nodePort:web-np:http}}/x?y={{podName:run=client}}', () => `http://${nodes[0]!.internalIP}:30080/x?y=client`],
  ];
  for (const [text, want] of filled) {
    it(`fills ${text}`, () => {
      expect(fillPlaceholders(snap, text)).toEqual({ ok: true, value: want(snap) });
    });
  }

  const refused: [string, RegExp][] = [
    ['{{clusterIP:nope}}', /service default\/nope does not exist/],
    ['{{nodePort:web}}', /service default\/web \(ClusterIP\) has no node port/],
    ['{{nodePort:web-np:https}}', /has no port https/],
    ['{{healthCheckNodePort:web-np}}', /has no healthCheckNodePort/],
    ['{{nodeIP:7}}', /node 7 does not exist/],
    ['{{nodeIP:hosting:app=nothing}}', /no node runs a ready pod matching app=nothing/],
    ['{{podIP:app=nothing}}', /no pod in default matches app=nothing/],
    ['{{podIP:app=db}}', /no pod in default matches app=db/],
    ['{{podIP:app in (}}', /invalid selector/],
    ['{{bogus:x}}', /unknown placeholder \{\{bogus\}\}/],
    ['ok {{clusterIP:web}} then {{lbIP:nope}}', /service default\/nope does not exist/],
  ];
  for (const [text, error] of refused) {
    it(`refuses ${text}`, () => {
      const r = fillPlaceholders(snap, text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(error);
    });
  }

  it('says a LoadBalancer is pending without a provider, and every node hosts when all do', () => {
    const none = fixture({ loadBalancer: 'none', nodes: 1 }).snapshot();
    expect(fillPlaceholders(none, '{{lbIP:web-lb}}')).toEqual({ ok: false, error: 'service web-lb has no external IP yet (<pending>)' });
    expect(fillPlaceholders(none, '{{nodeIP:not-hosting:app=web}}')).toEqual({ ok: false, error: 'every node runs a pod matching app=web' });
  });
});
