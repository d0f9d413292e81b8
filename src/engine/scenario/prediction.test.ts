import { describe, expect, it } from 'vitest';
import { evaluatePrediction } from './prediction';
import { resolveLessonRequest, sendLessonRequest } from './request';
import { resolveValue } from './values';
import type { Prediction } from './lesson';
import { fixture } from './fixture';

const pg = fixture();
const snap = pg.snapshot();
const clientIP = snap.pods.find((p) => p.name === 'client')!.ip!;
const webIP = snap.pods.find((p) => p.labels.app === 'web')!.ip!;
const webClusterIP = snap.services.find((s) => s.name === 'web')!.clusterIP!;

describe('evaluatePrediction', () => {
  // Each: the prediction, the value the engine must observe, the label that must be the one correct choice.
  const cases: [Prediction, string | RegExp, string][] = [
    [
      {
        question: 'client_address through a ClusterIP?',
        measure: 'client_address',
        request: { from: { pod: { selector: 'run=client' } }, url: 'http://web/' },
        choices: [
          { label: 'client pod', value: { podIP: 'run=client' } },
          { label: 'a node', value: { nodeIP: 'any' } },
          { label: 'ClusterIP', value: { clusterIP: 'web' } },
        ],
      },
      clientIP,
      'client pod',
    ],
    [
      {
        question: 'client_address through a node port?',
        measure: 'client_address',
        request: { from: { workstation: true }, url: 'http://{{nodeIP:not-hosting:app=web}}:{{nodePort:web-np}}/' },
        choices: [
          { label: 'the workstation', value: { client: true } },
          { label: 'the node it was sent to', value: { nodeIP: 'origin' } },
          { label: 'the web pod', value: { podIP: 'app=web' } },
        ],
      },
      /^10\.244\.\d+\.0$|^192\.168\.49\.\d+$/,
      'the node it was sent to',
    ],
    [
      {
        question: 'client_address through the Local load balancer?',
        measure: 'client_address',
        request: { from: { external: '203.0.113.77' }, url: 'http://{{lbIP:web-lb}}/' },
        choices: [
          { label: 'the client', value: { client: true } },
          { label: 'node-1', value: { nodeIP: 'node-1' } },
          { label: 'node-2', value: { nodeIP: 'node-2' } },
        ],
      },
      '203.0.113.77',
      'the client',
    ],
    [
      {
        question: 'status?',
        measure: 'status',
        request: { from: { pod: { selector: 'run=client' } }, url: 'http://nope/' },
        choices: [
          { label: '200', value: '200' },
          { label: 'no such host', value: 'dns-nxdomain' },
        ],
      },
      'dns-nxdomain',
      'no such host',
    ],
    [
      {
        question: 'body?',
        measure: 'body',
        request: { from: { pod: { selector: 'run=client' } }, url: 'http://web/' },
        choices: [
          { label: 'echo', value: { pattern: '^CLIENT VALUES:' } },
          { label: 'nginx', value: { pattern: 'Welcome to nginx' } },
        ],
      },
      /^CLIENT VALUES:/,
      'echo',
    ],
    [
      {
        question: 'path?',
        measure: 'upstream-path',
        request: { from: { pod: { selector: 'run=client' } }, url: 'http://web/a?b=c' },
        choices: [
          { label: '/a', value: '/a?b=c' },
          { label: '/', value: '/' },
        ],
      },
      '/a?b=c',
      '/a',
    ],
    [
      { question: 'endpoints?', measure: 'endpoint-count', service: 'web', choices: [{ label: 'one', value: '1' }, { label: 'two', value: '2' }] },
      '1',
      'one',
    ],
    [
      {
        question: 'EXTERNAL-IP?',
        measure: 'external-ip',
        service: 'web-lb',
        choices: [
          { label: 'pending', value: '<pending>' },
          { label: 'its lb IP', value: { lbIP: 'web-lb' } },
        ],
      },
      /^203\.0\.113\.\d+$/,
      'its lb IP',
    ],
    [
      { question: 'EXTERNAL-IP of a ClusterIP?', measure: 'external-ip', service: 'web', choices: [{ label: 'none', value: '<none>' }, { label: 'pending', value: '<pending>' }] },
      '<none>',
      'none',
    ],
    [
      {
        question: 'DNS?',
        measure: 'dns-answer',
        from: { selector: 'run=client' },
        name: 'web',
        choices: [
          { label: 'ClusterIP', value: { clusterIP: 'default/web' } },
          { label: 'pod IP', value: { podIP: 'app=web' } },
        ],
      },
      webClusterIP,
      'ClusterIP',
    ],
  ];
  for (const [p, actual, correct] of cases) {
    it(`${p.measure}: ${p.question}`, () => {
      const r = evaluatePrediction(pg, p);
      expect(r.error).toBeUndefined();
      if (typeof actual === 'string') expect(r.actual).toBe(actual);
      else expect(r.actual).toMatch(actual);
      expect(r.choices.filter((c) => c.correct).map((c) => c.label)).toEqual([correct]);
      // The correct choice shows what was observed; the others what they stand for here.
      expect(r.choices.find((c) => c.correct)!.value).toBe(r.actual);
    });
  }

  it('says why nothing could be measured, and marks no choice', () => {
    const r = evaluatePrediction(pg, { question: '?', measure: 'status', request: { from: { pod: { selector: 'run=nobody' } }, url: 'http://web/' }, choices: [{ label: '200', value: '200' }] });
    expect(r).toEqual({ actual: '', error: 'no pod in default matches run=nobody', choices: [{ label: '200', value: '200', correct: false }] });
  });
});

