/**
 * The checks kubectl makes before an object reaches the API server: apiVersion and kind set,
 * the kind served under that apiVersion, metadata.name set. Messages are kubectl's own where
 * it has one ("apiVersion not set", `no matches for kind "Deployment" in version "v1"`,
 * "metadata.name: Required value: name or generateName is required").
 * Field validation beyond these is api/'s job.
 */
import type { Diagnostic } from '../types';
import { diagnostic } from '../diagnostics';
import type { DiagnosticCode } from '../diagnostics';
import { SUPPORTED_KINDS, isSupportedKind, kindInfo } from '../api/kinds';
import type { KubeObject } from '../api/objects';
import type { SourceRange } from './locate';

export interface CheckContext {
  document: number;
  /** Prepended to the `path` of diagnostics (e.g. "items[3]." inside a List). */
  pathPrefix?: string;
  /** Range for a field path below the object (falls back to the object's head). Only called on errors. */
  at(path: string): SourceRange;
}

/** A list kind kubectl flattens: `List` (v1) or a typed `<Kind>List` such as `PodList`. */
export interface ListInfo {
  apiVersion: string;
  /** For typed lists, the kind its items have when they omit it (as the API server prints them). */
  itemKind?: string;
  itemApiVersion?: string;
}

export function listInfo(kind: unknown): ListInfo | undefined {
  if (kind === 'List') return { apiVersion: 'v1' };
  if (typeof kind === 'string' && kind.length > 4 && kind.endsWith('List')) {
    const k = kindInfo(kind.slice(0, -4));
    if (k) return { apiVersion: k.apiVersion, itemKind: k.kind, itemApiVersion: k.apiVersion };
  }
  return undefined;
}

/** Group versions Kubernetes once served a kind under, and the release that removed them. */
const REMOVED: Record<string, Record<string, string>> = {
  Deployment: { 'extensions/v1beta1': '1.16', 'apps/v1beta1': '1.16', 'apps/v1beta2': '1.16' },
  ReplicaSet: { 'extensions/v1beta1': '1.16', 'apps/v1beta1': '1.16', 'apps/v1beta2': '1.16' },
  Ingress: { 'extensions/v1beta1': '1.22', 'networking.k8s.io/v1beta1': '1.22' },
  IngressClass: { 'networking.k8s.io/v1beta1': '1.22' },
  EndpointSlice: { 'discovery.k8s.io/v1beta1': '1.25' },
};

const INGRESS_V1_NOTE =
  ' The v1 schema differs: spec.backend is spec.defaultBackend, serviceName/servicePort are ' +
  'service.name and service.port.number (or service.port.name), and every path needs a pathType.';

/** Go's JSON name for a decoded value's type, as in "cannot unmarshal number into ...". */
function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function push(out: Diagnostic[], ctx: CheckContext, code: DiagnosticCode, message: string, path: string, extra: Partial<Diagnostic> = {}): void {
  out.push(diagnostic(code, message, ctx.document, { path: (ctx.pathPrefix ?? '') + path, ...ctx.at(path), ...extra }));
}

export function wrongApiVersionHint(kind: string, apiVersion: string): string {
  const expected = kindInfo(kind)?.apiVersion ?? 'v1';
  const removedIn = REMOVED[kind]?.[apiVersion];
  if (removedIn !== undefined) {
    return `${apiVersion} ${kind} was removed in Kubernetes ${removedIn}; use apiVersion: ${expected}.${kind === 'Ingress' ? INGRESS_V1_NOTE : ''}`;
  }
  return `${kind} is served as apiVersion: ${expected}`;
}

