/**
 * More upstream packet-flow tables (pkg/proxy/iptables/proxier_test.go): NodePorts under
 * --nodeport-addresses / localhost NodePorts, Services without endpoints, several ports and
 * protocols, internalTrafficPolicy, and terminating endpoints.
 */
import { describe, expect, it } from 'vitest';
import type { EndpointSliceObject } from '../../api/objects';
import { iptablesSave } from './rules';
import {
  TEST_EXTERNAL_CLIENT as EXT,
  TEST_NODE_IP as NODE,
  TEST_NODE_IP_ALT as NODE_ALT,
  TEST_NODE_NAME,
  fakeProxyInput,
  makeService,
  makeSlice,
  runFlow,
  type FlowRow,
} from './testkit';

const p80 = [{ name: 'p80', port: 80, protocol: 'TCP' }];
const unnamed80 = [{ name: '', port: 80, protocol: 'TCP' }];
const expectFlow = (dump: string) => (...row: FlowRow) => expect(runFlow(dump, row)).toEqual({ output: row[4], masq: row[5] });

describe('TestNodePorts (IPv4)', () => {
  const cases: [string, boolean, string[], boolean, boolean][] = [
    ['localhost-nodeports enabled', true, [], true, true],
    ['localhost-nodeports disabled', false, [], true, false],
    ['localhost-nodeports disabled, localhost in nodeport-addresses', false, ['192.168.0.0/24', '127.0.0.1/32'], false, false],
    ['multiple nodeport-addresses', false, ['192.168.0.0/24', '192.168.1.0/24', '2001:db8::/64'], true, false],
  ];
  const both = '10.180.0.1:80, 10.180.2.1:80';
  for (const [name, localhostNodePorts, nodePortAddresses, allowAlt, expectFirewall] of cases) {
    const dump = iptablesSave(
      fakeProxyInput(
        [makeService('ns1', 'svc1', { type: 'NodePort', clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }] })],
        [makeSlice('ns1', 'svc1', 1, [{ addresses: ['10.180.0.1'] }, { addresses: ['10.180.2.1'], nodeName: TEST_NODE_NAME }], p80)],
        { localhostNodePorts, nodePortAddresses },
      ),
    );
    it.each<FlowRow>([
      ['pod to cluster IP', '10.0.0.2', '172.30.0.41', 80, both, false],
      ['external to nodePort', EXT, NODE, 3001, both, true],
      ['node to nodePort', NODE, NODE, 3001, both, true],
      localhostNodePorts ? ['localhost to nodePort gets masqueraded', '127.0.0.1', '127.0.0.1', 3001, both, true] : ['localhost to nodePort is ignored', '127.0.0.1', '127.0.0.1', 3001, '', false],
      allowAlt ? ['external to nodePort on secondary IP', EXT, NODE_ALT, 3001, both, true] : ['secondary nodeIP ignores NodePorts', EXT, NODE_ALT, 3001, '', false],
    ])(`${name}: %s`, expectFlow(dump));
    it(`${name}: KUBE-FIREWALL ${expectFirewall ? 'has' : 'lacks'} the anti-martian rule`, () => {
      const rule = '-A KUBE-FIREWALL -m comment --comment "block incoming localnet connections" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP';
      expect(dump.split('\n').includes(rule)).toBe(expectFirewall);
    });
  }
});

describe('TestNoEndpointsReject', () => {
  const dump = iptablesSave(
    fakeProxyInput(
      [
        makeService(
          'ns1',
          'svc1',
          { type: 'LoadBalancer', clusterIP: '172.30.0.41', externalIPs: ['192.168.99.11'], ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }] },
          { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } },
        ),
      ],
      [],
    ),
  );
  it.each<FlowRow>([
    ['pod to cluster IP with no endpoints', '10.0.0.2', '172.30.0.41', 80, 'REJECT', false],
    ['external to external IP with no endpoints', EXT, '192.168.99.11', 80, 'REJECT', false],
    ['pod to NodePort with no endpoints', '10.0.0.2', NODE, 3001, 'REJECT', false],
    ['external to NodePort with no endpoints', EXT, NODE, 3001, 'REJECT', false],
    ['pod to LoadBalancer IP with no endpoints', '10.0.0.2', '1.2.3.4', 80, 'REJECT', false],
    ['external to LoadBalancer IP with no endpoints', EXT, '1.2.3.4', 80, 'REJECT', false],
  ])('%s', expectFlow(dump));
});

