/**
 * Whole dumps from kube-proxy's own tests (kubernetes/kubernetes pkg/proxy/iptables/
 * proxier_test.go), rebuilt from the same Services, EndpointSlices and node, and compared
 * byte for byte. The inputs use the fake proxier's settings (testkit.fakeProxyInput): mark
 * "0x4000" as the fake sets it, no --random-fully (the fake iptables lacks it), nfacct present.
 * The only normalisation: our dump's built-in chains and the jump rules in them are dropped,
 * because kube-proxy installs those with `iptables -I`, outside the restore data the fixtures
 * capture.
 */
import { describe, expect, it } from 'vitest';
import { OVERALL_RESTORE } from '../netfilter/fixtures/upstream-overall';
import { iptablesSave } from './rules';
import { TEST_EXTERNAL_CLIENT, TEST_EXTERNAL_IP, TEST_NODE_IP, TEST_NODE_IP_ALT, TEST_NODE_NAME, fakeProxyInput, makeService, makeSlice, restoreData, tracePacket } from './testkit';

const p80 = [{ name: 'p80', port: 80, protocol: 'TCP' }];

function overallInput() {
  return fakeProxyInput(
    [
      makeService('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80, protocol: 'TCP' }] }),
      makeService(
        'ns2',
        'svc2',
        {
          type: 'LoadBalancer',
          externalTrafficPolicy: 'Local',
          clusterIP: '172.30.0.42',
          ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }],
          externalIPs: ['192.168.99.22'],
          healthCheckNodePort: 30000,
        },
        { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } },
      ),
      makeService('ns3', 'svc3', { type: 'NodePort', clusterIP: '172.30.0.43', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3003 }] }),
      makeService('ns4', 'svc4', { type: 'NodePort', clusterIP: '172.30.0.44', externalIPs: ['192.168.99.33'], ports: [{ name: 'p80', port: 80, protocol: 'TCP', targetPort: 80 }] }),
      makeService(
        'ns5',
        'svc5',
        {
          type: 'LoadBalancer',
          externalTrafficPolicy: 'Cluster',
          clusterIP: '172.30.0.45',
          ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3002 }],
          healthCheckNodePort: 30000,
          // Extra whitespace, as upstream's fixture has it.
          loadBalancerSourceRanges: [' 203.0.113.0/25'],
          sessionAffinity: 'ClientIP',
          sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        },
        { loadBalancer: { ingress: [{ ip: '5.6.7.8' }] } },
      ),
      makeService('ns6', 'svc6', { type: 'ClusterIP', clusterIP: '172.30.0.46', ports: [{ name: 'p80', port: 80, protocol: 'TCP', targetPort: 80 }] }),
    ],
    [
      makeSlice('ns1', 'svc1', 1, [{ addresses: ['10.180.0.1'] }], p80),
      // No nodeName: non-local, so svc2 (Local policy) has no local endpoint here.
      makeSlice('ns2', 'svc2', 1, [{ addresses: ['10.180.0.2'] }], p80),
      makeSlice('ns3', 'svc3', 1, [{ addresses: ['10.180.0.3'] }], p80),
      makeSlice('ns4', 'svc4', 1, [{ addresses: ['10.180.0.4'] }, { addresses: ['10.180.0.5'], nodeName: TEST_NODE_NAME }], p80),
      makeSlice('ns5', 'svc5', 1, [{ addresses: ['10.180.0.3'] }], p80),
    ],
  );
}

// TestOverallIPTablesRules, expected dump.
// The same upstream dump the netfilter tests use (one copy of the data).
const OVERALL = OVERALL_RESTORE.trimStart();

