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
  /**
   * Optional: the full image reference from the pod spec ("busybox:1.28", "curlimages/curl:8.11.1").
   * Tool versions depend on the tag (busybox's nslookup changed format in 1.29); without it
   * `image` is read as the reference.
   */
  imageRef?: string;
  hostname: string;
  podIP: string;
  nodeName: string;
  /** The process environment, in printenv order. */
  env: readonly [string, string][];
  /** /etc/resolv.conf as the kubelet wrote it. */
  resolvConf: string;
  /** /etc/hosts as the kubelet wrote it. */
  hosts: string;
  /**
   * Optional: files mounted into the container from ConfigMap and Secret volumes, by absolute
   * path (Secret data decoded), for `cat` and `curl --cacert`.
   */
  files?: ReadonlyMap<string, string>;
  /** Send a request from this container (curl, wget). */
  request(spec: Omit<RequestSpec, 'from'>): Trace;
  /** Ask the pod's resolver (nslookup, dig, ping by name). */
  resolve(query: Omit<DnsQuery, 'from'>): DnsResult;
  /**
   * The pod's routes and addresses, for `ip route` / `ip addr`: gateway is the node bridge,
   * podCIDR the node's range (the pod's on-link /24). Optional: clusterCIDR, the whole pod
   * network flannel routes via the gateway (default: podCIDR widened to /16); mtu of eth0
   * (default 1450, flannel VXLAN).
   */
  network: { gateway: string; podCIDR: string; clusterDNS: string; clusterCIDR?: string; mtu?: number };
  /** Whether an ICMP echo to this IPv4 address would be answered (pods and nodes yes, ClusterIPs no). */
  pingable(ip: string): boolean;
}
