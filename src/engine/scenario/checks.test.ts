/**
 * Every check kind, met and not met, on a small fixed cluster (fixture.ts). The table is keyed
 * by kind, so a new kind does not compile until it has cases here.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCheck } from './checks';
import type { Check, CheckKind } from './lesson';
import { fixture } from './fixture';

const pg = fixture();

type Case = [Check, boolean, RegExp];

const CASES: Record<CheckKind, Case[]> = {
  endpoints: [
    [{ kind: 'endpoints', service: 'web' }, true, /^web has 1 ready endpoint: 10\.244\.\d+\.\d+$/],
    [{ kind: 'endpoints', service: 'default/web', count: 1 }, true, /1 ready endpoint/],
    [{ kind: 'endpoints', service: 'web', count: 2 }, false, /web has 1 ready endpoint/],
    [{ kind: 'endpoints', service: 'web', min: 2 }, false, /1 ready endpoint/],
    [{ kind: 'endpoints', service: 'kube-system/kube-dns', count: 2 }, true, /kube-dns has 2 ready endpoints/],
    [{ kind: 'endpoints', service: 'nope', count: 0 }, false, /service default\/nope does not exist/],
  ],
  'pods-ready': [
    [{ kind: 'pods-ready', selector: 'app=web', count: 1 }, true, /^1 pod matching app=web is ready \(web-[a-z0-9]+-[a-z0-9]{5} 1\/1 Running\)$/],
    [{ kind: 'pods-ready', selector: 'app=web', count: 1, containers: 2 }, false, /0 pods matching app=web are 2\/2 ready/],
    [{ kind: 'pods-ready', selector: 'app=db', namespace: 'other', count: 1 }, true, /db 1\/1 Running/],
    [{ kind: 'pods-ready', selector: 'app=db', count: 0 }, true, /^0 pods matching app=db are ready$/],
    [{ kind: 'pods-ready', selector: 'app in (', count: 0 }, false, /invalid selector/],
  ],
  'service-type': [
    [{ kind: 'service-type', service: 'web-np', type: 'NodePort' }, true, /web-np is of type NodePort/],
    [{ kind: 'service-type', service: 'web', type: 'LoadBalancer' }, false, /web is of type ClusterIP/],
  ],
  'external-ip-assigned': [
    [{ kind: 'external-ip-assigned', service: 'web-lb' }, true, /^web-lb has the external IP 203\.0\.113\.\d+$/],
    [{ kind: 'external-ip-assigned', service: 'web' }, false, /web's EXTERNAL-IP is <none>/],
  ],
  'object-exists': [
    [{ kind: 'object-exists', object: { kind: 'Namespace', name: 'other' } }, true, /Namespace other exists/],
    [{ kind: 'object-exists', object: { kind: 'pod', namespace: 'other', name: 'db' } }, true, /pod other\/db exists/],
    [{ kind: 'object-exists', object: { kind: 'svc', name: 'nope' }, exists: false }, true, /svc nope does not exist/],
    [{ kind: 'object-exists', object: { kind: 'Pod', name: 'client' }, exists: false }, false, /Pod client exists/],
    [{ kind: 'object-exists', object: { kind: 'deploy', name: 'db' } }, false, /deploy db does not exist/],
  ],
  'field-equals': [
    [{ kind: 'field-equals', object: { kind: 'Service', name: 'web-np' }, path: 'spec.ports[name=http].nodePort', value: '30080' }, true, /spec\.ports\[name=http\]\.nodePort is 30080$/],
    [{ kind: 'field-equals', object: { kind: 'Service', name: 'web-np' }, path: 'spec.ports[0].nodePort', value: '30081' }, false, /is 30080, not 30081/],
    [{ kind: 'field-equals', object: { kind: 'Service', name: 'web-lb' }, path: 'spec.healthCheckNodePort' }, true, /healthCheckNodePort is 3\d{4}/],
    [{ kind: 'field-equals', object: { kind: 'Service', name: 'web' }, path: 'spec.healthCheckNodePort' }, false, /has no spec\.healthCheckNodePort/],
    [{ kind: 'field-equals', object: { kind: 'Service', name: 'web' }, path: 'spec.clusterIP', value: { clusterIP: 'web' } }, true, /spec\.clusterIP is 10\./],
    [{ kind: 'field-equals', object: { kind: 'Deployment', name: 'web' }, path: "metadata.labels['app']", value: 'web' }, true, /labels\['app'\] is web/],
    [{ kind: 'field-equals', object: { kind: 'Pod', name: 'client' }, path: 'status.podIP', value: { podIP: 'run=client' } }, true, /status\.podIP is 10\.244\./],
    [{ kind: 'field-equals', object: { kind: 'Pod', name: 'gone' }, path: 'status.podIP' }, false, /Pod gone does not exist/],
    [{ kind: 'field-equals', object: { kind: 'Pod', name: 'client' }, path: 'spec..x[' }, false, /cannot read the path/],
  ],
  response: [
    [{ kind: 'response', request: { from: { pod: { selector: 'run=client' } }, url: 'http://web/' }, expect: { status: 200, clientAddress: { podIP: 'run=client' } } }, true, /^GET http:\/\/web\/ → 200 CLIENT VALUES:.*\(client_address=10\.244\./],
    [{ kind: 'response', request: { from: { pod: { selector: 'run=client' } }, url: 'http://web/' }, expect: { status: 404 } }, false, /expected status 404/],
    [{ kind: 'response', request: { from: { pod: { selector: 'run=client' } }, url: 'http://web/' }, expect: { error: true } }, false, /expected it to fail, it answered 200/],
    [{ kind: 'response', request: { from: { pod: { selector: 'run=client' } }, url: 'http://web/' }, expect: { clientAddress: { nodeIP: 'any' } } }, false, /expected client_address a node's address, saw 10\.244\./],
    [{ kind: 'response', request: { from: { pod: { selector: 'run=client' } }, url: 'http://web/a/b' }, expect: { bodyContains: 'real path=/a/b', bodyMatches: '^CLIENT VALUES:', upstreamPath: '/a/b' } }, true, /200/],
    [{ kind: 'response', request: { from: { pod: { selector: 'run=client' } }, url: 'http://nope/' }, expect: { error: 'dns-nxdomain' } }, true, /dns-nxdomain/],
    [{ kind: 'response', request: { from: { pod: { selector: 'run=client' } }, url: 'http://nope/' }, expect: { error: 'timeout' } }, false, /expected timeout, got dns-nxdomain/],
    [{ kind: 'response', request: { from: { workstation: true }, url: 'http://{{nodeIP:not-hosting:app=web}}:{{nodePort:web-np}}/' }, expect: { clientAddress: { nodeIP: 'any' } } }, true, /client_address=/],
    [{ kind: 'response', request: { from: { external: '203.0.113.200' }, url: 'http://{{lbIP:web-lb}}/' }, expect: { clientAddress: { client: true } } }, true, /client_address=203\.0\.113\.200/],
    [{ kind: 'response', request: { from: { pod: { selector: 'run=nobody' } }, url: 'http://web/' }, expect: { status: 200 } }, false, /the request cannot be sent yet: no pod in default matches run=nobody/],
    [{ kind: 'response', request: { from: { workstation: true }, url: 'http://127.0.0.1:8080/' }, expect: { status: 200 } }, false, /nothing listens on the workstation's port 8080/],
  ],
  'env-var-in-pods': [
    [{ kind: 'env-var-in-pods', selector: 'run=client', name: 'GREETING', value: 'hello' }, true, /^client has GREETING=hello$/],
    [{ kind: 'env-var-in-pods', selector: 'run=client', name: 'GREETING', value: 'bye' }, false, /client has GREETING=hello/],
    [{ kind: 'env-var-in-pods', selector: 'run=client', name: 'KUBERNETES_SERVICE_HOST', value: { clusterIP: 'kubernetes' } }, true, /KUBERNETES_SERVICE_HOST=10\.96\.0\.1/],
    [{ kind: 'env-var-in-pods', selector: 'app=web', name: 'NOPE' }, false, /has no NOPE/],
    [{ kind: 'env-var-in-pods', selector: 'app=nothing', name: 'GREETING' }, false, /no running pod matches app=nothing/],
  ],
  'dns-resolves': [
    [{ kind: 'dns-resolves', from: { selector: 'run=client' }, name: 'web', service: 'web' }, true, /^web from client: 10\.\d+\.\d+\.\d+ \(web's ClusterIP\)$/],
    [{ kind: 'dns-resolves', from: { selector: 'app=db', namespace: 'other' }, name: 'web.default.svc.cluster.local', service: 'default/web' }, true, /web's ClusterIP/],
    [{ kind: 'dns-resolves', from: { selector: 'app=db', namespace: 'other' }, name: 'web', service: 'default/web' }, false, /NXDOMAIN/],
    [{ kind: 'dns-resolves', from: { selector: 'run=client' }, name: 'web-np', service: 'web' }, false, /web's ClusterIP is 10\./],
  ],
  'command-output': [
    [{ kind: 'command-output', line: 'kubectl get svc web', matches: '^web\\s+ClusterIP' }, true, /^\$ kubectl get svc web: NAME/],
    [{ kind: 'command-output', line: 'kubectl get pod {{podName:app=web}} -o jsonpath="{.status.phase}"', matches: '^Running$' }, true, /\$ kubectl get pod web-/],
    [{ kind: 'command-output', line: 'kubectl get svc nope', matches: '^nope' }, false, /NotFound/],
    [{ kind: 'command-output', line: 'kubectl get pod {{podName:app=nothing}}', matches: '.' }, false, /no pod in default matches app=nothing/],
  ],
  served: [
    [{ kind: 'served', pod: { selector: 'app=web' }, request: '^GET /secure$', status: 200 }, false, /^web-[a-z0-9]+-[a-z0-9]{5} has not served GET \/secure → 200 yet/],
    [{ kind: 'served', pod: { selector: 'app=nothing' }, request: '^GET /' }, false, /no pod in default matches app=nothing/],
  ],
  all: [
    [{ kind: 'all', checks: [{ kind: 'endpoints', service: 'web', count: 1 }, { kind: 'service-type', service: 'web', type: 'ClusterIP' }] }, true, /web has 1 ready endpoint.*; web is of type ClusterIP/],
    [{ kind: 'all', checks: [{ kind: 'endpoints', service: 'web', count: 1 }, { kind: 'service-type', service: 'web', type: 'NodePort' }] }, false, /web is of type ClusterIP/],
    [{ kind: 'all', checks: [] }, true, /^$/],
  ],
};

describe('evaluateCheck', () => {
  for (const [kind, cases] of Object.entries(CASES)) {
    cases.forEach(([check, met, detail], i) => {
      it(`${kind} #${i + 1}: ${met ? 'met' : 'not met'}`, () => {
        const r = evaluateCheck(pg, check);
        expect(r.detail).toMatch(detail);
        expect(r.met, r.detail).toBe(met);
      });
    });
  }

  it('leaves the cluster, its conntrack, its logs and its terminal as they were', () => {
    const live = fixture();
    live.kubectl('export MARK=1');
    const node = live.snapshot().nodes[0]!.name;
    const before = { snap: JSON.stringify(live.snapshot()), conntrack: live.conntrack(node), rv: live.clusterState.resourceVersion };
    for (const cases of Object.values(CASES)) for (const [check] of cases) evaluateCheck(live, check);
    expect(JSON.stringify(live.snapshot())).toBe(before.snap);
    expect(live.conntrack(node)).toBe(before.conntrack);
    expect(live.clusterState.resourceVersion).toBe(before.rv);
    const web = live.snapshot().pods.find((p) => p.labels.app === 'web')!;
    expect(live.containerLog(`default/${web.name}`, 'echoserver')?.filter((l) => l.includes('"GET /'))).toEqual([]);
    expect(live.kubectl('echo $MARK').stdout).toBe('1\n');
  });

  it('served: met once the container has answered such a request on the live cluster', () => {
    const live = fixture();
    const check: Check = { kind: 'served', pod: { selector: 'app=web', container: 'echoserver' }, request: '^GET /hello$', status: 200 };
    expect(evaluateCheck(live, check).met).toBe(false);
    const web = live.snapshot().pods.find((p) => p.labels.app === 'web')!;
    live.request({ from: { pod: `default/${web.name}` }, url: `http://${web.ip}:8080/other` });
    expect(evaluateCheck(live, check).detail).toMatch(/its last request: GET \/other → 200/);
    live.request({ from: { pod: `default/${web.name}` }, url: `http://${web.ip}:8080/hello` });
    const r = evaluateCheck(live, check);
    expect(r.met, r.detail).toBe(true);
    expect(r.detail).toMatch(/served GET \/hello → 200$/);
  });

  it('sends a workstation request to 127.0.0.1 through the live terminal\'s port-forward', () => {
    const live = fixture();
    const check: Check = { kind: 'response', request: { from: { workstation: true }, url: 'http://127.0.0.1:18080/hi' }, expect: { status: 200, bodyContains: 'real path=/hi' } };
    expect(evaluateCheck(live, check).met).toBe(false);
    const web = live.snapshot().pods.find((p) => p.labels.app === 'web')!;
    expect(live.kubectl(`kubectl port-forward ${web.name} 18080:8080`).exitCode).toBe(0);
    const r = evaluateCheck(live, check);
    expect(r.met, r.detail).toBe(true);
    expect(r.detail).toMatch(/client_address|200/);
  });
});
