/**
 * Service: defaults (SetDefaults_Service in pkg/apis/core/v1/defaults.go, plus what the registry
 * fills before storing: clusterIPs from clusterIP, ipFamilies and ipFamilyPolicy on a single-stack
 * IPv4 cluster) and validation (ValidateService, validateServicePort,
 * ValidateServiceClusterIPsRelatedFields, ValidateServiceUpdate in pkg/apis/core/validation).
 *
 * Allocation is the store's: the messages about ranges and addresses in use are not here, and a
 * missing healthCheckNodePort is not reported because the store allocates it after validation.
 */
import type { ServicePort, ServiceSpec } from 'kubernetes-types/core/v1';
import type { ValidationContext } from './context';
import { type FieldError, duplicate, forbidden, invalid, required, unsupported } from './field';
import type { ServiceObject } from './objects';
import { validatePortNumOrName } from './probe';
import { type LooseService, prepareServiceForUpdate, validateServiceUpdateFields } from './serviceupdate';
import { isIPv6String, isValidCIDR, isValidIP, validateNonSpecialIP } from './validation/ip';
import { asObj, child, clone, index, isObj, type JsonObject, type Loose, listOf, setDefault } from './validation/json';
import { isQualifiedName, validateLabels } from './validation/labels';
import { metaSchema, validateObjectMeta } from './validation/meta';
import { isDNS1123Label, isValidPortNum, nameIsDNS1035Label, nameIsDNSSubdomain } from './validation/names';
import { arr, checked, cleanCopy, map, obj } from './validation/schema';

export const serviceSchema = obj({
  metadata: metaSchema,
  spec: obj({
    type: 'string',
    selector: map('string'),
    ports: arr(obj({ name: 'string', protocol: 'string', appProtocol: 'string', port: 'int32', targetPort: 'intOrString', nodePort: 'int32' })),
    clusterIP: 'string',
    clusterIPs: arr('string'),
    externalIPs: arr('string'),
    externalName: 'string',
    sessionAffinity: 'string',
    sessionAffinityConfig: obj({ clientIP: obj({ timeoutSeconds: 'int32' }) }),
    externalTrafficPolicy: 'string',
    internalTrafficPolicy: 'string',
    healthCheckNodePort: 'int32',
    ipFamilies: arr('string'),
    ipFamilyPolicy: 'string',
    loadBalancerIP: 'string',
    loadBalancerSourceRanges: arr('string'),
    loadBalancerClass: 'string',
    allocateLoadBalancerNodePorts: 'bool',
    publishNotReadyAddresses: 'bool',
    trafficDistribution: 'string',
  }),
});

export type { LooseService };
type Spec = Loose<ServiceSpec>;

/** Headless: exactly one clusterIP, "None" (isHeadlessService). */
export function isHeadless(spec: Spec | undefined): boolean {
  const ips = spec?.clusterIPs ?? [];
  return ips.length === 1 && ips[0] === 'None';
}

/** NodePort, LoadBalancer, or a ClusterIP Service with externalIPs (apiservice.ExternallyAccessible). */
export function externallyAccessible(spec: Spec | undefined): boolean {
  const t = spec?.type;
  return t === 'LoadBalancer' || t === 'NodePort' || (t === 'ClusterIP' && (spec?.externalIPs ?? []).length > 0);
}

export const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

