/**
 * Upstream packet-flow tables (pkg/proxy/iptables/proxier_test.go) replayed against our
 * dumps with the same tracer logic: masquerading for internal and external traffic,
 * externalTrafficPolicy Local/Cluster, and loadBalancerSourceRanges.
 */
import { describe, expect, it } from 'vitest';
import { iptablesSave } from './rules';
import {
  TEST_EXTERNAL_CLIENT as EXT,
  TEST_EXTERNAL_CLIENT_BLOCKED as BLOCKED,
  TEST_NODE_IP as NODE,
  TEST_NODE_NAME,
  fakeProxyInput,
  makeService,
  makeSlice,
  runFlow,
  type FlowRow,
} from './testkit';
import type { KubeProxyConfig } from './types';

const p80 = [{ name: 'p80', port: 80, protocol: 'TCP' }];
const lb = (ip: string) => ({ loadBalancer: { ingress: [{ ip }] } });

// TestInternalExternalMasquerade: svc1 Cluster, svc2 eTP Local, svc3 iTP Local; one local and one remote endpoint each.
const port = (nodePort: number) => [{ name: 'p80', port: 80, protocol: 'TCP', nodePort }];
const eps = (n: number) => [
  { addresses: [`10.180.0.${n}`], nodeName: TEST_NODE_NAME },
  { addresses: [`10.180.1.${n}`], nodeName: 'remote' },
];
function masqueradeDump(config: Partial<KubeProxyConfig>): string {
  return iptablesSave(
    fakeProxyInput(
      [
        makeService('ns1', 'svc1', { type: 'LoadBalancer', clusterIP: '172.30.0.41', ports: port(3001), healthCheckNodePort: 30001 }, lb('1.2.3.4')),
        makeService('ns2', 'svc2', { type: 'LoadBalancer', clusterIP: '172.30.0.42', ports: port(3002), healthCheckNodePort: 30002, externalTrafficPolicy: 'Local' }, lb('5.6.7.8')),
        makeService('ns3', 'svc3', { type: 'LoadBalancer', clusterIP: '172.30.0.43', ports: port(3003), healthCheckNodePort: 30003, internalTrafficPolicy: 'Local' }, lb('9.10.11.12')),
      ],
      [makeSlice('ns1', 'svc1', 1, eps(1), p80), makeSlice('ns2', 'svc2', 1, eps(2), p80), makeSlice('ns3', 'svc3', 1, eps(3), p80)],
      config,
    ),
  );
}

const both = (n: number) => `10.180.0.${n}:80, 10.180.1.${n}:80`;
const MASQUERADE_FLOWS: FlowRow[] = [
  ['pod to ClusterIP', '10.0.0.2', '172.30.0.41', 80, both(1), false],
  ['pod to NodePort', '10.0.0.2', NODE, 3001, both(1), true],
  ['pod to LB', '10.0.0.2', '1.2.3.4', 80, both(1), true],
  ['node to ClusterIP', NODE, '172.30.0.41', 80, both(1), true],
  ['node to NodePort', NODE, NODE, 3001, both(1), true],
  ['localhost to NodePort', '127.0.0.1', '127.0.0.1', 3001, both(1), true],
  ['node to LB', NODE, '1.2.3.4', 80, both(1), true],
  ['external to ClusterIP', EXT, '172.30.0.41', 80, both(1), true],
  ['external to NodePort', EXT, NODE, 3001, both(1), true],
  ['external to LB', EXT, '1.2.3.4', 80, both(1), true],
  ['pod to ClusterIP with eTP:Local', '10.0.0.2', '172.30.0.42', 80, both(2), false],
  ['pod to NodePort with eTP:Local', '10.0.0.2', NODE, 3002, both(2), false],
  ['pod to LB with eTP:Local', '10.0.0.2', '5.6.7.8', 80, both(2), false],
  ['node to ClusterIP with eTP:Local', NODE, '172.30.0.42', 80, both(2), true],
  ['node to NodePort with eTP:Local', NODE, NODE, 3001, both(1), true],
  ['localhost to NodePort with eTP:Local', '127.0.0.1', '127.0.0.1', 3002, both(2), true],
  ['node to LB with eTP:Local', NODE, '5.6.7.8', 80, both(2), true],
  ['external to ClusterIP with eTP:Local', EXT, '172.30.0.42', 80, both(2), true],
  ['external to NodePort with eTP:Local', EXT, NODE, 3002, '10.180.0.2:80', false],
  ['external to LB with eTP:Local', EXT, '5.6.7.8', 80, '10.180.0.2:80', false],
  ['pod to ClusterIP with iTP:Local', '10.0.0.2', '172.30.0.43', 80, '10.180.0.3:80', false],
  ['pod to NodePort with iTP:Local', '10.0.0.2', NODE, 3003, both(3), true],
  ['pod to LB with iTP:Local', '10.0.0.2', '9.10.11.12', 80, both(3), true],
  ['node to ClusterIP with iTP:Local', NODE, '172.30.0.43', 80, '10.180.0.3:80', true],
  ['node to NodePort with iTP:Local', NODE, NODE, 3003, both(3), true],
  ['localhost to NodePort with iTP:Local', '127.0.0.1', '127.0.0.1', 3003, both(3), true],
  ['node to LB with iTP:Local', NODE, '9.10.11.12', 80, both(3), true],
  ['external to ClusterIP with iTP:Local', EXT, '172.30.0.43', 80, '10.180.0.3:80', true],
  ['external to NodePort with iTP:Local', EXT, NODE, 3003, both(3), true],
  ['external to LB with iTP:Local', EXT, '9.10.11.12', 80, both(3), true],
];

