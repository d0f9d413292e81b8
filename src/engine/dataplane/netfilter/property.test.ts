/** Invariants, with fast-check: any packet through any dump ends in a verdict and never throws. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AFFINITY_DUMP } from './fixtures/affinity';
import { LOCAL_ADDRESSES, withNodeJumps } from './fixtures/cases';
import { BASIC_FLOWS } from './fixtures/flows-basic';
import { ETP_FLOWS } from './fixtures/flows-etp';
import { MASQUERADE_A_FLOWS } from './fixtures/flows-masquerade-a';
import { NODEPORTS_FLOWS } from './fixtures/flows-nodeports';
import { OVERALL_RESTORE } from './fixtures/upstream-overall';
import { TRACE_PACKET_DUMP } from './fixtures/upstream-trace';
import { parseIptablesSave } from './parse';
import { tracePacket } from './trace';
import { walk } from './walk';
import { SeededRng } from '../../net/rng';

const DUMPS = [
  TRACE_PACKET_DUMP, AFFINITY_DUMP, withNodeJumps(OVERALL_RESTORE),
  ...[...BASIC_FLOWS, ...NODEPORTS_FLOWS, ...ETP_FLOWS, ...MASQUERADE_A_FLOWS].map((t) => t.dump),
].map((text) => ({ text, parsed: parseIptablesSave(text).tables }));

const INTERESTING = [
  '10.0.0.2', '10.180.0.1', '10.244.1.9', '172.30.0.41', '172.30.0.44', '172.30.0.46', '10.96.0.20', '192.168.0.2',
  '192.168.1.2', '192.168.99.11', '192.168.99.22', '1.2.3.4', '5.6.7.8', '9.10.11.12', '203.0.113.2', '203.0.113.130',
  '127.0.0.1', '0.0.0.0', '255.255.255.255', '224.0.0.1',
];
const ipv4 = fc.oneof(
  fc.constantFrom(...INTERESTING),
  fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.')),
);
const packet = fc.record({
  src: ipv4,
  dst: ipv4,
  dport: fc.oneof(fc.constantFrom(80, 443, 53, 3001, 3002, 3003, 30000, 30080), fc.nat(65535)),
  proto: fc.constantFrom('TCP' as const, 'UDP' as const, 'SCTP' as const),
  sport: fc.option(fc.nat(65535), { nil: undefined }),
  ctstate: fc.option(fc.constantFrom('NEW', 'ESTABLISHED', 'RELATED', 'INVALID', 'NEW,DNAT'), { nil: undefined }),
  mark: fc.option(fc.constantFrom(0, 0x4000, 0x8000, 0xffffffff), { nil: undefined }),
});

describe('netfilter invariants', () => {
  it('every packet on every fixture ends in a verdict; endpoints come from DNAT rules; branch probabilities sum to 1', () => {
    fc.assert(
      fc.property(fc.nat(DUMPS.length - 1), packet, (i, p) => {
        const d = DUMPS[i]!;
        const t = tracePacket(d.parsed, p, LOCAL_ADDRESSES);
        expect(['ACCEPT', 'DNAT', 'DROP', 'REJECT']).toContain(t.verdict);
        expect(t.verdict === 'DNAT').toBe(t.endpoints.length > 0);
        for (const ep of t.endpoints) expect(d.text).toContain(`--to-destination ${ep}`);
        for (const r of t.rules) expect(d.text).toContain(r);
        expect(t.errors).toEqual([]);
        const total = t.paths.reduce((s, x) => s + x.probability, 0);
        expect(total).toBeCloseTo(1, 9);
      }),
      { numRuns: 400 },
    );
  });

  it('following one branch lands on one of the explored outcomes', () => {
    fc.assert(
      fc.property(fc.nat(DUMPS.length - 1), packet, fc.integer(), (i, p, seed) => {
        const d = DUMPS[i]!;
        const rng = new SeededRng(seed);
        const one = tracePacket(d.parsed, p, LOCAL_ADDRESSES, { random: () => rng.float() });
        const all = tracePacket(d.parsed, p, LOCAL_ADDRESSES);
        expect(one.paths).toHaveLength(1);
        expect(one.endpoints.every((e) => all.endpoints.includes(e))).toBe(true);
        expect(all.paths.some((x) => x.verdict === one.verdict && x.endpoint === one.paths[0]!.endpoint)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('arbitrary text never throws, from parse to trace', () => {
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom('*nat', '*filter', '*raw', 'COMMIT', ':A - [0:0]', ':PREROUTING DROP [0:0]', '-A A -j A', '-A PREROUTING -j A', '-X A', '-N B'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), packet, (lines, p) => {
        const text = lines.join('\n');
        const t = tracePacket(text, p, LOCAL_ADDRESSES);
        expect(['ACCEPT', 'DNAT', 'DROP', 'REJECT']).toContain(t.verdict);
      }),
    );
  });

  it('random chain graphs (jumps, gotos, returns, loops) parse without throwing and every walk ends', () => {
    const target = fc.oneof(
      fc.constantFrom('ACCEPT', 'DROP', 'RETURN', 'REJECT', 'MARK --or-mark 0x4000', 'MARK --xor-mark 0x4000', 'DNAT --to-destination 10.1.1.1:80'),
      fc.nat(5).map((n) => `C${n}`),
      fc.nat(5).map((n) => `C${n}`).map((c) => `GOTO ${c}`),
    );
    const match = fc.constantFrom('', '-p tcp --dport 80 ', '-s 10.0.0.0/8 ', '-m mark --mark 0x4000/0x4000 ', '! -d 1.2.3.4 ',
      '-m statistic --mode random --probability 0.5 ', '-m recent --name R --set ', '-m recent --name R --rcheck --seconds 5 ');
    const rule = fc.tuple(fc.constantFrom('PREROUTING', 'OUTPUT', 'C0', 'C1', 'C2', 'C3', 'C4', 'C5'), match, target);
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 25 }), packet, fc.constantFrom('PREROUTING' as const, 'OUTPUT' as const), (rules, p, hook) => {
        const body = rules
          .map(([chain, m, t]) => `-A ${chain} ${m}${t.startsWith('GOTO ') ? `-g ${t.slice(5)}` : `-j ${t}`}`)
          .join('\n');
        const text = `*nat\n${[0, 1, 2, 3, 4, 5].map((n) => `:C${n} - [0:0]`).join('\n')}\n${body}\nCOMMIT\n`;
        const parsed = parseIptablesSave(text);
        const r = walk(parsed.tables, 'nat', hook, p, { localAddresses: LOCAL_ADDRESSES, random: () => 0.3, maxSteps: 10_000 });
        expect(['ACCEPT', 'DNAT', 'DROP', 'REJECT']).toContain(r.verdict);
        expect(r.steps).toBeLessThanOrEqual(10_001);
      }),
      { numRuns: 300 },
    );
  });
});