describe('TestClusterIPGeneral', () => {
  const dump = iptablesSave(
    fakeProxyInput(
      [
        makeService('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
        makeService('ns2', 'svc2', {
          clusterIP: '172.30.0.42',
          ports: [
            { name: 'http', port: 80, protocol: 'TCP' },
            { name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 },
            { name: 'dns-udp', port: 53, protocol: 'UDP' },
            { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 5353 },
            { name: 'dns-sctp', port: 53, protocol: 'SCTP' },
          ],
        }),
      ],
      [
        makeSlice('ns1', 'svc1', 1, [{ addresses: ['10.180.0.1'], nodeName: TEST_NODE_NAME }], [{ name: 'http', port: 80, protocol: 'TCP' }]),
        makeSlice(
          'ns2',
          'svc2',
          1,
          [
            { addresses: ['10.180.0.1'], nodeName: TEST_NODE_NAME },
            { addresses: ['10.180.2.1'], nodeName: 'node2' },
          ],
          [
            { name: 'http', port: 80, protocol: 'TCP' },
            { name: 'https', port: 8443, protocol: 'TCP' },
            { name: 'dns-udp', port: 53, protocol: 'UDP' },
            { name: 'dns-tcp', port: 5353, protocol: 'TCP' },
            { name: 'dns-sctp', port: 53, protocol: 'SCTP' },
          ],
        ),
      ],
    ),
  );
  it.each<FlowRow>([
    ['simple clusterIP', '10.180.0.2', '172.30.0.41', 80, '10.180.0.1:80', false],
    ['hairpin to cluster IP', '10.180.0.1', '172.30.0.41', 80, '10.180.0.1:80', true],
    ['clusterIP with multiple endpoints', '10.180.0.2', '172.30.0.42', 80, '10.180.0.1:80, 10.180.2.1:80', false],
    ['clusterIP with TargetPort', '10.180.0.2', '172.30.0.42', 443, '10.180.0.1:8443, 10.180.2.1:8443', false],
    ['clusterIP with TCP, UDP, and SCTP on same port (TCP)', '10.180.0.2', '172.30.0.42', 53, '10.180.0.1:5353, 10.180.2.1:5353', false, 'tcp'],
    ['clusterIP with TCP, UDP, and SCTP on same port (UDP)', '10.180.0.2', '172.30.0.42', 53, '10.180.0.1:53, 10.180.2.1:53', false, 'udp'],
    ['clusterIP with TCP, UDP, and SCTP on same port (SCTP)', '10.180.0.2', '172.30.0.42', 53, '10.180.0.1:53, 10.180.2.1:53', false, 'sctp'],
    ['TCP-only port does not match UDP traffic', '10.180.0.2', '172.30.0.42', 80, '', false, 'udp'],
    ["svc1 does not accept svc2's ports", '10.180.0.2', '172.30.0.41', 443, '', false],
  ])('%s', expectFlow(dump));
});

describe('TestInternalTrafficPolicy', () => {
  const cases: [string, 'Cluster' | 'Local', [string, string][], FlowRow][] = [
    ['cluster', 'Cluster', [['10.0.1.1', TEST_NODE_NAME], ['10.0.1.2', 'node1'], ['10.0.1.3', 'node2']], ['pod to ClusterIP hits all endpoints', '10.0.0.2', '172.30.1.1', 80, '10.0.1.1:80, 10.0.1.2:80, 10.0.1.3:80', false]],
    ['local, one local endpoint', 'Local', [['10.0.1.1', TEST_NODE_NAME], ['10.0.1.2', 'node1'], ['10.0.1.3', 'node2']], ['pod to ClusterIP hits only local endpoint', '10.0.0.2', '172.30.1.1', 80, '10.0.1.1:80', false]],
    ['local, several local endpoints', 'Local', [['10.0.1.1', TEST_NODE_NAME], ['10.0.1.2', TEST_NODE_NAME], ['10.0.1.3', 'node2']], ['pod to ClusterIP hits all local endpoints', '10.0.0.2', '172.30.1.1', 80, '10.0.1.1:80, 10.0.1.2:80', false]],
    ['local, no local endpoints', 'Local', [['10.0.1.1', 'node0'], ['10.0.1.2', 'node1'], ['10.0.1.3', 'node2']], ['no endpoints', '10.0.0.2', '172.30.1.1', 80, 'DROP', false]],
  ];
  for (const [name, policy, eps, row] of cases) {
    const svc = makeService('ns1', 'svc1', { clusterIP: '172.30.1.1', selector: { foo: 'bar' }, ports: [{ name: '', port: 80, protocol: 'TCP' }], internalTrafficPolicy: policy });
    const slice = makeSlice('ns1', 'svc1', 1, eps.map(([ip, node]) => ({ addresses: [ip], conditions: { ready: true }, nodeName: node })), unnamed80);
    it(`${name}: ${row[0]}`, () => expectFlow(iptablesSave(fakeProxyInput([svc], [slice])))(...row));
    it(`${name}: endpoints deleted → REJECT`, () => expectFlow(iptablesSave(fakeProxyInput([svc], [])))('deleted', '10.0.0.2', '172.30.1.1', 80, 'REJECT', false));
  }
});

type Ep = NonNullable<EndpointSliceObject['endpoints']>[number];
const ep = (ip: string, ready: boolean, serving: boolean, terminating: boolean, node: string): Ep => ({ addresses: [ip], conditions: { ready, serving, terminating }, nodeName: node });

// Shared by both tables: ready endpoints beside terminating ones, and no usable endpoint at all.
const READY_AND_TERMINATING = (other: string): Ep[] => [
  ep('10.0.1.1', true, true, false, TEST_NODE_NAME),
  ep('10.0.1.2', true, true, false, TEST_NODE_NAME),
  ep('10.0.1.3', false, true, true, other),
  ep('10.0.1.4', false, false, true, other),
  ep('10.0.1.5', true, true, false, other === TEST_NODE_NAME ? 'node-1' : other),
];
const NONE_USABLE: Ep[] = [ep('10.0.1.5', false, false, true, TEST_NODE_NAME), ep('10.0.1.5', false, false, true, 'node-1')];

function lbService(externalTrafficPolicy: 'Local' | 'Cluster') {
  return makeService(
    'ns1',
    'svc1',
    { clusterIP: '172.30.1.1', type: 'LoadBalancer', externalTrafficPolicy, ports: [{ name: '', targetPort: 80, port: 80, protocol: 'TCP' }], healthCheckNodePort: 30000 },
    { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } },
  );
}

