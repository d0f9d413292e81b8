/**
 * What CoreDNS's `kubernetes` plugin keeps in its informer caches, built from the cluster
 * state: Services by "name.namespace", the ready addresses of their EndpointSlices, the
 * namespaces that exist, and the reverse indexes (ClusterIP → Service, endpoint IP →
 * endpoints) that reverse.go uses. Built once per state (the state is immutable) and cached.
 *
 * Upstream rules restated here:
 * - an EndpointSlice belongs to the Service named by its `kubernetes.io/service-name` label
 *   (plugin/kubernetes/object/endpoint.go, EndpointSliceToEndpoints);
 * - only endpoints whose `conditions.ready` is true or unset are published (endpointsliceReady);
 *   `publishNotReadyAddresses` already shows up as ready in the slice;
 * - a slice with no ports gets the sentinel port -1, so it still answers A but never SRV;
 * - an endpoint's DNS name is its `hostname`, else its IP with dashes
 *   (plugin/kubernetes/kubernetes.go, endpointHostname; `endpoint_pod_names` is off in kubeadm).
 */
import type { EndpointSliceObject, PodObject, ServiceObject } from '../../api/objects';
import type { ClusterState } from '../../cluster/state';
import { viewOf } from '../../cluster/state';
import { imageName } from '../../controllers/images';
import { fqdn } from './names';

export interface ZonePort {
  name: string;
  /** -1: the slice declares no ports (CoreDNS's sentinel). */
  port: number;
  protocol: string;
}

export interface ZoneService {
  namespace: string;
  name: string;
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  headless: boolean;
  /** The Service's ClusterIPs; empty when headless or ExternalName. */
  clusterIPs: string[];
  externalName?: string;
  ports: ZonePort[];
}

export interface ZoneEndpoint {
  ip: string;
  /** The label this endpoint answers to under its Service: `hostname`, else the dashed IP. */
  hostname: string;
  ports: ZonePort[];
  /** "ns/name" of the pod behind it, when the slice says. */
  pod?: string;
  /** "ns/name" of its EndpointSlice. */
  slice: string;
}

export interface EndpointRef {
  namespace: string;
  service: string;
  endpoint: ZoneEndpoint;
}

export interface ClusterZone {
  /** The cluster domain, fully qualified and lower-case: "cluster.local.". */
  domain: string;
  /** The SOA serial: CoreDNS writes the time of the last change it saw, in Unix seconds. */
  serial: number;
  namespaces: ReadonlySet<string>;
  /** Key "name.namespace", lower-case (object.ServiceKey). */
  services: ReadonlyMap<string, ZoneService>;
  /** Ready endpoints per Service key, in slice order. */
  endpoints: ReadonlyMap<string, readonly ZoneEndpoint[]>;
  byClusterIP: ReadonlyMap<string, ZoneService>;
  byEndpointIP: ReadonlyMap<string, readonly EndpointRef[]>;
  /** Where CoreDNS answers: Service IPs (port 53) with a ready CoreDNS endpoint, and CoreDNS pod IPs. */
  dnsServers: ReadonlySet<string>;
  /** What `ns.dns.<zone>` resolves to (ns.go, nsAddrs): the Services in front of the CoreDNS pods. */
  nameservers: readonly { name: string; ip: string }[];
}

/** 2026-01-01T00:00:00Z in Unix seconds: the logical clock's epoch (cluster/clock.ts). */
const EPOCH_UNIX = 20454 * 86400;

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
const MANAGED_BY = 'endpointslice-controller.k8s.io';

export const serviceKey = (name: string, namespace: string): string => `${name}.${namespace}`.toLowerCase();

const cache = new WeakMap<ClusterState, ClusterZone>();

export function isCoreDNSPod(pod: PodObject): boolean {
  return (pod.spec?.containers ?? []).some((c) => imageName(c.image ?? '') === 'coredns');
}

