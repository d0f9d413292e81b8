import { describe, expect, it } from 'vitest';
import { deflateSync, inflateSync } from 'fflate';
import { base64UrlEncode } from './base64url';
import {
  decodeScenario,
  encodeScenarioLink,
  inflateBounded,
  MAX_FRAGMENT_LENGTH,
  MAX_JSON_BYTES,
  MAX_MANIFESTS_LENGTH,
  MAX_STEP,
  migrateScenario,
  parseFragment,
  type FragmentResult,
} from './link';
import type { Scenario } from './types';

const TYPICAL_MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 80
          protocol: TCP
        resources:
          requests:
            cpu: 100m
            memory: 64Mi
          limits:
            cpu: 250m
            memory: 128Mi
        readinessProbe:
          httpGet:
            path: /
            port: http
          initialDelaySeconds: 2
          periodSeconds: 5
        livenessProbe:
          httpGet:
            path: /
            port: http
          periodSeconds: 10
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
  labels:
    app: web
  annotations:
    description: Two nginx replicas behind one ClusterIP
spec:
  type: ClusterIP
  sessionAffinity: None
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: http
    protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: client
  labels:
    app: client
spec:
  containers:
  - name: curl
    image: curlimages/curl:8.10.1
    command: ["sleep", "infinity"]
    env:
    - name: TARGET
      value: http://web.default.svc.cluster.local/
    resources:
      requests:
        cpu: 10m
        memory: 16Mi
  restartPolicy: Always
  terminationGracePeriodSeconds: 5
`;

const TYPICAL: Scenario = {
  v: 1,
  title: 'Two nginx pods behind a Service',
  options: { seed: 1, nodes: 2 },
  manifests: TYPICAL_MANIFESTS,
  commands: ['kubectl get pods -o wide', 'kubectl get endpointslices -l kubernetes.io/service-name=web'],
  view: {
    selected: 'service:default/web',
    request: { from: { pod: 'default/client', container: 'curl' }, url: 'http://web.default/', method: 'GET' },
    step: 3,
  },
};

/** A fragment from any JSON, as a hand-made (or damaged, or hostile) link would hold. */
function fragmentOf(doc: unknown): string {
  return `s=${base64UrlEncode(deflateSync(new TextEncoder().encode(JSON.stringify(doc)), { level: 9 }))}`;
}

function refused(result: FragmentResult) {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result.error;
}

describe('encodeScenarioLink / parseFragment', () => {
  it('round-trips a typical scenario in a fragment well under 8 KB', () => {
    expect(TYPICAL_MANIFESTS.length).toBeGreaterThan(1000);
    expect(TYPICAL_MANIFESTS.length).toBeLessThan(2000);
    const link = encodeScenarioLink(TYPICAL);
    expect(link.fragment).toMatch(/^s=[A-Za-z0-9_-]+$/);
    expect(link.bytes).toBe(link.fragment.length);
    expect(link.error).toBeUndefined();
    // 1,018 characters with fflate 0.8.3 for 1.5 KB of manifests (the JSON is ~1.9 KB).
    expect(link.bytes).toBeLessThan(1200);
    expect(parseFragment(`#${link.fragment}`)).toEqual({ ok: true, scenario: TYPICAL, embed: false, presenter: false });
  });

  it('is deterministic', () => {
    expect(encodeScenarioLink(TYPICAL).fragment).toBe(encodeScenarioLink(structuredClone(TYPICAL)).fragment);
  });

  it('writes compact JSON: no undefined, no empty options, commands, view or headers, known keys only', () => {
    const s = {
      v: 1,
      title: 'a\nb',
      options: { seed: undefined, colour: 'red' },
      manifests: '',
      commands: [],
      view: { selected: undefined, request: { from: { pod: 'default/c', container: undefined }, url: '/', headers: {}, body: undefined } },
      extra: true,
    } as unknown as Scenario;
    const raw = new TextDecoder().decode(inflateSync(Uint8Array.from(Buffer.from(encodeScenarioLink(s).fragment.slice(2), 'base64url'))));
    expect(raw).toBe('{"v":1,"title":"a b","manifests":"","view":{"request":{"from":{"pod":"default/c"},"url":"/"}}}');
    expect(parseFragment(encodeScenarioLink({ v: 1, title: '', options: {}, manifests: '', commands: [], view: {} }).fragment)).toEqual({
      ok: true,
      scenario: { v: 1, title: '', options: {}, manifests: '' },
      embed: false,
      presenter: false,
    });
  });

  it('says when a link it makes would not open', () => {
    const big = encodeScenarioLink({ ...TYPICAL, manifests: 'x'.repeat(MAX_MANIFESTS_LENGTH + 1) });
    expect(big.error).toMatchObject({ code: 'invalid', path: 'manifests' });
    const bad = encodeScenarioLink({ ...TYPICAL, options: { nodes: 0 } });
    expect(bad.error).toMatchObject({ code: 'invalid', path: 'options.nodes' });
    // Incompressible manifests under the manifests cap but over the fragment cap.
    let x = 12345;
    const next = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) % 90);
    const noise = Array.from({ length: 100_000 }, () => String.fromCharCode(33 + next())).join('');
    const long = encodeScenarioLink({ ...TYPICAL, manifests: noise });
    expect(long.bytes).toBeGreaterThan(MAX_FRAGMENT_LENGTH);
    expect(long.error?.code).toBe('too-large');
    expect(refused(parseFragment(long.fragment)).code).toBe('too-large');
  });

  it('returns a script-like title verbatim, as data', () => {
    const title = '<img src=x onerror=alert(1)>';
    const r = parseFragment(encodeScenarioLink({ ...TYPICAL, title }).fragment);
    expect(r.ok && r.scenario?.title).toBe(title);
    const r2 = parseFragment(fragmentOf({ v: 1, title: '<script>alert(1)</script>\u0000', manifests: '"><svg onload=alert(1)>' }));
    expect(r2.ok && r2.scenario).toMatchObject({ title: '<script>alert(1)</script>', manifests: '"><svg onload=alert(1)>' });
  });
});

