/**
 * The rules kube-proxy writes for one Service port: the body of the service loop in
 * syncProxyRules (pkg/proxy/iptables/proxier.go), restated. Comments keep kube-proxy's own
 * quoting: a comment with spaces is written with its double quotes, `ns/svc:port` bare.
 */
import { KUBE_EXTERNAL_SERVICES, KUBE_MARK_MASQ, KUBE_NODEPORTS, KUBE_PROXY_FIREWALL, KUBE_SERVICES, endpointChain, servicePortChains } from './chains';
import { categorizeEndpoints, externallyAccessible, usesClusterEndpoints, usesLocalEndpoints } from './categorize';
import { probability } from './probability';
import type { TableWriter } from './tables';
import type { EndpointInfo, ServicePortInfo } from './types';
import { cidrContains, parseCidr, parseIPv4 } from '../../net/ipv4';

export interface SyncContext {
  filter: TableWriter;
  nat: TableWriter;
  nodeName: string;
  nodeIP: string;
  nodeLabels: Record<string, string>;
  masqueradeAll: boolean;
  /** `-s <clusterCIDR>` / `! -s <clusterCIDR>` (LocalTrafficDetector by ClusterCIDR); undefined when not implemented. */
  localDetector?: { ifLocal: string[]; ifNotLocal: string[] };
  /** localhostNodePorts, IPv4, and the nfacct counter exists: NodePorts on 127.0.0.0/8 get a counted rule. */
  localhostNodePortRule: boolean;
  /** More than 1000 endpoints in all: per-endpoint rules lose their comments. */
  largeClusterMode: boolean;
}

function q(text: string): string {
  return `"${text}"`;
}

/** `-m comment --comment <c>` unless in large cluster mode (appendServiceCommentLocked). */
function serviceComment(ctx: SyncContext, comment: string): string[] {
  return ctx.largeClusterMode ? [] : ['-m', 'comment', '--comment', comment];
}

/** Session-affinity rules first, then one probabilistic jump per endpoint (writeServiceToEndpointRules). */
function writeServiceToEndpointRules(ctx: SyncContext, svc: ServicePortInfo, chain: string, endpoints: EndpointInfo[], sepOf: (ep: EndpointInfo) => string): void {
  const spn = svc.nameString;
  if (svc.sessionAffinity === 'ClientIP') {
    for (const ep of endpoints) {
      const sep = sepOf(ep);
      ctx.nat.append(chain, serviceComment(ctx, q(`${spn} -> ${ep.endpoint}`)), '-m', 'recent', '--name', sep, '--rcheck', '--seconds', String(svc.stickyMaxAgeSeconds), '--reap', '-j', sep);
    }
  }
  const n = endpoints.length;
  endpoints.forEach((ep, i) => {
    const sep = sepOf(ep);
    // Each rule but the last matches with probability 1/(remaining endpoints); the last always.
    const statistic = i < n - 1 ? ['-m', 'statistic', '--mode', 'random', '--probability', probability(n - i)] : [];
    ctx.nat.append(chain, serviceComment(ctx, q(`${spn} -> ${ep.endpoint}`)), statistic, '-j', sep);
  });
}

