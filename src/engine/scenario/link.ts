/**
 * Shareable links (../shared/DESIGN.md, "Scenarios and links"). The URL fragment is a list of
 * `&`-separated `key=value` pairs:
 *
 *   s=<base64url(raw deflate(JSON))>   a shared scenario (encodeScenarioLink)
 *   scenario=<id>[&step=<n>]           a built-in scenario, optionally at a lesson step
 *   embed=1, presenter=1               how the app shows it
 *
 * Unknown keys are ignored. Everything read from a link is untrusted: each stage is capped
 * (fragment length, unpacked size, then the fields in validate.ts), inflating stops as soon as
 * the output passes the cap, and every failure is a LinkError with one sentence for the learner.
 * parseFragment never throws.
 */
import { deflateSync, Inflate } from 'fflate';
import { utf8Decode } from '../net/base64';
import { utf8Bytes } from '../net/sha256';
import { base64UrlDecode, base64UrlEncode } from './base64url';
import { SCENARIO_VERSION, type Scenario, type ScenarioView } from './types';
import { describeValue, normalizeTitle, OPTION_KEYS, validateScenario, type LinkError } from './validate';

export type { LinkError, LinkErrorCode } from './validate';
export { MAX_COMMAND_LENGTH, MAX_COMMANDS, MAX_MANIFESTS_LENGTH, MAX_TITLE_LENGTH, normalizeTitle } from './validate';

/** Longest fragment read, in characters (without the `#`). Longer ones are refused unread. */
export const MAX_FRAGMENT_LENGTH = 65_536;
/** Most bytes a link's scenario may unpack to (UTF-8 JSON). */
export const MAX_JSON_BYTES = 262_144;
/** Longest built-in scenario id. */
export const MAX_BUILTIN_ID_LENGTH = 128;
/** Highest lesson step a link may name. */
export const MAX_STEP = 10_000;

export interface EncodedLink {
  /** `s=…`, without the `#`. */
  fragment: string;
  /** Length of the fragment in characters (= bytes: it is ASCII). */
  bytes: number;
  /** Set when parseFragment would refuse this link (too large, a field out of range). */
  error?: LinkError;
}

export type FragmentResult =
  | { ok: true; scenario?: Scenario; builtin?: { id: string; step?: number }; embed: boolean; presenter: boolean }
  | { ok: false; error: LinkError; embed: boolean; presenter: boolean };

// ---------------------------------------------------------------------------------- encoding

type Obj = Record<string, unknown>;

