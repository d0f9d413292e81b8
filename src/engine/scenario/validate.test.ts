import { describe, expect, it } from 'vitest';
import { MAX_COMMANDS, MAX_MANIFESTS_LENGTH, MAX_TITLE_LENGTH, normalizeTitle, validateScenario } from './validate';

const base = { v: 1, title: 'Web', manifests: 'kind: Pod\n' };

function errorOf(doc: unknown) {
  const r = validateScenario(doc);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('validateScenario', () => {
  it('accepts the smallest scenario and fills in no options', () => {
    expect(validateScenario(base)).toEqual({ ok: true, scenario: { ...base, options: {} } });
  });

  it('keeps every known field', () => {
    const doc = {
      ...base,
      options: { seed: 7, nodes: 3, loadBalancer: 'none', ingressNginx: false, podNetwork: 'routed', nodePortRange: '30000-30100' },
      commands: ['kubectl get pods', 'kubectl label pod web app=web --overwrite'],
      view: {
        selected: 'service:default/web',
        request: { from: { pod: 'default/client', container: 'curl' }, url: 'http://web/', method: 'POST', headers: { 'X-A': 'b' }, body: '{}', tls: { insecure: true, caCert: '-----BEGIN CERTIFICATE-----\n' } },
        step: -1,
        clock: 30,
        showSystem: true,
      },
    };
    expect(validateScenario(doc)).toEqual({ ok: true, scenario: doc });
  });

  it('leaves out empty commands, view, headers and tls (the canonical form links are written in)', () => {
    expect(validateScenario({ ...base, options: {}, commands: [], view: {} })).toEqual({ ok: true, scenario: { ...base, options: {} } });
    const r = validateScenario({ ...base, view: { request: { from: {}, url: '/', headers: {}, tls: {} } } });
    expect(r.ok && r.scenario.view).toEqual({ request: { from: {}, url: '/' } });
  });

  it.each([
    [{ ...base, title: 3 }, 'title', 'title must be text (it is the number 3)'],
    [{ v: 1, manifests: '' }, 'title', 'title must be text (it is missing)'],
    [{ ...base, manifests: ['a'] }, 'manifests', 'manifests must be text (it is a list)'],
    [{ ...base, options: [] }, 'options', 'options must be an object (it is a list)'],
    [{ ...base, options: { nodes: '3' } }, 'options.nodes', 'options.nodes must be a whole number (it is text)'],
    [{ ...base, options: { nodes: 2.5 } }, 'options.nodes', 'whole number'],
    [{ ...base, options: { nodes: 5000 } }, 'options.nodes', 'options.nodes must be a whole number from 1 to'],
    [{ ...base, options: { seed: null } }, 'options.seed', 'options.seed must be a number (it is null)'],
    [{ ...base, options: { loadBalancer: 'metallb' } }, 'options.loadBalancer', 'must be "cloud" or "none" (it is "metallb")'],
    [{ ...base, options: { ingressNginx: 'yes' } }, 'options.ingressNginx', 'must be true or false'],
    [{ ...base, options: { clusterCIDR: '10.0.0.0/30' } }, 'options.clusterCIDR', 'invalid CIDR'],
    [{ ...base, commands: 'kubectl get pods' }, 'commands', 'must be a list of command lines'],
    [{ ...base, commands: ['ok', 4] }, 'commands[1]', 'commands[1] must be text'],
    [{ ...base, commands: ['kubectl get pods\nrm -rf /'] }, 'commands[0]', 'must be one line'],
    [{ ...base, view: 'x' }, 'view', 'view must be an object'],
    [{ ...base, view: { step: -2 } }, 'view.step', 'must be at least -1'],
    [{ ...base, view: { clock: -1 } }, 'view.clock', 'must be at least 0'],
    [{ ...base, view: { showSystem: 1 } }, 'view.showSystem', 'must be true or false'],
    [{ ...base, view: { request: { url: 'http://web/' } } }, 'view.request.from', 'view.request.from must be an object (it is missing)'],
    [{ ...base, view: { request: { from: {}, url: 7 } } }, 'view.request.url', 'must be text'],
    [{ ...base, view: { request: { from: { pod: 1 }, url: '/' } } }, 'view.request.from.pod', 'must be text'],
    [{ ...base, view: { request: { from: { pod: 'a/b', node: 'n' }, url: '/' } } }, 'view.request.from', 'must name one of pod, node or external (it names pod and node)'],
    [{ ...base, view: { request: { from: {}, url: '/', headers: { Host: 1 } } } }, 'view.request.headers["Host"]', 'must be text'],
    [{ ...base, view: { request: { from: {}, url: '/', headers: [] } } }, 'view.request.headers', 'must be an object'],
    [{ ...base, view: { request: { from: {}, url: '/', tls: true } } }, 'view.request.tls', 'must be an object'],
    [{ ...base, view: { request: { from: {}, url: '/', tls: { insecure: 'yes' } } } }, 'view.request.tls.insecure', 'must be true or false'],
  ])('%j is refused at %s', (doc, path, message) => {
    const error = errorOf(doc);
    expect(error.code).toBe('invalid');
    expect(error.path).toBe(path);
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/^This link's scenario is not valid: .*\.$/);
  });

  it('refuses a document that is not an object, without a path', () => {
    expect(errorOf([1])).toEqual({ code: 'invalid', message: "This link's scenario is not valid: it is not a JSON object (it is a list)." });
    expect(errorOf('x').message).toContain('(it is text)');
  });

  it('enforces the caps', () => {
    expect(errorOf({ ...base, title: 'x'.repeat(MAX_TITLE_LENGTH + 1) }).path).toBe('title');
    expect(validateScenario({ ...base, title: 'x'.repeat(MAX_TITLE_LENGTH) }).ok).toBe(true);
    expect(errorOf({ ...base, manifests: 'x'.repeat(MAX_MANIFESTS_LENGTH + 1) }).message).toContain('manifests is too long');
    expect(errorOf({ ...base, commands: Array.from({ length: MAX_COMMANDS + 1 }, () => 'kubectl get pods') }).path).toBe('commands');
    expect(errorOf({ ...base, commands: ['x'.repeat(3000)] }).path).toBe('commands[0]');
  });

  it('ignores unknown keys, and __proto__/constructor change nothing', () => {
    const doc = JSON.parse(
      '{"v":1,"title":"t","manifests":"","extra":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},' +
        '"options":{"__proto__":{"nodes":99},"colour":"red"},' +
        '"view":{"__proto__":{"x":1},"request":{"from":{"__proto__":{"pod":"a/b"}},"url":"/","headers":{"__proto__":"v","constructor":"c"}}}}',
    );
    const r = validateScenario(doc);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.scenario;
    expect(Object.keys(s)).toEqual(['v', 'title', 'options', 'manifests', 'view']);
    expect(s.options).toEqual({});
    expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(s.options)).toBe(Object.prototype);
    expect(s.view!.request!.from).toEqual({});
    // Header names are data: kept as own keys, the prototype untouched.
    const headers = s.view!.request!.headers!;
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
    expect(Object.keys(headers)).toEqual(['__proto__', 'constructor']);
    expect(JSON.stringify(headers)).toBe('{"__proto__":"v","constructor":"c"}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores an inherited field: only own properties are read', () => {
    const doc = Object.assign(Object.create({ manifests: 'inherited' }), { v: 1, title: 't' });
    expect(errorOf(doc).path).toBe('manifests');
  });
});

describe('normalizeTitle', () => {
  it.each([
    ['Two pods\nbehind a Service', 'Two pods behind a Service'],
    ['a\t\tb\r\nc', 'a b c'],
    ['bell\u0007 nul\u0000 del\u007f c1\u0085', 'bell nul del c1'],
    ['evil\u202egnp.exe', 'evilgnp.exe'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['  spaced  ', '  spaced  '],
    ['Kubernetes 🚢 é', 'Kubernetes 🚢 é'],
  ])('%j → %j', (title, shown) => {
    expect(normalizeTitle(title)).toBe(shown);
  });
});

describe('view.clock', () => {
  it('refuses a clock beyond a year of logical seconds', () => {
    const r = validateScenario({ v: 1, title: 't', options: {}, manifests: '', view: { clock: 1e300 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid', path: 'view.clock' });
  });
});