type Override = { output?: string; masq?: boolean };
const NO_DETECTOR: Record<string, Override> = {
  // Without a local detector every ClusterIP packet counts as a pod's: no masquerade.
  'node to ClusterIP': { masq: false },
  'node to ClusterIP with eTP:Local': { masq: false },
  'node to ClusterIP with iTP:Local': { masq: false },
  'external to ClusterIP': { masq: false },
  'external to ClusterIP with eTP:Local': { masq: false },
  'external to ClusterIP with iTP:Local': { masq: false },
  // ... and no short-circuit for pods, so they get only the local endpoints.
  'pod to NodePort with eTP:Local': { output: '10.180.0.2:80' },
  'pod to LB with eTP:Local': { output: '10.180.0.2:80' },
};
const MASQ_ALL: Record<string, Override> = {
  'pod to ClusterIP': { masq: true },
  'pod to ClusterIP with eTP:Local': { masq: true },
  'pod to ClusterIP with iTP:Local': { masq: true },
};

describe('TestInternalExternalMasquerade', () => {
  const variants: [string, Partial<KubeProxyConfig>, Record<string, Override>][] = [
    ['base', {}, {}],
    ['no LocalTrafficDetector', { clusterCIDR: undefined }, NO_DETECTOR],
    ['masqueradeAll', { masqueradeAll: true }, MASQ_ALL],
    ['masqueradeAll, no LocalTrafficDetector', { masqueradeAll: true, clusterCIDR: undefined }, { ...MASQ_ALL, 'pod to NodePort with eTP:Local': NO_DETECTOR['pod to NodePort with eTP:Local']!, 'pod to LB with eTP:Local': NO_DETECTOR['pod to LB with eTP:Local']! }],
  ];
  for (const [variant, config, overrides] of variants) {
    const dump = masqueradeDump(config);
    it.each(MASQUERADE_FLOWS)(`${variant}: %s`, (...row) => {
      const o = overrides[row[0]] ?? {};
      expect(runFlow(dump, row)).toEqual({ output: o.output ?? row[4], masq: o.masq ?? row[5] });
    });
  }
});

function policyDump(externalTrafficPolicy: 'Local' | 'Cluster'): string {
  return iptablesSave(
    fakeProxyInput(
      [
        makeService(
          'ns1',
          'svc1',
          {
            type: 'LoadBalancer',
            externalTrafficPolicy,
            clusterIP: '172.30.0.41',
            externalIPs: ['192.168.99.11'],
            ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001, targetPort: 80 }],
            ...(externalTrafficPolicy === 'Local' ? { healthCheckNodePort: 30000 } : {}),
          },
          lb('1.2.3.4'),
        ),
      ],
      [makeSlice('ns1', 'svc1', 1, [{ addresses: ['10.180.0.1'] }, { addresses: ['10.180.2.1'], nodeName: TEST_NODE_NAME }], p80)],
    ),
  );
}