/** Whether `{ nodeIP: 'origin' }` accepts the address for the request's trace. */
function originAccepts(r: Parameters<typeof sendLessonRequest>[1], ip: string): boolean {
  const sent = sendLessonRequest(pg, r);
  if ('error' in sent) throw new Error(sent.error);
  const v = resolveValue(pg, { nodeIP: 'origin' }, sent.trace);
  if (!v.ok) throw new Error(v.error);
  return v.value.accepts(ip);
}

describe("{ nodeIP: 'origin' }", () => {
  it("is the node the request was sent to, or the client pod's node", () => {
    const webNode = snap.pods.find((p) => p.labels.app === 'web')!.node;
    const other = snap.nodes.find((n) => n.name !== webNode)!;
    const hosting = snap.nodes.find((n) => n.name === webNode)!;
    expect(originAccepts({ from: { workstation: true }, url: `http://${other.internalIP}:30080/` }, other.internalIP)).toBe(true);
    expect(originAccepts({ from: { workstation: true }, url: `http://${other.internalIP}:30080/` }, hosting.internalIP)).toBe(false);
    const clientNode = snap.nodes.find((n) => n.name === snap.pods.find((p) => p.name === 'client')!.node)!;
    expect(originAccepts({ from: { pod: { selector: 'run=client' } }, url: 'http://web/' }, clientNode.internalIP)).toBe(true);
  });
});

describe('resolveValue', () => {
  it('accepts what each resolver stands for', () => {
    const ok = (v: Parameters<typeof resolveValue>[1], x: string) => {
      const r = resolveValue(pg, v);
      if (!r.ok) throw new Error(r.error);
      return r.value.accepts(x);
    };
    expect(ok('abc', 'abc')).toBe(true);
    expect(ok('abc', ' abc\n')).toBe(true);
    expect(ok({ podIP: 'app=web' }, webIP)).toBe(true);
    expect(ok({ podIP: 'app=db', namespace: 'other' }, webIP)).toBe(false);
    expect(ok({ nodeIP: 'node-1' }, snap.nodes.find((n) => n.name === 'node-1')!.internalIP)).toBe(true);
    expect(ok({ nodeIP: 0 }, snap.nodes.find((n) => n.name === 'node-1')!.externalIP!)).toBe(true);
    expect(ok({ nodeIP: 'node-1' }, '10.244.1.1')).toBe(true);
    expect(ok({ nodeIP: 'node-1' }, '10.244.2.1')).toBe(false);
    expect(ok({ nodeIP: 'any' }, '10.244.2.1')).toBe(true);
    expect(ok({ nodeIP: 'any' }, '127.0.0.1')).toBe(false);
    expect(resolveValue(pg, { nodeIP: 'origin' })).toEqual({ ok: false, error: 'the request reached no node' });
    expect(ok({ clusterIP: 'kube-system/kube-dns' }, '10.96.0.10')).toBe(true);
    expect(ok({ pattern: '^a+$' }, 'aaa')).toBe(true);
    expect(resolveValue(pg, { client: true })).toEqual({ ok: false, error: 'the request has no client address' });
    expect(resolveValue(pg, { pattern: '(' })).toMatchObject({ ok: false });
    expect(resolveValue(pg, { clusterIP: 'nope' })).toEqual({ ok: false, error: 'service default/nope does not exist' });
  });
});

