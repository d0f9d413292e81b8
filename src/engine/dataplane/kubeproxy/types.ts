/**
 * What one node's kube-proxy sees: its node, its configuration, and every Service port with
 * the endpoints of that port, already converted the way kube-proxy converts the API objects
 * (pkg/proxy/servicechangetracker.go, service.go newBaseServiceInfo, endpointslicecache.go).
 * Plain data (JSON-safe), so a packet interpreter or the UI can read it too.
 */

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** kube-proxy's command-line / KubeProxyConfiguration knobs that change the rules it writes. */
export interface KubeProxyConfig {
  /** `--iptables-masquerade-bit` (default 14): the mark is 1 << bit. */
  masqueradeBit: number;
  /** `--masquerade-all` (default false): masquerade every packet sent to a ClusterIP. */
  masqueradeAll: boolean;
  /** `--iptables-localhost-nodeports` (default true): NodePorts answer on 127.0.0.1 too. */
  localhostNodePorts: boolean;
  /**
   * `--nodeport-addresses`: CIDRs, or "primary" for the node IP. Empty (the default) means
   * every local address (`-m addrtype --dst-type LOCAL`).
   */
  nodePortAddresses: string[];
  /** iptables ≥ 1.6.2 knows `--random-fully` (HasRandomFully); true on any current node. */
  randomFully: boolean;
  /** The kernel has xt_nfacct, so kube-proxy adds its nfacct counters to two rules. */
  nfacct: boolean;
  /** net.netfilter.nf_conntrack_tcp_be_liberal=1: no DROP rule for INVALID packets. */
  conntrackTCPLiberal: boolean;
  /**
   * `--detect-local-mode` ClusterCIDR: traffic from this CIDR is "local" (from a pod). When
   * absent the local detector is not implemented and kube-proxy writes no rules that need it.
   */
  clusterCIDR?: string;
  /** Only for reproducing upstream test fixtures, whose fake proxier writes the mark as "0x4000". */
  masqueradeMarkOverride?: string;
}

export const DEFAULT_KUBE_PROXY_CONFIG: KubeProxyConfig = {
  masqueradeBit: 14,
  masqueradeAll: false,
  localhostNodePorts: true,
  nodePortAddresses: [],
  randomFully: true,
  nfacct: true,
  conntrackTCPLiberal: false,
};

/** One endpoint of one Service port (proxy.BaseEndpointInfo). */
export interface EndpointInfo {
  ip: string;
  port: number;
  /** "ip:port", as kube-proxy prints it in comments and DNAT rules. */
  endpoint: string;
  /** The endpoint's nodeName is this node. */
  isLocal: boolean;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  zoneHints?: string[];
  nodeHints?: string[];
  /** The EndpointSlice's targetRef, "ns/name", for the UI and traces. */
  pod?: string;
  /** The endpoint's nodeName, for the UI and traces. */
  nodeName?: string;
}

/** One Service port as kube-proxy keeps it (proxy.BaseServicePortInfo + the iptables chain names). */
export interface ServicePortInfo {
  namespace: string;
  name: string;
  /** spec.ports[].name ("" when unnamed). */
  portName: string;
  protocol: Protocol;
  /** ServicePortName.String(): "ns/name:port", or "ns/name" when the port is unnamed. */
  nameString: string;
  clusterIP: string;
  port: number;
  /** 0 when there is none. */
  nodePort: number;
  externalIPs: string[];
  /** status.loadBalancer.ingress IPs in VIP mode. */
  loadBalancerVIPs: string[];
  /** Parsed, normalised CIDRs ("203.0.113.0/25"). */
  loadBalancerSourceRanges: string[];
  sessionAffinity: 'None' | 'ClientIP';
  /** sessionAffinityConfig.clientIP.timeoutSeconds (10800 by default) when ClientIP. */
  stickyMaxAgeSeconds: number;
  externalPolicyLocal: boolean;
  internalPolicyLocal: boolean;
  /** 0 unless the Service needs a health check (LoadBalancer with externalTrafficPolicy Local). */
  healthCheckNodePort: number;
  /** Sorted by "ip:port" string, as kube-proxy sorts them. */
  endpoints: EndpointInfo[];
}

export interface ProxyNode {
  name: string;
  /** The node IP kube-proxy detects (first InternalIP, else ExternalIP). */
  ip: string;
  /** Every address that is local on the node (InternalIP and ExternalIP): NodePorts answer on all. */
  addresses: string[];
  labels: Record<string, string>;
}

export interface ProxyInput {
  node: ProxyNode;
  config: KubeProxyConfig;
  /** Sorted by "ns/name", then in spec.ports order. */
  servicePorts: ServicePortInfo[];
}
