/**
 * The `kubepath.dev/app.<container>` pod annotation: a small YAML document declaring what a
 * container listens on and how it answers (see README.md in this folder). This file reads and
 * checks it; `annotated.ts` runs it.
 */
import { parseDocument } from 'yaml';
import type { PodObject } from '../../api/objects';
import type { Listener } from './http';

export const APP_ANNOTATION_PREFIX = 'kubepath.dev/app.';

/** An answer: any field left out takes its default (200, no extra headers, empty body). */
export interface AnswerSpec {
  status?: number;
  headers: Record<string, string>;
  body?: string;
}

export interface CallSpec {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RouteSpec {
  /** Upper case; undefined matches any method. */
  method?: string;
  path: string;
  /** Pairs of templates that must expand to the same text (trimmed) for the route to answer. */
  when: [string, string][];
  call?: CallSpec;
  /** The answer; with a call, the answer when the call succeeded (2xx). Undefined: relay the call's answer. */
  answer?: AnswerSpec;
  /** The answer when the call failed (network error or a non-2xx answer). */
  onCallError?: AnswerSpec;
}

export interface AppSpec {
  /** Undefined: the container's declared containerPorts. */
  listen?: Listener[];
  headers: Record<string, string>;
  routes: RouteSpec[];
  notFound?: AnswerSpec;
}

export type ParsedSpec = { ok: true; spec: AppSpec } | { ok: false; problems: string[] };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  problems: string[] = [];
  fail(path: string, message: string): undefined {
    this.problems.push(path ? `${path}: ${message}` : message);
    return undefined;
  }
  keys(o: Obj, path: string, allowed: readonly string[]): void {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) this.fail(path ? `${path}.${k}` : k, `unknown field (expected one of ${allowed.join(', ')})`);
  }
  text(v: unknown, path: string): string | undefined {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return this.fail(path, 'must be a string');
  }
  /** A body: a string, or a mapping or list written out as JSON. */
  body(v: unknown, path: string): string | undefined {
    if (isObj(v) || Array.isArray(v)) return JSON.stringify(v);
    return v === null ? '' : this.text(v, path);
  }
  headers(v: unknown, path: string): Record<string, string> {
    if (v === undefined) return {};
    if (!isObj(v)) return this.fail(path, 'must be a mapping of header names to values') ?? {};
    const out: Record<string, string> = {};
    for (const [k, val] of Object.entries(v)) {
      const t = this.text(val, `${path}.${k}`);
      if (t !== undefined) out[k] = t;
    }
    return out;
  }
  status(v: unknown, path: string): number | undefined {
    if (v === undefined) return undefined;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 100 && v <= 599) return v;
    return this.fail(path, 'must be an HTTP status code (100-599)');
  }
  answer(v: unknown, path: string): AnswerSpec | undefined {
    if (!isObj(v)) return this.fail(path, 'must be a mapping with status, headers and body');
    this.keys(v, path, ['status', 'headers', 'body']);
    return { status: this.status(v.status, `${path}.status`), headers: this.headers(v.headers, `${path}.headers`), body: v.body === undefined ? undefined : this.body(v.body, `${path}.body`) };
  }
  listener(v: unknown, path: string): Listener | undefined {
    let port: unknown = v;
    let protocol: unknown = 'TCP';
    if (typeof v === 'string') [port, protocol = 'TCP'] = v.split('/');
    else if (isObj(v)) {
      this.keys(v, path, ['port', 'protocol']);
      port = v.port;
      protocol = v.protocol ?? 'TCP';
    }
    const n = Number(port);
    if (!Number.isInteger(n) || n < 1 || n > 65535) return this.fail(path, 'must be a port number (1-65535), "<port>/<protocol>" or {port, protocol}');
    const p = String(protocol).toUpperCase();
    if (p !== 'TCP' && p !== 'UDP' && p !== 'SCTP') return this.fail(path, 'protocol must be TCP, UDP or SCTP');
    return { port: n, protocol: p };
  }
  call(v: unknown, path: string): CallSpec | undefined {
    if (typeof v === 'string') return { method: 'GET', url: v, headers: {} };
    if (!isObj(v)) return this.fail(path, 'must be a URL or a mapping with method, url, headers and body');
    this.keys(v, path, ['method', 'url', 'headers', 'body']);
    const url = v.url === undefined ? this.fail(`${path}.url`, 'is required') : this.text(v.url, `${path}.url`);
    const method = (this.text(v.method ?? 'GET', `${path}.method`) ?? 'GET').toUpperCase();
    const headers = this.headers(v.headers, `${path}.headers`);
    const body = v.body === undefined ? undefined : this.body(v.body, `${path}.body`);
    return url === undefined ? undefined : { method, url, headers, body };
  }
  route(v: unknown, path: string): RouteSpec | undefined {
    if (!isObj(v)) return this.fail(path, 'must be a mapping with at least a path');
    this.keys(v, path, ['method', 'path', 'when', 'call', 'status', 'headers', 'body', 'onCallError']);
    const p = this.text(v.path, `${path}.path`);
    if (p !== undefined && !p.startsWith('/')) this.fail(`${path}.path`, 'must start with "/"');
    const method = v.method === undefined ? undefined : this.text(v.method, `${path}.method`)?.toUpperCase();
    const when: [string, string][] = [];
    if (v.when !== undefined) {
      if (!isObj(v.when)) this.fail(`${path}.when`, 'must be a mapping of templates to the values they must equal');
      else for (const [k, val] of Object.entries(v.when)) when.push([k, val === null ? '' : (this.text(val, `${path}.when.${k}`) ?? '')]);
    }
    const call = v.call === undefined ? undefined : this.call(v.call, `${path}.call`);
    const hasAnswer = v.status !== undefined || v.headers !== undefined || v.body !== undefined;
    const answer = hasAnswer ? this.answer({ status: v.status, headers: v.headers, body: v.body }, path) : undefined;
    if (v.onCallError !== undefined && v.call === undefined) this.fail(`${path}.onCallError`, 'needs a call');
    const onCallError = v.onCallError === undefined ? undefined : this.answer(v.onCallError, `${path}.onCallError`);
    if (p === undefined) return undefined;
    return { method: method === '*' ? undefined : method, path: p, when, call, answer: answer ?? (call ? undefined : { headers: {} }), onCallError };
  }
}

