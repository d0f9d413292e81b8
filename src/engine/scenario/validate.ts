/**
 * Checking a scenario read from a link (link.ts): the decoded JSON is untrusted data. The result
 * is built fresh from the known keys only, so `__proto__`, `constructor` or any other extra key in
 * the JSON has no effect and does not come through; unknown keys are ignored (a later minor
 * change may add fields an older kubepath can skip), wrong types are refused with the field's
 * path. Strings are returned as data, never interpreted: escaping them is the UI's job.
 *
 * Titles: control characters are removed rather than refused (see normalizeTitle), so an old or
 * hand-made link with a line break in its title still opens.
 */
import type { PlaygroundOptions, RequestSpec } from '../types';
import { OptionsError, resolveOptions } from '../cluster/options';
import { SCENARIO_VERSION, type Scenario, type ScenarioView } from './types';

export type LinkErrorCode =
  | 'truncated'
  | 'not-base64'
  | 'not-deflate'
  | 'too-large'
  | 'not-json'
  | 'wrong-version'
  | 'invalid'
  | 'conflict';

export interface LinkError {
  code: LinkErrorCode;
  /** One sentence a learner can read. */
  message: string;
  /** JSON path of the wrong field (`options.nodes`, `commands[2]`), for `invalid`. */
  path?: string;
}

/** Longest title, in UTF-16 code units, after normalizeTitle. */
export const MAX_TITLE_LENGTH = 200;
/** Longest manifests text, in UTF-16 code units (about 200 KB of YAML). */
export const MAX_MANIFESTS_LENGTH = 200_000;
/** Most replayed command lines. */
export const MAX_COMMANDS = 100;
/** Longest replayed command line. */
export const MAX_COMMAND_LENGTH = 2_000;

export type ValidateResult = { ok: true; scenario: Scenario } | { ok: false; error: LinkError };

// Control characters (C0, DEL, C1) and the bidirectional overrides and isolates that can make a
// title read differently from what it contains.
// oxlint-disable-next-line no-control-regex
const TITLE_STRIP = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const TITLE_BREAKS = /[\t\n\r]+/g;

/**
 * A title as kubepath shows it: tabs and line breaks become one space, other control characters
 * and bidi overrides are removed. Applied on encode and on decode, so what is shared is what is
 * shown; nothing else (HTML, leading spaces) is changed.
 */
export function normalizeTitle(title: string): string {
  return title.replace(TITLE_BREAKS, ' ').replace(TITLE_STRIP, '');
}

