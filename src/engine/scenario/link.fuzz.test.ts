/**
 * Property and fuzz tests for shared links, with fixed fast-check seeds so every run is the same.
 * No timing is asserted: a run that hangs fails on vitest's test timeout.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { base64UrlDecode, base64UrlEncode } from './base64url';
import { encodeScenarioLink, parseFragment, type FragmentResult } from './link';
import type { Scenario, ScenarioView } from './types';
import { normalizeTitle } from './validate';
import type { RequestSpec } from '../types';

/** Any text: every code point, sometimes a lone surrogate (JSON escapes it). */
const text = (maxLength: number) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\ud800', '\udfff', 'a', '"', '\\', '\u0000', '\u2028'), maxLength }) },
  );
const oneLine = (maxLength: number) => text(maxLength).map((s) => s.replace(/[\r\n]/g, ' '));
const nonEmpty = <T extends object>(arb: fc.Arbitrary<T>) => arb.filter((o) => Object.keys(o).length > 0);

const options = fc.record(
  {
    seed: fc.integer(),
    nodes: fc.integer({ min: 1, max: 12 }),
    clusterDomain: fc.constantFrom('cluster.local', 'corp.example'),
    clusterCIDR: fc.constantFrom('10.244.0.0/16', '10.0.0.0/8', '192.168.0.0/20'),
    serviceCIDR: fc.constantFrom('10.96.0.0/12', '172.20.0.0/16'),
    nodePortRange: fc.constantFrom('30000-32767', '30000-30100'),
    loadBalancer: fc.constantFrom('cloud' as const, 'none' as const),
    proxyMode: fc.constant('iptables' as const),
    ingressNginx: fc.boolean(),
    ingressNginxServiceType: fc.constantFrom('NodePort' as const, 'LoadBalancer' as const),
    podNetwork: fc.constantFrom('overlay' as const, 'routed' as const),
  },
  { requiredKeys: [] },
);

const origin: fc.Arbitrary<RequestSpec['from']> = fc.oneof(
  fc.record({ pod: text(30), container: text(10) }, { requiredKeys: ['pod'] }),
  fc.record({ node: text(20) }),
  fc.record({ external: text(15) }, { requiredKeys: [] }),
);

const request: fc.Arbitrary<RequestSpec> = fc.record(
  {
    from: origin,
    url: text(80),
    method: fc.constantFrom('GET', 'POST', 'DELETE', 'get'),
    headers: fc.dictionary(text(12), text(20), { minKeys: 1, maxKeys: 4, noNullPrototype: true }),
    body: text(60),
    tls: nonEmpty(fc.record({ insecure: fc.boolean(), caCert: text(40) }, { requiredKeys: [] })),
  },
  { requiredKeys: ['from', 'url'] },
);