/** apiVersion and kind present and strings. Returns false when either is missing (both are reported). */
export function checkTypeMeta(obj: Record<string, unknown>, ctx: CheckContext, out: Diagnostic[]): boolean {
  let ok = true;
  const { apiVersion, kind } = obj;
  if (apiVersion === undefined || apiVersion === null || apiVersion === '') {
    push(out, ctx, 'missing-api-version', 'apiVersion not set', 'apiVersion', {
      hint: typeof kind === 'string' && kindInfo(kind) ? `add "apiVersion: ${kindInfo(kind)!.apiVersion}"` : 'add the apiVersion the kind is served under, e.g. "apiVersion: v1" for a Service',
    });
    ok = false;
  } else if (typeof apiVersion !== 'string') {
    push(out, ctx, 'missing-api-version', `apiVersion must be a string, not ${jsonType(apiVersion)}`, 'apiVersion');
    ok = false;
  }
  if (kind === undefined || kind === null || kind === '') {
    push(out, ctx, 'missing-kind', 'kind not set', 'kind', { hint: `add a kind, one of: ${SUPPORTED_KINDS.join(', ')}` });
    ok = false;
  } else if (typeof kind !== 'string') {
    push(out, ctx, 'missing-kind', `kind must be a string, not ${jsonType(kind)}`, 'kind');
    ok = false;
  }
  return ok;
}

/** Kind supported and served under apiVersion, metadata.name set. Returns the object when all pass. */
export function checkObject(obj: Record<string, unknown>, ctx: CheckContext, out: Diagnostic[]): KubeObject | undefined {
  if (!checkTypeMeta(obj, ctx, out)) return undefined;
  const kind = obj.kind as string;
  const apiVersion = obj.apiVersion as string;
  if (!isSupportedKind(kind)) {
    const near = SUPPORTED_KINDS.find((k) => k.toLowerCase() === kind.toLowerCase());
    push(
      out,
      ctx,
      'unknown-kind',
      `kind "${kind}" (${apiVersion}) is not one kubepath models; the document is skipped. Supported kinds: ${SUPPORTED_KINDS.join(', ')}, and List`,
      'kind',
      { severity: 'warning', ...(near ? { hint: `kinds are case-sensitive: did you mean "kind: ${near}"?` } : {}) },
    );
    return undefined;
  }
  let ok = true;
  const info = kindInfo(kind)!;
  if (apiVersion !== info.apiVersion) {
    push(out, ctx, 'wrong-api-version', `no matches for kind "${kind}" in version "${apiVersion}"`, 'apiVersion', {
      hint: wrongApiVersionHint(kind, apiVersion),
    });
    ok = false;
  }
  if (!checkName(obj, kind, ctx, out)) ok = false;
  return ok ? (obj as unknown as KubeObject) : undefined;
}

function checkName(obj: Record<string, unknown>, kind: string, ctx: CheckContext, out: Diagnostic[]): boolean {
  const meta = obj.metadata;
  if (meta !== undefined && meta !== null && !isPlainObject(meta)) {
    push(out, ctx, 'invalid-value', `json: cannot unmarshal ${jsonType(meta)} into Go struct field ${kind}.metadata of type v1.ObjectMeta`, 'metadata');
    return false;
  }
  const name = isPlainObject(meta) ? meta.name : undefined;
  if (typeof name === 'string' && name !== '') return true;
  if (name !== undefined && name !== null && name !== '') {
    push(out, ctx, 'invalid-value', `json: cannot unmarshal ${jsonType(name)} into Go struct field ObjectMeta.metadata.name of type string`, 'metadata.name', {
      hint: 'quote the name so YAML reads it as a string',
    });
    return false;
  }
  const generateName = isPlainObject(meta) ? meta.generateName : undefined;
  if (typeof generateName === 'string' && generateName !== '') {
    push(out, ctx, 'missing-name', 'cannot use generate name with apply', 'metadata.name', {
      hint: 'kubectl apply needs metadata.name (generateName works only with kubectl create); set a name',
    });
    return false;
  }
  push(out, ctx, 'missing-name', 'metadata.name: Required value: name or generateName is required', 'metadata.name');
  return false;
}
