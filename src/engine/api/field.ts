/**
 * Field errors, formatted the way the API server formats them
 * (k8s.io/apimachinery/pkg/util/validation/field/errors.go): "<path>: <Type>: <value>: <detail>".
 */

export type FieldErrorType =
  | 'Required value'
  | 'Invalid value'
  | 'Unsupported value'
  | 'Duplicate value'
  | 'Forbidden'
  | 'Too long'
  | 'Too many'
  | 'Not found'
  | 'Internal error';

export interface FieldError {
  type: FieldErrorType;
  /** "spec.ports[0].nodePort" */
  path: string;
  value?: unknown;
  detail?: string;
}

/** Types whose message omits the value, as in the API server's ErrorBody. */
const omitsValue: ReadonlySet<FieldErrorType> = new Set(['Required value', 'Forbidden', 'Too long', 'Internal error']);

export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** The body of the message without the field path. */
export function errorBody(e: FieldError): string {
  let s: string = e.type;
  if (!omitsValue.has(e.type)) s += `: ${formatValue(e.value)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export function formatFieldError(e: FieldError): string {
  return e.path ? `${e.path}: ${errorBody(e)}` : errorBody(e);
}

export const required = (path: string, detail = ''): FieldError => ({ type: 'Required value', path, detail });
export const invalid = (path: string, value: unknown, detail: string): FieldError => ({ type: 'Invalid value', path, value, detail });
export const forbidden = (path: string, detail: string): FieldError => ({ type: 'Forbidden', path, detail });
export const duplicate = (path: string, value: unknown): FieldError => ({ type: 'Duplicate value', path, value });
export const notFound = (path: string, value: unknown): FieldError => ({ type: 'Not found', path, value });
export const tooLong = (path: string, max: number): FieldError => ({
  type: 'Too long',
  path,
  detail: `may not be more than ${max} bytes`,
});
export function unsupported(path: string, value: unknown, supported: readonly string[]): FieldError {
  return {
    type: 'Unsupported value',
    path,
    value,
    detail: `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
  };
}
