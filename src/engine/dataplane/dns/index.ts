/** Cluster DNS: CoreDNS's `kubernetes` plugin answers and the pod resolver. See README.md. */
export { answer, answerIn, soaRecord, CLUSTER_TTL } from './coredns';
export { formatRecord, type DnsAnswer, type DnsRecord, type QType, type Rcode, type RRType } from './message';
export { resolvConf, resolvConfText, clusterDNSIP, effectiveDNSPolicy, ndotsOf, NODE_RESOLV_CONF, type ResolvConf } from './resolvconf';
export { resolve, resolveQuery, type DnsResolution, type DnsStep, type ResolveOptions } from './resolver';
export { searchName, type Libc, type Outcome } from './search';
export { upstreamAnswer, UPSTREAM_NAMES, UPSTREAM_TTL } from './upstream';
export { clusterZone, type ClusterZone } from './zone';
