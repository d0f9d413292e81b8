/** Rule tables for the behaviours the issue lists, asserted line by line on the dump. */
import { describe, expect, it } from 'vitest';
import { probability } from './probability';
import { iptablesSave, masqueradeMark } from './rules';
import { TEST_NODE_NAME, fakeProxyInput, makeService, makeSlice } from './testkit';
import { DEFAULT_KUBE_PROXY_CONFIG } from './types';

const p80 = [{ name: 'p80', port: 80, protocol: 'TCP' }];
const lines = (dump: string) => dump.split('\n');
const chainRules = (dump: string, table: string, chain: string) => {
  const t = dump.slice(dump.indexOf(`*${table}\n`), dump.indexOf('COMMIT', dump.indexOf(`*${table}\n`)));
  return lines(t).filter((l) => l.startsWith(`-A ${chain} `));
};
const declared = (dump: string) => lines(dump).filter((l) => l.startsWith(':')).map((l) => l.slice(1).split(' ')[0]);

describe('a Service without endpoints', () => {
  const dump = iptablesSave(
    fakeProxyInput(
      [makeService('ns1', 'svc1', { type: 'LoadBalancer', clusterIP: '172.30.0.41', externalIPs: ['192.168.99.11'], ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }] }, { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } })],
      [],
    ),
  );
  it('is REJECTed in filter KUBE-SERVICES (ClusterIP) and KUBE-EXTERNAL-SERVICES (externalIP, LB IP, NodePort)', () => {
    expect(chainRules(dump, 'filter', 'KUBE-SERVICES')).toEqual(['-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j REJECT']);
    expect(chainRules(dump, 'filter', 'KUBE-EXTERNAL-SERVICES')).toEqual([
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp -p tcp -d 192.168.99.11 --dport 80 -j REJECT',
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp -p tcp -d 1.2.3.4 --dport 80 -j REJECT',
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 3001 -j REJECT',
    ]);
  });
  it('gets no nat chains and no nat rules', () => {
    expect(declared(dump).filter((c) => /^KUBE-(SVC|SVL|EXT|FW|SEP)-/.test(c!))).toEqual([]);
    expect(chainRules(dump, 'nat', 'KUBE-SERVICES').filter((r) => r.includes('ns1/svc1'))).toEqual([]);
    expect(chainRules(dump, 'nat', 'KUBE-NODEPORTS')).toEqual([]);
  });
});

describe('externalTrafficPolicy: Local on a node without a local endpoint', () => {
  const dump = iptablesSave(
    fakeProxyInput(
      [makeService('ns1', 'svc1', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 30000, clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }] }, { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } })],
      [makeSlice('ns1', 'svc1', 1, [{ addresses: ['10.180.1.1'], nodeName: 'other-node' }], p80)],
    ),
  );
  it('keeps the short-circuit rules in KUBE-EXT but has no jump to a KUBE-SVL chain', () => {
    expect(chainRules(dump, 'nat', 'KUBE-EXT-XPGD46QRK7WJZT7O')).toEqual([
      '-A KUBE-EXT-XPGD46QRK7WJZT7O -m comment --comment "pod traffic for ns1/svc1:p80 external destinations" -s 10.0.0.0/8 -j KUBE-SVC-XPGD46QRK7WJZT7O',
      '-A KUBE-EXT-XPGD46QRK7WJZT7O -m comment --comment "masquerade LOCAL traffic for ns1/svc1:p80 external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-XPGD46QRK7WJZT7O -m comment --comment "route LOCAL traffic for ns1/svc1:p80 external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-XPGD46QRK7WJZT7O',
    ]);
    expect(declared(dump)).not.toContain('KUBE-SVL-XPGD46QRK7WJZT7O');
  });
  it('DROPs what falls through, in filter KUBE-EXTERNAL-SERVICES, and accepts the health check port', () => {
    expect(chainRules(dump, 'filter', 'KUBE-EXTERNAL-SERVICES')).toEqual([
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/svc1:p80 has no local endpoints" -m tcp -p tcp -d 1.2.3.4 --dport 80 -j DROP',
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/svc1:p80 has no local endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 3001 -j DROP',
    ]);
    expect(chainRules(dump, 'filter', 'KUBE-NODEPORTS')).toEqual(['-A KUBE-NODEPORTS -m comment --comment "ns1/svc1:p80 health check node port" -m tcp -p tcp --dport 30000 -j ACCEPT']);
  });
});

