import { describe, expect, it } from 'vitest';
// oxlint-disable-next-line no-restricted-imports -- the test reads a seed scenario from disk
import { readFileSync } from 'node:fs';
import { createPlayground, type Hop, type Trace } from '../../src/engine';
import { sampleManifests } from '../editor/sample';
import { timeline } from './timeline';
import { fieldChanges, headerChanges, ruleLine, traceText, upstreamOf } from './traceText';

const read = (f: string) => readFileSync(new URL(`../../public/scenarios/seed-002-ingress-rewrite/${f}`, import.meta.url), 'utf8');
const packet = (headers: Record<string, string>, dst = '10.0.0.1:80') => ({ src: '10.0.0.2:4000', dst, proto: 'TCP' as const, direction: 'request' as const, http: { method: 'GET', host: 'a', path: '/', headers } });

function sample(text = sampleManifests) {
  const pg = createPlayground();
  pg.apply(text);
  return pg;
}

const numbered = (text: string) => text.split('\n').filter((l) => /^\s*\d+\. /.test(l));

describe('traceText', () => {
  it('a ClusterIP request: the request line, a numbered line per hop as the hop list numbers them, the rules, the outcome', () => {
    const trace = sample().request({ from: { pod: 'default/client' }, url: 'http://web/' });
    const text = traceText(trace);
    const lines = text.split('\n');
    expect(lines[0]).toBe('GET http://web/ from default/client');
    const steps = timeline(trace);
    const hops = numbered(text);
    expect(hops).toHaveLength(steps.length);
    hops.forEach((line, i) => expect(line.trim().startsWith(`${i + 1}. `)).toBe(true));
    // The DNS lookup comes first, indented under the send that waited for it.
    expect(hops[0]).toMatch(/^ {3} 1\. client \[send\] The resolver asks 10\.96\.0\.10/);
    expect(text).toMatch(/\[respond\] CoreDNS answers NOERROR: web\.default\.svc\.cluster\.local\. A 10\.\d+\.\d+\.\d+\.\n\s+DNS record: web\.default\.svc\.cluster\.local\. A 10\./);
    // The DNAT: where, what, the iptables line with its chain, the address it changed.
    const dnat = lines.findIndex((l) => /^\d+\. node-1 \[DNAT\] kube-proxy's rules on node-1 rewrite the destination 10\.\d+\.\d+\.\d+:80/.test(l));
    expect(dnat).toBeGreaterThan(0);
    expect(lines[dnat + 1]).toMatch(/^ {4}iptables rule in chain KUBE-SEP-[A-Z0-9]{16}: -A KUBE-SEP-[A-Z0-9]{16} -m comment --comment default\/web:http -m tcp -p tcp -j DNAT --to-destination 10\.244\.\d+\.\d+:80$/);
    expect(lines[dnat + 2]).toMatch(/^ {4}destination 10\.\d+\.\d+\.\d+:80 → 10\.244\.\d+\.\d+:80$/);
    expect(text).toMatch(/\[conntrack\] The reply matches the connection node-1 tracked.*\n\s+conntrack entry: src=10\.244\./);
    expect(text).toMatch(/\nOutcome: 200 OK, answered by web-[a-z0-9]+-[a-z0-9]{5} \(container nginx\)\n {3}body: <!DOCTYPE html>\n/);
    expect(text).toContain('\nWho answered: nginx answers 200.\n');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('a Service without endpoints: the REJECT rule, the error, why and what to change', () => {
    const trace = sample(sampleManifests.replace('app: web\n  ports', 'app: nothing\n  ports')).request({ from: { pod: 'default/client' }, url: 'http://web/' });
    const text = traceText(trace);
    expect(text).toMatch(/\[REJECT\] .*\n\s+iptables rule in chain KUBE-SERVICES: -A KUBE-SERVICES .*has no endpoints.* -j REJECT/);
    expect(text).toMatch(/\nOutcome: failed, curl: \(7\) Failed to connect/);
    expect(text).toMatch(/\nWhy: .+\nWhat to change: Make the Service's selector match the labels of ready pods/);
  });

  it('an unknown name: the NXDOMAIN answer and no packet to the Service', () => {
    const text = traceText(sample().request({ from: { pod: 'default/client' }, url: 'http://nope/' }));
    expect(text).toMatch(/DNS record: nope\. NXDOMAIN/);
    expect(text).toMatch(/\nOutcome: failed, curl: \(6\) Could not resolve host: nope\n/);
    expect(text).toMatch(/\nWhat to change: Check the name/);
  });

  it('through ingress-nginx: the request headers, the location, and what the proxy changed upstream', () => {
    const pg = createPlayground();
    for (const f of ['01-controller-nodeport.yaml', '02-externalname-ingress.yaml']) pg.apply(read(f));
    pg.advance(10);
    const s = pg.snapshot();
    const port = s.services.find((x) => x.name === 'ingress-nginx-controller')!.ports.find((p) => p.name === 'http')!.nodePort!;
    const trace = pg.request({
      from: { external: '198.51.100.79' },
      url: `http://${s.nodes[0]!.internalIP}:${port}/chatforyouio/user/create`,
      method: 'POST',
      headers: { Host: 'myproject.project.io', 'Content-Type': 'application/json' },
      body: '{"userId":"kim","password":"password"}',
    });
    const text = traceText(trace);
    expect(text.split('\n').slice(0, 4)).toEqual([
      `POST http://${s.nodes[0]!.internalIP}:${port}/chatforyouio/user/create from client 198.51.100.79`,
      '   Host: myproject.project.io',
      '   Content-Type: application/json',
      '   body: {"userId":"kim","password":"password"}',
    ]);
    expect(text).toMatch(/\[masquerade\] .*\n\s+iptables rule in chain KUBE-POSTROUTING: .* -j MASQUERADE/);
    const rewrite = text.slice(text.indexOf('[rewrite]'));
    expect(rewrite).toMatch(/^\[rewrite\] .*\n {4}nginx location: location ~\* "\^\/chatforyouio\(\/\|\$\)\(\.\*\)"\n {4}upstream path \/chatforyouio\/user\/create → \/user\/create\n/);
    expect(rewrite).toMatch(/\n {4}upstream header X-Forwarded-For added: 10\.244\.\d+\.\d+\n/);
    expect(rewrite).toMatch(/\n {4}upstream header X-Forwarded-Host added: myproject\.project\.io\n/);
    // The controller's own call, and its DNS lookup, one and two levels in.
    expect(text).toMatch(/\n {3}\d+\. ingress-nginx\/ingress-nginx-controller-[a-z0-9-]+ \[send\] POST \/user\/create from container controller/);
    expect(text).toMatch(/\n {6} ?\d+\. ingress-nginx\/ingress-nginx-controller-[a-z0-9-]+ \[send\] The resolver asks/);
    expect(text).toMatch(/\nOutcome: 200 OK, answered by ingress-nginx\/ingress-nginx-controller-[a-z0-9-]+ \(container controller\)\n {3}body: \{"result":"success"/);
  });

  it('a trace with no hop says so', () => {
    const trace: Trace = { request: { from: { node: 'node-1' }, url: 'http://x/' }, hops: [], outcome: { kind: 'error', code: 'no-route', message: 'curl: (7) No route to host' } };
    expect(traceText(trace)).toContain('GET http://x/ from node-1\n\nNo packet left the client.\n\nOutcome: failed, curl: (7) No route to host\n');
  });
});

describe('the parts', () => {
  it('headerChanges: added, changed, removed, case-insensitively', () => {
    expect(headerChanges(packet({ Host: 'a', 'x-old': '1', Accept: '*/*' }), packet({ host: 'b', Accept: '*/*', 'X-New': '2' }))).toEqual(['header host: a → b', 'header X-New added: 2', 'header x-old removed (was 1)']);
    expect(headerChanges(undefined, packet({}))).toEqual([]);
  });

  it('fieldChanges: only what differs, only with a before', () => {
    const hop: Hop = { seq: 1, at: 'node:n', kind: 'dnat', summary: '', refs: [], before: packet({}), packet: packet({}, '10.0.0.9:8080') };
    expect(fieldChanges(hop)).toEqual(['destination 10.0.0.1:80 → 10.0.0.9:8080']);
    expect(fieldChanges({ ...hop, before: undefined })).toEqual([]);
  });

  it('ruleLine names the kind of rule', () => {
    expect(ruleLine('-A KUBE-SVC-ABC -j KUBE-SEP-XYZ')).toBe('iptables rule in chain KUBE-SVC-ABC: -A KUBE-SVC-ABC -j KUBE-SEP-XYZ');
    expect(ruleLine('location /api')).toBe('nginx location: location /api');
    expect(ruleLine('web.default.svc.cluster.local. A 10.96.0.12')).toBe('DNS record: web.default.svc.cluster.local. A 10.96.0.12');
    expect(ruleLine('conntrack: src=1 dst=2')).toBe('conntrack entry: src=1 dst=2');
  });

  it('upstreamOf is only for a proxy hop', () => {
    const trace = sample().request({ from: { pod: 'default/client' }, url: 'http://web/' });
    expect(trace.hops.map((_, i) => upstreamOf(trace, i)).filter(Boolean)).toEqual([]);
  });
});