class Invalid extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path} ${detail}`);
  }
}

type Obj = Record<string, unknown>;

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);
/** An own property only: nothing inherited (Object.prototype's `constructor`) is ever read. */
const own = (o: Obj, key: string): unknown => (hasOwn(o, key) ? o[key] : undefined);
/** Set a property without going through setters (a `__proto__` header name stays a plain key). */
function put(o: Obj, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function object(v: unknown, path: string): Obj {
  if (!isObj(v)) throw new Invalid(path, `must be an object (it is ${describeValue(v)})`);
  return v;
}

function string(v: unknown, path: string, max?: number): string {
  if (typeof v !== 'string') throw new Invalid(path, `must be text (it is ${describeValue(v)})`);
  if (max !== undefined && v.length > max) throw new Invalid(path, `is too long (${v.length} characters; at most ${max})`);
  return v;
}

function number(v: unknown, path: string, min = -Infinity, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Invalid(path, `must be a number (it is ${describeValue(v)})`);
  if (v < min) throw new Invalid(path, `must be at least ${min} (it is ${v})`);
  if (v > max) throw new Invalid(path, `must be at most ${max} (it is ${v})`);
  return v;
}

/** A shared cluster's clock: a year of logical seconds is far beyond any lesson. */
export const MAX_CLOCK_SECONDS = 365 * 24 * 3600;

function integer(v: unknown, path: string, min = -Infinity): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new Invalid(path, `must be a whole number (it is ${describeValue(v)})`);
  return number(v, path, min);
}

function boolean(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new Invalid(path, `must be true or false (it is ${describeValue(v)})`);
  return v;
}

function oneOf<T extends string>(allowed: readonly T[]) {
  return (v: unknown, path: string): T => {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    const list = allowed.map((a) => `"${a}"`).join(' or ');
    throw new Invalid(path, `must be ${list} (it is ${typeof v === 'string' ? `"${v.slice(0, 40)}"` : describeValue(v)})`);
  };
}

type Check = (v: unknown, path: string) => unknown;

/** Every PlaygroundOptions key and its check; typecheck fails here when an option is added. */
const OPTION_CHECKS: { [K in keyof Required<PlaygroundOptions>]: Check } = {
  seed: (v, p) => number(v, p),
  nodes: (v, p) => integer(v, p, 1),
  clusterDomain: (v, p) => string(v, p, 253),
  clusterCIDR: (v, p) => string(v, p, 64),
  serviceCIDR: (v, p) => string(v, p, 64),
  nodePortRange: (v, p) => string(v, p, 64),
  loadBalancer: oneOf(['cloud', 'none']),
  proxyMode: oneOf(['iptables']),
  ingressNginx: boolean,
  ingressNginxServiceType: oneOf(['NodePort', 'LoadBalancer']),
  podNetwork: oneOf(['overlay', 'routed']),
};

/** The option names a scenario carries (PlaygroundOptions' keys). */
export const OPTION_KEYS = Object.keys(OPTION_CHECKS) as (keyof PlaygroundOptions)[];

function options(v: unknown): PlaygroundOptions {
  const o = object(v, 'options');
  const out: Obj = {};
  for (const [key, check] of Object.entries(OPTION_CHECKS)) {
    const value = own(o, key);
    if (value !== undefined) out[key] = check(value, `options.${key}`);
  }
  // The ranges the engine itself checks (CIDRs, port range, node count), with its messages.
  try {
    resolveOptions(out as PlaygroundOptions);
  } catch (e) {
    const text = e instanceof OptionsError ? e.message : 'are not valid';
    const m = /^(\w+): (.*)$/.exec(text);
    throw new Invalid(m ? `options.${m[1]}` : 'options', (m?.[2] ?? text).replace(/\.$/, ''));
  }
  return out as PlaygroundOptions;
}

/**
 * The fields this file reads, per type: typecheck fails here when one is added to the shared
 * types, as a reminder to read (and encode) it too.
 */
export const FIELDS = {
  scenario: { v: 1, title: 1, options: 1, manifests: 1, commands: 1, view: 1 } satisfies Record<keyof Scenario, 1>,
  view: { selected: 1, request: 1, step: 1, clock: 1, showSystem: 1 } satisfies Record<keyof ScenarioView, 1>,
  request: { from: 1, url: 1, method: 1, headers: 1, body: 1, tls: 1 } satisfies Record<keyof RequestSpec, 1>,
  tls: { insecure: 1, caCert: 1 } satisfies Record<keyof NonNullable<RequestSpec['tls']>, 1>,
};

function origin(v: unknown, path: string): RequestSpec['from'] {
  const o = object(v, path);
  const kinds = ['pod', 'node', 'external'].filter((k) => own(o, k) !== undefined);
  if (kinds.length > 1) throw new Invalid(path, `must name one of pod, node or external (it names ${kinds.join(' and ')})`);
  if (kinds[0] === 'pod') {
    const container = own(o, 'container');
    const pod = string(own(o, 'pod'), `${path}.pod`);
    return container === undefined ? { pod } : { pod, container: string(container, `${path}.container`) };
  }
  if (kinds[0] === 'node') return { node: string(own(o, 'node'), `${path}.node`) };
  const external = own(o, 'external');
  return external === undefined ? {} : { external: string(external, `${path}.external`) };
}

function request(v: unknown, path: string): RequestSpec {
  const o = object(v, path);
  const out: RequestSpec = { from: origin(own(o, 'from'), `${path}.from`), url: string(own(o, 'url'), `${path}.url`) };
  const method = own(o, 'method');
  if (method !== undefined) out.method = string(method, `${path}.method`, 64);
  const headers = own(o, 'headers');
  if (headers !== undefined) {
    const h = object(headers, `${path}.headers`);
    const copy: Obj = {};
    for (const key of Object.keys(h)) put(copy, key, string(h[key], `${path}.headers[${JSON.stringify(key)}]`));
    if (Object.keys(copy).length > 0) out.headers = copy as Record<string, string>;
  }
  const body = own(o, 'body');
  if (body !== undefined) out.body = string(body, `${path}.body`);
  const tls = own(o, 'tls');
  if (tls !== undefined) {
    const t = object(tls, `${path}.tls`);
    const insecure = own(t, 'insecure');
    const caCert = own(t, 'caCert');
    const copy: NonNullable<RequestSpec['tls']> = {};
    if (insecure !== undefined) copy.insecure = boolean(insecure, `${path}.tls.insecure`);
    if (caCert !== undefined) copy.caCert = string(caCert, `${path}.tls.caCert`);
    if (Object.keys(copy).length > 0) out.tls = copy;
  }
  return out;
}

function view(v: unknown): ScenarioView {
  const o = object(v, 'view');
  const out: ScenarioView = {};
  const selected = own(o, 'selected');
  if (selected !== undefined) out.selected = string(selected, 'view.selected', 1024);
  const req = own(o, 'request');
  if (req !== undefined) out.request = request(req, 'view.request');
  const step = own(o, 'step');
  if (step !== undefined) out.step = integer(step, 'view.step', -1);
  const clock = own(o, 'clock');
  if (clock !== undefined) out.clock = number(clock, 'view.clock', 0, MAX_CLOCK_SECONDS);
  const showSystem = own(o, 'showSystem');
  if (showSystem !== undefined) out.showSystem = boolean(showSystem, 'view.showSystem');
  return out;
}

function commands(v: unknown): string[] {
  if (!Array.isArray(v)) throw new Invalid('commands', `must be a list of command lines (it is ${describeValue(v)})`);
  if (v.length > MAX_COMMANDS) throw new Invalid('commands', `has too many lines (${v.length}; at most ${MAX_COMMANDS})`);
  return v.map((line: unknown, i) => {
    const s = string(line, `commands[${i}]`, MAX_COMMAND_LENGTH);
    if (/[\r\n]/.test(s)) throw new Invalid(`commands[${i}]`, 'must be one line');
    return s;
  });
}

/**
 * A scenario of the current version (link.ts migrates older ones first), built fresh from the
 * known keys. `options` may be absent (no options: the defaults). The result is canonical, as
 * encodeScenarioLink writes it: empty commands, view, headers and tls are left out.
 */
export function validateScenario(doc: unknown): ValidateResult {
  if (!isObj(doc)) {
    const message = `This link's scenario is not valid: it is not a JSON object (it is ${describeValue(doc)}).`;
    return { ok: false, error: { code: 'invalid', message } };
  }
  try {
    const o = doc;
    if (own(o, 'v') !== SCENARIO_VERSION) throw new Invalid('v', `must be ${SCENARIO_VERSION} (it is ${describeValue(own(o, 'v'))})`);
    const title = normalizeTitle(string(own(o, 'title'), 'title'));
    if (title.length > MAX_TITLE_LENGTH) throw new Invalid('title', `is too long (${title.length} characters; at most ${MAX_TITLE_LENGTH})`);
    const opts = own(o, 'options');
    const scenario: Scenario = {
      v: SCENARIO_VERSION,
      title,
      options: opts === undefined ? {} : options(opts),
      manifests: string(own(o, 'manifests'), 'manifests', MAX_MANIFESTS_LENGTH),
    };
    const cmds = own(o, 'commands') === undefined ? [] : commands(own(o, 'commands'));
    if (cmds.length > 0) scenario.commands = cmds;
    const v = own(o, 'view') === undefined ? {} : view(own(o, 'view'));
    if (Object.keys(v).length > 0) scenario.view = v;
    return { ok: true, scenario };
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    return {
      ok: false,
      error: { code: 'invalid', message: `This link's scenario is not valid: ${e.path} ${e.detail}.`, path: e.path },
    };
  }
}
