/**
 * Label keys (qualified names), label values, annotations and label selectors, with the messages
 * of k8s.io/apimachinery/pkg/api/validate/content/kube.go, apis/meta/v1/validation/validation.go
 * and api/validation/objectmeta.go.
 */
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import { type FieldError, forbidden, invalid, required, tooLong } from '../field';
import { child, index, type Loose, sortedMap } from './json';
import { matchesLabelSelector } from '../selector';
import { type Schema, arr, map, obj } from './schema';

/** A map of strings as it comes out of the type check (values may be missing in Loose types). */
export type StringMap = Readonly<Record<string, string | undefined>>;
import { byteLength, regexError } from './names';

// The content package counts bytes ("must be no more than 63 bytes").
const contentMaxLen = (n: number): string => `must be no more than ${n} bytes`;

const labelKeyFmt = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const labelKeyErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const labelKeyRe = new RegExp(`^${labelKeyFmt}$`);
const dnsLabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dnsSubdomainFmt = `${dnsLabelFmt}(\\.${dnsLabelFmt})*`;
const dnsSubdomainRe = new RegExp(`^${dnsSubdomainFmt}$`);

function contentIsDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(contentMaxLen(253));
  if (!dnsSubdomainRe.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        dnsSubdomainFmt,
        'example.com',
      ),
    );
  }
  return errs;
}

/** A label key: an optional DNS-subdomain prefix and "/", then a name of at most 63 characters. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0] ?? '';
  } else if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    name = parts[1] ?? '';
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...contentIsDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a valid label key ${regexError(labelKeyErrMsg, labelKeyFmt, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (byteLength(name) > 63) errs.push(`name part ${contentMaxLen(63)}`);
  if (!labelKeyRe.test(name)) errs.push(`name part ${regexError(labelKeyErrMsg, labelKeyFmt, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

const labelValueFmt = `(${labelKeyFmt})?`;
const labelValueRe = new RegExp(`^${labelValueFmt}$`);
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(contentMaxLen(63));
  if (!labelValueRe.test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        labelValueFmt,
        'MyValue',
        'my_value',
        '12345',
      ),
    );
  }
  return errs;
}

export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((m) => invalid(path, name, m));
}

/** Labels: every key and value is reported at the map's own path (not per key), as upstream does. */
export function validateLabels(labels: StringMap | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, path));
    errs.push(...isValidLabelValue(v ?? '').map((m) => invalid(path, v ?? '', m)));
  }
  return errs;
}

export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** Annotation keys are qualified names compared case-insensitively; the total is capped at 256 KiB. */
export function validateAnnotations(annotations: StringMap | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    errs.push(...isQualifiedName(k.toLowerCase()).map((m) => invalid(path, k, m)));
    total += byteLength(k) + byteLength(v ?? '');
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

export function validateLabelSelectorRequirement(r: Loose<LabelSelectorRequirement>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(child(path, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(child(path, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      errs.push(invalid(child(path, 'operator'), r.operator ?? '', 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(r.key ?? '', child(path, 'key')));
  // Strict selectors (the default since v1.28) also check each value is a valid label value.
  values.forEach((v, i) => errs.push(...isValidLabelValue(v).map((m) => invalid(index(child(path, 'values'), i), v, m))));
  return errs;
}

export function validateLabelSelector(sel: Loose<LabelSelector> | undefined, path: string): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, child(path, 'matchLabels'));
  (sel.matchExpressions ?? []).forEach((r, i) =>
    errs.push(...validateLabelSelectorRequirement(r, index(child(path, 'matchExpressions'), i))),
  );
  return errs;
}

/** True when the selector has no requirements (and so, for workloads, is refused). */
export function isEmptySelector(sel: Loose<LabelSelector> | undefined): boolean {
  return Object.keys(sel?.matchLabels ?? {}).length + (sel?.matchExpressions ?? []).length === 0;
}

/** Whether a label set satisfies a LabelSelector (matchLabels AND every matchExpression). */
export function selectorMatches(sel: Loose<LabelSelector> | undefined, labels: StringMap | undefined): boolean {
  if (!sel) return true;
  const defined = Object.fromEntries(Object.entries(labels ?? {}).filter((e): e is [string, string] => e[1] !== undefined));
  return matchesLabelSelector(sel as LabelSelector, defined);
}

export const labelSelectorSchema: Schema = obj({
  matchLabels: map('string'),
  matchExpressions: arr(obj({ key: 'string', operator: 'string', values: arr('string') })),
});

/**
 * Whether metav1.LabelSelectorAsSelector would accept the selector: known operators, values
 * present exactly when the operator needs them, valid keys and values.
 */
export function selectorParses(sel: Loose<LabelSelector>): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) {
    if (isQualifiedName(k).length > 0 || isValidLabelValue(v ?? '').length > 0) return false;
  }
  for (const r of sel.matchExpressions ?? []) {
    const values = r.values ?? [];
    if (isQualifiedName(r.key ?? '').length > 0) return false;
    if ((r.operator === 'In' || r.operator === 'NotIn') && values.length === 0) return false;
    if ((r.operator === 'Exists' || r.operator === 'DoesNotExist') && values.length > 0) return false;
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(r.operator ?? '')) return false;
    if (values.some((v) => isValidLabelValue(v).length > 0)) return false;
  }
  return true;
}

/** A LabelSelector as the API server prints it (JSON with omitempty fields, map keys sorted). */
export function selectorValue(sel: Loose<LabelSelector> | undefined): unknown {
  if (!sel) return null;
  const out: Record<string, unknown> = {};
  if (Object.keys(sel.matchLabels ?? {}).length > 0) out.matchLabels = sortedMap(sel.matchLabels as Record<string, unknown>);
  if ((sel.matchExpressions ?? []).length > 0) {
    out.matchExpressions = (sel.matchExpressions ?? []).map((r) => {
      const e: Record<string, unknown> = { key: r.key ?? '', operator: r.operator ?? '' };
      if ((r.values ?? []).length > 0) e.values = r.values;
      return e;
    });
  }
  return out;
}