describe('fragment pairs', () => {
  it.each<[string, FragmentResult]>([
    ['', { ok: true, embed: false, presenter: false }],
    ['#', { ok: true, embed: false, presenter: false }],
    ['#section-2', { ok: true, embed: false, presenter: false }],
    ['#scenario=seed-001-service-types', { ok: true, builtin: { id: 'seed-001-service-types' }, embed: false, presenter: false }],
    ['#scenario=seed-001-service-types&step=2&embed=1', { ok: true, builtin: { id: 'seed-001-service-types', step: 2 }, embed: true, presenter: false }],
    ['embed&presenter=1&&scenario=lesson.2_a', { ok: true, builtin: { id: 'lesson.2_a' }, embed: true, presenter: true }],
    ['#embed=0&presenter=true&step=4', { ok: true, embed: false, presenter: true }],
    ['#scenario=seed%2D004&step=0', { ok: true, builtin: { id: 'seed-004', step: 0 }, embed: false, presenter: false }],
    ['#scenario=a&scenario=a', { ok: true, builtin: { id: 'a' }, embed: false, presenter: false }],
  ])('%j', (hash, expected) => {
    expect(parseFragment(hash)).toEqual(expected);
  });

  it('reads flags next to a shared scenario, in any order', () => {
    const { fragment } = encodeScenarioLink(TYPICAL);
    expect(parseFragment(`#presenter=1&${fragment}&embed=1&utm=x`)).toEqual({ ok: true, scenario: TYPICAL, embed: true, presenter: true });
  });

  it.each([
    ['#scenario=../../etc/passwd', 'invalid', 'cannot have'],
    ['#scenario=', 'invalid', 'cannot have'],
    ['#scenario=<b>x</b>&embed=1', 'invalid', 'cannot have'],
    ['#scenario=a&step=two', 'invalid', `step must be a whole number from 0 to ${MAX_STEP} (it is "two")`],
    ['#scenario=a&step=-1', 'invalid', 'step must be'],
    [`#scenario=a&step=${MAX_STEP + 1}`, 'invalid', 'step must be'],
    ['#scenario=a&scenario=b', 'conflict', 'two different built-in scenarios'],
    ['#s=abc&scenario=a', 'conflict', 'both a shared scenario'],
    ['#s=abcd&s=efgh', 'conflict', 'two different shared scenarios'],
  ])('%j is refused (%s)', (hash, code, message) => {
    const r = parseFragment(hash);
    expect(refused(r)).toMatchObject({ code });
    expect(refused(r).message).toContain(message);
    expect(r.embed).toBe(hash.includes('embed=1'));
  });
});