describe('internalTrafficPolicy: Local', () => {
  const svc = makeService('ns1', 'svc1', { clusterIP: '172.30.0.41', internalTrafficPolicy: 'Local', ports: p80 });
  it('sends the ClusterIP to KUBE-SVL with only this node’s endpoints', () => {
    const dump = iptablesSave(fakeProxyInput([svc], [makeSlice('ns1', 'svc1', 1, [{ addresses: ['10.180.0.1'], nodeName: TEST_NODE_NAME }, { addresses: ['10.180.1.1'], nodeName: 'other' }], p80)]));
    expect(chainRules(dump, 'nat', 'KUBE-SERVICES')[0]).toBe('-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-SVL-XPGD46QRK7WJZT7O');
    expect(chainRules(dump, 'nat', 'KUBE-SVL-XPGD46QRK7WJZT7O')).toEqual([
      '-A KUBE-SVL-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ',
      '-A KUBE-SVL-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -j KUBE-SEP-SXIVWICOYRO3J4NJ',
    ]);
    expect(declared(dump)).not.toContain('KUBE-SVC-XPGD46QRK7WJZT7O');
  });
  it('DROPs the ClusterIP when no endpoint is local', () => {
    const dump = iptablesSave(fakeProxyInput([svc], [makeSlice('ns1', 'svc1', 1, [{ addresses: ['10.180.1.1'], nodeName: 'other' }], p80)]));
    expect(chainRules(dump, 'filter', 'KUBE-SERVICES')).toEqual(['-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 has no local endpoints" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j DROP']);
  });
});