const view: fc.Arbitrary<ScenarioView> = nonEmpty(
  fc.record(
    {
      selected: text(40),
      request,
      step: fc.integer({ min: -1, max: 500 }),
      clock: fc.double({ min: 0, max: 365 * 24 * 3600, noNaN: true }).filter((x) => !Object.is(x, -0)),
      showSystem: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
);

/** Scenarios as a link gives them back: titles normalized, no empty optional parts. */
const scenario: fc.Arbitrary<Scenario> = fc
  .record(
    {
      title: text(80).map(normalizeTitle),
      options,
      manifests: text(400),
      commands: fc.array(oneLine(60), { minLength: 1, maxLength: 5 }),
      view,
    },
    { requiredKeys: ['title', 'options', 'manifests'] },
  )
  .map((s) => ({ v: 1 as const, ...s }));

/** What a parse result must be, whatever the input. */
function checkResult(r: FragmentResult): void {
  expect(typeof r.embed).toBe('boolean');
  if (!r.ok) {
    expect(r.error.message.length).toBeGreaterThan(0);
    expect(r.error.message).toMatch(/^This link/);
    return;
  }
  // Anything accepted round-trips: it is a valid scenario, and its own link opens it again.
  if (r.scenario) {
    const again = parseFragment(encodeScenarioLink(r.scenario).fragment);
    expect(again.ok && again.scenario).toEqual(r.scenario);
  }
}

describe('round trip', () => {
  it('any valid scenario → encodeScenarioLink → parseFragment gives it back', () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), (s, embed) => {
        const link = encodeScenarioLink(s);
        expect(link.error).toBeUndefined();
        expect(link.fragment).toMatch(/^s=[A-Za-z0-9_-]+$/);
        expect(parseFragment(`#${link.fragment}${embed ? '&embed=1' : ''}`)).toEqual({ ok: true, scenario: s, embed, presenter: false });
      }),
      { seed: 20240610, numRuns: 400 },
    );
  });

  it('encoding is canonical: a scenario with empty or extra parts gives the same link as what it reads back as', () => {
    const loose = fc.record({
      v: fc.constant(1 as const),
      title: text(40),
      options: fc.record({ nodes: fc.integer({ min: 1, max: 4 }), colour: fc.string() }, { requiredKeys: [] }),
      manifests: text(100),
      commands: fc.array(oneLine(20), { maxLength: 2 }),
      view: fc.record({ step: fc.integer({ min: -1, max: 9 }), request }, { requiredKeys: [] }),
      extra: fc.anything(),
    });
    fc.assert(
      fc.property(loose, (s) => {
        const link = encodeScenarioLink(s as Scenario);
        const r = parseFragment(link.fragment);
        expect(r.ok).toBe(true);
        if (r.ok) expect(encodeScenarioLink(r.scenario!).fragment).toBe(link.fragment);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe('fuzz: parseFragment never throws and always explains', () => {
  const bases = fc.sample(scenario, { seed: 99, numRuns: 20 }).map((s) => encodeScenarioLink(s).fragment.slice(2));
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  it('random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('', '#', '#s=', 's=', '#scenario=', 'embed=1&s='), (junk, prefix) => {
        checkResult(parseFragment(prefix + junk));
      }),
      { seed: 1, numRuns: 1500 },
    );
  });

  it('random base64url after s=', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...B64), minLength: 1, maxLength: 400 }), (junk) => {
        checkResult(parseFragment(`s=${junk}`));
      }),
      { seed: 2, numRuns: 1500 },
    );
  });

  it('mutated fragments: truncations, insertions, deletions of characters', () => {
    const mutation = fc.record({
      base: fc.integer({ min: 0, max: bases.length - 1 }),
      at: fc.nat(),
      cut: fc.nat({ max: 20 }),
      insert: fc.string({ maxLength: 4 }),
      truncate: fc.boolean(),
    });
    fc.assert(
      fc.property(mutation, ({ base, at, cut, insert, truncate }) => {
        const s = bases[base]!;
        const i = at % (s.length + 1);
        const mutated = truncate ? s.slice(0, i) : s.slice(0, i) + insert + s.slice(i + cut);
        checkResult(parseFragment(`#s=${mutated}`));
      }),
      { seed: 3, numRuns: 1500 },
    );
  });

  it('bit flips in the compressed bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bases.length - 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), (base, flips) => {
        const decoded = base64UrlDecode(bases[base]!);
        if (!decoded.ok) throw new Error('base fragment does not decode');
        const bytes = decoded.bytes.slice();
        for (const f of flips) bytes[Math.floor(f / 8) % bytes.length]! ^= 1 << f % 8;
        checkResult(parseFragment(`s=${base64UrlEncode(bytes)}`));
      }),
      { seed: 4, numRuns: 1500 },
    );
  });

  it('damaged JSON inside a well-formed deflate stream', () => {
    const json = fc.sample(scenario, { seed: 5, numRuns: 10 }).map((s) => JSON.stringify(s));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: json.length - 1 }), fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 6 }), (k, at, cut, insert) => {
        const s = json[k]!;
        const i = at % (s.length + 1);
        const damaged = s.slice(0, i) + insert + s.slice(i + cut);
        checkResult(parseFragment(`s=${base64UrlEncode(deflateSync(new TextEncoder().encode(damaged)))}`));
      }),
      { seed: 6, numRuns: 1000 },
    );
  });

  it('well-formed JSON of the wrong shape', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ v: fc.jsonValue(), title: fc.jsonValue(), manifests: fc.jsonValue(), options: fc.jsonValue(), view: fc.jsonValue(), commands: fc.jsonValue() }, { requiredKeys: [] })), (doc) => {
        checkResult(parseFragment(`s=${base64UrlEncode(deflateSync(new TextEncoder().encode(JSON.stringify(doc) ?? 'null')))}`));
      }),
      { seed: 8, numRuns: 800 },
    );
  });
});
