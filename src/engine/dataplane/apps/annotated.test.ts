import { describe, expect, it } from 'vitest';
import { parseAppSpec } from './annotation';
import { annotatedApp, matchPath } from './annotated';
import { expand } from './template';
import type { ContainerApp, HttpRequest } from './http';
import { context, ok, request, send } from './testkit';

function app(yaml: string): ContainerApp {
  const parsed = parseAppSpec(yaml);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return annotatedApp(parsed.spec, []);
}

const post = (path: string, body: string): Partial<HttpRequest> => ({ method: 'POST', path, body });

describe('matchPath', () => {
  it.each<[string, string, Record<string, string> | undefined]>([
    ['/signup', '/signup', {}],
    ['/signup', '/signup/', {}],
    ['/signup', '/signup?x=1', {}],
    ['/signup', '/Signup', undefined],
    ['/signup', '/signup/x', undefined],
    ['/', '/', {}],
    ['/', '/x', undefined],
    ['/token/:hash/:password', '/token/pw_hash/pw', { hash: 'pw_hash', password: 'pw' }],
    ['/token/:hash/:password', '/token/a%20b/c', { hash: 'a b', password: 'c' }],
    ['/token/:hash/:password', '/token/x', undefined],
    ['/token/:hash/:password', '/token//x', undefined],
    ['/files/*', '/files/a/b', { '*': 'a/b' }],
  ])('%s ~ %s', (pattern, path, want) => {
    expect(matchPath(pattern, path)).toEqual(want);
  });
});

describe('templates', () => {
  const s = {
    req: request({ method: 'POST', path: '/signup?next=%2Fhome', body: '{"email":"a@b.c","password":"pw","n":{"x":1}}', headers: { Authorization: 'Bearer abc', 'X-Id': '7' } }),
    ctx: context({ env: { AUTH_ADDRESS: 'auth-service.default', EMPTY: '' } }),
    params: { id: '42' },
  };

  it.each([
    ['http://$(AUTH_ADDRESS)/x', 'http://auth-service.default/x'],
    ['$(EMPTY)|', '|'],
    ['$(NOT_SET)/x', '$(NOT_SET)/x'],
    ['$$(AUTH_ADDRESS)', '$(AUTH_ADDRESS)'],
    ['$(body.email) $(body.password)', 'a@b.c pw'],
    ['$(body.missing)|', '|'],
    ['$(body.n)', '{"x":1}'],
    ['$(body.n.x)', '1'],
    ['$(body.email|json) $(body.missing|json)', '"a@b.c" null'],
    ['$(params.id) $(query.next) $(header.x-id) $(bearer)', '42 /home 7 abc'],
    ['$(request.method) $(request.path) $(request.uri) $(request.client)', 'POST /signup /signup?next=%2Fhome 10.244.2.7'],
    ['$(pod.name).$(pod.namespace)@$(pod.node)/$(container.name)', 'web-0.default@node-1/app'],
    ['$(call.status)$(error)', ''],
  ])('%s', (template, want) => {
    expect(expand(template, s)).toBe(want);
  });
});

