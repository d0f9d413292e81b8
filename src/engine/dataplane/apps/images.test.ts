import { describe, expect, it } from 'vitest';
import { whoami, whoamiData } from './whoami';
import { httpEcho } from './httpecho';
import { agnhost, NETEXEC_NOW } from './agnhost';
import { httpd, nginx } from './nginx';
import { context, ok, send } from './testkit';

describe('traefik/whoami', () => {
  const app = whoami([], {});

  it('prints who it is, then the request as Go writes it', () => {
    const res = send(app, { path: '/?x=1', headers: { Host: '10.244.1.5', 'User-Agent': 'curl/8.11.1', Accept: '*/*', 'x-forwarded-for': '198.51.100.79' } });
    expect(res.status).toBe(200);
    expect(res.headers).toEqual({ 'Content-Type': 'text/plain; charset=utf-8' });
    expect(res.body).toBe(
      [
        'Hostname: web-0',
        'IP: 127.0.0.1',
        'IP: ::1',
        'IP: 10.244.1.5',
        'RemoteAddr: 10.244.2.7:40000',
        'GET /?x=1 HTTP/1.1\r\nHost: 10.244.1.5\r\nUser-Agent: curl/8.11.1\r\nAccept: */*\r\nX-Forwarded-For: 198.51.100.79\r\n\r\n',
      ].join('\n'),
    );
  });

  it('names itself with --name, writes Go\'s User-Agent when there is none, and the body', () => {
    const named = whoami(['--name=blue'], {});
    const res = send(named, { method: 'POST', headers: { Host: 'x' }, body: 'hi' });
    expect(res.body.split('\n')[0]).toBe('Name: blue');
    expect(res.body).toContain('POST / HTTP/1.1\r\nHost: 10.244.1.5\r\nUser-Agent: Go-http-client/1.1\r\nContent-Length: 2\r\n\r\nhi');
  });

  it.each([
    ['/health', 200, ''],
    ['/bench', 200, '1'],
    ['/data?size=10', 200, '|ABCDEFGH|'],
    ['/data?size=1', 200, ''],
    ['/echo', 400, 'Bad Request\n'],
  ])('%s', (path, status, body) => {
    const res = send(app, { path });
    expect([res.status, res.body]).toEqual([status, body]);
  });

  it('/api is JSON', () => {
    const res = send(app, { path: '/api' });
    expect(res.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(res.body)).toEqual({
      hostname: 'web-0',
      ip: ['127.0.0.1', '::1', '10.244.1.5'],
      headers: { Accept: ['*/*'], 'User-Agent': ['curl/8.11.1'] },
      url: '/api',
      host: '10.244.1.5',
      method: 'GET',
      remoteAddr: '10.244.2.7:40000',
    });
  });

  it('/data sizes: 1 KiB with unit=kb', () => {
    expect(whoamiData(1024)).toHaveLength(1024);
    expect(send(app, { path: '/data?size=1&unit=KB' }).body).toBe(whoamiData(1024));
  });
});

describe('hashicorp/http-echo', () => {
  it.each([
    [['-text=apple'], '/', 200, 'apple\n'],
    [['-text', 'apple'], '/any/path', 200, 'apple\n'],
    [['-text=gone', '-status-code=410'], '/', 410, 'gone\n'],
    [['-text=apple'], '/health', 200, '{"status":"ok"}\n'],
  ])('%j %s', (args, path, status, body) => {
    const res = send(httpEcho('1.0', args, {}), { path });
    expect(res).toEqual({ status, headers: { 'X-App-Name': 'http-echo', 'X-App-Version': '1.0.0', 'Content-Type': 'text/plain; charset=utf-8' }, body });
  });

  it('reads ECHO_TEXT when there is no -text', () => {
    expect(send(httpEcho(undefined, [], { ECHO_TEXT: 'pear' })).body).toBe('pear\n');
  });
});

describe('agnhost netexec', () => {
  const app = agnhost(['netexec', '--http-port=8080', '--udp-port=8081'])!;

  it.each([
    ['/', 200, `NOW: ${NETEXEC_NOW}`],
    ['/hostname', 200, 'web-0'],
    ['/hostName', 200, 'web-0'],
    ['/clientip', 200, '10.244.2.7:40000'],
    ['/echo?msg=hello%20world', 200, 'hello world'],
    ['/echo?msg=nope&code=503', 503, 'nope'],
    ['/healthz', 200, ''],
    ['/dial', 400, 'request parameter not specified. <nil>\n'],
  ])('%s', (path, status, body) => {
    const res = send(app, { path });
    expect([res.status, res.body]).toEqual([status, body]);
  });

  it('/redirect', () => {
    const res = send(app, { path: '/redirect?location=/echo%3Fmsg%3Dfoobar&code=307' });
    expect(res.status).toBe(307);
    expect(res.headers.Location).toBe('/echo?msg=foobar');
  });

  it('/dial makes its calls through the data plane and reports them as JSON', () => {
    const ctx = context({}, { 'http://10.96.0.20:80/hostname': ok(200, 'backend-1') });
    const good = send(app, { path: '/dial?request=hostname&protocol=http&host=10.96.0.20&port=80&tries=2' }, ctx);
    expect(good.body).toBe('{"responses":["backend-1","backend-1"]}');
    expect(ctx.calls.map((c) => c.url)).toEqual(['http://10.96.0.20:80/hostname', 'http://10.96.0.20:80/hostname']);
    const bad = send(app, { path: '/dial?request=hostname&host=10.96.0.21&port=80' }, context());
    expect(JSON.parse(bad.body)).toEqual({ errors: ['Get "http://10.96.0.21:80/hostname": dial tcp 10.96.0.21:80: connect: connection refused'] });
    const nx = send(app, { path: '/dial?request=hostname&host=nope&port=80' }, context({}, () => ({ ok: false, code: 'dns-nxdomain', message: 'x' })));
    expect([nx.status, nx.body]).toEqual([400, 'host and/or port param are invalid. lookup nope: no such host\n']);
  });

  it('serve-hostname answers its hostname everywhere', () => {
    expect(send(agnhost(['serve-hostname'])!, { path: '/x' }).body).toBe('web-0');
  });

  it('an unmodelled subcommand is left to the container\'s declared ports', () => {
    expect(agnhost(['liveness'])).toBeUndefined();
  });
});

describe('nginx and httpd', () => {
  it('nginx: the welcome page on / , the 404 page elsewhere, the version from the tag', () => {
    const app = nginx('1.10.0');
    const res = send(app);
    expect(res.status).toBe(200);
    expect(res.headers.Server).toBe('nginx/1.10.0');
    expect(res.body).toContain('<title>Welcome to nginx!</title>');
    expect(send(app, { path: '/nope' })).toMatchObject({ status: 404, body: expect.stringContaining('<center>nginx/1.10.0</center>') });
  });

  it('nginx answers on its TLS port as on 80', () => {
    const app = nginx('1.9.14', [{ port: 443, protocol: 'TCP', tls: true }]);
    expect(send(app, { serverPort: 443 }).body).toContain('Welcome to nginx!');
  });

  it('httpd: It works!', () => {
    expect(send(httpd()).body).toBe('<html><body><h1>It works!</h1></body></html>\n');
  });
});
