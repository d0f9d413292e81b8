/**
 * A container's environment (env, envFrom) and volume mounts: schema and validation
 * (ValidateEnv, validateEnvVarValueFrom, ValidateEnvFrom, ValidateVolumeMounts in
 * pkg/apis/core/validation/validation.go). Env var names follow the relaxed rule, GA in v1.34.
 */
import type { EnvFromSource, EnvVar, ObjectFieldSelector, ResourceFieldSelector, VolumeMount } from 'kubernetes-types/core/v1';
import { type FieldError, invalid, notFound, required, unsupported, forbidden } from './field';
import { child, index, type Loose } from './validation/json';
import { isQualifiedName } from './validation/labels';
import { isConfigMapKey, isRelaxedEnvVarName, nameIsDNSSubdomain } from './validation/names';
import { type Schema, arr, obj } from './validation/schema';

const keyRef: Schema = obj({ name: 'string', key: 'string', optional: 'bool' });

export const envSchema: Schema = arr(
  obj({
    name: 'string',
    value: 'string',
    valueFrom: obj({
      fieldRef: obj({ apiVersion: 'string', fieldPath: 'string' }),
      resourceFieldRef: obj({ containerName: 'string', resource: 'string', divisor: 'any' }),
      configMapKeyRef: keyRef,
      secretKeyRef: keyRef,
    }),
  }),
);

export const envFromSchema: Schema = arr(
  obj({
    prefix: 'string',
    configMapRef: obj({ name: 'string', optional: 'bool' }),
    secretRef: obj({ name: 'string', optional: 'bool' }),
  }),
);

export const volumeMountSchema: Schema = obj({
  name: 'string',
  mountPath: 'string',
  subPath: 'string',
  subPathExpr: 'string',
  readOnly: 'bool',
  mountPropagation: 'string',
  recursiveReadOnly: 'string',
});

// Field paths the v1 downward API converts (ConvertDownwardAPIFieldLabel), and the subset env vars accept.
const convertibleFieldPaths = new Set([
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]);
const envFieldPaths = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
const resourceFieldPaths = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];

/** "metadata.labels['app']" → ["metadata.labels", "app"] (fieldpath.SplitMaybeSubscriptedPath). */
function splitSubscript(p: string): [string, string] | undefined {
  if (!p.endsWith("']")) return undefined;
  const s = p.slice(0, -2);
  const at = s.indexOf("['");
  if (at <= 0) return undefined;
  return [s.slice(0, at), s.slice(at + 2)];
}

function validateFieldRef(fs: Loose<ObjectFieldSelector>, path: string): FieldError[] {
  if (!fs.apiVersion) return [required(child(path, 'apiVersion'), '')];
  if (!fs.fieldPath) return [required(child(path, 'fieldPath'), '')];
  const fp = fs.fieldPath;
  const sub = splitSubscript(fp);
  let convErr = '';
  if (fs.apiVersion !== 'v1') convErr = `unsupported pod version: ${fs.apiVersion}`;
  else if (sub && sub[0] !== 'metadata.annotations' && sub[0] !== 'metadata.labels') convErr = `field label does not support subscript: ${fp}`;
  else if (!sub && !convertibleFieldPaths.has(fp) && fp !== 'spec.host') convErr = `field label not supported: ${fp}`;
  if (convErr) return [invalid(child(path, 'fieldPath'), fp, `error converting fieldPath: ${convErr}`)];
  if (sub) {
    const k = sub[0] === 'metadata.annotations' ? sub[1].toLowerCase() : sub[1];
    return isQualifiedName(k).map((m) => invalid(path, k, m));
  }
  const internal = fp === 'spec.host' ? 'spec.nodeName' : fp;
  return envFieldPaths.includes(internal) ? [] : [unsupported(child(path, 'fieldPath'), internal, envFieldPaths)];
}

function validateResourceFieldRef(fs: Loose<ResourceFieldSelector>, path: string): FieldError[] {
  const r = fs.resource ?? '';
  if (r === '') return [required(child(path, 'resource'), '')];
  if (resourceFieldPaths.includes(r) || r.startsWith('requests.hugepages-') || r.startsWith('limits.hugepages-')) return [];
  return [unsupported(child(path, 'resource'), r, resourceFieldPaths)];
}

function validateKeySelector(s: { name?: string; key?: string }, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = s.name ?? '';
  errs.push(...nameIsDNSSubdomain(name, false).map((m) => invalid(child(path, 'name'), name, m)));
  const k = s.key ?? '';
  if (k === '') errs.push(required(child(path, 'key'), ''));
  else errs.push(...isConfigMapKey(k).map((m) => invalid(child(path, 'key'), k, m)));
  return errs;
}

