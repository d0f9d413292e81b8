/**
 * The whole of what kube-proxy (iptables mode) keeps in one node's `filter` and `nat` tables,
 * in `iptables-save` format: the jumps from the built-in chains it installs with
 * `iptables -I` (iptablesJumpChains, EnsureRule Prepend), and the chains and rules of its
 * `iptables-restore` input (syncProxyRules in pkg/proxy/iptables/proxier.go).
 *
 * Rules are printed as kube-proxy writes them (`-m tcp -p tcp -d 10.96.0.1 --dport 443`), the
 * form its own tests compare; a kernel's `iptables-save` would reorder the matches of each rule.
 */
import {
  KUBE_EXTERNAL_SERVICES,
  KUBE_FIREWALL,
  KUBE_FORWARD,
  KUBE_MARK_MASQ,
  KUBE_NODEPORTS,
  KUBE_POSTROUTING,
  KUBE_PROXY_FIREWALL,
  KUBE_SERVICES,
} from './chains';
import { writeServicePort, type SyncContext } from './servicerules';
import { TableWriter, renderTable, type TableDump } from './tables';
import type { KubeProxyConfig, ProxyInput, ServicePortInfo } from './types';
import { cidrContains, formatIPv4, parseCidr, parseIPv4, type Cidr } from '../../net/ipv4';

/** Above this many endpoints kube-proxy drops per-endpoint comments (largeClusterEndpointsThreshold). */
export const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000;

/** The masquerade mark as kube-proxy formats it: `fmt.Sprintf("%#08x", 1<<bit)`, e.g. "0x00004000". */
export function masqueradeMark(config: KubeProxyConfig): string {
  if (config.masqueradeMarkOverride) return config.masqueradeMarkOverride;
  return `0x${(2 ** config.masqueradeBit).toString(16).padStart(8, '0')}`;
}

const NEW = ['-m', 'conntrack', '--ctstate', 'NEW'];

/**
 * Jumps from the built-in chains (iptablesJumpChains, then iptablesKubeletJumpChains), each
 * ensured with Prepend, so the last one listed ends up first. kubelet
 * (pkg/kubelet/kubelet_network_linux.go) has already put INPUT/OUTPUT → KUBE-FIREWALL in place
 * before kube-proxy starts, so kube-proxy's own jumps land in front of those.
 */
const JUMPS: { table: 'filter' | 'nat'; dst: string; src: string; comment: string; extra: string[] }[] = [
  { table: 'filter', dst: KUBE_EXTERNAL_SERVICES, src: 'INPUT', comment: 'kubernetes externally-visible service portals', extra: NEW },
  { table: 'filter', dst: KUBE_EXTERNAL_SERVICES, src: 'FORWARD', comment: 'kubernetes externally-visible service portals', extra: NEW },
  { table: 'filter', dst: KUBE_NODEPORTS, src: 'INPUT', comment: 'kubernetes health check service ports', extra: [] },
  { table: 'filter', dst: KUBE_SERVICES, src: 'FORWARD', comment: 'kubernetes service portals', extra: NEW },
  { table: 'filter', dst: KUBE_SERVICES, src: 'OUTPUT', comment: 'kubernetes service portals', extra: NEW },
  { table: 'filter', dst: KUBE_FORWARD, src: 'FORWARD', comment: 'kubernetes forwarding rules', extra: [] },
  { table: 'filter', dst: KUBE_PROXY_FIREWALL, src: 'INPUT', comment: 'kubernetes load balancer firewall', extra: NEW },
  { table: 'filter', dst: KUBE_PROXY_FIREWALL, src: 'OUTPUT', comment: 'kubernetes load balancer firewall', extra: NEW },
  { table: 'filter', dst: KUBE_PROXY_FIREWALL, src: 'FORWARD', comment: 'kubernetes load balancer firewall', extra: NEW },
  { table: 'nat', dst: KUBE_SERVICES, src: 'OUTPUT', comment: 'kubernetes service portals', extra: [] },
  { table: 'nat', dst: KUBE_SERVICES, src: 'PREROUTING', comment: 'kubernetes service portals', extra: [] },
  { table: 'nat', dst: KUBE_POSTROUTING, src: 'POSTROUTING', comment: 'kubernetes postrouting rules', extra: [] },
];

function installJumps(filter: TableWriter, nat: TableWriter): void {
  // kubelet's jumps, already present.
  filter.chain(KUBE_FIREWALL);
  filter.append('INPUT', '-j', KUBE_FIREWALL);
  filter.append('OUTPUT', '-j', KUBE_FIREWALL);
  for (const j of JUMPS) {
    const t = j.table === 'filter' ? filter : nat;
    t.chain(j.dst);
    t.prepend(j.src, j.extra, '-m', 'comment', '--comment', `"${j.comment}"`, '-j', j.dst);
  }
}

/**
 * `--nodeport-addresses` as kube-proxy reads it (proxyutil.NewNodePortAddresses): "primary" is
 * the node IP, CIDRs of the other family are dropped, and nothing left (or 0.0.0.0/0) means
 * every local address.
 */
function nodePortCidrs(input: ProxyInput): { matchAll: boolean; cidrs: Cidr[] } {
  const cidrs = input.config.nodePortAddresses
    .map((a) => parseCidr(a === 'primary' ? `${input.node.ip}/32` : a.trim()))
    .filter((c): c is Cidr => c !== undefined);
  return { matchAll: cidrs.length === 0 || cidrs.some((c) => c.prefix === 0), cidrs };
}

