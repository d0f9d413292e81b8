/**
 * Ingress (networking.k8s.io/v1): nothing is defaulted (pathType in particular is required), and
 * validation follows ValidateIngressCreate, ValidateIngressSpec, validateHTTPIngressPath and
 * validateIngressBackend in pkg/apis/networking/validation/validation.go.
 */
import type { HTTPIngressPath, IngressBackend, IngressRule, IngressSpec } from 'kubernetes-types/networking/v1';
import type { ValidationContext } from './context';
import { type FieldError, invalid, required, unsupported } from './field';
import type { IngressObject } from './objects';
import { parseIPSloppy } from './validation/ip';
import { child, clone, index, type Loose } from './validation/json';
import { metaSchema, validateObjectMeta, validateObjectMetaUpdate } from './validation/meta';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain, nameIsDNS1035Label, nameIsDNSSubdomain } from './validation/names';
import { type Schema, arr, checked, cleanCopy, obj } from './validation/schema';

const backendSchema: Schema = obj({
  service: obj({ name: 'string', port: obj({ name: 'string', number: 'int32' }) }),
  resource: obj({ apiGroup: 'string', kind: 'string', name: 'string' }),
});

export const ingressSchema = obj({
  metadata: metaSchema,
  spec: obj({
    ingressClassName: 'string',
    defaultBackend: backendSchema,
    rules: arr(obj({ host: 'string', http: obj({ paths: arr(obj({ path: 'string', pathType: 'string', backend: backendSchema })) }) })),
    tls: arr(obj({ hosts: arr('string'), secretName: 'string' })),
  }),
});

type LooseIngress = Loose<Pick<IngressObject, 'metadata' | 'spec'>>;

/** Ingress has no defaults (pathType was defaulted only in the beta APIs). */
export function defaultIngress(ing: IngressObject): IngressObject {
  return clone(ing);
}

