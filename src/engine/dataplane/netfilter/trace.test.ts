import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../net/rng';
import { AFFINITY_DUMP } from './fixtures/affinity';
import { LOCAL_ADDRESSES, withNodeJumps } from './fixtures/cases';
import { OVERALL_RESTORE } from './fixtures/upstream-overall';
import { parseIptablesSave } from './parse';
import { createRecentStore } from './recent';
import { tracePacket } from './trace';

const NODE = new Set(['192.168.0.2']);
const affinity = parseIptablesSave(AFFINITY_DUMP).tables;
const EPS = ['10.244.1.5:8080', '10.244.2.7:8080', '10.244.2.9:8080'];

describe('tracePacket: exploring every statistic branch', () => {
  it('lists every endpoint with its probability, in rule order', () => {
    const t = tracePacket(affinity, { src: '10.244.1.9', dst: '10.96.0.20', dport: 80 }, NODE);
    expect(t).toMatchObject({ verdict: 'DNAT', endpoints: EPS, masquerade: false, errors: [], truncated: false });
    expect(t.paths.map((p) => p.endpoint)).toEqual(EPS);
    for (const p of t.paths) expect(p.probability).toBeCloseTo(1 / 3, 9);
  });

  it('gives the rules matched, each once, starting at the hook', () => {
    const t = tracePacket(affinity, { src: '10.244.1.9', dst: '10.96.0.20', dport: 80 }, NODE);
    expect(t.rules[0]).toBe('-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES');
    expect(new Set(t.rules).size).toBe(t.rules.length);
    expect(t.rules).toContain('-A KUBE-SEP-THARIHPKCFHZIRHI -m comment --comment default/web:http -m recent --name KUBE-SEP-THARIHPKCFHZIRHI --set -m tcp -p tcp -j DNAT --to-destination 10.244.2.9:8080');
    // The masquerade rule does not match unmarked pod traffic.
    expect(t.rules.some((r) => r.includes('-j MASQUERADE'))).toBe(false);
  });

  it('masquerades NodePort traffic and off-cluster ClusterIP traffic (mark 0x4000 → KUBE-POSTROUTING)', () => {
    const np = tracePacket(affinity, { src: '203.0.113.2', dst: '192.168.0.2', dport: 30080 }, NODE);
    expect(np).toMatchObject({ verdict: 'DNAT', endpoints: EPS, masquerade: true });
    expect(np.rules).toContain('-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE');
    expect(tracePacket(affinity, { src: '172.16.0.1', dst: '10.96.0.20', dport: 80 }, NODE).masquerade).toBe(true);
    expect(tracePacket(affinity, { src: '192.168.0.2', dst: '10.96.0.20', dport: 80 }, NODE).masquerade).toBe(true);
  });

  it('stops at maxPaths and says so', () => {
    const t = tracePacket(affinity, { src: '10.244.1.9', dst: '10.96.0.20', dport: 80 }, NODE, { maxPaths: 2 });
    expect(t.endpoints).toEqual(EPS.slice(0, 2));
    expect(t.truncated).toBe(true);
    expect(t.errors).toEqual(['explored only the first 2 branches']);
  });
});

describe('tracePacket: session affinity (-m recent)', () => {
  it('sends a client back to the endpoint it got, until the timeout passes', () => {
    const recent = createRecentStore();
    const rng = new SeededRng(7);
    const first = tracePacket(affinity, { src: '10.244.1.9', dst: '10.96.0.20', dport: 80 }, NODE, { random: () => rng.float(), recent, now: 0 });
    expect(first.endpoints).toHaveLength(1);
    const chosen = first.endpoints[0]!;
    for (let i = 1; i <= 20; i++) {
      const again = tracePacket(affinity, { src: '10.244.1.9', dst: '10.96.0.20', dport: 80 }, NODE, { random: () => rng.float(), recent, now: i * 500 });
      expect(again.endpoints).toEqual([chosen]);
    }
    // Exploring with that memory finds the one branch the --rcheck rule takes, without changing the memory.
    const before = JSON.stringify([...recent].map(([k, v]) => [k, [...v]]));
    const explored = tracePacket(affinity, { src: '10.244.1.9', dst: '10.96.0.20', dport: 80 }, NODE, { recent, now: 10_000 });
    expect(explored.paths.map((p) => [p.endpoint, p.probability])).toEqual([[chosen, 1]]);
    expect(JSON.stringify([...recent].map(([k, v]) => [k, [...v]]))).toBe(before);
    // 10800 s after the last visit (t = 10000) the entry is too old; the choice is random again.
    const later = tracePacket(affinity, { src: '10.244.1.9', dst: '10.96.0.20', dport: 80 }, NODE, { recent, now: 20_801 });
    expect(later.endpoints).toEqual(EPS);
  });

  it('with a seeded generator, single-branch picks spread evenly over the endpoints', () => {
    const rng = new SeededRng(42);
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const t = tracePacket(affinity, { src: '10.244.1.9', dst: '10.96.0.20', dport: 80 }, NODE, { random: () => rng.float() });
      const ep = t.endpoints[0]!;
      counts.set(ep, (counts.get(ep) ?? 0) + 1);
    }
    for (const ep of EPS) expect(Math.abs((counts.get(ep) ?? 0) - 1000)).toBeLessThan(120);
  });
});

