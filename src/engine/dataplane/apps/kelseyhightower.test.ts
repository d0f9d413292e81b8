import type { HttpResponse } from './http';
import { describe, expect, it } from 'vitest';
import { kelseyApp } from './kelseyhightower';
import { base64Encode } from '../../net/base64';
import { send } from './testkit';

const basic = (user: string, password: string) => ({ Authorization: `Basic ${base64Encode(`${user}:${password}`)}` });
const monolith = kelseyApp('monolith', '1.0.0', ['-http=0.0.0.0:80', '-health=0.0.0.0:81', '-secret=secret']);
const README_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJlbWFpbCI6InVzZXJAZXhhbXBsZS5jb20iLCJleHAiOjE0NjA5ODcxOTcsImlhdCI6MTQ2MDcyNzk5NywiaXNzIjoiYXV0aC5zZXJ2aWNlIiwic3ViIjoidXNlciJ9.x3oFhRhWk5CGYfGcrNctPGWCENEsXpUuKPDQU2ZOLCY';
const FAILED = { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, body: 'authorization failed\n' };
const HELLO = { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '{"message":"Hello"}\n' };

describe('kelseyhightower/monolith (the lab\'s step 2)', () => {
  it.each<[string, { path: string; headers?: Record<string, string>; serverPort?: number }, HttpResponse]>([
    ['/ says hello', { path: '/' }, HELLO],
    ['any other path is / (ServeMux "/")', { path: '/anything?x=1' }, HELLO],
    ['/secure without a token', { path: '/secure' }, FAILED],
    ['/secure with a wrong token', { path: '/secure', headers: { Authorization: 'Bearer abc.def.ghi' } }, FAILED],
    ['/secure with the token', { path: '/secure', headers: { Authorization: `Bearer ${README_TOKEN}` } }, HELLO],
    ['/secure with the token as access_token', { path: `/secure?access_token=${README_TOKEN}` }, HELLO],
    ['/login without credentials', { path: '/login' }, FAILED],
    ['/login with a wrong password', { path: '/login', headers: basic('user', 'wrong') }, FAILED],
    ['/login with an unknown user', { path: '/login', headers: basic('admin', 'password') }, FAILED],
    ['/login as user/password', { path: '/login', headers: basic('user', 'password') }, { ...HELLO, body: `{"token":"${README_TOKEN}"}\n` }],
    ['/version', { path: '/version' }, { ...HELLO, body: '{"version":"1.0.0"}\n' }],
    ['health: /healthz', { path: '/healthz', serverPort: 81 }, { status: 200, headers: {}, body: '' } as HttpResponse],
    ['health: /readiness', { path: '/readiness', serverPort: 81 }, { status: 200, headers: {}, body: '' } as HttpResponse],
    ['health: anything else', { path: '/', serverPort: 81 }, { status: 404, headers: FAILED.headers, body: '404 page not found\n' }],
  ])('%s', (_n, req, want) => {
    expect(send(monolith, req)).toEqual(want);
  });

  it('a token signed with another -secret does not pass', () => {
    const other = kelseyApp('monolith', '1.0.0', ['-secret=s3cr3t']);
    const token = JSON.parse(send(other, { path: '/login', headers: basic('user', 'password') }).body).token as string;
    expect(token).not.toBe(README_TOKEN);
    expect(send(other, { path: '/secure', headers: { Authorization: `Bearer ${token}` } }).status).toBe(200);
    expect(send(monolith, { path: '/secure', headers: { Authorization: `Bearer ${token}` } })).toEqual(FAILED);
  });
});

describe('kelseyhightower/auth and kelseyhightower/hello (the lab\'s step 5)', () => {
  const auth = kelseyApp('auth', '2.0.0', []);
  const hello = kelseyApp('hello', '2.0.0', []);

  it('auth issues the token hello accepts', () => {
    const login = send(auth, { path: '/login', headers: basic('user', 'password') });
    expect(login.status).toBe(200);
    const { token } = JSON.parse(login.body) as { token: string };
    expect(send(hello, { path: '/secure', headers: { Authorization: `Bearer ${token}` } })).toEqual(HELLO);
    expect(send(hello, { path: '/secure' })).toEqual(FAILED);
  });

  it('auth serves only /login and /version; hello has no /login', () => {
    expect(send(auth, { path: '/' }).body).toBe('404 page not found\n');
    expect(send(auth, { path: '/version' }).body).toBe('{"version":"2.0.0"}\n');
    expect(send(hello, { path: '/login', headers: basic('user', 'password') })).toEqual(HELLO);
    expect(send(hello, { path: '/' })).toEqual(HELLO);
  });
});
