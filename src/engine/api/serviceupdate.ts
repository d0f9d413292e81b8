/**
 * Service updates. Before validating, the registry keeps what was allocated when the new object
 * does not say (patchAllocatedValues in pkg/registry/core/service/storage) and drops fields the
 * new type does not use when they are unchanged (dropTypeDependentFields). Then
 * ValidateServiceUpdate (pkg/apis/core/validation/validation.go) refuses changes to allocated
 * values: clusterIPs "may not change once set", and so on.
 */
import type { ServicePort } from 'kubernetes-types/core/v1';
import { type FieldError, forbidden, invalid } from './field';
import type { ServiceObject } from './objects';
import { clone, deepEqual, index, type Loose } from './validation/json';
import { validateObjectMetaUpdate } from './validation/meta';

/** A Service as validation sees it: every field optional. */
export type LooseService = Loose<Pick<ServiceObject, 'metadata' | 'spec'>>;
type Spec = NonNullable<LooseService['spec']>;

const needsClusterIP = (s: Spec): boolean => s.type !== 'ExternalName';
const needsNodePorts = (s: Spec): boolean => s.type === 'NodePort' || s.type === 'LoadBalancer';
const needsHealthCheck = (s: Spec): boolean => s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local';
const headless = (s: Spec): boolean => (s.clusterIPs ?? []).length === 1 && s.clusterIPs?.[0] === 'None';

function samePort(a: Loose<ServicePort>, b: Loose<ServicePort>): boolean {
  return (a.name ?? '') === (b.name ?? '') && a.port === b.port && (a.protocol ?? 'TCP') === (b.protocol ?? 'TCP');
}

/** A stored Service written with clusterIP only (an old-style client) also has clusterIPs. */
export function withClusterIPs(svc: LooseService): LooseService {
  const s = svc.spec;
  if (!s?.clusterIP || (s.clusterIPs ?? []).length > 0 || s.type === 'ExternalName') return svc;
  return { ...svc, spec: { ...s, clusterIPs: [s.clusterIP] } };
}

/**
 * The new Service as the registry validates it: allocated values the new object leaves out are
 * carried over from the old one, and type-dependent values it no longer needs are dropped.
 */
export function prepareServiceForUpdate(next: LooseService, old: LooseService): LooseService {
  const out = clone(next);
  const s: Spec = out.spec ?? {};
  out.spec = s;
  const o: Spec = withClusterIPs(old).spec ?? {};
  if (needsClusterIP(o) && needsClusterIP(s)) {
    if (!s.clusterIP) s.clusterIP = o.clusterIP;
    if ((s.clusterIPs ?? []).length === 0 && (o.clusterIPs ?? []).length > 0) s.clusterIPs = o.clusterIPs;
  }
  if (needsNodePorts(o) && needsNodePorts(s)) {
    for (const p of s.ports ?? []) {
      if ((p.nodePort ?? 0) !== 0) continue;
      const prev = (o.ports ?? []).find((q) => samePort(q, p))?.nodePort;
      if (prev) p.nodePort = prev;
    }
  }
  if (needsHealthCheck(o) && needsHealthCheck(s) && !s.healthCheckNodePort) s.healthCheckNodePort = o.healthCheckNodePort;
  if (s.clusterIP && (s.clusterIPs ?? []).length === 0 && needsClusterIP(s)) s.clusterIPs = [s.clusterIP];
  // dropTypeDependentFields: values the new type does not use go away when left unchanged.
  if (!needsClusterIP(s) && needsClusterIP(o)) {
    if (deepEqual(s.clusterIPs, o.clusterIPs)) {
      delete s.clusterIP;
      delete s.clusterIPs;
    }
    if (deepEqual(s.ipFamilies, o.ipFamilies)) delete s.ipFamilies;
    if (s.ipFamilyPolicy === o.ipFamilyPolicy) delete s.ipFamilyPolicy;
  }
  if (!needsNodePorts(s) && needsNodePorts(o)) {
    for (const p of s.ports ?? []) {
      const prev = (o.ports ?? []).find((q) => samePort(q, p))?.nodePort;
      if (p.nodePort !== undefined && p.nodePort === prev) delete p.nodePort;
    }
  }
  if (!needsHealthCheck(s) && needsHealthCheck(o) && s.healthCheckNodePort === o.healthCheckNodePort) delete s.healthCheckNodePort;
  if (s.type !== 'LoadBalancer' && o.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts === o.allocateLoadBalancerNodePorts) {
    delete s.allocateLoadBalancerNodePorts;
  }
  return out;
}

