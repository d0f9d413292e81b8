import { describe, expect, it } from 'vitest';
import type { Container, ServicePort } from 'kubernetes-types/core/v1';
import type { ConfigMapObject, PodObject, SecretObject, ServiceObject } from '../api/objects';
import { containerEnv, expandEnv, serviceEnvVars, visibleServices } from './serviceenv';
import type { EnvVar } from './serviceenv';

function svc(namespace: string, name: string, clusterIP: string | undefined, ports: ServicePort[], type?: string): ServiceObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { clusterIP, ports, ...(type ? { type } : {}) } };
}

const kubernetes = svc('default', 'kubernetes', '10.96.0.1', [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }]);
const authService = svc('default', 'auth-service', '10.96.0.12', [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 80 }]);
const kubeDns = svc('kube-system', 'kube-dns', '10.96.0.10', [
  { name: 'dns', port: 53, protocol: 'UDP' },
  { name: 'dns-tcp', port: 53, protocol: 'TCP' },
  { name: 'metrics', port: 9153, protocol: 'TCP' },
]);

const text = (env: EnvVar[]) => env.map((e) => `${e.name}=${e.value}`);

describe('serviceEnvVars (envvars.FromServices)', () => {
  it('kubernetes and auth-service, as printenv shows them in a pod', () => {
    expect(text(serviceEnvVars([authService, kubernetes]))).toEqual([
      'AUTH_SERVICE_SERVICE_HOST=10.96.0.12',
      'AUTH_SERVICE_SERVICE_PORT=80',
      'AUTH_SERVICE_SERVICE_PORT_HTTP=80',
      'AUTH_SERVICE_PORT=tcp://10.96.0.12:80',
      'AUTH_SERVICE_PORT_80_TCP=tcp://10.96.0.12:80',
      'AUTH_SERVICE_PORT_80_TCP_PROTO=tcp',
      'AUTH_SERVICE_PORT_80_TCP_PORT=80',
      'AUTH_SERVICE_PORT_80_TCP_ADDR=10.96.0.12',
      'KUBERNETES_SERVICE_HOST=10.96.0.1',
      'KUBERNETES_SERVICE_PORT=443',
      'KUBERNETES_SERVICE_PORT_HTTPS=443',
      'KUBERNETES_PORT=tcp://10.96.0.1:443',
      'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
      'KUBERNETES_PORT_443_TCP_PROTO=tcp',
      'KUBERNETES_PORT_443_TCP_PORT=443',
      'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
    ]);
  });

  it('several ports and protocols; the first port names <NAME>_PORT', () => {
    expect(text(serviceEnvVars([kubeDns]))).toEqual([
      'KUBE_DNS_SERVICE_HOST=10.96.0.10',
      'KUBE_DNS_SERVICE_PORT=53',
      'KUBE_DNS_SERVICE_PORT_DNS=53',
      'KUBE_DNS_SERVICE_PORT_DNS_TCP=53',
      'KUBE_DNS_SERVICE_PORT_METRICS=9153',
      'KUBE_DNS_PORT=udp://10.96.0.10:53',
      'KUBE_DNS_PORT_53_UDP=udp://10.96.0.10:53',
      'KUBE_DNS_PORT_53_UDP_PROTO=udp',
      'KUBE_DNS_PORT_53_UDP_PORT=53',
      'KUBE_DNS_PORT_53_UDP_ADDR=10.96.0.10',
      'KUBE_DNS_PORT_53_TCP=tcp://10.96.0.10:53',
      'KUBE_DNS_PORT_53_TCP_PROTO=tcp',
      'KUBE_DNS_PORT_53_TCP_PORT=53',
      'KUBE_DNS_PORT_53_TCP_ADDR=10.96.0.10',
      'KUBE_DNS_PORT_9153_TCP=tcp://10.96.0.10:9153',
      'KUBE_DNS_PORT_9153_TCP_PROTO=tcp',
      'KUBE_DNS_PORT_9153_TCP_PORT=9153',
      'KUBE_DNS_PORT_9153_TCP_ADDR=10.96.0.10',
    ]);
  });

  it('an unnamed port has no _SERVICE_PORT_<NAME>; protocol defaults to TCP', () => {
    expect(text(serviceEnvVars([svc('default', 'my-nginx', '10.0.162.149', [{ port: 80 }])]))).toEqual([
      'MY_NGINX_SERVICE_HOST=10.0.162.149',
      'MY_NGINX_SERVICE_PORT=80',
      'MY_NGINX_PORT=tcp://10.0.162.149:80',
      'MY_NGINX_PORT_80_TCP=tcp://10.0.162.149:80',
      'MY_NGINX_PORT_80_TCP_PROTO=tcp',
      'MY_NGINX_PORT_80_TCP_PORT=80',
      'MY_NGINX_PORT_80_TCP_ADDR=10.0.162.149',
    ]);
  });

  it('skips headless and ExternalName services', () => {
    const headless = svc('default', 'db', 'None', [{ port: 5432 }]);
    const pending = svc('default', 'new', undefined, [{ port: 80 }]);
    const external = svc('default', 'ext', '', [{ port: 443 }], 'ExternalName');
    expect(serviceEnvVars([headless, pending, external])).toEqual([]);
  });
});