describe('resolveLessonRequest', () => {
  it('names the origin by selector, node or client, and fills the URL', () => {
    expect(resolveLessonRequest(pg, { from: { pod: { selector: 'run=client', container: 'busybox' } }, url: 'http://{{clusterIP:web}}/', method: 'POST', headers: { 'X-Pod': '{{podName:app=web}}' }, body: '{{podIP:app=web}}' })).toEqual({
      from: { pod: 'default/client', container: 'busybox' },
      url: `http://${webClusterIP}/`,
      method: 'POST',
      headers: { 'X-Pod': snap.pods.find((p) => p.labels.app === 'web')!.name },
      body: webIP,
    });
    expect(resolveLessonRequest(pg, { from: { node: 'first' }, url: 'http://web/' })).toEqual({ from: { node: 'node-1' }, url: 'http://web/' });
    expect(resolveLessonRequest(pg, { from: { node: 'node-2' }, url: 'http://web/' })).toEqual({ from: { node: 'node-2' }, url: 'http://web/' });
    expect(resolveLessonRequest(pg, { from: {}, url: 'http://x/' })).toEqual({ from: {}, url: 'http://x/' });
    expect(resolveLessonRequest(pg, { from: { external: '203.0.113.9' }, url: 'http://x/' })).toEqual({ from: { external: '203.0.113.9' }, url: 'http://x/' });
    expect(resolveLessonRequest(pg, { from: { workstation: true }, url: 'http://x/', tls: { insecure: true } })).toEqual({ from: { external: '192.168.49.1' }, url: 'http://x/', tls: { insecure: true } });
  });

  it('goes through a port-forward for 127.0.0.1 from the workstation, into the pod', () => {
    const live = fixture();
    expect(resolveLessonRequest(live, { from: { workstation: true }, url: 'http://127.0.0.1:18080/x' })).toEqual({ error: "nothing listens on the workstation's port 18080: start `kubectl port-forward` first" });
    live.kubectl('kubectl port-forward deploy/web 18080:8080');
    const r = resolveLessonRequest(live, { from: { workstation: true }, url: 'http://127.0.0.1:18080/x' });
    expect(r).toMatchObject({ from: { pod: expect.stringMatching(/^default\/web-/) }, url: 'http://127.0.0.1:8080/x', headers: { Host: '127.0.0.1:18080' } });
  });

  it('reads a CA certificate from a Secret, and says what is missing', () => {
    const live = fixture();
    live.apply('apiVersion: v1\nkind: Secret\nmetadata: {name: ca}\nstringData: {ca.crt: "-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n"}\n');
    expect(resolveLessonRequest(live, { from: {}, url: 'https://x/', tls: { caSecret: 'default/ca:ca.crt' } })).toMatchObject({ tls: { caCert: expect.stringContaining('BEGIN CERTIFICATE') } });
    expect(resolveLessonRequest(live, { from: {}, url: 'https://x/', tls: { caSecret: 'ca:tls.crt' } })).toEqual({ error: 'secret default/ca has no key tls.crt' });
    expect(resolveLessonRequest(live, { from: {}, url: 'https://x/', tls: { caSecret: 'nope' } })).toEqual({ error: 'secret default/nope does not exist' });
    expect(resolveLessonRequest(live, { from: { pod: { selector: 'run=nobody' } }, url: 'http://x/' })).toEqual({ error: 'no pod in default matches run=nobody' });
    expect(resolveLessonRequest(live, { from: { node: 'node-9' }, url: 'http://x/' })).toEqual({ error: 'node node-9 does not exist' });
    expect(resolveLessonRequest(live, { from: {}, url: 'http://{{lbIP:web}}/' })).toEqual({ error: 'service web has no external IP yet (<pending>)' });
  });
});