function validateValueFrom(ev: Loose<EnvVar>, path: string): FieldError[] {
  const vf = ev.valueFrom;
  if (!vf) return [];
  const errs: FieldError[] = [];
  let n = 0;
  if (vf.fieldRef) {
    n++;
    errs.push(...validateFieldRef(vf.fieldRef, child(path, 'fieldRef')));
  }
  if (vf.resourceFieldRef) {
    n++;
    errs.push(...validateResourceFieldRef(vf.resourceFieldRef, child(path, 'resourceFieldRef')));
  }
  if (vf.configMapKeyRef) {
    n++;
    errs.push(...validateKeySelector(vf.configMapKeyRef, child(path, 'configMapKeyRef')));
  }
  if (vf.secretKeyRef) {
    n++;
    errs.push(...validateKeySelector(vf.secretKeyRef, child(path, 'secretKeyRef')));
  }
  if (n === 0) errs.push(invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  else if (ev.value) errs.push(invalid(path, '', 'may not be specified when `value` is not empty'));
  else if (n > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  return errs;
}

export function validateEnv(vars: Loose<EnvVar>[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (vars ?? []).forEach((ev, i) => {
    const p = index(path, i);
    const name = ev.name ?? '';
    if (name === '') errs.push(required(child(p, 'name'), ''));
    else errs.push(...isRelaxedEnvVarName(name).map((m) => invalid(child(p, 'name'), name, m)));
    errs.push(...validateValueFrom(ev, child(p, 'valueFrom')));
  });
  return errs;
}

export function validateEnvFrom(sources: Loose<EnvFromSource>[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (sources ?? []).forEach((ev, i) => {
    const p = index(path, i);
    if (ev.prefix) errs.push(...isRelaxedEnvVarName(ev.prefix).map((m) => invalid(child(p, 'prefix'), ev.prefix, m)));
    let n = 0;
    for (const f of ['configMapRef', 'secretRef'] as const) {
      const ref = ev[f];
      if (!ref) continue;
      n++;
      const name = ref.name ?? '';
      if (name === '') errs.push(required(child(child(p, f), 'name'), ''));
      else errs.push(...nameIsDNSSubdomain(name, true).map((m) => invalid(child(child(p, f), 'name'), name, m)));
    }
    // Upstream reports these two at the list's path, not the item's.
    if (n === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (n > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

/** A relative path without ".." elements (validateLocalDescendingPath). */
export function validateLocalDescendingPath(p: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.startsWith('/')) errs.push(invalid(path, p, 'must be a relative path'));
  if (p.replace(/\\/g, '/').split('/').includes('..')) errs.push(invalid(path, p, "must not contain '..'"));
  return errs;
}

export function validateVolumeMounts(
  mounts: Loose<VolumeMount>[] | undefined,
  volumes: ReadonlySet<string>,
  privileged: boolean,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const points = new Set<string>();
  (mounts ?? []).forEach((m, i) => {
    const p = index(path, i);
    const name = m.name ?? '';
    const mountPath = m.mountPath ?? '';
    if (name === '') errs.push(required(child(p, 'name'), ''));
    if (!volumes.has(name)) errs.push(notFound(child(p, 'name'), name));
    if (mountPath === '') errs.push(required(child(p, 'mountPath'), ''));
    if (points.has(mountPath)) errs.push(invalid(child(p, 'mountPath'), mountPath, 'must be unique'));
    points.add(mountPath);
    // Upstream builds these two paths from the list, not the item ("volumeMounts.subPath").
    if (m.subPath) errs.push(...validateLocalDescendingPath(m.subPath, child(path, 'subPath')));
    if (m.subPathExpr) {
      if (m.subPath) errs.push(invalid(child(p, 'subPathExpr'), m.subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(m.subPathExpr, child(path, 'subPathExpr')));
    }
    if (m.mountPropagation !== undefined) {
      const modes = ['Bidirectional', 'HostToContainer', 'None'];
      if (!modes.includes(m.mountPropagation)) errs.push(unsupported(child(path, 'mountPropagation'), m.mountPropagation, modes));
      if (m.mountPropagation === 'Bidirectional' && !privileged) {
        errs.push(forbidden(child(path, 'mountPropagation'), 'Bidirectional mount propagation is available only to privileged containers'));
      }
    }
  });
  return errs;
}
