/**
 * The `kubernetes` plugin's backend: what a name in the cluster zone stands for, before it is
 * turned into resource records (coredns/coredns plugin/kubernetes/kubernetes.go Services,
 * Records, findServices, findPods; reverse.go; ns.go). Each hit is CoreDNS's msg.Service: a
 * host (an IP, or a name for a CNAME), a port (SRV), and the record's own name (the SRV
 * target). A miss is a name error (NXDOMAIN); an empty list with no error is NODATA.
 *
 * `pods insecure` (the kubeadm Corefile) answers `a-b-c-d.<ns>.pod.<zone>` for any address
 * in an existing namespace, without looking for the pod.
 */
import { isIP, isIPv4, isIPv6 } from './names';
import { matchPortAndProtocol, parseRequest, type RecordRequest } from './request';
import { serviceKey, type ClusterZone, type ZoneService } from './zone';

export interface BackendItem {
  /** An IP address, or a name (ExternalName: the record is a CNAME). */
  host: string;
  /** The port an SRV record carries; -1 when the endpoint's slice declares none. */
  port: number;
  /** The name this item lives at, fully qualified: the SRV target. */
  key: string;
}

/** Hits (possibly none: NODATA), or a name error (NXDOMAIN). */
export type BackendResult = { items: BackendItem[] } | { nameError: true };

const NAME_ERROR: BackendResult = { nameError: true };
const NODATA: BackendResult = { items: [] };

export function isNameError<T extends object>(r: T | { nameError: true }): r is { nameError: true } {
  return 'nameError' in r;
}

/** `ns.dns.<zone>`: the plugin's own name for the cluster's nameserver (ns.go, isDefaultNS). */
export function isDefaultNS(name: string, zone: string): boolean {
  return name.toLowerCase() === `ns.dns.${zone}`;
}

function findPods(zone: ClusterZone, r: RecordRequest): BackendResult {
  const podname = r.service;
  if (podname === '') return NODATA;
  // Three dashes and no "--": an IPv4 address; anything else is read as IPv6.
  const dashes = podname.split('-').length - 1;
  const ip = dashes === 3 && !podname.includes('--') ? podname.replaceAll('-', '.') : podname.replaceAll('-', ':');
  if (!isIP(ip)) return NAME_ERROR;
  return { items: [{ host: ip, port: 0, key: `${podname}.${r.namespace}.pod.${zone.domain}` }] };
}

function findServices(zone: ClusterZone, r: RecordRequest): BackendResult {
  if (r.service === '') return NODATA;
  const key = serviceKey(r.service, r.namespace);
  const svc = zone.services.get(key);
  if (!svc) return NAME_ERROR;
  const svcName = `${svc.name}.${svc.namespace}.svc.${zone.domain}`;

  if (svc.type === 'ExternalName') {
    // An ExternalName Service has no endpoints: `<x>.<svc>.<ns>.svc.<zone>` does not exist.
    if (r.endpoint !== '' || !svc.externalName || isIP(svc.externalName)) return NAME_ERROR;
    return { items: [{ host: svc.externalName, port: 0, key: svcName }] };
  }

  if (svc.headless || r.endpoint !== '') {
    const items: BackendItem[] = [];
    for (const ep of zone.endpoints.get(key) ?? []) {
      if (r.endpoint !== '' && r.endpoint.toLowerCase() !== ep.hostname.toLowerCase()) continue;
      for (const p of ep.ports) {
        if (!matchPortAndProtocol(r.port, p.name, r.protocol, p.protocol)) continue;
        items.push({ host: ep.ip, port: p.port, key: `${ep.hostname}.${svcName}` });
      }
    }
    return items.length > 0 ? { items } : NAME_ERROR;
  }

  let matched = false;
  const items: BackendItem[] = [];
  for (const p of svc.ports) {
    if (!matchPortAndProtocol(r.port, p.name, r.protocol, p.protocol)) continue;
    matched = true;
    for (const ip of svc.clusterIPs) items.push({ host: ip, port: p.port, key: svcName });
  }
  return matched ? { items } : NAME_ERROR;
}

/** What a name in the cluster zone stands for (Services + Records). */
export function lookupName(zone: ClusterZone, name: string, qtype: string): BackendResult {
  if (isDefaultNS(name, zone.domain)) {
    const own = name.toLowerCase();
    const ips = zone.nameservers.map((n) => n.ip).filter((ip) => (qtype === 'AAAA' ? isIPv6(ip) : qtype === 'A' && isIPv4(ip)));
    return { items: ips.map((ip) => ({ host: ip, port: 0, key: own })) };
  }
  const r = parseRequest(name, zone.domain);
  if (r === 'invalid') return NAME_ERROR;
  if (r.podOrSvc === '') return NODATA;
  // A namespace that does not exist has no names at all (namespace.go, namespaceExposed).
  if (!zone.namespaces.has(r.namespace)) return NAME_ERROR;
  const found = r.podOrSvc === 'pod' ? findPods(zone, r) : findServices(zone, r);
  // SRV records for ExternalName Services are not implemented upstream: drop the CNAME hits.
  if (qtype === 'SRV' && !isNameError(found)) return { items: found.items.filter((i) => isIP(i.host)) };
  return found;
}

/**
 * PTR data for an address (reverse.go, serviceRecordForIP): the Service whose ClusterIP it is,
 * else every ready endpoint with that address, as `<hostname>.<svc>.<ns>.svc.<zone>`.
 */
export function lookupAddress(zone: ClusterZone, ip: string): BackendResult {
  const svc: ZoneService | undefined = zone.byClusterIP.get(ip);
  if (svc) return { items: [{ host: `${svc.name}.${svc.namespace}.svc.${zone.domain}`, port: 0, key: '' }] };
  const items = (zone.byEndpointIP.get(ip) ?? []).map((ref) => ({
    host: `${ref.endpoint.hostname}.${ref.service}.${ref.namespace}.svc.${zone.domain}`,
    port: 0,
    key: '',
  }));
  return items.length > 0 ? { items } : NAME_ERROR;
}