const names = (l: ServiceObject[]) => l.map((s) => `${s.metadata.namespace}/${s.metadata.name}`);
const fieldRef = (fieldPath: string) => ({ valueFrom: { fieldRef: { fieldPath } } });

describe('visibleServices (getServiceEnvVarMap)', () => {
  const otherNs = svc('shop', 'cart', '10.96.5.5', [{ port: 80 }]);
  const all = [otherNs, authService, kubernetes, kubeDns];

  it('same-namespace services plus kubernetes, sorted by name', () => {
    expect(names(visibleServices(all, 'default', true))).toEqual(['default/auth-service', 'default/kubernetes']);
    expect(names(visibleServices(all, 'shop', true))).toEqual(['shop/cart', 'default/kubernetes']);
    expect(names(visibleServices(all, 'kube-system', true))).toEqual(['kube-system/kube-dns', 'default/kubernetes']);
  });

  it('enableServiceLinks: false keeps only the kubernetes service', () => {
    expect(names(visibleServices(all, 'default', false))).toEqual(['default/kubernetes']);
    expect(names(visibleServices(all, 'shop', false))).toEqual(['default/kubernetes']);
  });

  it('a same-namespace service named kubernetes wins over default/kubernetes, in either listing order', () => {
    const own = svc('shop', 'kubernetes', '10.96.9.9', [{ port: 8443 }]);
    expect(names(visibleServices([own, kubernetes], 'shop', true))).toEqual(['shop/kubernetes']);
    expect(names(visibleServices([kubernetes, own], 'shop', true))).toEqual(['shop/kubernetes']);
    expect(names(visibleServices([kubernetes, own], 'shop', false))).toEqual(['default/kubernetes']);
  });
});

describe('expandEnv (expansion.Expand)', () => {
  const vars: Record<string, string> = { VAR_A: 'A', VAR_B: 'B', VAR_C: 'C', VAR_REF: '$(VAR_A)', VAR_EMPTY: '' };
  const lookup = (n: string) => vars[n];
  it.each([
    ['$(VAR_A)', 'A'],
    ['$(VAR_A)-$(VAR_A)', 'A-A'],
    ['___$(VAR_B)___', '___B___'],
    ['$(VAR_A)_$(VAR_B)_$(VAR_C)', 'A_B_C'],
    ['$$(VAR_B)_$(VAR_A)', '$(VAR_B)_A'],
    ['f000-$$VAR_A', 'f000-$VAR_A'],
    ['foo\\$(VAR_C)bar', 'foo\\Cbar'],
    ['$(VAR_A$(VAR_B))', '$(VAR_A$(VAR_B))'],
    ['$(VAR_REF)', '$(VAR_A)'],
    ['foo$(VAR_EMPTY)bar', 'foobar'],
    ['foo$(VAR_Awhoops!', 'foo$(VAR_Awhoops!'],
    ['$?_boo_$!', '$?_boo_$!'],
    ['$VAR_A', '$VAR_A'],
    ['${VAR_A}', '${VAR_A}'],
    ['$(VAR_DNE)', '$(VAR_DNE)'],
    ['$$$$$$(BIG_MONEY)', '$$$(BIG_MONEY)'],
    ['$$$$$$$(VAR_A)', '$$$A'],
    ['$(VAR_B)_______$(A', 'B_______$(A'],
    ['$(VAR_C)_______$(', 'C_______$('],
    ['$(VAR_A)foobarzab$', 'Afoobarzab$'],
    ['--$($($($($--', '--$($($($($--'],
    ['$(foo$$var)', '$(foo$$var)'],
    ['$😀$(VAR_A)', '$😀A'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(expandEnv(input, lookup)).toBe(expected);
  });
});

function pod(spec: Partial<NonNullable<PodObject['spec']>> = {}, namespace = 'default'): PodObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'users-7d9c', namespace, uid: 'uid-1', labels: { app: 'users' }, annotations: { team: 'core' } },
    spec: { containers: [], ...spec },
  };
}