describe('TestTerminatingEndpointsTrafficPolicyLocal', () => {
  // Upstream's four cases: [endpoints, pod → ClusterIP, external → LB (Local policy)].
  const cases: [string, Ep[], string, string][] = [
    ['ready endpoints exist', READY_AND_TERMINATING(TEST_NODE_NAME), '10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80', '10.0.1.1:80, 10.0.1.2:80'],
    [
      'only terminating endpoints exist',
      [ep('10.0.1.2', false, true, true, TEST_NODE_NAME), ep('10.0.1.3', false, true, true, TEST_NODE_NAME), ep('10.0.1.4', false, false, true, TEST_NODE_NAME), ep('10.0.1.5', true, true, false, 'node-1')],
      '10.0.1.5:80',
      '10.0.1.2:80, 10.0.1.3:80',
    ],
    ['terminating endpoints on remote node', [ep('10.0.1.5', false, true, true, 'node-1')], '10.0.1.5:80', 'DROP'],
    ['no usable endpoints on any node', NONE_USABLE, 'REJECT', 'REJECT'],
  ];
  for (const [name, eps, toClusterIP, toLB] of cases) {
    const dump = iptablesSave(fakeProxyInput([lbService('Local')], [makeSlice('ns1', 'svc1', 1, eps, unnamed80)]));
    it(`${name}: pod to clusterIP`, () => expectFlow(dump)('pod', '10.0.0.2', '172.30.1.1', 80, toClusterIP, false));
    it(`${name}: external to LB`, () => expectFlow(dump)('external', EXT, '1.2.3.4', 80, toLB, false));
  }
});

describe('TestTerminatingEndpointsTrafficPolicyCluster', () => {
  const cases: [string, Ep[], string][] = [
    ['ready endpoints exist', READY_AND_TERMINATING('another-node'), '10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80'],
    [
      'only terminating endpoints exist',
      [ep('10.0.1.2', false, true, true, TEST_NODE_NAME), ep('10.0.1.3', false, true, true, TEST_NODE_NAME), ep('10.0.1.4', false, false, true, 'another-node'), ep('10.0.1.5', false, true, true, 'another-node')],
      '10.0.1.2:80, 10.0.1.3:80, 10.0.1.5:80',
    ],
    ['terminating endpoints on remote node', [ep('10.0.1.5', false, true, true, 'node-1')], '10.0.1.5:80'],
    ['no usable endpoints on any node', NONE_USABLE, 'REJECT'],
  ];
  for (const [name, eps, out] of cases) {
    const dump = iptablesSave(fakeProxyInput([lbService('Cluster')], [makeSlice('ns1', 'svc1', 1, eps, unnamed80)]));
    it(`${name}: pod to clusterIP`, () => expectFlow(dump)('pod', '10.0.0.2', '172.30.1.1', 80, out, false));
    it(`${name}: external to LB`, () => expectFlow(dump)('external', EXT, '1.2.3.4', 80, out, out !== 'REJECT'));
  }
});