describe('broken links: one error code each, with one sentence', () => {
  const good = encodeScenarioLink(TYPICAL).fragment;
  // 100 MB of zeros packs to ~100 KB: over the fragment cap before anything is decoded.
  const bomb100 = `s=${base64UrlEncode(deflateSync(new Uint8Array(100 * 1024 * 1024), { level: 9 }))}`;
  // 36 MB packs to ~48 K characters: inside the fragment cap, so only inflate's bound stops it.
  const bomb36 = `s=${base64UrlEncode(deflateSync(new Uint8Array(36 * 1024 * 1024), { level: 9 }))}`;

  it.each<[string, () => string, string, RegExp]>([
    ['truncated (cut off mid-stream)', () => good.slice(0, good.length - 40), 'truncated', /^This link is incomplete: it was cut off/],
    ['truncated (one character left over)', () => good.slice(0, 2 + 4 * 50 + 1), 'truncated', /incomplete/],
    ['truncated (nothing after s=)', () => 's=&embed=1', 'truncated', /ends where its scenario should begin/],
    ['not base64', () => 's=!!!', 'not-base64', /^This link is damaged: it is not valid base64url \(character 1\)\.$/],
    ['not base64 (standard alphabet)', () => `${good.slice(0, 19)}+${good.slice(20)}`, 'not-base64', /\(character 18\)/],
    ['not deflate (random bytes)', () => `s=${base64UrlEncode(Uint8Array.from([0xff, 0xf3, 0x12, 0x99, 0x07, 0x5a, 0xc1, 0x33, 0x80]))}`, 'not-deflate', /cannot be unpacked/],
    ['too large: a 100 MB deflate bomb', () => bomb100, 'too-large', /^This link is too long: kubepath opens links of up to 65536 characters/],
    ['too large: a 36 MB deflate bomb under the fragment cap', () => bomb36, 'too-large', /unpacks to more than 256 KB/],
    ['not JSON', () => `s=${base64UrlEncode(deflateSync(new TextEncoder().encode('{"v":1,'), { level: 9 }))}`, 'not-json', /not valid JSON/],
    ['not UTF-8', () => `s=${base64UrlEncode(deflateSync(Uint8Array.from([0x22, 0xc3, 0x28, 0x22])))}`, 'not-json', /not valid UTF-8/],
    ['wrong version (newer)', () => fragmentOf({ v: 2, title: 't', manifests: '', hologram: true }), 'wrong-version', /made by a newer kubepath/],
    ['wrong version (older than any known)', () => fragmentOf({ v: -3, title: 't', manifests: '' }), 'wrong-version', /version kubepath does not know \(version -3/],
    ['no version', () => fragmentOf({ title: 't', manifests: '' }), 'invalid', /has no version number/],
    ['wrong types', () => fragmentOf({ v: 1, title: 't', manifests: '', options: { nodes: '2' } }), 'invalid', /options\.nodes must be a whole number \(it is text\)\.$/],
    ['a list, not a scenario', () => fragmentOf([1, 2]), 'invalid', /not a JSON object \(it is a list\)/],
  ])('%s', (_name, make, code, message) => {
    const r = parseFragment(`#${make()}`);
    const error = refused(r);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^[A-Z].*\.$/);
  });

  it('reports the path of a wrong field', () => {
    const r = parseFragment(fragmentOf({ v: 1, title: 't', manifests: '', view: { request: { from: { node: 3 }, url: '/' } } }));
    expect(refused(r).path).toBe('view.request.from.node');
  });

  it('keeps __proto__ keys from doing anything', () => {
    const json = '{"v":1,"title":"t","manifests":"","__proto__":{"isAdmin":true},"options":{"__proto__":{"nodes":500}}}';
    const r = parseFragment(`s=${base64UrlEncode(deflateSync(new TextEncoder().encode(json)))}`);
    expect(r).toEqual({ ok: true, scenario: { v: 1, title: 't', options: {}, manifests: '' }, embed: false, presenter: false });
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses an over-long fragment without reading it', () => {
    expect(refused(parseFragment(`#embed=1&s=${'A'.repeat(MAX_FRAGMENT_LENGTH)}`))).toMatchObject({ code: 'too-large' });
    expect(decodeScenario('A'.repeat(MAX_FRAGMENT_LENGTH + 1))).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });
});

