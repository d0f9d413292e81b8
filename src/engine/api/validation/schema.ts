/**
 * Type checking of decoded YAML before validation. The API server decodes JSON into Go structs
 * first, so a string where an int32 belongs never reaches validation: it fails the whole request
 * with a decode error ("json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port
 * of type int32"). kubepath reports the same problem as an `Invalid value` at the field's path and
 * keeps checking the rest of the object.
 *
 * `typecheck` walks a value against a small schema and returns a copy in which every mistyped
 * field is dropped (mistyped list items become the zero value, so indexes stay put), the type
 * errors, and the paths that had them. Validation then runs on the clean copy, and errors at or
 * below a mistyped path are discarded so one mistake is reported once.
 */
import { type FieldError, invalid } from '../field';
import { child, index, isObj, key, type JsonObject, put } from './json';

export type Schema =
  | 'string'
  | 'int32'
  | 'int64'
  | 'bool'
  | 'intOrString'
  | 'any'
  | { object: Record<string, Schema> }
  | { array: Schema }
  | { map: Schema };

export const obj = (fields: Record<string, Schema>): Schema => ({ object: fields });
export const arr = (items: Schema): Schema => ({ array: items });
export const map = (values: Schema): Schema => ({ map: values });

export interface TypeCheckResult {
  value: unknown;
  errors: FieldError[];
  badPaths: string[];
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function typeName(s: Schema): string {
  if (typeof s === 'string') {
    switch (s) {
      case 'string':
        return 'string';
      case 'int32':
        return 'int32';
      case 'int64':
        return 'int64';
      case 'bool':
        return 'boolean';
      case 'intOrString':
        return 'integer or string';
      case 'any':
        return 'any';
    }
  }
  return 'array' in s ? 'array' : 'object';
}

function zero(s: Schema): unknown {
  if (typeof s === 'string') {
    switch (s) {
      case 'string':
        return '';
      case 'int32':
      case 'int64':
      case 'intOrString':
        return 0;
      case 'bool':
        return false;
      case 'any':
        return undefined;
    }
  }
  return 'array' in s ? [] : {};
}

function fits(v: unknown, s: Schema): boolean {
  if (typeof s === 'string') {
    switch (s) {
      case 'string':
        return typeof v === 'string';
      case 'int32':
        return typeof v === 'number' && Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX;
      case 'int64':
        return typeof v === 'number' && Number.isSafeInteger(v);
      case 'bool':
        return typeof v === 'boolean';
      case 'intOrString':
        return typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX);
      case 'any':
        return true;
    }
  }
  return 'array' in s ? Array.isArray(v) : isObj(v);
}

export function typecheck(value: unknown, schema: Schema, path = ''): TypeCheckResult {
  const errors: FieldError[] = [];
  const badPaths: string[] = [];
  const walk = (v: unknown, s: Schema, p: string): unknown => {
    if (!fits(v, s)) {
      errors.push(invalid(p, v, `must be of type ${typeName(s)}`));
      badPaths.push(p);
      return undefined;
    }
    if (typeof s === 'string') return v;
    if ('array' in s) {
      return (v as unknown[]).map((item, i) => {
        if (item === null || item === undefined) return zero(s.array);
        const out = walk(item, s.array, index(p, i));
        return out === undefined ? zero(s.array) : out;
      });
    }
    const o = v as JsonObject;
    const out: JsonObject = {};
    if ('map' in s) {
      for (const [k, x] of Object.entries(o)) {
        if (x === null || x === undefined) {
          put(out, k, zero(s.map));
          continue;
        }
        const c = walk(x, s.map, key(p, k));
        if (c !== undefined) put(out, k, c);
      }
      return out;
    }
    for (const [k, x] of Object.entries(o)) {
      const fs = Object.prototype.hasOwnProperty.call(s.object, k) ? s.object[k] : undefined;
      if (fs === undefined) {
        put(out, k, x); // not modelled: passed through untouched
        continue;
      }
      if (x === null || x === undefined) continue; // null decodes to the zero value: absent
      const c = walk(x, fs, child(p, k));
      if (c !== undefined) out[k] = c;
    }
    return out;
  };
  const v = value === null || value === undefined ? value : walk(value, schema, path);
  return { value: v, errors, badPaths };
}

const under = (path: string, root: string): boolean => path === root || path.startsWith(`${root}.`) || path.startsWith(`${root}[`);

/**
 * Drops errors at or below any of the given paths, and "Required value" errors above one (a
 * mistyped port number is the reason a backend has "no port", not a second mistake).
 */
export function withoutBadPaths(errs: FieldError[], badPaths: readonly string[]): FieldError[] {
  if (badPaths.length === 0) return errs;
  return errs.filter(
    (e) => !badPaths.some((b) => under(e.path, b) || (e.type === 'Required value' && (e.path === '' || under(b, e.path)))),
  );
}

/**
 * Type-checks `value`, runs `validate` on the clean copy and returns the type errors followed by
 * the validation errors that are not about a mistyped field. `isBad` tells the validator which
 * paths were mistyped, for checks that depend on a sibling's value.
 */
export function checked<T>(value: unknown, schema: Schema, validate: (clean: T, isBad: (path: string) => boolean) => FieldError[]): FieldError[] {
  const tc = typecheck(value, schema);
  const clean = (tc.value ?? {}) as T;
  const bad = new Set(tc.badPaths);
  return [...tc.errors, ...withoutBadPaths(validate(clean, (p) => bad.has(p)), tc.badPaths)];
}

/** The clean copy alone (for the stored object of an update, whose errors are not the user's). */
export function cleanCopy<T>(value: unknown, schema: Schema): T {
  return (typecheck(value, schema).value ?? {}) as T;
}
