import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cidrContains, formatCidr, formatIPv4, parseCidr, parseIPv4, subnet } from './ipv4';
import { parsePortRange } from './portrange';
import { SeededRng, randomSuffix, safeEncodeString, seedState } from './rng';
import { canonicalJson, fnv1a32 } from './hash';
import { deepEqual } from './equal';

describe('ipv4', () => {
  it.each([
    ['10.96.0.1', 0x0a600001],
    ['0.0.0.0', 0],
    ['255.255.255.255', 0xffffffff],
  ])('parses %s', (text, n) => {
    expect(parseIPv4(text)).toBe(n);
    expect(formatIPv4(n)).toBe(text);
  });

  it.each(['10.96.0', '10.96.0.256', '01.2.3.4', 'a.b.c.d', '1.2.3.4.5', ''])('rejects %s', (text) => {
    expect(parseIPv4(text)).toBeUndefined();
  });

  it('normalises a CIDR to its network address', () => {
    const c = parseCidr('10.96.3.7/12');
    expect(c && formatCidr(c)).toBe('10.96.0.0/12');
    expect(c?.size).toBe(1 << 20);
  });

  it('splits a /16 into /24s', () => {
    const c = parseCidr('10.244.0.0/16')!;
    expect(formatCidr(subnet(c, 24, 3))).toBe('10.244.3.0/24');
  });

  it('round-trips any address and keeps it inside its block', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }), (n, prefix) => {
        expect(parseIPv4(formatIPv4(n))).toBe(n);
        const c = parseCidr(`${formatIPv4(n)}/${prefix}`)!;
        expect(cidrContains(c, n)).toBe(true);
      }),
    );
  });
});

describe('port ranges', () => {
  it('parses the default node port range', () => {
    expect(parsePortRange('30000-32767')).toEqual({ base: 30000, size: 2768 });
  });
  it.each(['30000', '0-10', '100-50', '1-70000'])('rejects %s', (t) => expect(parsePortRange(t)).toBeUndefined());
});

describe('seeded rng', () => {
  it('repeats for the same seed and differs for another', () => {
    const a = new SeededRng(seedState(1));
    const b = new SeededRng(seedState(1));
    const c = new SeededRng(seedState(2));
    const sa = [a.nextUint32(), a.nextUint32()];
    expect([b.nextUint32(), b.nextUint32()]).toEqual(sa);
    expect([c.nextUint32(), c.nextUint32()]).not.toEqual(sa);
  });

  it('continues from a stored state', () => {
    const a = new SeededRng(seedState(7));
    a.nextUint32();
    const resumed = new SeededRng(a.state);
    expect(resumed.nextUint32()).toBe(a.nextUint32());
  });

  it('keeps int() in range', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 100000 }), (seed, n) => {
        const r = new SeededRng(seedState(seed));
        const v = r.int(n);
        expect(v >= 0 && v < n && Number.isInteger(v)).toBe(true);
      }),
    );
  });

  it('makes generateName suffixes from Kubernetes alphabet', () => {
    expect(randomSuffix(new SeededRng(1))).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('encodes digits the way pod-template-hash looks (e.g. 66b6c48dd5)', () => {
    // '0'..'9' are bytes 48..57; 48 % 27 = 21 -> '4', 57 % 27 = 3 -> 'f'
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });
});

describe('hash', () => {
  it('is FNV-1a (known vectors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(canonicalJson({ a: [1, { c: 3, d: 2 }], b: 1 }));
  });
});

describe('deepEqual', () => {
  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1, u: undefined }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, b: null }, false],
    [[1, 2], [2, 1], false],
    [{ a: [] }, { a: {} }, false],
    ['1', 1, false],
  ])('%j vs %j → %s', (a, b, want) => {
    expect(deepEqual(a, b)).toBe(want);
    expect(deepEqual(b, a)).toBe(want);
  });

  it('agrees with canonical JSON on arbitrary data', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(deepEqual(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
        expect(deepEqual(a, JSON.parse(JSON.stringify(a)))).toBe(true);
      }),
    );
  });
});