describe('tracePacket: kube-proxy TestOverallIPTablesRules output, kubepath cases', () => {
  const overall = parseIptablesSave(withNodeJumps(OVERALL_RESTORE)).tables;
  const trace = (src: string, dst: string, dport: number) => tracePacket(overall, { src, dst, dport }, LOCAL_ADDRESSES);

  it('LoadBalancer source ranges: allowed clients are DNATed and masqueraded, others dropped by KUBE-PROXY-FIREWALL', () => {
    expect(trace('203.0.113.2', '5.6.7.8', 80)).toMatchObject({ verdict: 'DNAT', endpoints: ['10.180.0.3:80'], masquerade: true });
    const blocked = trace('203.0.113.130', '5.6.7.8', 80);
    expect(blocked).toMatchObject({ verdict: 'DROP', endpoints: [] });
    expect(blocked.paths[0]!.flow.steps.at(-1)?.decidedBy?.chain).toBe('KUBE-PROXY-FIREWALL');
  });

  it('externalTrafficPolicy Local with no local endpoint: pods are short-circuited, outsiders dropped', () => {
    expect(trace('10.0.0.2', '192.168.99.22', 80)).toMatchObject({ verdict: 'DNAT', endpoints: ['10.180.0.2:80'], masquerade: false });
    expect(trace('203.0.113.2', '1.2.3.4', 80).verdict).toBe('DROP');
    expect(trace('203.0.113.2', '192.168.0.2', 3001).verdict).toBe('DROP');
  });

  it('no endpoints: REJECT; external IP and NodePort of a Cluster-policy Service: DNAT + masquerade', () => {
    expect(trace('10.0.0.2', '172.30.0.46', 80).verdict).toBe('REJECT');
    expect(trace('203.0.113.2', '192.168.99.33', 80)).toMatchObject({ endpoints: ['10.180.0.4:80', '10.180.0.5:80'], masquerade: true });
    expect(trace('127.0.0.1', '127.0.0.1', 3003)).toMatchObject({ endpoints: ['10.180.0.3:80'], masquerade: true });
  });

  it('KUBE-FIREWALL drops outside traffic to 127.0.0.0/8', () => {
    expect(trace('203.0.113.2', '127.0.0.1', 22).verdict).toBe('DROP');
  });
});

describe('tracePacket: never throws', () => {
  it('reports bad packets and bad dumps', () => {
    expect(tracePacket(affinity, { src: 'x', dst: '10.96.0.20', dport: 80 }, NODE)).toMatchObject({
      verdict: 'DROP', endpoints: [], masquerade: false, errors: ['invalid source address "x"'],
    });
    const t = tracePacket('*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -m bogus -j ACCEPT\n-A PREROUTING -j DNAT --to-destination 10.1.1.1:80\nCOMMIT\n', { src: '10.0.0.1', dst: '10.0.0.2', dport: 80 }, NODE);
    expect(t).toMatchObject({ verdict: 'DNAT', endpoints: ['10.1.1.1:80'] });
    expect(t.errors).toEqual(['line 3: match module "bogus" is not supported: -A PREROUTING -m bogus -j ACCEPT']);
  });

  it('skips the nat table for packets of established connections', () => {
    const t = tracePacket(affinity, { src: '10.244.1.9', dst: '10.96.0.20', dport: 80, ctstate: 'ESTABLISHED' }, NODE);
    expect(t).toMatchObject({ verdict: 'ACCEPT', endpoints: [] });
  });
});
