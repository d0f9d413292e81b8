import { describe, expect, it } from 'vitest';
import type { Container } from 'kubernetes-types/core/v1';
import { annotationProblems, appFor, listenerFor } from './catalogue';
import { pod } from './testkit';

const ports = (c: Container, p = pod([c])) => appFor(c, p).listens.map((l) => `${l.port}/${l.protocol}${l.tls ? '+tls' : ''}`);

describe('appFor: which program an image runs, and where it listens', () => {
  it.each<[string, Container, string, string[]]>([
    ['nginx', { name: 'web', image: 'nginx:1.10.0' }, 'nginx', ['80/TCP']],
    ['httpd', { name: 'web', image: 'httpd:2.4' }, 'httpd', ['80/TCP']],
    ['echoserver', { name: 'e', image: 'registry.k8s.io/echoserver:1.4' }, 'echoserver', ['8080/TCP']],
    ['whoami', { name: 'w', image: 'traefik/whoami:v1.10' }, 'whoami', ['80/TCP']],
    ['whoami --port', { name: 'w', image: 'traefik/whoami', args: ['--port', '8081'] }, 'whoami', ['8081/TCP']],
    ['whoami WHOAMI_PORT_NUMBER', { name: 'w', image: 'traefik/whoami', env: [{ name: 'WHOAMI_PORT_NUMBER', value: '9000' }] }, 'whoami', ['9000/TCP']],
    ['http-echo', { name: 'h', image: 'hashicorp/http-echo:1.0', args: ['-text=apple'] }, 'http-echo', ['5678/TCP']],
    ['http-echo -listen', { name: 'h', image: 'hashicorp/http-echo', args: ['-listen=:8080', '-text', 'banana'] }, 'http-echo', ['8080/TCP']],
    ['http-echo without -text exits', { name: 'h', image: 'hashicorp/http-echo' }, 'http-echo', []],
    ['agnhost netexec', { name: 'a', image: 'registry.k8s.io/e2e-test-images/agnhost:2.47', args: ['netexec', '--http-port=8080', '--udp-port=8081'] }, 'agnhost-netexec', ['8080/TCP', '8081/UDP']],
    ['agnhost netexec, no UDP', { name: 'a', image: 'registry.k8s.io/e2e-test-images/agnhost:2.47', args: ['netexec', '--http-port', '9376', '--udp-port=-1'] }, 'agnhost-netexec', ['9376/TCP']],
    ['agnhost serve-hostname', { name: 'a', image: 'registry.k8s.io/e2e-test-images/agnhost:2.47', args: ['serve-hostname'] }, 'agnhost-serve-hostname', ['9376/TCP']],
    ['agnhost pause', { name: 'a', image: 'registry.k8s.io/e2e-test-images/agnhost:2.47', args: ['pause'] }, 'agnhost-pause', []],
    ['busybox', { name: 'b', image: 'busybox:1.28', command: ['sleep', '3600'] }, 'shell', []],
    ['curlimages/curl', { name: 'c', image: 'curlimages/curl:8.5.0' }, 'shell', []],
    ['radial/busyboxplus', { name: 'c', image: 'radial/busyboxplus:curl' }, 'shell', []],
    ['monolith', { name: 'm', image: 'kelseyhightower/monolith:1.0.0', args: ['-http=0.0.0.0:80', '-health=0.0.0.0:81', '-secret=secret'] }, 'monolith', ['80/TCP', '81/TCP']],
    ['monolith with other ports', { name: 'm', image: 'kelseyhightower/monolith:1.0.0', args: ['-http=:8080', '-health', ':8081'] }, 'monolith', ['8080/TCP', '8081/TCP']],
    ['auth', { name: 'a', image: 'kelseyhightower/auth:2.0.0' }, 'auth', ['80/TCP', '81/TCP']],
    ['hello', { name: 'h', image: 'kelseyhightower/hello:2.0.0' }, 'hello', ['80/TCP', '81/TCP']],
    ['an unknown image', { name: 'x', image: 'tmkube/app', ports: [{ containerPort: 8080 }] }, 'generic', ['8080/TCP']],
    ['an unknown image with no ports', { name: 'x', image: 'wooglim/kub-demo-users' }, 'generic', []],
  ])('%s', (_name, c, kind, listens) => {
    expect(appFor(c).kind).toBe(kind);
    expect(ports(c)).toEqual(listens);
  });
});

