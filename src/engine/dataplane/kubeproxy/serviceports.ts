/**
 * Service → the Service ports kube-proxy programs (pkg/proxy/servicechangetracker.go
 * serviceToServiceMap and service.go newBaseServiceInfo, pkg/api/v1/service/util.go):
 * headless and ExternalName Services are skipped; externalIPs, loadBalancerSourceRanges and
 * ingress IPs of the other family are dropped; ingress IPs in "Proxy" ipMode are not VIPs.
 */
import type { ServiceObject } from '../../api/objects';
import { formatIPv4, isIPv4, parseCidr } from '../../net/ipv4';
import { servicePortNameString } from './chains';
import type { Protocol, ServicePortInfo } from './types';

/** Kubernetes' default sessionAffinityConfig.clientIP.timeoutSeconds (3 hours). */
export const DEFAULT_STICKY_MAX_AGE_SECONDS = 10800;

/** ClusterIP, NodePort, LoadBalancer, or ClusterIP with externalIPs (apiservice.ExternallyAccessible). */
function serviceExternallyAccessible(svc: ServiceObject): boolean {
  const type = svc.spec?.type ?? 'ClusterIP';
  return type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && (svc.spec?.externalIPs?.length ?? 0) > 0);
}

/** The Service's IPv4 ClusterIP (GetClusterIPByFamily), or undefined. */
function ipv4ClusterIP(svc: ServiceObject): string | undefined {
  const ips = svc.spec?.clusterIPs ?? [];
  if (ips.length === 0) return svc.spec?.clusterIP && isIPv4(svc.spec.clusterIP) ? svc.spec.clusterIP : undefined;
  return ips.find(isIPv4);
}

function normaliseCidr(text: string): string | undefined {
  const c = parseCidr(text.trim());
  return c ? `${formatIPv4(c.base)}/${c.prefix}` : undefined;
}

export function servicePortsOf(svc: ServiceObject): Omit<ServicePortInfo, 'endpoints'>[] {
  const spec = svc.spec ?? {};
  // ShouldSkipService: no ClusterIP ("None" or unset) or ExternalName.
  if (!spec.clusterIP || spec.clusterIP === 'None' || spec.type === 'ExternalName') return [];
  const clusterIP = ipv4ClusterIP(svc);
  if (!clusterIP) return [];
  const namespace = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name;
  const externalPolicyLocal = serviceExternallyAccessible(svc) && spec.externalTrafficPolicy === 'Local';
  const internalPolicyLocal = spec.internalTrafficPolicy === 'Local';
  const sessionAffinity = spec.sessionAffinity === 'ClientIP' ? 'ClientIP' : 'None';
  const stickyMaxAgeSeconds = sessionAffinity === 'ClientIP' ? (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_STICKY_MAX_AGE_SECONDS) : 0;
  const externalIPs = (spec.externalIPs ?? []).filter(isIPv4);
  const loadBalancerSourceRanges = (spec.loadBalancerSourceRanges ?? []).map(normaliseCidr).filter((c): c is string => c !== undefined);
  const loadBalancerVIPs = (svc.status?.loadBalancer?.ingress ?? [])
    .filter((ing) => ing.ip && (ing.ipMode === undefined || ing.ipMode === 'VIP') && isIPv4(ing.ip))
    .map((ing) => ing.ip!);
  // NeedsHealthCheck: LoadBalancer with externalTrafficPolicy Local.
  const healthCheckNodePort = spec.type === 'LoadBalancer' && externalPolicyLocal ? (spec.healthCheckNodePort ?? 0) : 0;

  return (spec.ports ?? []).map((p) => {
    const portName = p.name ?? '';
    return {
      namespace,
      name,
      portName,
      protocol: (p.protocol ?? 'TCP') as Protocol,
      nameString: servicePortNameString(namespace, name, portName),
      clusterIP,
      port: p.port,
      nodePort: p.nodePort ?? 0,
      externalIPs,
      loadBalancerVIPs,
      loadBalancerSourceRanges,
      sessionAffinity,
      stickyMaxAgeSeconds,
      externalPolicyLocal,
      internalPolicyLocal,
      healthCheckNodePort,
    };
  });
}
