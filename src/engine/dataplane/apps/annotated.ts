/**
 * A container whose behaviour is declared in its `kubepath.dev/app.<container>` annotation
 * (annotation.ts reads it, template.ts expands its references): the first route whose method,
 * path and `when` conditions match answers, after its call if it has one. A call goes through
 * the data plane (`ctx.fetch`, a child trace). When it fails (no connection, or a non-2xx
 * answer, as axios and most clients treat it), the route's `onCallError` answers; without one,
 * a connection failure is a 502 with the error and a non-2xx answer is passed on as it came.
 */
import type { AppContext, ContainerApp, HttpRequest, HttpResponse, Listener } from './http';
import type { AnswerSpec, AppSpec, RouteSpec } from './annotation';
import { expand, withParams, type Scope } from './template';
import { pathOnly } from './golang';

/** The route path's `:name` captures for this request path, or undefined when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  let got = pathOnly(path).split('/');
  // A trailing slash is tolerated (Express and Spring do), except on "/" itself.
  if (got.length > 2 && got.at(-1) === '' && want.at(-1) !== '') got = got.slice(0, -1);
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    if (w === '*' && i === want.length - 1) {
      params['*'] = got.slice(i).join('/');
      return params;
    }
    const g = got[i];
    if (g === undefined) return undefined;
    if (w.startsWith(':') && w.length > 1) {
      if (g === '') return undefined;
      params[w.slice(1)] = decode(g);
    } else if (w !== g) return undefined;
  }
  return got.length === want.length ? params : undefined;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((k) => k.toLowerCase() === name);
}

/** A body's Content-Type when the annotation gives none: JSON or plain text, as Express's res.send guesses. */
function guessType(body: string): Record<string, string> {
  if (body === '') return {};
  return { 'Content-Type': /^\s*[[{]/.test(body) ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8' };
}

function answer(spec: AnswerSpec, common: Record<string, string>, s: Scope): HttpResponse {
  const body = spec.body === undefined ? '' : expand(spec.body, s);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...common, ...spec.headers })) headers[k] = expand(v, s);
  return { status: spec.status ?? 200, headers: hasHeader(headers, 'content-type') ? headers : { ...headers, ...guessType(body) }, body };
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade']);

function relay(res: HttpResponse): HttpResponse {
  return { status: res.status, headers: Object.fromEntries(Object.entries(res.headers).filter(([k]) => !HOP_BY_HOP.has(k.toLowerCase()))), body: res.body };
}

function matches(route: RouteSpec, req: HttpRequest, ctx: AppContext): Scope | undefined {
  if (route.method && route.method !== req.method.toUpperCase()) return undefined;
  const params = matchPath(route.path, req.path);
  if (!params) return undefined;
  const s: Scope = { req, ctx, params };
  return route.when.every(([a, b]) => expand(a, s).trim() === expand(b, s).trim()) ? s : undefined;
}

function run(route: RouteSpec, spec: AppSpec, s: Scope, ctx: AppContext): HttpResponse {
  const call = route.call;
  if (!call) return answer(route.answer ?? { headers: {} }, spec.headers, s);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(call.headers)) headers[k] = expand(v, s);
  const r = ctx.fetch({ url: expand(withParams(call.url, s.params), s), method: call.method, headers, body: call.body === undefined ? undefined : expand(call.body, s) });
  if (!r.ok) {
    s.error = { message: r.message, code: r.code };
    if (route.onCallError) return answer(route.onCallError, spec.headers, s);
    return { status: 502, headers: { ...spec.headers, 'Content-Type': 'text/plain; charset=utf-8' }, body: `${r.message}\n` };
  }
  s.call = r.response;
  if (r.response.status < 200 || r.response.status > 299) {
    s.error = { message: `Request failed with status code ${r.response.status}`, code: 'http-status' };
    return route.onCallError ? answer(route.onCallError, spec.headers, s) : relay(r.response);
  }
  return route.answer ? answer(route.answer, spec.headers, s) : relay(r.response);
}

const NOT_FOUND: AnswerSpec = { status: 404, headers: {}, body: 'Cannot $(request.method) $(request.path)\n' };

export function annotatedApp(spec: AppSpec, declared: Listener[]): ContainerApp {
  return {
    kind: 'annotation',
    listens: spec.listen ?? declared,
    handle(req, ctx): HttpResponse {
      for (const route of spec.routes) {
        const s = matches(route, req, ctx);
        if (s) return run(route, spec, s, ctx);
      }
      return answer(spec.notFound ?? NOT_FOUND, spec.headers, { req, ctx, params: {} });
    },
  };
}