const configMaps: ConfigMapObject[] = [
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { MODE: 'prod', LOG_LEVEL: 'info' } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'shop' }, data: { MODE: 'shop' } },
];
const secrets: SecretObject[] = [
  // "s3cr3t" and "안녕" base64-encoded, as the API server stores them.
  { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'default' }, data: { password: 'czNjcjN0', greeting: '7JWI64WV' }, stringData: { user: 'admin' } },
];

function run(container: Partial<Container>, p: PodObject = pod(), services = [authService, kubernetes]) {
  return containerEnv({
    pod: p,
    container: { name: 'users', image: 'users:1', ...container },
    services,
    configMaps,
    secrets,
    podIP: '10.244.1.7',
    hostIP: '192.168.49.2',
    nodeName: 'node-1',
  });
}

describe('containerEnv (makeEnvironmentVariables)', () => {
  it('service variables first, then the container env, expanded against what is defined before it', () => {
    const { env, problems } = run({
      env: [
        { name: 'AUTH_ADDRESS', value: '$(AUTH_SERVICE_SERVICE_HOST):$(AUTH_SERVICE_SERVICE_PORT)' },
        { name: 'URL', value: 'http://$(AUTH_ADDRESS)/token/$(LATER)' },
        { name: 'LATER', value: 'x' },
        { name: 'EMPTY' },
      ],
    });
    expect(problems).toEqual([]);
    expect(text(env).slice(0, 2)).toEqual(['AUTH_SERVICE_SERVICE_HOST=10.96.0.12', 'AUTH_SERVICE_SERVICE_PORT=80']);
    expect(text(env).slice(-4)).toEqual(['AUTH_ADDRESS=10.96.0.12:80', 'URL=http://10.96.0.12:80/token/$(LATER)', 'LATER=x', 'EMPTY=']);
    expect(env).toHaveLength(16 + 4);
  });

  it("the container's own variable wins over a service variable of the same name", () => {
    const { env } = run({ env: [{ name: 'KUBERNETES_SERVICE_HOST', value: 'override' }] });
    expect(env.filter((e) => e.name === 'KUBERNETES_SERVICE_HOST')).toEqual([{ name: 'KUBERNETES_SERVICE_HOST', value: 'override' }]);
    expect(env[env.length - 1]).toEqual({ name: 'KUBERNETES_SERVICE_HOST', value: 'override' });
  });

  it('configMapKeyRef, secretKeyRef (decoded, stringData too) and fieldRef', () => {
    const { env, problems } = run({
      env: [
        { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'MODE' } } },
        { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } },
        { name: 'GREETING', valueFrom: { secretKeyRef: { name: 'creds', key: 'greeting' } } },
        { name: 'USER', valueFrom: { secretKeyRef: { name: 'creds', key: 'user' } } },
        { name: 'POD_NAME', ...fieldRef('metadata.name') },
        { name: 'POD_NAMESPACE', ...fieldRef('metadata.namespace') },
        { name: 'POD_IP', ...fieldRef('status.podIP') },
        { name: 'NODE_NAME', ...fieldRef('spec.nodeName') },
        { name: 'HOST_IP', ...fieldRef('status.hostIP') },
        { name: 'APP', ...fieldRef("metadata.labels['app']") },
        { name: 'TEAM', ...fieldRef("metadata.annotations['team']") },
        { name: 'SA', ...fieldRef('spec.serviceAccountName') },
        { name: 'BANNER', value: '$(MODE)@$(POD_IP)' },
      ],
    });
    expect(problems).toEqual([]);
    expect(text(env).slice(16)).toEqual([
      'MODE=prod',
      'PASSWORD=s3cr3t',
      'GREETING=안녕',
      'USER=admin',
      'POD_NAME=users-7d9c',
      'POD_NAMESPACE=default',
      'POD_IP=10.244.1.7',
      'NODE_NAME=node-1',
      'HOST_IP=192.168.49.2',
      'APP=users',
      'TEAM=core',
      'SA=default',
      'BANNER=prod@10.244.1.7',
    ]);
  });

  it('envFrom with a prefix; env overrides envFrom; only the pod namespace is searched', () => {
    const { env, problems } = run(
      {
        envFrom: [{ configMapRef: { name: 'cfg' }, prefix: 'CFG_' }, { secretRef: { name: 'creds' } }],
        env: [{ name: 'CFG_MODE', value: 'debug-$(CFG_MODE)' }],
      },
      pod({}, 'default'),
      [],
    );
    expect(problems).toEqual([]);
    expect(text(env)).toEqual(['CFG_LOG_LEVEL=info', 'CFG_MODE=debug-prod', 'greeting=안녕', 'password=s3cr3t', 'user=admin']);
    expect(text(run({ envFrom: [{ configMapRef: { name: 'cfg' } }] }, pod({}, 'shop'), []).env)).toEqual(['MODE=shop']);
  });

  it('missing ConfigMaps, Secrets and keys are problems worded as the kubelet words them; optional ones are skipped', () => {
    const { env, problems } = run(
      {
        envFrom: [{ configMapRef: { name: 'nope' } }, { secretRef: { name: 'gone', optional: true } }],
        env: [
          { name: 'A', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'MISSING' } } },
          { name: 'B', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'MISSING', optional: true } } },
          { name: 'C', valueFrom: { secretKeyRef: { name: 'absent', key: 'k' } } },
          { name: 'D', valueFrom: { secretKeyRef: { name: 'creds', key: 'nokey' } } },
          { name: 'E', valueFrom: { configMapKeyRef: { name: 'absent', key: 'k', optional: true } } },
        ],
      },
      pod(),
      [],
    );
    expect(problems).toEqual([
      'configmap "nope" not found',
      "couldn't find key MISSING in ConfigMap default/cfg",
      'secret "absent" not found',
      "couldn't find key nokey in Secret default/creds",
    ]);
    expect(env).toEqual([]);
  });

  it('enableServiceLinks: false leaves only the kubernetes variables', () => {
    const { env } = run({}, pod({ enableServiceLinks: false }));
    expect(env.map((e) => e.name).every((n) => n.startsWith('KUBERNETES_'))).toBe(true);
    expect(env).toHaveLength(8);
  });

  it('uses precomputed service variables when given', () => {
    const { env } = containerEnv({
      pod: pod(),
      container: { name: 'c', env: [{ name: 'X', value: '$(ONLY)' }] },
      services: [authService],
      serviceEnv: [{ name: 'ONLY', value: '1' }],
      configMaps: [],
      secrets: [],
    });
    expect(text(env)).toEqual(['ONLY=1', 'X=1']);
  });
});

