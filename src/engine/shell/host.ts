/**
 * What the in-pod shell may ask of the engine: everything a command inside a container can
 * observe or do. The playground implements it for one pod and container; shell commands use
 * nothing else, so they stay testable with a small fake.
 */
import type { DnsQuery, DnsResult, RequestSpec, Trace } from '../types';

export interface ShellHost {
  /** "ns/name" of the pod the command runs in. */
  pod: string;
  container: string;
  /** The image's name ("busybox", "curl", "nginx", ...): tool output formats depend on it. */
  image: string;
  hostname: string;
  podIP: string;
  nodeName: string;
  /** The process environment, in printenv order. */
  env: readonly [string, string][];
  /** /etc/resolv.conf as the kubelet wrote it. */
  resolvConf: string;
  /** /etc/hosts as the kubelet wrote it. */
  hosts: string;
  /** Send a request from this container (curl, wget). */
  request(spec: Omit<RequestSpec, 'from'>): Trace;
  /** Ask the pod's resolver (nslookup, dig, ping by name). */
  resolve(query: Omit<DnsQuery, 'from'>): DnsResult;
  /** The pod's routes and addresses, for `ip route` / `ip addr`: gateway is the node bridge. */
  network: { gateway: string; podCIDR: string; clusterDNS: string };
  /** Whether an ICMP echo to this IPv4 address would be answered (pods and nodes yes, ClusterIPs no). */
  pingable(ip: string): boolean;
}