const affinity = (timeoutSeconds?: number) =>
    iptablesSave(
      fakeProxyInput(
        [makeService('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: p80, sessionAffinity: 'ClientIP', ...(timeoutSeconds ? { sessionAffinityConfig: { clientIP: { timeoutSeconds } } } : {}) })],
        [makeSlice('ns1', 'svc1', 1, [{ addresses: ['10.180.0.1'] }, { addresses: ['10.180.0.2'] }], p80)],
      ),
    );

describe('sessionAffinity: ClientIP', () => {
  it('checks the recent list of every endpoint before the random choice, 10800 s by default', () => {
    const svc = chainRules(affinity(), 'nat', 'KUBE-SVC-XPGD46QRK7WJZT7O');
    expect(svc.slice(1)).toEqual([
      '-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -m recent --name KUBE-SEP-SXIVWICOYRO3J4NJ --rcheck --seconds 10800 --reap -j KUBE-SEP-SXIVWICOYRO3J4NJ',
      expect.stringMatching(/^-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1\/svc1:p80 -> 10.180.0.2:80" -m recent --name (KUBE-SEP-\w+) --rcheck --seconds 10800 --reap -j \1$/),
      '-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-SXIVWICOYRO3J4NJ',
      expect.stringMatching(/-j KUBE-SEP-\w+$/),
    ]);
    expect(chainRules(affinity(), 'nat', 'KUBE-SEP-SXIVWICOYRO3J4NJ')[1]).toBe(
      '-A KUBE-SEP-SXIVWICOYRO3J4NJ -m comment --comment ns1/svc1:p80 -m recent --name KUBE-SEP-SXIVWICOYRO3J4NJ --set -m tcp -p tcp -j DNAT --to-destination 10.180.0.1:80',
    );
  });
  it('uses timeoutSeconds', () => {
    expect(affinity(60)).toContain('--rcheck --seconds 60 --reap');
  });
});

const terminatingDump = (ready: boolean) =>
    iptablesSave(
      fakeProxyInput(
        [makeService('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: p80 })],
        [makeSlice('ns1', 'svc1', 1, [{ addresses: ['10.180.0.1'], conditions: { ready, serving: true, terminating: !ready } }, { addresses: ['10.180.0.2'], conditions: { ready: false, serving: true, terminating: true } }], p80)],
      ),
    );

describe('terminating endpoints', () => {
  it('are left out while some endpoint is ready', () => {
    expect(chainRules(terminatingDump(true), 'nat', 'KUBE-SVC-XPGD46QRK7WJZT7O').slice(1)).toEqual(['-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -j KUBE-SEP-SXIVWICOYRO3J4NJ']);
  });
  it('are used (serving ones) when none is ready', () => {
    expect(chainRules(terminatingDump(false), 'nat', 'KUBE-SVC-XPGD46QRK7WJZT7O').slice(1)).toHaveLength(2);
  });
});

describe('Services kube-proxy ignores', () => {
  it.each([
    ['headless', makeService('ns1', 'headless', { clusterIP: 'None', ports: p80 })],
    ['ExternalName', makeService('ns1', 'ext', { type: 'ExternalName', externalName: 'example.com', clusterIP: '172.30.0.9', ports: p80 })],
    ['no ClusterIP yet', makeService('ns1', 'pending', { ports: p80 })],
  ])('%s gets no rules', (_name, svc) => {
    const slice = makeSlice('ns1', svc.metadata.name, 1, [{ addresses: ['10.180.0.1'] }], p80);
    expect(iptablesSave(fakeProxyInput([svc], [slice]))).toBe(iptablesSave(fakeProxyInput([], [slice])));
  });
});

const manyEndpoints = (prefix: string) => Array.from({ length: 501 }, (_, i) => ({ addresses: [`${prefix}.${i % 256}.${Math.floor(i / 256)}`] }));

describe('load balancing and formatting', () => {
  it('gives the i-th of n endpoints probability 1/(n-i) with 10 decimals, the last none', () => {
    const eps = ['10.180.0.1', '10.180.0.2', '10.180.0.3', '10.180.0.4'].map((ip) => ({ addresses: [ip] }));
    const dump = iptablesSave(fakeProxyInput([makeService('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: p80 })], [makeSlice('ns1', 'svc1', 1, eps, p80)]));
    const probs = chainRules(dump, 'nat', 'KUBE-SVC-XPGD46QRK7WJZT7O').slice(1).map((r) => /--probability (\S+)/.exec(r)?.[1] ?? 'none');
    expect(probs).toEqual(['0.2500000000', '0.3333333333', '0.5000000000', 'none']);
  });
  it('formats probabilities as Go does (TestComputeProbability, half-to-even on exact ties)', () => {
    expect([1, 2, 10, 100, 1000, 10000, 100000, 100001].map(probability)).toEqual(['1.0000000000', '0.5000000000', '0.1000000000', '0.0100000000', '0.0010000000', '0.0001000000', '0.0000100000', '0.0000099999']);
    expect(probability(3)).toBe('0.3333333333');
    expect(probability(6)).toBe('0.1666666667');
    expect(probability(2048)).toBe('0.0004882812'); // 0.00048828125 exactly; toFixed would round up
  });
  it('sorts endpoints by "ip:port" text, as kube-proxy does', () => {
    const eps = ['10.1.1.1', '10.1.1.11', '10.1.1.2'].map((ip) => ({ addresses: [ip] }));
    const dump = iptablesSave(fakeProxyInput([makeService('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: p80 })], [makeSlice('ns1', 'svc1', 1, eps, p80)]));
    expect(chainRules(dump, 'nat', 'KUBE-SVC-XPGD46QRK7WJZT7O').slice(1).map((r) => /-> (\S+)"/.exec(r)?.[1])).toEqual(['10.1.1.11:80', '10.1.1.1:80', '10.1.1.2:80']);
  });
  it('drops per-endpoint comments past 1000 endpoints (TestSyncProxyRulesLargeClusterMode)', () => {
    const dump = iptablesSave(
      fakeProxyInput(
        [makeService('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: p80 }), makeService('ns2', 'svc2', { clusterIP: '172.30.0.42', ports: [{ name: 'p8080', port: 8080, protocol: 'TCP' }] })],
        [makeSlice('ns1', 'svc1', 1, manyEndpoints('10.0'), p80), makeSlice('ns2', 'svc2', 1, manyEndpoints('10.1'), [{ name: 'p8080', port: 8080, protocol: 'TCP' }])],
      ),
    );
    expect(lines(dump)).toContain('-A KUBE-SEP-DKGQUZGBKLTPAR56 -m tcp -p tcp -j DNAT --to-destination 10.0.0.0:80');
    expect(lines(dump).filter((l) => l.startsWith('-A KUBE-SEP-') && l.includes('--comment'))).toEqual([]);
    expect(chainRules(dump, 'nat', 'KUBE-SERVICES')[0]).toContain('--comment "ns1/svc1:p80 cluster IP"');
  });
});

describe('kube-proxy configuration', () => {
  it('formats the mark from masqueradeBit as %#08x and uses --random-fully on a real node', () => {
    expect(masqueradeMark(DEFAULT_KUBE_PROXY_CONFIG)).toBe('0x00004000');
    const dump = iptablesSave(fakeProxyInput([], [], { masqueradeMarkOverride: undefined, randomFully: true }));
    expect(chainRules(dump, 'nat', 'KUBE-MARK-MASQ')).toEqual(['-A KUBE-MARK-MASQ -j MARK --or-mark 0x00004000']);
    expect(chainRules(dump, 'nat', 'KUBE-POSTROUTING')).toEqual([
      '-A KUBE-POSTROUTING -m mark ! --mark 0x00004000/0x00004000 -j RETURN',
      '-A KUBE-POSTROUTING -j MARK --xor-mark 0x00004000',
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
    ]);
  });
  it('writes no nfacct matches without nfacct, and no INVALID drop with nf_conntrack_tcp_be_liberal (TestDropInvalidRule)', () => {
    const svc = makeService('ns1', 'svc1', { type: 'NodePort', clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }] });
    const slice = makeSlice('ns1', 'svc1', 1, [{ addresses: ['10.180.0.1'] }], p80);
    const noAcct = iptablesSave(fakeProxyInput([svc], [slice], { nfacct: false }));
    expect(noAcct).not.toContain('nfacct');
    expect(chainRules(noAcct, 'filter', 'KUBE-FORWARD')[0]).toBe('-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP');
    expect(chainRules(iptablesSave(fakeProxyInput([svc], [slice], { conntrackTCPLiberal: true })), 'filter', 'KUBE-FORWARD')).toHaveLength(2);
  });
  it('answers NodePorts only on the node IP with nodePortAddresses "primary"', () => {
    const dump = iptablesSave(fakeProxyInput([], [], { nodePortAddresses: ['primary'] }));
    expect(chainRules(dump, 'nat', 'KUBE-SERVICES')).toEqual(['-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -d 192.168.0.2 -j KUBE-NODEPORTS']);
    expect(chainRules(dump, 'filter', 'KUBE-FIREWALL')).toEqual([]);
  });
  it('treats nodePortAddresses with no IPv4 CIDR as every local address, as kube-proxy does', () => {
    const dump = iptablesSave(fakeProxyInput([], [], { nodePortAddresses: ['2001:db8::/64'] }));
    expect(chainRules(dump, 'nat', 'KUBE-SERVICES')).toEqual(['-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS']);
  });
  it('ignores Proxy-mode and IPv6 ingress IPs and normalises loadBalancerSourceRanges', () => {
    const svc = makeService(
      'ns1',
      'svc1',
      { type: 'LoadBalancer', clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }], loadBalancerSourceRanges: ['203.0.113.77/25', 'bogus', '2001:db8::/64'], externalIPs: ['2001:db8::5'] },
      { loadBalancer: { ingress: [{ ip: '1.2.3.4', ipMode: 'Proxy' }, { ip: '5.6.7.8', ipMode: 'VIP' }, { ip: '2001:db8::1' }, { hostname: 'lb.example.com' }] } },
    );
    const dump = iptablesSave(fakeProxyInput([svc], [makeSlice('ns1', 'svc1', 1, [{ addresses: ['10.180.0.1'] }], p80)]));
    expect(dump).not.toContain('1.2.3.4');
    expect(dump).not.toContain('2001:db8');
    expect(chainRules(dump, 'nat', 'KUBE-FW-XPGD46QRK7WJZT7O')[0]).toBe('-A KUBE-FW-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 loadbalancer IP" -s 203.0.113.0/25 -j KUBE-EXT-XPGD46QRK7WJZT7O');
  });
});