describe('seed 003: environment variables and Service creation order', () => {
  // "Connecting applications with services": my-nginx pods started before `kubectl expose`
  // only see the kubernetes Service; after scaling to 0 and back they see my-nginx too.
  const k8s = svc('default', 'kubernetes', '10.0.0.1', [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 443 }]);
  const myNginx = svc('default', 'my-nginx', '10.0.162.149', [{ port: 80, protocol: 'TCP', targetPort: 80 }]);
  const nginxPod = pod({ containers: [{ name: 'my-nginx', image: 'nginx' }] });
  const grepService = (services: ServiceObject[]) =>
    text(run({ name: 'my-nginx', image: 'nginx' }, nginxPod, services).env)
      .filter((l) => l.includes('SERVICE'))
      .sort();

  it('before the Service exists: printenv | grep SERVICE', () => {
    expect(grepService([k8s])).toEqual(['KUBERNETES_SERVICE_HOST=10.0.0.1', 'KUBERNETES_SERVICE_PORT=443', 'KUBERNETES_SERVICE_PORT_HTTPS=443'].sort());
  });

  it('after the pods are recreated: printenv | grep SERVICE', () => {
    expect(grepService([k8s, myNginx])).toEqual(
      [
        'KUBERNETES_SERVICE_PORT=443',
        'MY_NGINX_SERVICE_HOST=10.0.162.149',
        'KUBERNETES_SERVICE_HOST=10.0.0.1',
        'MY_NGINX_SERVICE_PORT=80',
        'KUBERNETES_SERVICE_PORT_HTTPS=443',
      ].sort(),
    );
  });
});
