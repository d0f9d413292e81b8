/**
 * Invariants over random Services, EndpointSlices and kube-proxy settings (fast-check):
 * every jump lands on a declared chain, every declared chain is jumped to, every chain jumped
 * to has rules (kube-proxy's own checkIPTablesRuleJumps), and the dump does not depend on the
 * order the API objects come in.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EndpointSliceObject, ServiceObject } from '../../api/objects';
import { iptablesSave } from './rules';
import { TEST_NODE_NAME, fakeProxyInput, makeService, makeSlice, parseDump, restoreData } from './testkit';
import type { KubeProxyConfig } from './types';

const TARGETS = new Set(['ACCEPT', 'DROP', 'REJECT', 'RETURN', 'MARK', 'MASQUERADE', 'DNAT', 'SNAT']);
const BUILTIN = new Set(['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING']);
/** Chains kube-proxy always creates, used or not (upstream's checkIPTablesRuleJumps exempts them). */
const FIXED = new Set(['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-FORWARD', 'KUBE-MARK-MASQ', 'KUBE-PROXY-FIREWALL', 'KUBE-FIREWALL']);

const endpointArb = fc.record({
  host: fc.integer({ min: 1, max: 6 }),
  ready: fc.boolean(),
  serving: fc.boolean(),
  terminating: fc.boolean(),
  node: fc.constantFrom(TEST_NODE_NAME, 'other-node', undefined),
});

const serviceArb = fc.record({
  type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'),
  etp: fc.constantFrom('Cluster', 'Local'),
  itp: fc.constantFrom('Cluster', 'Local'),
  affinity: fc.boolean(),
  udp: fc.boolean(),
  twoPorts: fc.boolean(),
  externalIP: fc.boolean(),
  lbIPs: fc.integer({ min: 0, max: 2 }),
  sourceRanges: fc.subarray(['203.0.113.0/25', '192.168.0.0/24']),
  headless: fc.boolean(),
  endpoints: fc.array(endpointArb, { maxLength: 4 }),
});

const configArb = fc.record({
  localhostNodePorts: fc.boolean(),
  masqueradeAll: fc.boolean(),
  detectLocal: fc.boolean(),
  primary: fc.boolean(),
  nfacct: fc.boolean(),
  randomFully: fc.boolean(),
  conntrackTCPLiberal: fc.boolean(),
});

type ServiceCase = typeof serviceArb extends fc.Arbitrary<infer T> ? T : never;

function objects(cases: ServiceCase[]): { services: ServiceObject[]; slices: EndpointSliceObject[] } {
  const services: ServiceObject[] = [];
  const slices: EndpointSliceObject[] = [];
  cases.forEach((c, i) => {
    const name = `svc${i}`;
    const protocol = c.udp ? 'UDP' : 'TCP';
    const external = c.type !== 'ClusterIP';
    const ports = [{ name: 'p80', port: 80, protocol, ...(external ? { nodePort: 30000 + i * 2 } : {}) }];
    if (c.twoPorts) ports.push({ name: 'p443', port: 443, protocol: 'TCP', ...(external ? { nodePort: 30001 + i * 2 } : {}) });
    const spec: NonNullable<ServiceObject['spec']> = {
      type: c.type,
      clusterIP: c.headless && c.type === 'ClusterIP' ? 'None' : `172.30.0.${i + 1}`,
      ports,
      internalTrafficPolicy: c.itp,
      ...(external ? { externalTrafficPolicy: c.etp } : {}),
      ...(c.type === 'LoadBalancer' && c.etp === 'Local' ? { healthCheckNodePort: 32000 + i } : {}),
      ...(c.externalIP ? { externalIPs: [`192.168.99.${i + 1}`] } : {}),
      ...(c.type === 'LoadBalancer' && c.sourceRanges.length ? { loadBalancerSourceRanges: c.sourceRanges } : {}),
      ...(c.affinity ? { sessionAffinity: 'ClientIP' } : {}),
    };
    const ingress = Array.from({ length: c.type === 'LoadBalancer' ? c.lbIPs : 0 }, (_, k) => ({ ip: `1.2.${i}.${k + 1}` }));
    services.push(makeService('ns', name, spec, ingress.length ? { loadBalancer: { ingress } } : undefined));
    const eps = c.endpoints.map((e) => ({ addresses: [`10.180.${i}.${e.host}`], conditions: { ready: e.ready, serving: e.serving, terminating: e.terminating }, ...(e.node ? { nodeName: e.node } : {}) }));
    slices.push(makeSlice('ns', name, 1, eps, ports.map((p) => ({ name: p.name, port: p.port + 8000, protocol: p.protocol }))));
  });
  return { services, slices };
}

