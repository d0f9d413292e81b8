import { describe, expect, it } from 'vitest';
import type { RequestSpec, Trace } from '../../types';
import { goTimeString, withKubeProxy } from './kubeproxy';

const ADDRESSES = new Set(['192.168.49.3', '10.244.1.1', '127.0.0.1']);

/** What the engine answers today for a port nothing models on the node: a reset at the node. */
function refused(url: string, dst: string): { spec: RequestSpec; trace: Trace } {
  const spec: RequestSpec = { from: { node: 'node-1' }, url };
  const packet = { src: '127.0.0.1:40000', dst, proto: 'TCP' as const, direction: 'request' as const };
  return {
    spec,
    trace: {
      request: spec,
      hops: [
        { seq: 1, at: 'node:node-1', kind: 'send', summary: '', packet, refs: [] },
        { seq: 2, at: 'node:node-1', kind: 'reject', summary: '', packet, refs: [] },
      ],
      outcome: { kind: 'error', code: 'connection-refused', message: 'curl: (7) Failed to connect' },
    },
  };
}

describe("kube-proxy's own servers on a node", () => {
  it.each([
    ['http://localhost:10249/proxyMode', '127.0.0.1:10249', 200, 'iptables'],
    ['http://127.0.0.1:10249/healthz', '127.0.0.1:10249', 200, 'ok'],
    ['http://127.0.0.1:10249/nope', '127.0.0.1:10249', 404, '404 page not found\n'],
    ['http://localhost:10256/livez', '127.0.0.1:10256', 200, undefined],
    ['http://192.168.49.3:10256/healthz', '192.168.49.3:10256', 200, undefined],
    ['http://localhost:10256/', '127.0.0.1:10256', 404, '404 page not found\n'],
  ])('%s answers %i', (url, dst, status, body) => {
    const { spec, trace } = refused(url, dst);
    const t = withKubeProxy(trace, spec, 'node-1', ADDRESSES, 'iptables', 30);
    expect(t.outcome).toMatchObject({ kind: 'response', status, servedBy: 'node:node-1/kube-proxy' });
    if (body !== undefined) expect(t.outcome.kind === 'response' && t.outcome.body).toBe(body);
    expect(t.hops.map((h) => h.kind)).toEqual(['send', 'respond']);
    expect(t.hops[1]!.packet).toMatchObject({ src: dst, dst: '127.0.0.1:40000', direction: 'response' });
  });

  it.each([
    // The metrics server is bound to 127.0.0.1 only.
    ['http://192.168.49.3:10249/proxyMode', '192.168.49.3:10249'],
    ['http://localhost:8080/', '127.0.0.1:8080'],
    ['https://localhost:10256/healthz', '127.0.0.1:10256'],
  ])('%s stays refused', (url, dst) => {
    const { spec, trace } = refused(url, dst);
    expect(withKubeProxy(trace, spec, 'node-1', ADDRESSES, 'iptables', 30).outcome.kind).toBe('error');
  });

  it('leaves what the engine answered alone', () => {
    const { spec, trace } = refused('http://localhost:10249/proxyMode', '127.0.0.1:10249');
    const answered: Trace = { ...trace, outcome: { kind: 'response', status: 200, headers: {}, body: 'x' } };
    expect(withKubeProxy(answered, spec, 'node-1', ADDRESSES, 'iptables', 30)).toBe(answered);
  });

  it.each([
    [0, /^2026-01-01 00:00:00(\.\d{1,9})? \+0000 UTC m=\+0\.\d{9}$/],
    [90061, /^2026-01-02 01:01:01(\.\d{1,9})? \+0000 UTC m=\+90061\.\d{9}$/],
  ])("time.Time's String at %is", (seconds, pattern) => {
    expect(goTimeString(seconds, 'node-1')).toMatch(pattern);
    expect(goTimeString(seconds, 'node-1')).toBe(goTimeString(seconds, 'node-1'));
  });
});