/** Names used as URL path segments (content.IsPathSegmentName). */
export function isPathSegmentName(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

function validateBackend(b: Loose<IngressBackend>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (b.resource && b.service) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (b.resource) {
    const r = b.resource;
    const rp = child(path, 'resource');
    if (r.apiGroup !== undefined) errs.push(...isDNS1123Subdomain(r.apiGroup).map((m) => invalid(child(rp, 'apiGroup'), r.apiGroup, m)));
    for (const f of ['kind', 'name'] as const) {
      const v = r[f] ?? '';
      if (v === '') errs.push(required(child(rp, f), ''));
      else errs.push(...isPathSegmentName(v).map((m) => invalid(child(rp, f), v, m)));
    }
    return errs;
  }
  if (!b.service) return [invalid(path, '', 'resource or service backend is required')];
  const sp = child(path, 'service');
  const name = b.service.name ?? '';
  if (name === '') errs.push(required(child(sp, 'name'), ''));
  else errs.push(...nameIsDNS1035Label(name, false).map((m) => invalid(child(sp, 'name'), name, m)));
  const portName = b.service.port?.name ?? '';
  const portNumber = b.service.port?.number ?? 0;
  if (portName && portNumber !== 0) errs.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (portName) errs.push(...isValidPortName(portName).map((m) => invalid(child(child(sp, 'port'), 'name'), portName, m)));
  else if (portNumber !== 0) errs.push(...isValidPortNum(portNumber).map((m) => invalid(child(child(sp, 'port'), 'number'), portNumber, m)));
  else errs.push(required(path, 'port name or number is required'));
  return errs;
}

const invalidPathSequences = ['//', '/./', '/../', '%2f', '%2F'];
const invalidPathSuffixes = ['/..', '/.'];

function validatePath(p: Loose<HTTPIngressPath>, path: string): FieldError[] {
  if (p.pathType === undefined) return [required(child(path, 'pathType'), 'pathType must be specified')];
  const errs: FieldError[] = [];
  const value = p.path ?? '';
  const pp = child(path, 'path');
  if (p.pathType === 'Exact' || p.pathType === 'Prefix') {
    if (!value.startsWith('/')) errs.push(invalid(pp, value, 'must be an absolute path'));
    if (value.length > 0) {
      for (const seq of invalidPathSequences) if (value.includes(seq)) errs.push(invalid(pp, value, `must not contain '${seq}'`));
      for (const suf of invalidPathSuffixes) if (value.endsWith(suf)) errs.push(invalid(pp, value, `cannot end with '${suf}'`));
    }
  } else if (p.pathType === 'ImplementationSpecific') {
    if (value.length > 0 && !value.startsWith('/')) errs.push(invalid(pp, value, 'must be an absolute path'));
  } else {
    errs.push(unsupported(child(path, 'pathType'), p.pathType, ['Exact', 'ImplementationSpecific', 'Prefix']));
  }
  errs.push(...validateBackend(p.backend ?? {}, child(path, 'backend')));
  return errs;
}

function validateRules(rules: Loose<IngressRule>[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  rules.forEach((r, i) => {
    const rp = index(path, i);
    const host = r.host ?? '';
    if (host) {
      if (parseIPSloppy(host)) errs.push(invalid(child(rp, 'host'), host, 'must be a DNS name, not an IP address'));
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      errs.push(...msgs.map((m) => invalid(child(rp, 'host'), host, m)));
    }
    if (r.http) {
      const hp = child(rp, 'http');
      const paths = r.http.paths ?? [];
      if (paths.length === 0) errs.push(required(child(hp, 'paths'), ''));
      paths.forEach((p, j) => errs.push(...validatePath(p, index(child(hp, 'paths'), j))));
    }
  });
  return errs;
}

function validateIngressSpec(spec: Loose<IngressSpec> | undefined): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [];
  const rules = s.rules ?? [];
  if (rules.length === 0 && !s.defaultBackend) {
    errs.push(invalid('spec', s.rules === undefined ? null : [], 'either `defaultBackend` or `rules` must be specified'));
  }
  if (s.defaultBackend) errs.push(...validateBackend(s.defaultBackend, 'spec.defaultBackend'));
  errs.push(...validateRules(rules, 'spec.rules'));
  (s.tls ?? []).forEach((t, i) => {
    const tp = index('spec.tls', i);
    (t.hosts ?? []).forEach((h, j) => {
      const msgs = h.includes('*') ? isWildcardDNS1123Subdomain(h) : isDNS1123Subdomain(h);
      errs.push(...msgs.map((m) => invalid(index(child(tp, 'hosts'), j), h, m)));
    });
    if (t.secretName) errs.push(...nameIsDNSSubdomain(t.secretName, false).map((m) => invalid(child(tp, 'secretName'), t.secretName, m)));
  });
  if (s.ingressClassName !== undefined) {
    errs.push(...nameIsDNSSubdomain(s.ingressClassName, false).map((m) => invalid('spec.ingressClassName', s.ingressClassName, m)));
  }
  return errs;
}

export function validateIngress(ing: IngressObject, _ctx: ValidationContext, old?: IngressObject): FieldError[] {
  return checked<LooseIngress>(ing, ingressSchema, (x) => {
    const errs = [...validateObjectMeta(x.metadata, true, nameIsDNSSubdomain), ...validateIngressSpec(x.spec)];
    if (old) return [...validateObjectMetaUpdate(x.metadata, cleanCopy<LooseIngress>(old, ingressSchema).metadata), ...errs];
    const annotation = x.metadata?.annotations?.['kubernetes.io/ingress.class'];
    const className = x.spec?.ingressClassName;
    if (annotation !== undefined && className !== undefined && annotation !== className) {
      // Upstream builds this path from "annotations", without "metadata.".
      errs.push(invalid('annotations.kubernetes.io/ingress.class', annotation, 'must match `ingressClassName` when both are specified'));
    }
    return errs;
  });
}
