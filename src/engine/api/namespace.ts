/**
 * Namespace: defaults (SetDefaults_Namespace: the `kubernetes.io/metadata.name` label;
 * SetDefaults_NamespaceStatus: phase Active) and validation (ValidateNamespace: a DNS-1123 label
 * name and qualified finalizer names, in pkg/apis/core/validation/validation.go).
 */
import type { ValidationContext } from './context';
import type { FieldError } from './field';
import { invalid } from './field';
import type { NamespaceObject } from './objects';
import { asObj, clone, type JsonObject, type Loose, setDefault } from './validation/json';
import { isQualifiedName } from './validation/labels';
import { metaSchema, validateObjectMeta, validateObjectMetaUpdate } from './validation/meta';
import { nameIsDNSLabel } from './validation/names';
import { arr, checked, cleanCopy, obj } from './validation/schema';

export const namespaceSchema = obj({ metadata: metaSchema, spec: obj({ finalizers: arr('string') }) });

type LooseNamespace = Loose<Pick<NamespaceObject, 'metadata' | 'spec'>>;

const standardFinalizers = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

export function defaultNamespace(ns: NamespaceObject): NamespaceObject {
  const out = clone(ns) as unknown as JsonObject;
  const meta = asObj(out.metadata);
  if (meta && typeof meta.name === 'string' && meta.name !== '') {
    if (meta.labels === undefined || meta.labels === null) meta.labels = {};
    const labels = asObj(meta.labels);
    if (labels) labels['kubernetes.io/metadata.name'] = meta.name;
  }
  if (out.status === undefined || out.status === null) out.status = {};
  const status = asObj(out.status);
  if (status) setDefault(status, 'phase', 'Active');
  return out as unknown as NamespaceObject;
}

function validateNs(x: LooseNamespace): FieldError[] {
  const errs = validateObjectMeta(x.metadata, false, nameIsDNSLabel);
  for (const f of x.spec?.finalizers ?? []) {
    errs.push(...isQualifiedName(f).map((m) => invalid('spec.finalizers', f, m)));
    if (!f.includes('/') && !standardFinalizers.has(f)) {
      errs.push(invalid('spec.finalizers', f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  }
  return errs;
}

export function validateNamespace(ns: NamespaceObject, _ctx: ValidationContext, old?: NamespaceObject): FieldError[] {
  return checked<LooseNamespace>(ns, namespaceSchema, (x) => {
    if (!old) return validateNs(x);
    return validateObjectMetaUpdate(x.metadata, cleanCopy<LooseNamespace>(old, namespaceSchema).metadata);
  });
}