/** The local addresses the CIDRs select (GetNodeIPs), loopback first as on the `lo` interface. */
function nodePortIPs(input: ProxyInput, cidrs: Cidr[]): string[] {
  return ['127.0.0.1', ...input.node.addresses].filter((ip) => {
    const n = parseIPv4(ip);
    return n !== undefined && cidrs.some((c) => cidrContains(c, n));
  });
}

function byServiceName(a: ServicePortInfo, b: ServicePortInfo): number {
  const ka = `${a.namespace}/${a.name}`;
  const kb = `${b.namespace}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The two tables as data (built-in chains, chains, rules), for the renderer or an interpreter. */
export function proxyTables(input: ProxyInput): { filter: TableDump; nat: TableDump } {
  const config = input.config;
  const mark = masqueradeMark(config);
  const filter = new TableWriter('filter', ['INPUT', 'FORWARD', 'OUTPUT']);
  const nat = new TableWriter('nat', ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING']);
  const nodePorts = nodePortCidrs(input);
  // NewProxier turns localhost NodePorts off when --nodeport-addresses leaves out 127.0.0.1.
  const loopback = parseIPv4('127.0.0.1')!;
  const localhostNodePorts = config.localhostNodePorts && (nodePorts.matchAll || nodePorts.cidrs.some((c) => cidrContains(c, loopback)));

  installJumps(filter, nat);
  for (const c of [KUBE_SERVICES, KUBE_EXTERNAL_SERVICES, KUBE_FORWARD, KUBE_NODEPORTS, KUBE_PROXY_FIREWALL]) filter.chain(c);
  for (const c of [KUBE_SERVICES, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_MARK_MASQ]) nat.chain(c);

  // Masquerade what KUBE-MARK-MASQ marked, once: clear the mark so a re-traversal does not repeat it.
  nat.append(KUBE_POSTROUTING, '-m', 'mark', '!', '--mark', `${mark}/${mark}`, '-j', 'RETURN');
  nat.append(KUBE_POSTROUTING, '-j', 'MARK', '--xor-mark', mark);
  nat.append(KUBE_POSTROUTING, '-m', 'comment', '--comment', '"kubernetes service traffic requiring SNAT"', '-j', 'MASQUERADE', config.randomFully ? ['--random-fully'] : []);
  nat.append(KUBE_MARK_MASQ, '-j', 'MARK', '--or-mark', mark);

  if (localhostNodePorts) {
    // route_localnet opens NodePorts on 127.0.0.1; this closes it to anything not local (issue 90259).
    filter.append(KUBE_FIREWALL, '-m', 'comment', '--comment', '"block incoming localnet connections"', '-d', '127.0.0.0/8', '!', '-s', '127.0.0.0/8', '-m', 'conntrack', '!', '--ctstate', 'RELATED,ESTABLISHED,DNAT', '-j', 'DROP');
  }

  const clusterCIDR = config.clusterCIDR ? parseCidr(config.clusterCIDR) : undefined;
  const cidrText = clusterCIDR ? `${formatIPv4(clusterCIDR.base)}/${clusterCIDR.prefix}` : undefined;
  const totalEndpoints = input.servicePorts.reduce((n, s) => n + s.endpoints.length, 0);
  const ctx: SyncContext = {
    filter,
    nat,
    nodeName: input.node.name,
    nodeIP: input.node.ip,
    nodeLabels: input.node.labels,
    masqueradeAll: config.masqueradeAll,
    localDetector: cidrText ? { ifLocal: ['-s', cidrText], ifNotLocal: ['!', '-s', cidrText] } : undefined,
    localhostNodePortRule: localhostNodePorts && config.nfacct,
    largeClusterMode: totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD,
  };
  for (const svc of [...input.servicePorts].sort(byServiceName)) writeServicePort(ctx, svc);

  // NodePorts last: this must stay the final rule of nat KUBE-SERVICES.
  const nodePortsComment = '"kubernetes service nodeports; NOTE: this must be the last rule in this chain"';
  if (nodePorts.matchAll) {
    nat.append(KUBE_SERVICES, '-m', 'comment', '--comment', nodePortsComment, '-m', 'addrtype', '--dst-type', 'LOCAL', localhostNodePorts ? [] : ['!', '-d', '127.0.0.0/8'], '-j', KUBE_NODEPORTS);
  } else {
    for (const ip of nodePortIPs(input, nodePorts.cidrs)) {
      if (ip.startsWith('127.') && !localhostNodePorts) continue;
      nat.append(KUBE_SERVICES, '-m', 'comment', '--comment', nodePortsComment, '-d', ip, '-j', KUBE_NODEPORTS);
    }
  }

  if (!config.conntrackTCPLiberal) {
    filter.append(KUBE_FORWARD, '-m', 'conntrack', '--ctstate', 'INVALID', config.nfacct ? ['-m', 'nfacct', '--nfacct-name', 'ct_state_invalid_dropped_pkts'] : [], '-j', 'DROP');
  }
  filter.append(KUBE_FORWARD, '-m', 'comment', '--comment', '"kubernetes forwarding rules"', '-m', 'mark', '--mark', `${mark}/${mark}`, '-j', 'ACCEPT');
  filter.append(KUBE_FORWARD, '-m', 'comment', '--comment', '"kubernetes forwarding conntrack rule"', '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT');

  return { filter: filter.dump(), nat: nat.dump() };
}

/**
 * The node's kube-proxy rules as `iptables-save` prints them: `*filter` then `*nat`, each with
 * its chains (`:INPUT ACCEPT [0:0]`, `:KUBE-SERVICES - [0:0]`), its `-A` rules and `COMMIT`.
 */
export function iptablesSave(input: ProxyInput): string {
  const { filter, nat } = proxyTables(input);
  return renderTable(filter) + renderTable(nat);
}
