import { describe, expect, it } from 'vitest';
import { matchLocation, parseNginxConfig, proxyTarget } from './nginxconf';

const frontend = `upstream hello {
    server hello.default.svc.cluster.local;
}
upstream auth {
    server auth.default.svc.cluster.local;
}
server {
    listen 443;
    ssl    on;
    ssl_certificate     /etc/tls/cert.pem;
    location / {
        proxy_pass http://hello;
    }
    location /login {
        proxy_pass http://auth;
    }
}`;

describe('nginx configuration', () => {
  const c = parseNginxConfig(frontend);
  it('reads servers, listen ports, locations and upstreams', () => {
    expect(c.servers).toHaveLength(1);
    expect(c.servers[0]!.listen).toEqual([443]);
    expect(c.upstreams.get('hello')).toEqual(['hello.default.svc.cluster.local']);
  });

  it.each([
    ['/', 'http://hello.default.svc.cluster.local/'],
    ['/secure', 'http://hello.default.svc.cluster.local/secure'],
    ['/login', 'http://auth.default.svc.cluster.local/login'],
    ['/login/x?y=1', 'http://auth.default.svc.cluster.local/login/x?y=1'],
  ])('longest prefix wins: %s → %s', (path, url) => {
    expect(proxyTarget(c, matchLocation(c.servers[0]!, path)!, path)).toBe(url);
  });

  it('replaces the matched prefix when proxy_pass has a URI', () => {
    const r = parseNginxConfig('server { listen 80; location /api/ { proxy_pass http://backend:8080/; } location = /health { return 200 ok; } }');
    const s = r.servers[0]!;
    expect(proxyTarget(r, matchLocation(s, '/api/users')!, '/api/users')).toBe('http://backend:8080/users');
    expect(matchLocation(s, '/health')!.ret).toEqual({ status: 200, text: 'ok' });
  });
});
