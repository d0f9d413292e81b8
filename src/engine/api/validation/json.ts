/** Helpers for JSON-shaped data of unknown type (objects decoded from user YAML). */

export type JsonObject = Record<string, unknown>;

/** A plain mapping (not an array, not null). */
export function isObj(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value when it is a plain mapping, else undefined. */
export function asObj(v: unknown): JsonObject | undefined {
  return isObj(v) ? v : undefined;
}

/**
 * Sets an own property, even one named "__proto__" (which JSON and YAML parsers create as plain
 * keys, while `o[k] = v` would replace the prototype instead).
 */
export function put(o: JsonObject, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/** Deep copy of JSON-shaped data; functions and other exotic values are copied by reference. */
export function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x: unknown) => clone(x)) as T;
  if (isObj(v)) {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) put(out, k, clone(x));
    return out as T;
  }
  return v;
}

/** Structural equality of JSON-shaped data (like Go's reflect.DeepEqual on decoded values). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/**
 * Equality as apimachinery's Semantic.DeepEqual sees decoded objects: an empty list or map is the
 * same as an absent one.
 */
export function semanticEqual(a: unknown, b: unknown): boolean {
  const empty = (v: unknown): boolean => v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).every((k) => empty(v[k])));
  if (empty(a) && empty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => semanticEqual(a[k], b[k]));
  }
  return a === b;
}

/**
 * A copy of a string map with its keys sorted, so that it renders the way Go's encoding/json
 * renders a map (the API server prints composite bad values as JSON since v1.34).
 */
export function sortedMap(m: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!m) return m;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k];
  return out;
}

/**
 * The shape validation works on: a Kubernetes type with every field optional, because user data
 * may leave out fields the typed API marks required.
 */
export type Loose<T> = T extends (infer U)[]
  ? Loose<U>[]
  : T extends object
    ? { [K in keyof T]?: Loose<T[K]> }
    : T;

/** Sets `o[k] = v` when `o[k]` is absent (undefined or null): the defaulting step. */
export function setDefault(o: JsonObject, k: string, v: unknown): void {
  if (o[k] === undefined || o[k] === null) o[k] = v;
}

/** The list at `o[k]` when it is one, else an empty list (wrong types are left to validation). */
export function listOf(o: JsonObject | undefined, k: string): unknown[] {
  const v = o?.[k];
  return Array.isArray(v) ? v : [];
}

/** Field path helpers, formatted as k8s.io/apimachinery/pkg/util/validation/field.Path. */
export const child = (path: string, name: string): string => (path ? `${path}.${name}` : name);
export const index = (path: string, i: number): string => `${path}[${i}]`;
export const key = (path: string, k: string): string => `${path}[${k}]`;
