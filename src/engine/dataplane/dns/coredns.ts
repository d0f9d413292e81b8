/**
 * CoreDNS as kubeadm configures it (the Corefile in cluster/addons.ts): the `kubernetes`
 * plugin is authoritative for the cluster domain and answers reverse lookups, misses in
 * `in-addr.arpa`/`ip6.arpa` fall through, and everything else goes to `forward . /etc/resolv.conf`
 * (here: the upstream model, upstream.ts).
 *
 * Record building follows coredns/coredns plugin/backend_lookup.go (A, AAAA, SRV, CNAME, PTR,
 * SOA) and plugin/kubernetes/handler.go (ServeDNS): a name error is NXDOMAIN with the zone's
 * SOA in the authority section; a name with no records of the asked type is NODATA (NOERROR,
 * no answers, the SOA); `ttl 30` on every record. ExternalName CNAMEs are followed: inside the
 * cluster domain by asking the plugin again, outside by asking upstream; a target equal to or
 * below the name itself is skipped, a CNAME already in the chain is skipped (a loop), and
 * nothing is added once the chain holds 8 CNAMEs. A CNAME whose in-cluster target has no
 * records is dropped, so a dangling or looping chain answers NODATA. Answer order is the
 * store's; the Corefile's `loadbalance` would shuffle A records on every answer.
 */
import type { ClusterState } from '../../cluster/state';
import type { DnsAnswer, DnsRecord, QType } from './message';
import { addressFromReverse, fqdn, isIP, isIPv4, isIPv6, isReverseName, isSubdomain } from './names';
import { isNameError, lookupAddress, lookupName, type BackendResult } from './records';
import { upstreamAnswer } from './upstream';
import { clusterZone, type ClusterZone } from './zone';

/** `ttl 30` in the kubeadm Corefile's `kubernetes` block (CoreDNS's own default is 5). */
export const CLUSTER_TTL = 30;
/** backend_lookup.go: a CNAME is not added once 8 are in the chain (`len(previousRecords) > 7`). */
const MAX_CNAME_CHAIN = 8;

type Built = { records: DnsRecord[]; additional?: DnsRecord[] } | { nameError: true };

const rr = (name: string, type: DnsRecord['type'], data: string): DnsRecord => ({ name, type, ttl: CLUSTER_TTL, data });

/** The zone's SOA as CoreDNS writes it (backend_lookup.go, SOA): TTL min(300, ttl), minimum = ttl. */
export function soaRecord(zone: ClusterZone, origin: string): DnsRecord {
  return {
    name: origin,
    type: 'SOA',
    ttl: Math.min(300, CLUSTER_TTL),
    data: `ns.dns.${origin} hostmaster.${origin} ${zone.serial} 7200 1800 86400 ${CLUSTER_TTL}`,
  };
}

function addresses(zone: ClusterZone, name: string, qtype: 'A' | 'AAAA', previous: DnsRecord[]): Built {
  const look = lookupName(zone, name, qtype);
  if (isNameError(look)) return look;
  const records: DnsRecord[] = [];
  const seen = new Set<string>();
  for (const item of look.items) {
    if (!isIP(item.host)) {
      const target = fqdn(item.host);
      if (isSubdomain(name, target)) continue; // x CNAME x is a direct loop
      const cname = rr(name, 'CNAME', target);
      if (previous.length >= MAX_CNAME_CHAIN) continue;
      if (previous.some((p) => p.name.toLowerCase() === name.toLowerCase() && p.data.toLowerCase() === target.toLowerCase())) continue;
      if (isSubdomain(zone.domain, target)) {
        const next = addresses(zone, target, qtype, [...previous, cname]);
        if (!isNameError(next) && next.records.length > 0) records.push(cname, ...next.records);
        continue;
      }
      // Outside the zone: CoreDNS asks its own server again, which forwards upstream.
      records.push(cname, ...answerIn(zone, target, qtype).answers);
      continue;
    }
    const family = qtype === 'A' ? isIPv4(item.host) : isIPv6(item.host);
    if (family && !seen.has(item.host)) {
      seen.add(item.host);
      records.push(rr(name, qtype, item.host));
    }
  }
  return { records };
}