export function defaultService(svc: ServiceObject): ServiceObject {
  const out = clone(svc);
  const spec = asObj((out as unknown as JsonObject).spec);
  if (!spec) return out;
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const timeout = asObj(asObj(spec.sessionAffinityConfig)?.clientIP)?.timeoutSeconds;
    if (timeout === undefined || timeout === null) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
  }
  if (!spec.type) spec.type = 'ClusterIP';
  for (const p of listOf(spec, 'ports').filter(isObj)) {
    setDefault(p, 'protocol', 'TCP');
    if ((p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') && typeof p.port === 'number') {
      p.targetPort = p.port;
    }
  }
  const loose = spec as Spec;
  if (externallyAccessible(loose) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (['NodePort', 'LoadBalancer', 'ClusterIP'].includes(String(spec.type))) setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  if (spec.type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true);
  // Registry: an old-style client sets only clusterIP; the plural field follows it.
  if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '' && (spec.clusterIPs === undefined || spec.clusterIPs === null)) {
    spec.clusterIPs = [spec.clusterIP];
  }
  if (spec.type !== 'ExternalName') {
    const selectorless = Object.keys(asObj(spec.selector) ?? {}).length === 0;
    if (spec.clusterIP === 'None' && selectorless) {
      // Headless without selector: dual-stack is allowed even on a single-stack cluster.
      setDefault(spec, 'ipFamilyPolicy', 'RequireDualStack');
      setDefault(spec, 'ipFamilies', spec.ipFamilyPolicy === 'SingleStack' ? ['IPv4'] : ['IPv4', 'IPv6']);
    } else {
      setDefault(spec, 'ipFamilyPolicy', 'SingleStack');
      setDefault(spec, 'ipFamilies', ['IPv4']);
    }
  }
  return out;
}

const protocols = ['SCTP', 'TCP', 'UDP'];
const serviceTypes = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

function validateServicePort(sp: Loose<ServicePort>, requireName: boolean, names: Set<string>, path: string, isBad: (p: string) => boolean): FieldError[] {
  const errs: FieldError[] = [];
  const name = sp.name ?? '';
  if (requireName && name === '') errs.push(required(child(path, 'name'), ''));
  else if (name !== '') {
    errs.push(...isDNS1123Label(name).map((m) => invalid(child(path, 'name'), name, m)));
    if (names.has(name)) errs.push(duplicate(child(path, 'name'), name));
    else names.add(name);
  }
  const port = sp.port ?? 0;
  errs.push(...isValidPortNum(port).map((m) => invalid(child(path, 'port'), port, m)));
  const proto = sp.protocol ?? '';
  if (proto === '') errs.push(required(child(path, 'protocol'), ''));
  else if (!protocols.includes(proto)) errs.push(unsupported(child(path, 'protocol'), proto, protocols));
  // targetPort defaults to port; when port was mistyped there is nothing more to say about it.
  if (!(sp.targetPort === undefined && isBad(child(path, 'port')))) errs.push(...validatePortNumOrName(sp.targetPort ?? 0, child(path, 'targetPort')));
  if (sp.appProtocol !== undefined) errs.push(...isQualifiedName(sp.appProtocol).map((m) => invalid(child(path, 'appProtocol'), sp.appProtocol, m)));
  return errs;
}