/** Read one annotation's YAML text. */
export function parseAppSpec(text: string): ParsedSpec {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) return { ok: false, problems: doc.errors.map((e) => `invalid YAML: ${e.message.split('\n')[0]}`) };
  const root: unknown = doc.toJS();
  const c = new Checker();
  if (!isObj(root)) return { ok: false, problems: ['must be a YAML mapping with listen and routes'] };
  c.keys(root, '', ['listen', 'headers', 'routes', 'notFound']);
  let listen: Listener[] | undefined;
  if (root.listen !== undefined) {
    const items = Array.isArray(root.listen) ? root.listen : [root.listen];
    listen = items.map((l, i) => c.listener(l, `listen[${i}]`)).filter((l): l is Listener => !!l);
  }
  const routes: RouteSpec[] = [];
  if (root.routes !== undefined && !Array.isArray(root.routes)) c.fail('routes', 'must be a list');
  else for (const [i, r] of ((root.routes as unknown[] | undefined) ?? []).entries()) {
    const route = c.route(r, `routes[${i}]`);
    if (route) routes.push(route);
  }
  const headers = c.headers(root.headers, 'headers');
  const notFound = root.notFound === undefined ? undefined : c.answer(root.notFound, 'notFound');
  if (c.problems.length) return { ok: false, problems: c.problems };
  return { ok: true, spec: { listen, headers, routes, notFound } };
}

const cache = new Map<string, ParsedSpec>();
const CACHE_LIMIT = 512;

/** parseAppSpec, remembered by text (the same annotation is read on every request). */
export function appSpecOf(text: string): ParsedSpec {
  let hit = cache.get(text);
  if (!hit) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    hit = parseAppSpec(text);
    cache.set(text, hit);
  }
  return hit;
}

/** The annotation text for a container, if the pod has one. */
export function annotationFor(pod: PodObject | undefined, container: string): string | undefined {
  return pod?.metadata.annotations?.[`${APP_ANNOTATION_PREFIX}${container}`];
}

/** Every problem with the pod's app annotations, for the engine to report as diagnostics. */
export function annotationProblems(pod: PodObject): { container: string; message: string }[] {
  const out: { container: string; message: string }[] = [];
  const names = new Set((pod.spec?.containers ?? []).map((c) => c.name));
  for (const [key, text] of Object.entries(pod.metadata.annotations ?? {})) {
    if (!key.startsWith(APP_ANNOTATION_PREFIX)) continue;
    const container = key.slice(APP_ANNOTATION_PREFIX.length);
    if (!names.has(container)) {
      out.push({ container, message: `${key}: the pod has no container named "${container}"` });
      continue;
    }
    const parsed = appSpecOf(text);
    if (!parsed.ok) for (const p of parsed.problems) out.push({ container, message: `${key}: ${p}; the container behaves as its image instead` });
  }
  return out;
}
