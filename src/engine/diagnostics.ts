/**
 * The one catalogue of diagnostic codes. Codes are stable: tests, the editor and lessons match
 * on them. Add new codes here, never reuse or rename one.
 */
import type { Diagnostic, Severity } from './types';
import type { FieldError, FieldErrorType } from './api/field';
import { formatFieldError } from './api/field';

export const DIAGNOSTIC_CODES = {
  // Parsing (manifest/)
  'yaml-syntax': 'The text is not valid YAML.',
  'yaml-duplicate-key': 'A mapping has the same key twice.',
  'yaml-alias-limit': 'The document expands too many aliases (a YAML bomb).',
  'input-too-large': 'The text is larger than kubepath accepts.',
  'too-many-documents': 'The text has more documents than kubepath accepts.',
  'document-not-object': 'A document is not a mapping of fields.',
  'missing-api-version': 'apiVersion is not set.',
  'missing-kind': 'kind is not set.',
  'missing-name': 'metadata.name is not set.',
  'unknown-kind': 'The kind is not one kubepath models.',
  'wrong-api-version': 'The kind is not served under this apiVersion.',
  // Validation (api/), one per API-server field error type
  'required-value': 'A required field is missing.',
  'invalid-value': 'A field has a value the API server rejects.',
  'unsupported-value': 'A field has a value outside the supported set.',
  'duplicate-value': 'A value appears twice where it must be unique.',
  'forbidden': 'A field may not be set here.',
  'too-long': 'A value is longer than allowed.',
  'too-many': 'A list has more items than allowed.',
  'not-found': 'A referenced value does not exist.',
  'internal-error': 'The API server failed internally.',
  // Store (cluster/)
  'namespace-not-found': 'The object is in a namespace that does not exist.',
  'field-immutable': 'An update changes a field that cannot change.',
  'namespace-mismatch': 'metadata.namespace of a cluster-scoped object.',
  // Controllers
  'no-container-ports': 'A container declares no ports and its image is unknown.',
  'app-annotation': 'A kubepath.dev/app.<container> annotation cannot be used.',
  'ingress-mistake': 'An Ingress will not route the way it reads (typo, lost path, missing backend, other class).',
  'unschedulable': 'No node can run the pod.',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

const codeByFieldErrorType: Record<FieldErrorType, DiagnosticCode> = {
  'Required value': 'required-value',
  'Invalid value': 'invalid-value',
  'Unsupported value': 'unsupported-value',
  'Duplicate value': 'duplicate-value',
  Forbidden: 'forbidden',
  'Too long': 'too-long',
  'Too many': 'too-many',
  'Not found': 'not-found',
  'Internal error': 'internal-error',
};

export function diagnostic(
  code: DiagnosticCode,
  message: string,
  document: number,
  extra: Partial<Omit<Diagnostic, 'code' | 'message' | 'document'>> = {},
): Diagnostic {
  return { severity: 'error', code, message, document, ...extra };
}

export function fromFieldError(e: FieldError, document: number, severity: Severity = 'error'): Diagnostic {
  return { severity, code: codeByFieldErrorType[e.type], message: formatFieldError(e), document, path: e.path };
}
