/**
 * kelseyhightower/monolith, kelseyhightower/auth and kelseyhightower/hello (github.com/
 * kelseyhightower/app), the images of the "Orchestrating the Cloud with Kubernetes" lab. Flags
 * `-http=0.0.0.0:80`, `-health=0.0.0.0:81`, `-secret=secret` (those are the defaults).
 *
 * - HTTP port: `/login` (auth, monolith) takes HTTP Basic credentials (the one user is `user`,
 *   password `password`) and answers `{"token":"<JWT>"}`, an HS256 token signed with the secret;
 *   `/secure` (hello, monolith) answers `{"message":"Hello"}` with `Authorization: Bearer <JWT>`
 *   and `authorization failed` (401) without; `/` (hello, monolith) answers `{"message":"Hello"}`;
 *   `/version` answers `{"version":"<v>"}`. Any other path on auth is the ServeMux's 404.
 * - Health port: `/healthz` and `/readiness` answer 200 with no body.
 *
 * The token's `iat` is fixed (kubepath has no wall clock): 1460727997, the instant of the
 * example in the repository's README, with `exp` 72 hours later, so the token the lab prints
 * is the README's own when the secret is "secret".
 */
import type { ContainerApp, HttpRequest, HttpResponse } from './http';
import { base64Decode } from '../../net/base64';
import { flagArgs, goError, goFlags, goNotFound, header, pathOnly, portOf, queryOf } from './golang';
import { signJwt, verifyJwt } from './jwt';

export type KelseyApp = 'monolith' | 'auth' | 'hello';

/** user.DB: the one account, its bcrypt hash is of "password". */
const USERS: Record<string, { password: string; email: string }> = { user: { password: 'password', email: 'user@example.com' } };

export const TOKEN_IAT = 1460727997;
const TOKEN_TTL = 72 * 3600;

function hello(): HttpResponse {
  // json.NewEncoder(w).Encode(...) with no Content-Type set: net/http sniffs text/plain.
  return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '{"message":"Hello"}\n' };
}

function jsonBody(value: Record<string, string>): HttpResponse {
  return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: `${JSON.stringify(value)}\n` };
}

/** r.BasicAuth(): "Basic " (any case) and base64 of "user:password". */
export function basicAuth(req: HttpRequest): { user: string; password: string } | undefined {
  const auth = header(req.headers, 'authorization') ?? '';
  if (auth.length < 6 || auth.slice(0, 6).toLowerCase() !== 'basic ') return undefined;
  const decoded = base64Decode(auth.slice(6));
  if (decoded === undefined) return undefined;
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function login(req: HttpRequest, secret: string): HttpResponse {
  const creds = basicAuth(req);
  const user = creds ? USERS[creds.user] : undefined;
  if (!creds || !user || user.password !== creds.password) return goError('authorization failed', 401);
  const token = signJwt({ email: user.email, exp: TOKEN_IAT + TOKEN_TTL, iat: TOKEN_IAT, iss: 'auth.service', sub: creds.user }, secret);
  return jsonBody({ token });
}

/** jwt.ParseFromRequest: `Authorization: Bearer <token>`, else the access_token form value. */
function bearer(req: HttpRequest): string | undefined {
  const ah = header(req.headers, 'authorization') ?? '';
  if (ah.length > 6 && ah.slice(0, 6).toUpperCase() === 'BEARER') return ah.slice(7);
  return queryOf(req.path).get('access_token') || undefined;
}

function secure(req: HttpRequest, secret: string): HttpResponse {
  const token = bearer(req);
  if (!token || !verifyJwt(token, secret).ok) return goError('authorization failed', 401);
  return hello();
}

function health(path: string): HttpResponse {
  switch (path) {
    case '/healthz':
    case '/readiness':
    case '/healthz/status':
    case '/readiness/status':
      return { status: 200, headers: {}, body: '' };
    default:
      return goNotFound();
  }
}

function versionOf(which: KelseyApp, tag: string | undefined): string {
  const m = /^v?(\d+\.\d+\.\d+)$/.exec(tag ?? '');
  return m ? m[1]! : which === 'monolith' ? '1.0.0' : '2.0.0';
}

export function kelseyApp(which: KelseyApp, tag: string | undefined, argv: readonly string[]): ContainerApp {
  const flags = goFlags(flagArgs(argv));
  const httpPort = portOf(flags.get('http')) ?? 80;
  const healthPort = portOf(flags.get('health')) ?? 81;
  const secret = flags.get('secret') ?? 'secret';
  const version = versionOf(which, tag);
  return {
    kind: which,
    listens: [
      { port: httpPort, protocol: 'TCP' },
      { port: healthPort, protocol: 'TCP' },
    ],
    handle(req): HttpResponse {
      const path = pathOnly(req.path);
      if (req.serverPort === healthPort && req.serverPort !== httpPort) return health(path);
      if (path === '/version') return jsonBody({ version });
      if (path === '/login' && which !== 'hello') return login(req, secret);
      if (which === 'auth') return goNotFound();
      if (path === '/secure') return secure(req, secret);
      return hello();
    },
  };
}