function validateClusterIPs(s: Spec): FieldError[] {
  if (s.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ipsPath = 'spec.clusterIPs';
  const ips = s.clusterIPs ?? [];
  if (s.clusterIP) {
    if (ips.length === 0) errs.push(required(ipsPath, ''));
    else if (ips[0] !== s.clusterIP) errs.push(invalid(ipsPath, ips, 'first value must match `clusterIP`'));
  } else if (ips.length > 0) errs.push(invalid(ipsPath, ips, 'must be empty when `clusterIP` is not specified'));
  const seen = new Set<string>();
  (s.ipFamilies ?? []).forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(unsupported(index('spec.ipFamilies', i), f, ['IPv4', 'IPv6']));
    if (seen.has(f)) errs.push(duplicate(index('spec.ipFamilies', i), f));
    seen.add(f);
  });
  const policies = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
  if (s.ipFamilyPolicy !== undefined && !policies.includes(s.ipFamilyPolicy)) errs.push(unsupported('spec.ipFamilyPolicy', s.ipFamilyPolicy, policies));
  let bad = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        bad = true;
        errs.push(invalid(ipsPath, ips, "'None' must be the first and only value"));
      }
      return;
    }
    const e = isValidIP(index(ipsPath, i), ip);
    if (e.length > 0) bad = true;
    errs.push(...e);
  });
  if (ips.length > 2) errs.push(invalid(ipsPath, ips, 'may only hold up to 2 values'));
  if (bad) return errs;
  if (ips.length > 1 && isIPv6String(ips[0] ?? '') === isIPv6String(ips[1] ?? '')) {
    errs.push(invalid(ipsPath, ips, 'may specify no more than one IP for each IP family'));
  }
  if (!isHeadless(s)) {
    const fams = s.ipFamilies ?? [];
    ips.forEach((ip, i) => {
      if (i >= fams.length) return;
      if (fams[i] === 'IPv4' && isIPv6String(ip)) errs.push(invalid(index(ipsPath, i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (fams[i] === 'IPv6' && !isIPv6String(ip)) errs.push(invalid(index(ipsPath, i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return errs;
}

/** The port as the API server prints a duplicate (internal core.ServicePort, rendered as JSON). */
function goServicePort(protocol: string, port: number): Record<string, unknown> {
  return { Name: '', Protocol: protocol, AppProtocol: null, Port: port, TargetPort: 0, NodePort: 0 };
}

function validateTypeAndPolicies(s: Spec, annotations: Record<string, string | undefined>): FieldError[] {
  const errs: FieldError[] = [];
  const t = s.type ?? '';
  if (t === '') errs.push(required('spec.type', ''));
  else if (!serviceTypes.includes(t)) errs.push(unsupported('spec.type', t, serviceTypes));
  const ports = s.ports ?? [];
  if (t === 'ClusterIP') {
    ports.forEach((p, i) => {
      if ((p.nodePort ?? 0) !== 0) errs.push(forbidden(child(index('spec.ports', i), 'nodePort'), "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  const pairs = new Set<string>();
  ports.forEach((p, i) => {
    const np = p.nodePort ?? 0;
    if (np !== 0) {
      const k = `${p.protocol ?? ''}/${np}`;
      if (nodePorts.has(k)) errs.push(duplicate(child(index('spec.ports', i), 'nodePort'), np));
      nodePorts.add(k);
    }
  });
  ports.forEach((p, i) => {
    const k = `${p.protocol ?? ''}/${p.port ?? 0}`;
    if (pairs.has(k)) errs.push(duplicate(index('spec.ports', i), goServicePort(p.protocol ?? '', p.port ?? 0)));
    pairs.add(k);
  });
  const lbOnly = "may only be used when `type` is 'LoadBalancer'";
  const ranges = s.loadBalancerSourceRanges ?? [];
  const rangesAnnotation = annotations['service.beta.kubernetes.io/load-balancer-source-ranges'];
  if (ranges.length > 0) {
    // Upstream spells this path with a capital L.
    if (t !== 'LoadBalancer') errs.push(forbidden('spec.LoadBalancerSourceRanges', lbOnly));
    ranges.forEach((r, i) => errs.push(...isValidCIDR(index('spec.LoadBalancerSourceRanges', i), r.trim())));
  } else if (rangesAnnotation !== undefined) {
    const p = 'metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]';
    if (t !== 'LoadBalancer') errs.push(forbidden(p, lbOnly));
    const v = rangesAnnotation.trim();
    if (v !== '') for (const r of v.split(',')) errs.push(...isValidCIDR(p, r.trim()));
  }
  if (s.allocateLoadBalancerNodePorts !== undefined && t !== 'LoadBalancer') errs.push(forbidden('spec.allocateLoadBalancerNodePorts', lbOnly));
  // Upstream omits "spec." here.
  if (t === 'LoadBalancer' && s.allocateLoadBalancerNodePorts === undefined) errs.push(required('allocateLoadBalancerNodePorts', ''));
  if (t === 'LoadBalancer') {
    if (s.loadBalancerClass !== undefined) errs.push(...isQualifiedName(s.loadBalancerClass).map((m) => invalid('spec.loadBalancerClass', s.loadBalancerClass, m)));
  } else if (s.loadBalancerClass !== undefined) errs.push(forbidden('spec.loadBalancerClass', lbOnly));
  const etp = s.externalTrafficPolicy ?? '';
  if (!externallyAccessible(s)) {
    if (etp !== '') errs.push(invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'));
  } else if (etp === '') errs.push(required('spec.externalTrafficPolicy', ''));
  else if (etp !== 'Cluster' && etp !== 'Local') errs.push(unsupported('spec.externalTrafficPolicy', etp, ['Cluster', 'Local']));
  const hc = s.healthCheckNodePort ?? 0;
  if (!(t === 'LoadBalancer' && etp === 'Local')) {
    if (hc !== 0) errs.push(invalid('spec.healthCheckNodePort', hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (hc !== 0) errs.push(...isValidPortNum(hc).map((m) => invalid('spec.healthCheckNodePort', hc, m)));
  if (s.internalTrafficPolicy === undefined) {
    if (t === 'NodePort' || t === 'LoadBalancer' || t === 'ClusterIP') errs.push(required('spec.internalTrafficPolicy', ''));
  } else if (s.internalTrafficPolicy !== 'Cluster' && s.internalTrafficPolicy !== 'Local') {
    errs.push(unsupported('spec.internalTrafficPolicy', s.internalTrafficPolicy, ['Cluster', 'Local']));
  }
  const distributions = ['PreferClose', 'PreferSameZone', 'PreferSameNode'];
  if (s.trafficDistribution !== undefined && !distributions.includes(s.trafficDistribution)) {
    errs.push(unsupported('spec.trafficDistribution', s.trafficDistribution, distributions));
  }
  return errs;
}

export function validateServiceSpec(svc: LooseService, isBad: (path: string) => boolean = () => false): FieldError[] {
  const s = svc.spec ?? {};
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label);
  const headless = isHeadless(s);
  const ports = s.ports ?? [];
  if (ports.length === 0 && !headless && s.type !== 'ExternalName') errs.push(required('spec.ports', ''));
  if (s.type === 'LoadBalancer' || s.type === 'NodePort') {
    if (headless) errs.push(invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${s.type} services`));
  } else if (s.type === 'ExternalName') {
    if ((s.clusterIPs ?? []).length > 0) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if ((s.ipFamilies ?? []).length > 0) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (s.ipFamilyPolicy !== undefined) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = (s.externalName ?? '').replace(/\.$/, '');
    if (cname === '') errs.push(required('spec.externalName', ''));
    else errs.push(...nameIsDNSSubdomain(cname, false).map((m) => invalid('spec.externalName', cname, m)));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, index('spec.ports', i), isBad)));
  if (s.selector) errs.push(...validateLabels(s.selector, 'spec.selector'));
  const sa = s.sessionAffinity ?? '';
  if (sa === '') errs.push(required('spec.sessionAffinity', ''));
  else if (sa !== 'ClientIP' && sa !== 'None') errs.push(unsupported('spec.sessionAffinity', sa, ['ClientIP', 'None']));
  const cfgPath = 'spec.sessionAffinityConfig';
  if (sa === 'ClientIP') {
    const when = 'when session affinity type is ClientIP';
    const cfg = s.sessionAffinityConfig;
    const timeout = cfg?.clientIP?.timeoutSeconds;
    if (!cfg) errs.push(required(cfgPath, when));
    else if (!cfg.clientIP) errs.push(required(child(cfgPath, 'clientIP'), when));
    else if (timeout === undefined) errs.push(required(`${cfgPath}.clientIP.timeoutSeconds`, when));
    else if (timeout <= 0 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS) {
      errs.push(invalid(`${cfgPath}.clientIP.timeoutSeconds`, timeout, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`));
    }
  } else if (sa === 'None' && s.sessionAffinityConfig) errs.push(forbidden(cfgPath, 'must not be set when session affinity is None'));
  errs.push(...validateClusterIPs(s));
  (s.externalIPs ?? []).forEach((ip, i) => {
    const e = isValidIP(index('spec.externalIPs', i), ip);
    errs.push(...(e.length > 0 ? e : validateNonSpecialIP(ip, index('spec.externalIPs', i))));
  });
  errs.push(...validateTypeAndPolicies(s, svc.metadata?.annotations ?? {}));
  return errs;
}

export function validateService(svc: ServiceObject, _ctx: ValidationContext, old?: ServiceObject): FieldError[] {
  return checked<LooseService>(svc, serviceSchema, (s, isBad) => {
    if (!old) return validateServiceSpec(s, isBad);
    const o = cleanCopy<LooseService>(old, serviceSchema);
    const next = prepareServiceForUpdate(s, o);
    return [...validateServiceUpdateFields(next, o), ...validateServiceSpec(next, isBad)];
  });
}

export { prepareServiceForUpdate };