function defined(entries: [string, unknown][]): Obj | undefined {
  const out: Obj = {};
  for (const [k, v] of entries) if (v !== undefined) out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

function viewJson(view: ScenarioView | undefined): Obj | undefined {
  if (!view) return undefined;
  const r = view.request;
  const from = r?.from as Record<string, string | undefined> | undefined;
  const headers = r?.headers && Object.keys(r.headers).length > 0 ? { ...r.headers } : undefined;
  const tls = r?.tls && defined([['insecure', r.tls.insecure], ['caCert', r.tls.caCert]]);
  const request = r && {
    from: defined(['pod', 'container', 'node', 'external'].map((k) => [k, from?.[k]])) ?? {},
    ...defined([['url', r.url], ['method', r.method], ['headers', headers], ['body', r.body], ['tls', tls]]),
  };
  return defined([
    ['selected', view.selected],
    ['request', request],
    ['step', view.step],
    ['clock', view.clock],
    ['showSystem', view.showSystem],
  ]);
}

/** The JSON a link carries: known keys only, no undefined, no empty options/commands/view. */
function scenarioJson(s: Scenario): Obj {
  const out: Obj = { v: SCENARIO_VERSION, title: normalizeTitle(s.title) };
  const options = defined(OPTION_KEYS.map((k) => [k, s.options?.[k]]));
  if (options) out.options = options;
  out.manifests = s.manifests;
  if (s.commands && s.commands.length > 0) out.commands = [...s.commands];
  const view = viewJson(s.view);
  if (view) out.view = view;
  return out;
}

/**
 * The fragment that shares a scenario. Compact JSON, raw deflate at level 9, base64url. The
 * link is made even when it is over a cap; `error` then says why it would not open.
 */
export function encodeScenarioLink(s: Scenario): EncodedLink {
  const json = scenarioJson(s);
  const data = utf8Bytes(JSON.stringify(json));
  const fragment = `s=${base64UrlEncode(deflateSync(data, { level: 9 }))}`;
  const link: EncodedLink = { fragment, bytes: fragment.length };
  const checked = validateScenario(json);
  if (!checked.ok) link.error = checked.error;
  else if (data.length > MAX_JSON_BYTES) link.error = tooLargeUnpacked();
  else if (fragment.length > MAX_FRAGMENT_LENGTH) link.error = tooLong(fragment.length);
  return link;
}

// -------------------------------------------------------------------------------- versioning

/** One step from an older scenario format to the next. */
export interface Migration {
  from: number;
  to: number;
  migrate(doc: Obj): Obj;
}

const own = (o: Obj, key: string): unknown => (Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined);

/**
 * Older formats, oldest first. v0 is the pre-release format `{ version: 0, name, yaml }`: a
 * title and manifests with the default options.
 */
export const MIGRATIONS: readonly Migration[] = [
  { from: 0, to: 1, migrate: (doc) => ({ v: 1, title: own(doc, 'name'), manifests: own(doc, 'yaml') }) },
];

/** The version of a decoded document: `v`, or `version` in the v0 format. */
function versionOf(doc: Obj): unknown {
  return own(doc, 'v') ?? own(doc, 'version');
}

/** Bring a decoded document to SCENARIO_VERSION (validation comes after). */
export function migrateScenario(doc: unknown, migrations: readonly Migration[] = MIGRATIONS): { ok: true; doc: unknown } | { ok: false; error: LinkError } {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { ok: true, doc };
  let current = doc as Obj;
  const found = versionOf(current);
  if (found === undefined) {
    return { ok: false, error: { code: 'invalid', path: 'v', message: "This link's scenario is not valid: it has no version number (v)." } };
  }
  if (typeof found !== 'number' || !Number.isSafeInteger(found)) {
    const message = `This link's scenario is not valid: v must be a whole number (it is ${describeValue(found)}).`;
    return { ok: false, error: { code: 'invalid', path: 'v', message } };
  }
  let version = found;
  if (version > SCENARIO_VERSION) {
    const message = `This link was made by a newer kubepath (scenario version ${version}; this one reads up to version ${SCENARIO_VERSION}): reload the page to update kubepath.`;
    return { ok: false, error: { code: 'wrong-version', message } };
  }
  while (version < SCENARIO_VERSION) {
    const from = version;
    const step = migrations.find((m) => m.from === from && m.to > from);
    if (!step) {
      const message = `This link has a scenario version kubepath does not know (version ${from}; it reads versions ${Math.min(...migrations.map((m) => m.from), SCENARIO_VERSION)} to ${SCENARIO_VERSION}).`;
      return { ok: false, error: { code: 'wrong-version', message } };
    }
    current = step.migrate(current);
    version = step.to;
  }
  return { ok: true, doc: current };
}

// ---------------------------------------------------------------------------------- decoding

const fail = (code: LinkError['code'], message: string): { ok: false; error: LinkError } => ({ ok: false, error: { code, message } });

function tooLong(length: number): LinkError {
  return { code: 'too-large', message: `This link is too long: kubepath opens links of up to ${MAX_FRAGMENT_LENGTH} characters and this one has ${length}.` };
}
function tooLargeUnpacked(): LinkError {
  return { code: 'too-large', message: `This link's scenario is too large: it unpacks to more than ${MAX_JSON_BYTES / 1024} KB.` };
}
const TRUNCATED = 'This link is incomplete: it was cut off before its end, so copy the whole link again.';

/** Input fed to the decoder at a time: one push can unpack at most ~1,032 times this. */
const INFLATE_CHUNK = 1024;
const OVER_CAP = new Error('over cap');

type Inflated = { ok: true; bytes: Uint8Array } | { ok: false; error: LinkError };

/**
 * Raw inflate into a fixed buffer of `cap` bytes, stopping as soon as the output would pass it.
 *
 * Not inflateSync with an `out` buffer: with a caller's buffer fflate never allocates more, but
 * it keeps decoding past the end (the writes are dropped) and throws a RangeError for a stored
 * block that does not fit (link.test.ts shows both), so a bomb inside the fragment cap (36 MB
 * of zeros packs to 48 K characters) still costs a full decode, ~0.4 s. The streaming decoder,
 * fed INFLATE_CHUNK bytes at a time, is stopped after the first push that passes the cap: at most
 * ~1 MB is unpacked past it, and fflate's own buffers stay about that size. Its errors are the
 * same as inflateSync's: code 0 (unexpected EOF) when the stream ends early.
 */
export function inflateBounded(data: Uint8Array, cap: number): Inflated {
  if (data.length === 0) return fail('truncated', TRUNCATED);
  const out = new Uint8Array(cap);
  let total = 0;
  const inflater = new Inflate((chunk) => {
    if (total + chunk.length > cap) throw OVER_CAP;
    out.set(chunk, total);
    total += chunk.length;
  });
  try {
    for (let i = 0; i < data.length; i += INFLATE_CHUNK) inflater.push(data.subarray(i, i + INFLATE_CHUNK), i + INFLATE_CHUNK >= data.length);
  } catch (e) {
    if (e === OVER_CAP) return { ok: false, error: tooLargeUnpacked() };
    if ((e as { code?: unknown } | null)?.code === 0) return fail('truncated', TRUNCATED);
    return fail('not-deflate', 'This link is damaged: its scenario data cannot be unpacked.');
  }
  return { ok: true, bytes: out.subarray(0, total) };
}

/** UTF-8 text, or undefined when the bytes are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | undefined {
  const text = utf8Decode(bytes);
  const again = utf8Bytes(text);
  if (again.length !== bytes.length) return undefined;
  for (let i = 0; i < again.length; i++) if (again[i] !== bytes[i]) return undefined;
  return text;
}

/** The scenario in an `s=` value. */
export function decodeScenario(value: string): { ok: true; scenario: Scenario } | { ok: false; error: LinkError } {
  if (value === '') return fail('truncated', "This link is incomplete: it ends where its scenario should begin.");
  if (value.length > MAX_FRAGMENT_LENGTH) return { ok: false, error: tooLong(value.length) };
  const b64 = base64UrlDecode(value);
  if (!b64.ok) {
    if (b64.reason === 'bad-length') return fail('truncated', TRUNCATED);
    return fail('not-base64', `This link is damaged: it is not valid base64url (character ${b64.position}).`);
  }
  const inflated = inflateBounded(b64.bytes, MAX_JSON_BYTES);
  if (!inflated.ok) return inflated;
  const text = strictUtf8(inflated.bytes);
  if (text === undefined) return fail('not-json', "This link is damaged: its scenario is not valid UTF-8 text.");
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail('not-json', "This link is damaged: its scenario is not valid JSON.");
  }
  const migrated = migrateScenario(doc);
  if (!migrated.ok) return migrated;
  return validateScenario(migrated.doc);
}

