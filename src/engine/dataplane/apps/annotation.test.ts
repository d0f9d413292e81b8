import { describe, expect, it } from 'vitest';
import { parseAppSpec } from './annotation';

describe('parseAppSpec: reading an app annotation', () => {
  it('reads listen, headers, routes with calls and answers, notFound', () => {
    const parsed = parseAppSpec(`
listen: [8080, "8081/UDP", {port: 9000, protocol: sctp}]
headers: {X-Powered-By: Express}
routes:
  - method: post
    path: /signup
    when: {"$(body.email)": ""}
    status: 422
    body: {message: missing}
  - method: POST
    path: /signup
    call:
      url: http://$(AUTH_ADDRESS)/hashed-password/$(body.password)
      headers: {X-Trace: "1"}
    status: 201
    body: '{"message":"User created!"}'
    onCallError: {status: 500, body: failed}
  - path: /proxy/*
    call: http://backend$(request.path)
notFound: {status: 404, body: nope}
`);
    expect(parsed).toEqual({
      ok: true,
      spec: {
        listen: [
          { port: 8080, protocol: 'TCP' },
          { port: 8081, protocol: 'UDP' },
          { port: 9000, protocol: 'SCTP' },
        ],
        headers: { 'X-Powered-By': 'Express' },
        routes: [
          { method: 'POST', path: '/signup', when: [['$(body.email)', '']], call: undefined, answer: { status: 422, headers: {}, body: '{"message":"missing"}' }, onCallError: undefined },
          {
            method: 'POST',
            path: '/signup',
            when: [],
            call: { method: 'GET', url: 'http://$(AUTH_ADDRESS)/hashed-password/$(body.password)', headers: { 'X-Trace': '1' }, body: undefined },
            answer: { status: 201, headers: {}, body: '{"message":"User created!"}' },
            onCallError: { status: 500, headers: {}, body: 'failed' },
          },
          { method: undefined, path: '/proxy/*', when: [], call: { method: 'GET', url: 'http://backend$(request.path)', headers: {} }, answer: undefined, onCallError: undefined },
        ],
        notFound: { status: 404, headers: {}, body: 'nope' },
      },
    });
  });

  it('a route with neither call nor answer answers 200 with nothing', () => {
    const parsed = parseAppSpec('routes: [{path: /ping}]');
    expect(parsed.ok && parsed.spec.routes[0]!.answer).toEqual({ headers: {} });
    expect(parsed.ok && parsed.spec.listen).toBeUndefined();
  });

  it.each([
    ['listen: [8080\n', /^invalid YAML: /],
    ['- just a list', /^must be a YAML mapping with listen and routes$/],
    ['listen: [0]', /^listen\[0\]: must be a port number \(1-65535\)/],
    ['listen: ["80/ICMP"]', /^listen\[0\]: protocol must be TCP, UDP or SCTP$/],
    ['routes: {path: /}', /^routes: must be a list$/],
    ['routes: [{path: signup}]', /^routes\[0\]\.path: must start with "\/"$/],
    ['routes: [{body: x}]', /^routes\[0\]\.path: must be a string$/],
    ['routes: [{path: /, status: 999}]', /^routes\[0\]\.status: must be an HTTP status code \(100-599\)$/],
    ['routes: [{path: /, onCallError: {status: 500}}]', /^routes\[0\]\.onCallError: needs a call$/],
    ['routes: [{path: /, call: {method: GET}}]', /^routes\[0\]\.call\.url: is required$/],
    ['routes: [{path: /, respond: x}]', /^routes\[0\]\.respond: unknown field/],
    ['lisen: [80]', /^lisen: unknown field \(expected one of listen, headers, routes, notFound\)$/],
    ['headers: [a]', /^headers: must be a mapping/],
  ])('%j is refused', (text, message) => {
    const parsed = parseAppSpec(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems[0]).toMatch(message);
  });
});