describe('an annotated app', () => {
  const users = app(`
listen: [8080]
headers: {X-Powered-By: Express}
routes:
  - {method: POST, path: /signup, when: {"$(body.email)": ""}, status: 422, body: '{"message":"An email and password needs to be specified!"}'}
  - method: POST
    path: /signup
    call: http://$(AUTH_ADDRESS)/hashed-password/$(body.password)
    status: 201
    body: '{"message":"User created!"}'
    onCallError: {status: 500, body: '{"message":"Creating the user failed - please try again later."}'}
  - method: POST
    path: /login
    call: http://$(AUTH_ADDRESS)/token/$(body.password)_hash/$(body.password)
    body: '{"token":$(call.body.token|json)}'
  - {method: GET, path: /users/:id, call: 'http://$(AUTH_ADDRESS)/users/:id'}
`);
  const env = { AUTH_ADDRESS: 'localhost' };

  it('answers a route without a call, after its when conditions', () => {
    expect(send(users, post('/signup', '{"password":"pw"}'), context({ env }))).toEqual({
      status: 422,
      headers: { 'X-Powered-By': 'Express', 'Content-Type': 'application/json; charset=utf-8' },
      body: '{"message":"An email and password needs to be specified!"}',
    });
  });

  it('makes its call with $(VAR) from the environment and answers when it succeeds', () => {
    const ctx = context({ env }, { 'http://localhost/hashed-password/pw': ok(200, '{"hashedPassword":"pw_hash"}') });
    expect(send(users, post('/signup', '{"email":"a@b.c","password":"pw"}'), ctx)).toMatchObject({ status: 201, body: '{"message":"User created!"}' });
    expect(ctx.calls).toEqual([{ url: 'http://localhost/hashed-password/pw', method: 'GET', headers: {}, body: undefined }]);
  });

  it('answers onCallError when the call fails', () => {
    const ctx = context({ env });
    expect(send(users, post('/signup', '{"email":"a@b.c","password":"pw"}'), ctx)).toMatchObject({ status: 500, body: '{"message":"Creating the user failed - please try again later."}' });
    expect(ctx.calls).toHaveLength(1);
  });

  it('answers onCallError when the call answers non-2xx', () => {
    const ctx = context({ env }, () => ok(503, 'busy'));
    expect(send(users, post('/signup', '{"email":"a@b.c","password":"pw"}'), ctx).status).toBe(500);
  });

  it('reads the call\'s answer', () => {
    const ctx = context({ env }, { 'http://localhost/token/pw_hash/pw': ok(200, '{"message":"Token created.","token":"abc"}') });
    expect(send(users, post('/login', '{"email":"a@b.c","password":"pw"}'), ctx).body).toBe('{"token":"abc"}');
  });

  it('without onCallError: a 502 with the error for a failed connection, a non-2xx answer passed on', () => {
    const refused = send(users, post('/login', '{"email":"a@b.c","password":"pw"}'), context({ env }, () => ({ ok: false, code: 'connection-refused', message: "curl: (7) Failed to connect to localhost port 80 after 0 ms: Couldn't connect to server" })));
    expect(refused).toEqual({ status: 502, headers: { 'X-Powered-By': 'Express', 'Content-Type': 'text/plain; charset=utf-8' }, body: "curl: (7) Failed to connect to localhost port 80 after 0 ms: Couldn't connect to server\n" });
    const denied = send(users, post('/login', '{"email":"a@b.c","password":"pw"}'), context({ env }, () => ok(401, '{"message":"Passwords do not match."}', { 'Content-Type': 'application/json', 'Content-Length': '37' })));
    expect(denied).toEqual({ status: 401, headers: { 'Content-Type': 'application/json' }, body: '{"message":"Passwords do not match."}' });
  });

  it('puts :params in the call URL and relays the answer when the route has none', () => {
    const ctx = context({ env: { AUTH_ADDRESS: '10.96.0.12:8080' } }, { 'http://10.96.0.12:8080/users/42': ok(200, 'user 42', { 'Content-Type': 'text/plain' }) });
    expect(send(users, { path: '/users/42' }, ctx)).toEqual({ status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'user 42' });
  });

  it('an unknown route is a 404, or a method the route does not take', () => {
    expect(send(users, { path: '/nope' })).toMatchObject({ status: 404, body: 'Cannot GET /nope\n' });
    expect(send(users, { method: 'GET', path: '/signup' }).status).toBe(404);
  });

  it('notFound is configurable', () => {
    const a = app('routes: []\nnotFound: {status: 418, body: "no $(request.path)"}');
    expect(send(a, { path: '/tea' })).toMatchObject({ status: 418, body: 'no /tea' });
  });

  it('the route order decides: the first match answers', () => {
    const auth = app(`
routes:
  - {path: /token/:hashed/:entered, when: {"$(params.hashed)": "$(params.entered)_hash"}, body: '{"token":"abc"}'}
  - {path: /token/:hashed/:entered, status: 401, body: '{"message":"Passwords do not match."}'}
`);
    expect(send(auth, { path: '/token/pw_hash/pw' }).status).toBe(200);
    expect(send(auth, { path: '/token/other/pw' }).status).toBe(401);
  });
});