function validateClusterIPsUpdate(s: Spec, o: Spec): FieldError[] {
  if (s.type === 'ExternalName' || o.type === 'ExternalName') return [];
  if (headless(s) && headless(o)) return [];
  const next = s.clusterIPs ?? [];
  const prev = o.clusterIPs ?? [];
  const errs: FieldError[] = [];
  const p0 = index('spec.clusterIPs', 0);
  if (prev.length === next.length) {
    prev.forEach((ip, i) => {
      if (ip !== next[i]) errs.push(invalid(index('spec.clusterIPs', i), next, 'may not change once set'));
    });
  } else if (prev.length > next.length) {
    if (next.length === 0) errs.push(invalid(p0, next, 'primary clusterIP can not be unset'));
    if (next.length > 0 && next[0] !== prev[0]) errs.push(invalid(p0, next, 'may not change once set'));
    if (next.length === 1 && s.ipFamilyPolicy !== 'SingleStack') {
      errs.push(invalid('spec.ipFamilyPolicy', s.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
    }
  } else if (prev.length > 0 && next[0] !== prev[0]) {
    errs.push(invalid(p0, next, 'may not change once set'));
  }
  return errs;
}

function validateIPFamiliesUpdate(s: Spec, o: Spec): FieldError[] {
  if (s.type === 'ExternalName' || o.type === 'ExternalName') return [];
  if (headless(s) !== headless(o) || headless(s)) return [];
  const next = s.ipFamilies ?? [];
  const prev = o.ipFamilies ?? [];
  const p0 = index('spec.ipFamilies', 0);
  const errs: FieldError[] = [];
  if (prev.length === next.length) {
    prev.forEach((f, i) => {
      if (f !== next[i]) errs.push(invalid(p0, next, 'may not change once set'));
    });
  } else if (prev.length > next.length) {
    if ((s.clusterIPs ?? []).length === 0) errs.push(invalid(p0, next, 'primary ipFamily can not be unset'));
    if (next.length > 0 && next[0] !== prev[0]) errs.push(invalid(p0, s.clusterIPs ?? [], 'may not change once set'));
    if (next.length === 1 && s.ipFamilyPolicy !== 'SingleStack') {
      errs.push(invalid('spec.ipFamilyPolicy', s.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary ipFamily"));
    }
  } else if (prev.length > 0 && next.length > 0 && next[0] !== prev[0]) {
    errs.push(invalid(p0, s.clusterIPs ?? [], 'may not change once set'));
  }
  return errs;
}

/** The update-only checks of ValidateServiceUpdate (the create checks run as well). */
export function validateServiceUpdateFields(next: LooseService, old: LooseService): FieldError[] {
  const s: Spec = next.spec ?? {};
  const o: Spec = withClusterIPs(old).spec ?? {};
  const errs = [...validateObjectMetaUpdate(next.metadata, old.metadata), ...validateClusterIPsUpdate(s, o), ...validateIPFamiliesUpdate(s, o)];
  if (s.type === 'LoadBalancer' && o.type === 'LoadBalancer' && s.loadBalancerClass !== o.loadBalancerClass) {
    errs.push(invalid('spec.loadBalancerClass', s.loadBalancerClass ?? null, 'may not change once set'));
  }
  if (needsHealthCheck(o) && needsHealthCheck(s) && s.healthCheckNodePort !== o.healthCheckNodePort) {
    errs.push(forbidden('spec.healthCheckNodePort', 'field is immutable'));
  }
  return errs;
}