const all2 = '10.180.0.1:80, 10.180.2.1:80';
describe('TestExternalTrafficPolicyLocal', () => {
  const dump = policyDump('Local');
  it.each<FlowRow>([
    ['pod to cluster IP hits both endpoints, unmasqueraded', '10.0.0.2', '172.30.0.41', 80, all2, false],
    ['pod to external IP hits both endpoints, unmasqueraded', '10.0.0.2', '192.168.99.11', 80, all2, false],
    ['external to external IP hits only local endpoint, unmasqueraded', EXT, '192.168.99.11', 80, '10.180.2.1:80', false],
    ['pod to LB IP hits only both endpoints, unmasqueraded', '10.0.0.2', '1.2.3.4', 80, all2, false],
    ['external to LB IP hits only local endpoint, unmasqueraded', EXT, '1.2.3.4', 80, '10.180.2.1:80', false],
    ['pod to NodePort hits both endpoints, unmasqueraded', '10.0.0.2', NODE, 3001, all2, false],
    ['external to NodePort hits only local endpoint, unmasqueraded', EXT, NODE, 3001, '10.180.2.1:80', false],
  ])('%s', (...row) => expect(runFlow(dump, row)).toEqual({ output: row[4], masq: row[5] }));
});

describe('TestExternalTrafficPolicyCluster', () => {
  const dump = policyDump('Cluster');
  it.each<FlowRow>([
    ['pod to cluster IP hits both endpoints, unmasqueraded', '10.0.0.2', '172.30.0.41', 80, all2, false],
    ['pod to external IP hits both endpoints, masqueraded', '10.0.0.2', '192.168.99.11', 80, all2, true],
    ['external to external IP hits both endpoints, masqueraded', EXT, '192.168.99.11', 80, all2, true],
    ['pod to LB IP hits both endpoints, masqueraded', '10.0.0.2', '1.2.3.4', 80, all2, true],
    ['external to LB IP hits both endpoints, masqueraded', EXT, '1.2.3.4', 80, all2, true],
    ['pod to NodePort hits both endpoints, masqueraded', '10.0.0.2', NODE, 3001, all2, true],
    ['external to NodePort hits both endpoints, masqueraded', EXT, NODE, 3001, all2, true],
  ])('%s', (...row) => expect(runFlow(dump, row)).toEqual({ output: row[4], masq: row[5] }));
});

describe('TestLoadBalancer (loadBalancerSourceRanges)', () => {
  const dump = iptablesSave(
    fakeProxyInput(
      [
        makeService(
          'ns1',
          'svc1',
          { type: 'LoadBalancer', clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }], loadBalancerSourceRanges: ['192.168.0.0/24', ' 203.0.113.0/25'] },
          { loadBalancer: { ingress: [{ ip: '1.2.3.4' }, { ip: '5.6.7.8' }] } },
        ),
      ],
      [makeSlice('ns1', 'svc1', 1, [{ addresses: ['10.180.0.1'] }], p80)],
    ),
  );
  const ep = '10.180.0.1:80';
  it.each<FlowRow>([
    ['pod to cluster IP', '10.0.0.2', '172.30.0.41', 80, ep, false],
    ['external to nodePort', EXT, NODE, 3001, ep, true],
    ['nodePort bypasses LoadBalancerSourceRanges', BLOCKED, NODE, 3001, ep, true],
    ['accepted external to LB1', EXT, '1.2.3.4', 80, ep, true],
    ['accepted external to LB2', EXT, '5.6.7.8', 80, ep, true],
    ['blocked external to LB1', BLOCKED, '1.2.3.4', 80, 'DROP', false],
    ['blocked external to LB2', BLOCKED, '5.6.7.8', 80, 'DROP', false],
    ['pod to LB1 (blocked by LoadBalancerSourceRanges)', '10.0.0.2', '1.2.3.4', 80, 'DROP', false],
    ['pod to LB2 (blocked by LoadBalancerSourceRanges)', '10.0.0.2', '5.6.7.8', 80, 'DROP', false],
    ['node to LB1 (allowed by LoadBalancerSourceRanges)', NODE, '1.2.3.4', 80, ep, true],
    ['node to LB2 (allowed by LoadBalancerSourceRanges)', NODE, '5.6.7.8', 80, ep, true],
    ['same node to LB1, SNATted to LB1 (implicitly allowed)', '1.2.3.4', '1.2.3.4', 80, ep, true],
    ['same node to LB2, SNATted to LB2 (implicitly allowed)', '5.6.7.8', '5.6.7.8', 80, ep, true],
  ])('%s', (...row) => expect(runFlow(dump, row)).toEqual({ output: row[4], masq: row[5] }));
});