function srv(zone: ClusterZone, name: string): Built {
  const look = lookupName(zone, name, 'SRV');
  if (isNameError(look)) return look;
  // Every hit has priority 0 and weight 100; the weights are shared out per priority,
  // counting the port-less hits that are then skipped (backend_lookup.go, SRV).
  const total = 100 * look.items.length;
  const weight = Math.max(1, Math.floor((100 / total) * 100));
  const records: DnsRecord[] = [];
  const additional: DnsRecord[] = [];
  const dup = new Set<string>();
  for (const item of look.items) {
    if (item.port === -1) continue;
    const target = item.key;
    if (!dup.has(`${target} ${item.port}`)) {
      dup.add(`${target} ${item.port}`);
      records.push(rr(name, 'SRV', `0 ${weight} ${item.port} ${target}`));
    }
    if (!dup.has(`${target} @${item.host}`)) {
      dup.add(`${target} @${item.host}`);
      additional.push(rr(target, isIPv4(item.host) ? 'A' : 'AAAA', item.host));
    }
  }
  return { records, additional };
}

function canonicalName(zone: ClusterZone, name: string): Built {
  const look = lookupName(zone, name, 'CNAME');
  if (isNameError(look)) return look;
  const first = look.items[0];
  return { records: first && !isIP(first.host) ? [rr(name, 'CNAME', fqdn(first.host))] : [] };
}

function ptr(zone: ClusterZone, name: string, inClusterZone: boolean): Built {
  const ip = addressFromReverse(name);
  if (ip === undefined) {
    // Not an address: CoreDNS only checks that the name exists (reverse.go, Reverse).
    const look: BackendResult = inClusterZone ? lookupName(zone, name, 'PTR') : { nameError: true };
    return isNameError(look) ? look : { records: [] };
  }
  const look = lookupAddress(zone, ip);
  if (isNameError(look)) return look;
  const seen = new Set<string>();
  const records: DnsRecord[] = [];
  for (const item of look.items) {
    if (seen.has(item.host)) continue;
    seen.add(item.host);
    records.push(rr(name, 'PTR', item.host));
  }
  return { records };
}

/** The `kubernetes` plugin's reply for a name in one of its zones (handler.go, ServeDNS). */
function servePlugin(zone: ClusterZone, origin: string, name: string, qtype: QType): DnsAnswer {
  const inClusterZone = origin === zone.domain;
  let built: Built;
  if (qtype === 'PTR') built = ptr(zone, name, inClusterZone);
  else if (!inClusterZone) built = { nameError: true }; // forward names under in-addr.arpa do not parse
  else if (qtype === 'A' || qtype === 'AAAA') built = addresses(zone, name, qtype, []);
  else if (qtype === 'SRV') built = srv(zone, name);
  else built = canonicalName(zone, name);
  const base = { authority: [] as DnsRecord[], additional: [] as DnsRecord[], source: 'kubernetes' as const };
  if (isNameError(built)) return { ...base, rcode: 'NXDOMAIN', answers: [], authority: [soaRecord(zone, origin)] };
  if (built.records.length === 0) return { ...base, rcode: 'NOERROR', answers: [], authority: [soaRecord(zone, origin)] };
  return { ...base, rcode: 'NOERROR', answers: built.records, additional: built.additional ?? [] };
}

/** CoreDNS's reply to one question, given the plugin's view of the cluster. */
export function answerIn(zone: ClusterZone, qname: string, qtype: QType): DnsAnswer {
  const name = fqdn(qname);
  if (isSubdomain(zone.domain, name)) return servePlugin(zone, zone.domain, name, qtype);
  if (isReverseName(name)) {
    const origin = isSubdomain('in-addr.arpa.', name) ? 'in-addr.arpa.' : 'ip6.arpa.';
    const reply = servePlugin(zone, origin, name, qtype);
    // `fallthrough in-addr.arpa ip6.arpa`: a miss goes on to `forward`.
    if (reply.rcode !== 'NXDOMAIN') return reply;
  }
  return upstreamAnswer(name, qtype);
}

/** What the CoreDNS pods behind kube-dns answer for one question (no search list: the name is absolute). */
export function answer(state: ClusterState, qname: string, qtype: QType = 'A'): DnsAnswer {
  return answerIn(clusterZone(state), qname, qtype);
}