const enc = (n: number, level: 0 | 9) => deflateSync(new Uint8Array(n).fill(65), { level });

describe('bounded inflate', () => {
  it('fflate with a fixed out buffer: silently truncates a Huffman block, throws RangeError on a stored block', () => {
    // Why inflateBounded streams instead (node_modules/fflate/esm/index.mjs, inflt: with a
    // caller's buffer it never resizes, but writes past the end are dropped and bt keeps
    // counting, so the whole bomb is still decoded).
    const out = new Uint8Array(100);
    const r = inflateSync(enc(1000, 9), { out });
    expect(r.length).toBe(100);
    expect(r.buffer).toBe(out.buffer);
    expect(() => inflateSync(enc(1000, 0), { out: new Uint8Array(100) })).toThrow(RangeError);
  });

  it('stops at the cap, for compressed and stored data, and allows exactly the cap', () => {
    expect(inflateBounded(enc(1000, 9), 999)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(inflateBounded(enc(1000, 0), 999)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    for (const level of [0, 9] as const) {
      const r = inflateBounded(enc(1000, level), 1000);
      expect(r.ok && r.bytes.length).toBe(1000);
    }
    expect(inflateBounded(deflateSync(new Uint8Array(MAX_JSON_BYTES + 1)), MAX_JSON_BYTES).ok).toBe(false);
  });

  it('tells a truncated stream from a damaged one', () => {
    const data = deflateSync(new TextEncoder().encode(JSON.stringify(TYPICAL)), { level: 9 });
    expect(inflateBounded(data.subarray(0, data.length - 10), MAX_JSON_BYTES)).toMatchObject({ ok: false, error: { code: 'truncated' } });
    expect(inflateBounded(Uint8Array.from([0x07]), MAX_JSON_BYTES)).toMatchObject({ ok: false, error: { code: 'not-deflate' } });
    expect(inflateBounded(new Uint8Array(0), MAX_JSON_BYTES)).toMatchObject({ ok: false, error: { code: 'truncated' } });
    // Bytes after the final block are ignored, as zlib does.
    const r = inflateBounded(Uint8Array.from([...data, 1, 2, 3]), MAX_JSON_BYTES);
    expect(r.ok && new TextDecoder().decode(r.bytes)).toBe(JSON.stringify(TYPICAL));
    // A stream cut exactly after a non-final stored block.
    const stored = deflateSync(new Uint8Array(70_000).fill(1), { level: 0 });
    expect(inflateBounded(stored.subarray(0, 5 + 65_535), MAX_JSON_BYTES)).toMatchObject({ ok: false, error: { code: 'truncated' } });
  });
});

describe('versions', () => {
  it('migrates the pre-release v0 format to the current one', () => {
    const r = parseFragment(fragmentOf({ version: 0, name: 'Old link', yaml: 'kind: Pod\n' }));
    expect(r).toEqual({ ok: true, scenario: { v: 1, title: 'Old link', options: {}, manifests: 'kind: Pod\n' }, embed: false, presenter: false });
    // Then validated like any other: a v0 without yaml has no manifests.
    expect(refused(parseFragment(fragmentOf({ version: 0, name: 'x' })))).toMatchObject({ code: 'invalid', path: 'manifests' });
  });

  it('chains migrations from a table', () => {
    const table = [
      { from: -1, to: 0, migrate: (d: Record<string, unknown>) => ({ version: 0, name: d.label, yaml: d.text }) },
      { from: 0, to: 1, migrate: (d: Record<string, unknown>) => ({ v: 1, title: d.name, manifests: d.yaml }) },
    ];
    expect(migrateScenario({ v: -1, label: 'L', text: 'T' }, table)).toEqual({ ok: true, doc: { v: 1, title: 'L', manifests: 'T' } });
    expect(migrateScenario({ v: -2 }, table)).toMatchObject({ ok: false, error: { code: 'wrong-version' } });
    expect(migrateScenario({ v: 1, title: 'same' }, table)).toEqual({ ok: true, doc: { v: 1, title: 'same' } });
    expect(migrateScenario({ v: 1.5 }, table)).toMatchObject({ ok: false, error: { code: 'invalid', path: 'v' } });
  });
});