// TestSyncProxyRulesRepeated, the first (full) sync.
const REPEATED_FIRST = `*filter
:KUBE-NODEPORTS - [0:0]
:KUBE-SERVICES - [0:0]
:KUBE-EXTERNAL-SERVICES - [0:0]
:KUBE-FIREWALL - [0:0]
:KUBE-FORWARD - [0:0]
:KUBE-PROXY-FIREWALL - [0:0]
-A KUBE-FIREWALL -m comment --comment "block incoming localnet connections" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP
-A KUBE-FORWARD -m conntrack --ctstate INVALID -m nfacct --nfacct-name ct_state_invalid_dropped_pkts -j DROP
-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT
-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
COMMIT
*nat
:KUBE-NODEPORTS - [0:0]
:KUBE-SERVICES - [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-SEP-SNQ3ZNILQDEJNDQO - [0:0]
:KUBE-SEP-UHEGFW77JX3KXTOV - [0:0]
:KUBE-SVC-2VJB64SDSIJUP5T6 - [0:0]
:KUBE-SVC-XPGD46QRK7WJZT7O - [0:0]
-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O
-A KUBE-SERVICES -m comment --comment "ns2/svc2:p8080 cluster IP" -m tcp -p tcp -d 172.30.0.42 --dport 8080 -j KUBE-SVC-2VJB64SDSIJUP5T6
-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE
-A KUBE-SEP-SNQ3ZNILQDEJNDQO -m comment --comment ns1/svc1:p80 -s 10.0.1.1 -j KUBE-MARK-MASQ
-A KUBE-SEP-SNQ3ZNILQDEJNDQO -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.0.1.1:80
-A KUBE-SEP-UHEGFW77JX3KXTOV -m comment --comment ns2/svc2:p8080 -s 10.0.2.1 -j KUBE-MARK-MASQ
-A KUBE-SEP-UHEGFW77JX3KXTOV -m comment --comment ns2/svc2:p8080 -m tcp -p tcp -j DNAT --to-destination 10.0.2.1:8080
-A KUBE-SVC-2VJB64SDSIJUP5T6 -m comment --comment "ns2/svc2:p8080 cluster IP" -m tcp -p tcp -d 172.30.0.42 --dport 8080 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ
-A KUBE-SVC-2VJB64SDSIJUP5T6 -m comment --comment "ns2/svc2:p8080 -> 10.0.2.1:8080" -j KUBE-SEP-UHEGFW77JX3KXTOV
-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ
-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.0.1.1:80" -j KUBE-SEP-SNQ3ZNILQDEJNDQO
COMMIT
`;

describe('upstream fixtures, byte for byte', () => {
  it('TestOverallIPTablesRules', () => {
    expect(restoreData(iptablesSave(overallInput()))).toBe(OVERALL);
  });

  it('TestSyncProxyRulesRepeated (first sync)', () => {
    const input = fakeProxyInput(
      [
        makeService('ns1', 'svc1', { type: 'ClusterIP', clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80, protocol: 'TCP' }] }),
        makeService('ns2', 'svc2', { type: 'ClusterIP', clusterIP: '172.30.0.42', ports: [{ name: 'p8080', port: 8080, protocol: 'TCP' }] }),
      ],
      [
        makeSlice('ns1', 'svc1', 1, [{ addresses: ['10.0.1.1'] }], p80),
        makeSlice('ns2', 'svc2', 1, [{ addresses: ['10.0.2.1'] }], [{ name: 'p8080', port: 8080, protocol: 'TCP' }]),
      ],
    );
    expect(restoreData(iptablesSave(input))).toBe(REPEATED_FIRST);
  });

  it('installs the base-chain jumps in the order a node shows them', () => {
    const dump = iptablesSave(overallInput());
    const base = dump.split('\n').filter((l) => /^(:|-A )(INPUT|FORWARD|OUTPUT|PREROUTING|POSTROUTING)\b/.test(l));
    expect(base).toEqual([
      ':INPUT ACCEPT [0:0]',
      ':FORWARD ACCEPT [0:0]',
      ':OUTPUT ACCEPT [0:0]',
      '-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
      '-A INPUT -m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS',
      '-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES',
      '-A INPUT -j KUBE-FIREWALL',
      '-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
      '-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD',
      '-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES',
      '-A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
      '-A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A OUTPUT -j KUBE-FIREWALL',
      ':PREROUTING ACCEPT [0:0]',
      ':INPUT ACCEPT [0:0]',
      ':OUTPUT ACCEPT [0:0]',
      ':POSTROUTING ACCEPT [0:0]',
      '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
    ]);
  });

  // TestOverallIPTablesRules' companion packet-flow table (TestTracePacket).
  it.each([
    ['no match', '10.0.0.2', '10.0.0.3', 80, '', false],
    ['single endpoint', '10.0.0.2', '172.30.0.41', 80, '10.180.0.1:80', false],
    ['multiple endpoints', '10.0.0.2', '172.30.0.44', 80, '10.180.0.4:80, 10.180.0.5:80', false],
    ['LOCAL, KUBE-MARK-MASQ', TEST_NODE_IP, '192.168.99.22', 80, '10.180.0.2:80', true],
    ['DROP', TEST_EXTERNAL_CLIENT, '192.168.99.22', 80, 'DROP', false],
    ['ACCEPT (NodePortHealthCheck)', TEST_NODE_IP, TEST_NODE_IP, 30000, 'ACCEPT', false],
    ['REJECT', '10.0.0.2', '172.30.0.46', 80, 'REJECT', false],
  ])('flow: %s', (_name, src, dst, dport, output, masq) => {
    const r = tracePacket(iptablesSave(overallInput()), { src, dst, dport, proto: 'tcp' }, [TEST_NODE_IP, TEST_NODE_IP_ALT, TEST_EXTERNAL_IP]);
    expect({ output: r.output, masq: r.masq }).toEqual({ output, masq });
  });
});