// ---------------------------------------------------------------------------------- fragment

function decodeComponent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const FLAG_ON = new Set(['', '1', 'true', 'yes', 'on']);
const BUILTIN_ID = new RegExp(`^[A-Za-z0-9][A-Za-z0-9._-]{0,${MAX_BUILTIN_ID_LENGTH - 1}}$`);

/** The fragment's pairs, last value per key; duplicates of s/scenario that differ are a conflict. */
function pairs(text: string): { values: Map<string, string>; conflict?: string } {
  const values = new Map<string, string>();
  let conflict: string | undefined;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decodeComponent(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : part.slice(eq + 1);
    const before = values.get(key);
    if ((key === 's' || key === 'scenario') && before !== undefined && before !== value) conflict = key;
    values.set(key, value);
  }
  return conflict === undefined ? { values } : { values, conflict };
}

function quote(value: string): string {
  return JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…` : value);
}

/**
 * What a URL fragment asks for. `hash` may start with `#`. An empty fragment, or one with
 * neither `s=` nor `scenario=`, is ok with nothing in it. Never throws.
 */
export function parseFragment(hash: string): FragmentResult {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const { values, conflict } = pairs(text);
  const flag = (key: string) => {
    const v = values.get(key);
    return v !== undefined && FLAG_ON.has(decodeComponent(v).toLowerCase());
  };
  const embed = flag('embed');
  const presenter = flag('presenter');
  const refuse = (error: LinkError): FragmentResult => ({ ok: false, error, embed, presenter });

  if (text.length > MAX_FRAGMENT_LENGTH) return refuse(tooLong(text.length));
  if (conflict !== undefined) {
    return refuse({ code: 'conflict', message: `This link is ambiguous: it names two different ${conflict === 's' ? 'shared scenarios' : 'built-in scenarios'}.` });
  }
  const s = values.get('s');
  const id = values.get('scenario');
  if (s !== undefined && id !== undefined) {
    return refuse({ code: 'conflict', message: 'This link is ambiguous: it holds both a shared scenario (s=) and a built-in one (scenario=).' });
  }
  if (s !== undefined) {
    const decoded = decodeScenario(s);
    return decoded.ok ? { ok: true, scenario: decoded.scenario, embed, presenter } : refuse(decoded.error);
  }
  if (id !== undefined) {
    const name = decodeComponent(id);
    if (!BUILTIN_ID.test(name)) {
      return refuse({
        code: 'invalid',
        message: `This link names a built-in scenario kubepath cannot have (${quote(name)}): names use letters, digits, ".", "_" and "-", up to ${MAX_BUILTIN_ID_LENGTH} characters.`,
      });
    }
    const builtin: { id: string; step?: number } = { id: name };
    const stepText = values.get('step');
    if (stepText !== undefined) {
      const step = decodeComponent(stepText);
      if (!/^\d{1,9}$/.test(step) || Number(step) > MAX_STEP) {
        return refuse({ code: 'invalid', message: `This link's step must be a whole number from 0 to ${MAX_STEP} (it is ${quote(step)}).` });
      }
      builtin.step = Number(step);
    }
    return { ok: true, builtin, embed, presenter };
  }
  return { ok: true, embed, presenter };
}