export function writeServicePort(ctx: SyncContext, svc: ServicePortInfo): void {
  const { filter, nat } = ctx;
  const protocol = svc.protocol.toLowerCase();
  const spn = svc.nameString;
  const chains = servicePortChains(spn, protocol);
  const port = String(svc.port);
  const match = ['-m', protocol, '-p', protocol];
  const sepNames = new Map<string, string>();
  const sepOf = (ep: EndpointInfo): string => {
    let name = sepNames.get(ep.endpoint);
    if (name === undefined) sepNames.set(ep.endpoint, (name = endpointChain(spn, protocol, ep.endpoint)));
    return name;
  };

  const { cluster, local, allReachable, hasAnyEndpoints: hasEndpoints } = categorizeEndpoints(svc, ctx.nodeName, ctx.nodeLabels);
  const usesClusterPolicyChain = cluster.length > 0 && usesClusterEndpoints(svc);
  const usesLocalPolicyChain = local.length > 0 && usesLocalEndpoints(svc);

  const internalTrafficChain = svc.internalPolicyLocal ? chains.local : chains.cluster;
  const hasInternalEndpoints = hasEndpoints && !(svc.internalPolicyLocal && local.length === 0);
  const externalPolicyChain = svc.externalPolicyLocal ? chains.local : chains.cluster;
  const hasExternalEndpoints = hasEndpoints && !(svc.externalPolicyLocal && local.length === 0);
  const externalTrafficChain = chains.external;
  // Based on hasEndpoints, not hasExternalEndpoints: the short-circuit rules for pods and
  // the node itself are needed even when no local endpoint exists.
  const usesExternalTrafficChain = hasEndpoints && externallyAccessible(svc);
  const usesFWChain = hasEndpoints && svc.loadBalancerVIPs.length > 0 && svc.loadBalancerSourceRanges.length > 0;
  const loadBalancerTrafficChain = usesFWChain ? chains.firewall : externalTrafficChain;

  // What filter does with traffic nothing serves (for ClusterIP and external traffic alike):
  // REJECT when the Service has no endpoints at all, DROP when a Local policy finds none here.
  const unserved = !hasEndpoints ? { target: 'REJECT', comment: q(`${spn} has no endpoints`) } : { target: 'DROP', comment: q(`${spn} has no local endpoints`) };

  // ClusterIP.
  if (hasInternalEndpoints) {
    nat.append(KUBE_SERVICES, '-m', 'comment', '--comment', q(`${spn} cluster IP`), match, '-d', svc.clusterIP, '--dport', port, '-j', internalTrafficChain);
  } else {
    filter.append(KUBE_SERVICES, '-m', 'comment', '--comment', unserved.comment, match, '-d', svc.clusterIP, '--dport', port, '-j', unserved.target);
  }

  // externalIPs.
  for (const ip of svc.externalIPs) {
    if (hasEndpoints) nat.append(KUBE_SERVICES, '-m', 'comment', '--comment', q(`${spn} external IP`), match, '-d', ip, '--dport', port, '-j', externalTrafficChain);
    if (!hasExternalEndpoints) filter.append(KUBE_EXTERNAL_SERVICES, '-m', 'comment', '--comment', unserved.comment, match, '-d', ip, '--dport', port, '-j', unserved.target);
  }

  // LoadBalancer ingress IPs.
  for (const ip of svc.loadBalancerVIPs) {
    if (hasEndpoints) nat.append(KUBE_SERVICES, '-m', 'comment', '--comment', q(`${spn} loadbalancer IP`), match, '-d', ip, '--dport', port, '-j', loadBalancerTrafficChain);
    if (usesFWChain) filter.append(KUBE_PROXY_FIREWALL, '-m', 'comment', '--comment', q(`${spn} traffic not accepted by ${chains.firewall}`), match, '-d', ip, '--dport', port, '-j', 'DROP');
  }
  if (!hasExternalEndpoints) {
    for (const ip of svc.loadBalancerVIPs) {
      filter.append(KUBE_EXTERNAL_SERVICES, '-m', 'comment', '--comment', unserved.comment, match, '-d', ip, '--dport', port, '-j', unserved.target);
    }
  }

  // NodePort (not subject to loadBalancerSourceRanges).
  if (svc.nodePort !== 0) {
    const nodePort = String(svc.nodePort);
    if (hasEndpoints) {
      if (ctx.localhostNodePortRule) {
        nat.append(KUBE_NODEPORTS, '-m', 'comment', '--comment', spn, match, '-d', '127.0.0.0/8', '--dport', nodePort, '-m', 'nfacct', '--nfacct-name', 'localhost_nps_accepted_pkts', '-j', externalTrafficChain);
      }
      nat.append(KUBE_NODEPORTS, '-m', 'comment', '--comment', spn, match, '--dport', nodePort, '-j', externalTrafficChain);
    }
    if (!hasExternalEndpoints) {
      filter.append(KUBE_EXTERNAL_SERVICES, '-m', 'comment', '--comment', unserved.comment, '-m', 'addrtype', '--dst-type', 'LOCAL', match, '--dport', nodePort, '-j', unserved.target);
    }
  }

  // healthCheckNodePort: accepted whether or not this node has local endpoints (always TCP).
  if (svc.healthCheckNodePort !== 0) {
    filter.append(KUBE_NODEPORTS, '-m', 'comment', '--comment', q(`${spn} health check node port`), '-m', 'tcp', '-p', 'tcp', '--dport', String(svc.healthCheckNodePort), '-j', 'ACCEPT');
  }

  // Internal traffic: masquerade what comes from outside the cluster (or everything with masqueradeAll).
  if (hasInternalEndpoints) {
    const args = ['-m', 'comment', '--comment', q(`${spn} cluster IP`), ...match, '-d', svc.clusterIP, '--dport', port];
    if (ctx.masqueradeAll) nat.append(internalTrafficChain, args, '-j', KUBE_MARK_MASQ);
    else if (ctx.localDetector) nat.append(internalTrafficChain, args, ctx.localDetector.ifNotLocal, '-j', KUBE_MARK_MASQ);
  }

  // External traffic: every external destination jumps to the EXT chain.
  if (usesExternalTrafficChain) {
    nat.chain(externalTrafficChain);
    if (!svc.externalPolicyLocal) {
      // Endpoints may be on another node: masquerade so replies come back through here.
      nat.append(externalTrafficChain, '-m', 'comment', '--comment', q(`masquerade traffic for ${spn} external destinations`), '-j', KUBE_MARK_MASQ);
    } else {
      // Local policy keeps the client IP; pods reaching the external IP act as if they went
      // out to the load balancer and came back, so they may use any endpoint.
      if (ctx.localDetector) {
        nat.append(externalTrafficChain, '-m', 'comment', '--comment', q(`pod traffic for ${spn} external destinations`), ctx.localDetector.ifLocal, '-j', chains.cluster);
      }
      // The node itself: its source address would be the (local) external IP, so masquerade.
      nat.append(externalTrafficChain, '-m', 'comment', '--comment', q(`masquerade LOCAL traffic for ${spn} external destinations`), '-m', 'addrtype', '--src-type', 'LOCAL', '-j', KUBE_MARK_MASQ);
      nat.append(externalTrafficChain, '-m', 'comment', '--comment', q(`route LOCAL traffic for ${spn} external destinations`), '-m', 'addrtype', '--src-type', 'LOCAL', '-j', chains.cluster);
    }
    if (hasExternalEndpoints) nat.append(externalTrafficChain, '-j', externalPolicyChain);
  }

  // loadBalancerSourceRanges.
  if (usesFWChain) {
    nat.chain(chains.firewall);
    const head = ['-m', 'comment', '--comment', q(`${spn} loadbalancer IP`)];
    let allowFromNode = false;
    const nodeIP = parseIPv4(ctx.nodeIP);
    for (const cidr of svc.loadBalancerSourceRanges) {
      nat.append(chains.firewall, head, '-s', cidr, '-j', externalTrafficChain);
      const c = parseCidr(cidr);
      if (c && nodeIP !== undefined && cidrContains(c, nodeIP)) allowFromNode = true;
    }
    // A VIP-like LB may loop the node's own requests back with the VIP as source.
    if (allowFromNode) {
      for (const ip of svc.loadBalancerVIPs) nat.append(chains.firewall, head, '-s', ip, '-j', externalTrafficChain);
    }
    // Whatever falls off the end was not DNATed; KUBE-PROXY-FIREWALL in filter drops it.
    nat.append(chains.firewall, '-m', 'comment', '--comment', q(`other traffic to ${spn} will be dropped by KUBE-PROXY-FIREWALL`));
  }

  if (usesClusterPolicyChain) {
    nat.chain(chains.cluster);
    writeServiceToEndpointRules(ctx, svc, chains.cluster, cluster, sepOf);
  }
  if (usesLocalPolicyChain) {
    nat.chain(chains.local);
    writeServiceToEndpointRules(ctx, svc, chains.local, local, sepOf);
  }

  // One KUBE-SEP chain per endpoint this node may use.
  for (const ep of allReachable) {
    const sep = sepOf(ep);
    nat.chain(sep);
    const comment = serviceComment(ctx, spn);
    // Hairpin: a pod reaching itself through the Service is masqueraded.
    nat.append(sep, comment, '-s', ep.ip, '-j', KUBE_MARK_MASQ);
    const affinity = svc.sessionAffinity === 'ClientIP' ? ['-m', 'recent', '--name', sep, '--set'] : [];
    nat.append(sep, comment, affinity, match, '-j', 'DNAT', '--to-destination', ep.endpoint);
  }
}