function zoneService(svc: ServiceObject): ZoneService {
  const spec = svc.spec ?? {};
  const type = spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ExternalName' ? spec.type : 'ClusterIP';
  const headless = type !== 'ExternalName' && spec.clusterIP === 'None';
  const ips = spec.clusterIPs?.length ? spec.clusterIPs : spec.clusterIP ? [spec.clusterIP] : [];
  return {
    namespace: svc.metadata.namespace ?? 'default',
    name: svc.metadata.name,
    type,
    headless,
    clusterIPs: type === 'ExternalName' || headless ? [] : ips.filter((ip) => ip !== '' && ip !== 'None'),
    externalName: type === 'ExternalName' ? spec.externalName : undefined,
    ports: (spec.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
  };
}

/**
 * The endpoint's hostname. The EndpointSlice controller sets `hostname` when the pod has
 * `spec.hostname` and its `spec.subdomain` names this Service in the same namespace
 * (pkg/controller/util/endpoint, ShouldSetHostname). kubepath's controller does not copy it
 * yet, so for controller-managed slices the rule is applied here from the pod.
 */
function hostnameOf(slice: EndpointSliceObject, ep: NonNullable<EndpointSliceObject['endpoints']>[number], ip: string, pods: ReadonlyMap<string, PodObject>, service: string): string {
  if (ep.hostname) return ep.hostname;
  const ref = ep.targetRef;
  if (slice.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY && ref?.kind === 'Pod' && ref.name) {
    const ns = ref.namespace ?? slice.metadata.namespace ?? 'default';
    const pod = pods.get(`${ns}/${ref.name}`);
    const spec = pod?.spec;
    if (spec?.hostname && spec.subdomain === service && ns === slice.metadata.namespace) return spec.hostname;
  }
  return ip.includes('.') ? ip.replaceAll('.', '-') : ip.replaceAll(':', '-');
}

function build(state: ClusterState): ClusterZone {
  const view = viewOf(state);
  const namespaces = new Set<string>();
  for (const ns of view.list('Namespace')) namespaces.add(ns.metadata.name.toLowerCase());

  const pods = new Map<string, PodObject>();
  const corednsIPs = new Set<string>();
  for (const pod of view.list('Pod')) {
    pods.set(`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`, pod);
    const ip = pod.status?.podIP;
    const phase = pod.status?.phase;
    if (ip && isCoreDNSPod(pod) && phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp) corednsIPs.add(ip);
  }

  const services = new Map<string, ZoneService>();
  const byClusterIP = new Map<string, ZoneService>();
  for (const svc of view.list('Service')) {
    const z = zoneService(svc);
    services.set(serviceKey(z.name, z.namespace), z);
    for (const ip of z.clusterIPs) if (!byClusterIP.has(ip)) byClusterIP.set(ip, z);
  }

  const endpoints = new Map<string, ZoneEndpoint[]>();
  const byEndpointIP = new Map<string, EndpointRef[]>();
  const slices = [...view.list('EndpointSlice')].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
  for (const slice of slices) {
    const service = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    const namespace = slice.metadata.namespace ?? 'default';
    if (!service) continue;
    const ports: ZonePort[] = slice.ports?.length
      ? slice.ports.map((p) => ({ name: p.name ?? '', port: p.port ?? -1, protocol: p.protocol ?? '' }))
      : [{ name: '', port: -1, protocol: '' }];
    const key = serviceKey(service, namespace);
    const list = endpoints.get(key) ?? [];
    for (const ep of slice.endpoints ?? []) {
      if (ep.conditions?.ready === false) continue;
      for (const ip of ep.addresses) {
        const ref = ep.targetRef?.kind === 'Pod' && ep.targetRef.name ? `${ep.targetRef.namespace ?? namespace}/${ep.targetRef.name}` : undefined;
        const z: ZoneEndpoint = { ip, hostname: hostnameOf(slice, ep, ip, pods, service), ports, pod: ref, slice: `${namespace}/${slice.metadata.name}` };
        list.push(z);
        const refs = byEndpointIP.get(ip) ?? [];
        refs.push({ namespace, service, endpoint: z });
        byEndpointIP.set(ip, refs);
      }
    }
    endpoints.set(key, list);
  }

  const domain = fqdn(state.options.clusterDomain).toLowerCase();
  const dnsServers = new Set<string>(corednsIPs);
  const nameservers: { name: string; ip: string }[] = [];
  const seen = new Set<string>();
  for (const ip of corednsIPs) {
    for (const ref of byEndpointIP.get(ip) ?? []) {
      const svc = services.get(serviceKey(ref.service, ref.namespace));
      if (!svc) continue;
      const svcName = `${svc.name}.${svc.namespace}.svc.${domain}`;
      const pairs = svc.headless ? [{ name: `${ref.endpoint.hostname}.${svcName}`, ip }] : svc.clusterIPs.map((c) => ({ name: svcName, ip: c }));
      for (const p of pairs) {
        if (seen.has(`${p.name} ${p.ip}`)) continue;
        seen.add(`${p.name} ${p.ip}`);
        nameservers.push(p);
      }
      if (svc.ports.some((p) => p.port === 53)) for (const c of svc.clusterIPs) dnsServers.add(c);
    }
  }
  if (nameservers.length === 0) {
    const first = [...corednsIPs][0];
    if (first) nameservers.push({ name: `ns.dns.${domain}`, ip: first });
  }

  return {
    domain,
    serial: EPOCH_UNIX + state.time,
    namespaces,
    services,
    endpoints,
    byClusterIP,
    byEndpointIP,
    dnsServers,
    nameservers,
  };
}

/** The plugin's view of the cluster for this state. */
export function clusterZone(state: ClusterState): ClusterZone {
  let z = cache.get(state);
  if (!z) {
    z = build(state);
    cache.set(state, z);
  }
  return z;
}