describe('nginx with a certificate mounted from a Secret', () => {
  const tls = { name: 'tls-certs', secret: { secretName: 'tls-certs' } };
  const conf = { name: 'conf', configMap: { name: 'nginx-proxy-conf' } };

  it('the stock configuration: 80, and 443 as TLS with a Secret mounted', () => {
    const c: Container = { name: 'nginx', image: 'nginx:1.9.14', volumeMounts: [{ name: 'tls-certs', mountPath: '/etc/tls' }] };
    expect(ports(c, pod([c], { volumes: [tls] }))).toEqual(['80/TCP', '443/TCP+tls']);
    const plain: Container = { name: 'nginx', image: 'nginx:1.9.14' };
    expect(ports(plain)).toEqual(['80/TCP']);
  });

  it('its own conf.d and a certificate, no declared ports (seed 004): 443 only, so port 80 stays the sidecar\'s', () => {
    const nginx: Container = { name: 'nginx', image: 'nginx:1.9.14', volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }, { name: 'tls-certs', mountPath: '/etc/tls' }] };
    const monolith: Container = { name: 'monolith', image: 'kelseyhightower/monolith:1.0.0', ports: [{ containerPort: 80 }, { containerPort: 81 }] };
    const p = pod([nginx, monolith], { volumes: [tls, conf] });
    expect(ports(nginx, p)).toEqual(['443/TCP+tls']);
    expect(listenerFor(p, 443, 'TCP')?.container).toBe('nginx');
    expect(listenerFor(p, 80, 'TCP')?.container).toBe('monolith');
    expect(listenerFor(p, 81, 'TCP')?.container).toBe('monolith');
    expect(listenerFor(p, 8080, 'TCP')).toBeUndefined();
  });

  it('bprashanth/nginxhttps with its declared ports (seed 003): 80 and 443 as TLS', () => {
    const c: Container = {
      name: 'nginxhttps',
      image: 'bprashanth/nginxhttps:1.0',
      ports: [{ containerPort: 443 }, { containerPort: 80 }],
      volumeMounts: [{ name: 'secret-volume', mountPath: '/etc/nginx/ssl' }, { name: 'configmap-volume', mountPath: '/etc/nginx/conf.d' }],
    };
    const p = pod([c], { volumes: [{ name: 'secret-volume', secret: { secretName: 'nginxsecret' } }, { name: 'configmap-volume', configMap: { name: 'nginxconfigmap' } }] });
    expect(appFor(c, p).kind).toBe('nginx');
    expect(ports(c, p)).toEqual(['80/TCP', '443/TCP+tls']);
  });
});

describe('the kubepath.dev/app.<container> annotation', () => {
  const c: Container = { name: 'users', image: 'wooglim/kub-demo-users', ports: [{ containerPort: 3000 }] };

  it('takes precedence over the image', () => {
    const p = pod([c], { annotations: { 'kubepath.dev/app.users': 'listen: [8080]\nroutes: [{path: /, body: hi}]' } });
    expect(appFor(c, p).kind).toBe('annotation');
    expect(ports(c, p)).toEqual(['8080/TCP']);
    expect(annotationProblems(p)).toEqual([]);
  });

  it('without listen, the container listens on its declared containerPorts', () => {
    const p = pod([c], { annotations: { 'kubepath.dev/app.users': 'routes: []' } });
    expect(ports(c, p)).toEqual(['3000/TCP']);
  });

  it('an invalid one is reported and the container behaves as its image', () => {
    const p = pod([c], { annotations: { 'kubepath.dev/app.users': 'listen: [8080\nroutes: {' } });
    expect(appFor(c, p).kind).toBe('generic');
    const problems = annotationProblems(p);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ container: 'users' });
    expect(problems[0]!.message).toMatch(/^kubepath\.dev\/app\.users: invalid YAML: .*; the container behaves as its image instead$/);
  });

  it('one for a container the pod does not have is reported', () => {
    const p = pod([c], { annotations: { 'kubepath.dev/app.auth': 'routes: []', 'other.io/x': 'y' } });
    expect(annotationProblems(p)).toEqual([{ container: 'auth', message: 'kubepath.dev/app.auth: the pod has no container named "auth"' }]);
  });
});