function config(c: typeof configArb extends fc.Arbitrary<infer T> ? T : never): Partial<KubeProxyConfig> {
  return {
    localhostNodePorts: c.localhostNodePorts,
    masqueradeAll: c.masqueradeAll,
    clusterCIDR: c.detectLocal ? '10.0.0.0/8' : undefined,
    nodePortAddresses: c.primary ? ['primary'] : [],
    nfacct: c.nfacct,
    randomFully: c.randomFully,
    conntrackTCPLiberal: c.conntrackTCPLiberal,
  };
}

const jumpTargets = (rules: string[][]) => rules.flatMap((w) => (w.includes('-j') ? [w[w.indexOf('-j') + 1]!] : []));

describe('kube-proxy rules, for any Services and endpoints', () => {
  it('jump only to declared chains, declare only chains they use, and never jump to an empty chain', () => {
    fc.assert(
      fc.property(fc.array(serviceArb, { maxLength: 6 }), configArb, (cases, cfg) => {
        const { services, slices } = objects(cases);
        const dump = iptablesSave(fakeProxyInput(services, slices, config(cfg)));
        for (const [table, chains] of parseDump(dump)) {
          const declared = new Set(chains.keys());
          const jumped = new Set([...chains.values()].flatMap(jumpTargets));
          for (const t of jumped) expect(TARGETS.has(t) || declared.has(t), `${table}: -j ${t} is not declared`).toBe(true);
          for (const c of declared) {
            if (BUILTIN.has(c) || c === 'KUBE-MARK-MASQ') continue;
            expect(jumped.has(c), `${table}: ${c} is declared but never jumped to`).toBe(true);
          }
        }
        // kube-proxy's own consistency check, on its restore data.
        for (const [table, chains] of parseDump(restoreData(dump))) {
          const jumped = new Set([...chains.values()].flatMap(jumpTargets).filter((t) => !TARGETS.has(t)));
          for (const t of jumped) {
            if (t !== 'KUBE-NODEPORTS') expect(chains.get(t)?.length ?? 0, `${table}: ${t} is jumped to but has no rules`).toBeGreaterThan(0);
          }
          for (const c of chains.keys()) if (!FIXED.has(c)) expect(jumped.has(c), `${table}: ${c} created but not used`).toBe(true);
        }
        expect(dump).not.toMatch(/ {2}| $/m);
      }),
      { numRuns: 300 },
    );
  });

  it('do not depend on the order of Services and EndpointSlices', () => {
    fc.assert(
      fc.property(fc.array(serviceArb, { maxLength: 5 }), fc.integer(), (cases, seed) => {
        const { services, slices } = objects(cases);
        const rotate = <T>(xs: T[]) => (xs.length ? [...xs.slice(Math.abs(seed) % xs.length), ...xs.slice(0, Math.abs(seed) % xs.length)] : xs);
        expect(iptablesSave(fakeProxyInput(rotate(services), [...slices].reverse()))).toBe(iptablesSave(fakeProxyInput(services, slices)));
      }),
      { numRuns: 100 },
    );
  });
});
