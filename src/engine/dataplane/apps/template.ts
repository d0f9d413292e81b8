/**
 * `$(NAME)` references in app annotations, expanded the way Kubernetes expands them in a
 * container's command, args and env: `$(VAR)` is the variable's value, `$$(VAR)` is the text
 * `$(VAR)`, and a reference to a variable the container does not have stays as written.
 * Besides the container's environment, a template can read the request and a call's answer:
 *
 * | reference | value |
 * |---|---|
 * | `$(VAR)` | the container's environment variable (Service variables included) |
 * | `$(params.name)` | a `:name` segment of the route's path (also `:name` in a call's URL) |
 * | `$(body)`, `$(body.a.b)` | the request body; a field of it read as JSON |
 * | `$(query.name)`, `$(header.name)` | a query parameter; a request header (any case) |
 * | `$(bearer)` | the token of `Authorization: Bearer <token>` |
 * | `$(request.method)`, `$(request.path)`, `$(request.uri)`, `$(request.host)`, `$(request.client)` | the request line, Host and the client address |
 * | `$(call.status)`, `$(call.body)`, `$(call.body.a)`, `$(call.header.name)` | the call's answer |
 * | `$(error)`, `$(error.code)` | why the call failed |
 * | `$(pod.name)`, `$(pod.namespace)`, `$(pod.node)`, `$(container.name)` | where the app runs |
 *
 * Request and call references that find nothing expand to the empty string. A `|json` suffix
 * writes the value as JSON (a string in quotes, a field's object as is, nothing as `null`).
 */
import type { AppContext, HttpRequest, HttpResponse } from './http';
import { header, pathOnly, queryOf } from './golang';

export interface Scope {
  req: HttpRequest;
  ctx: Pick<AppContext, 'env' | 'pod' | 'namespace' | 'node' | 'container'>;
  params: Record<string, string>;
  call?: HttpResponse;
  error?: { message: string; code: string };
}

const REF = /\$\$\(|\$\(([A-Za-z_][A-Za-z0-9_.-]*)(\|json)?\)/g;

const REQUEST_REFS = /^(body|bearer|error)$|^(body|params|query|header|request|call|error|pod|container)\./;

function jsonField(text: string | undefined, path: string[]): unknown {
  if (text === undefined || text === '') return undefined;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = pick(v as Record<string, unknown>, key);
  }
  return v;
}

function bearerOf(req: HttpRequest): string | undefined {
  const auth = header(req.headers, 'authorization');
  if (auth === undefined) return undefined;
  const sp = auth.indexOf(' ');
  return sp < 0 ? undefined : auth.slice(sp + 1).trim().split(' ')[0];
}

function pick(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** The value a reference names, or undefined. */
export function lookup(name: string, s: Scope): unknown {
  const [head, ...rest] = name.split('.');
  const tail = rest.join('.');
  switch (REQUEST_REFS.test(name) ? head : undefined) {
    case 'body':
      return rest.length ? jsonField(s.req.body, rest) : (s.req.body ?? '');
    case 'bearer':
      return bearerOf(s.req);
    case 'params':
      return pick(s.params, tail);
    case 'query':
      return queryOf(s.req.path).get(tail);
    case 'header':
      return header(s.req.headers, tail);
    case 'request':
      return pick({ method: s.req.method, path: pathOnly(s.req.path), uri: s.req.path, host: s.req.host, client: s.req.clientAddress }, tail);
    case 'call':
      if (!s.call) return undefined;
      if (tail === 'status') return s.call.status;
      if (rest[0] === 'body') return rest.length > 1 ? jsonField(s.call.body, rest.slice(1)) : s.call.body;
      if (rest[0] === 'header') return header(s.call.headers, rest.slice(1).join('.'));
      return undefined;
    case 'error':
      return tail === 'code' ? s.error?.code : tail === '' ? s.error?.message : undefined;
    case 'pod':
      return pick({ name: s.ctx.pod, namespace: s.ctx.namespace, node: s.ctx.node }, tail);
    case 'container':
      return tail === 'name' ? s.ctx.container : undefined;
    default:
      return pick(s.ctx.env, name);
  }
}

/** Expand every reference in a template. */
export function expand(template: string, s: Scope): string {
  return template.replace(REF, (whole, name: string | undefined, json: string | undefined) => {
    if (name === undefined) return '$(';
    const v = lookup(name, s);
    if (json) return JSON.stringify(v ?? null);
    if (v === undefined) return REQUEST_REFS.test(name) ? '' : whole;
    return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  });
}

/** `/:name` segments of a call URL that name a route parameter become `$(params.name)`. */
export function withParams(url: string, params: Record<string, string>): string {
  return url.replace(/\/:([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name: string) => (name in params ? `/$(params.${name})` : whole));
}
