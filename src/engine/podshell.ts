/**
 * The ShellHost for one container of one pod: what a command run there (kubectl exec) can see
 * and do. Built from the cluster state and the data plane; the shell itself knows nothing else.
 */
import type { ClusterState } from './cluster/state';
import type { PodObject } from './api/objects';
import type { DnsQuery, DnsResult, RequestSpec, Trace } from './types';
import type { ShellHost } from './shell/host';
import { processEnv } from './dataplane/apps/processenv';
import { resolvConf } from './dataplane/dns';
import { formatCidr, cidrAddress, formatIPv4, parseCidr } from './net/ipv4';
import type { Network } from './dataplane/cni/network';

/** /etc/hosts as the kubelet writes it for a pod (pkg/kubelet/kubelet_pods.go managedHostsFileContent). */
export function hostsFile(pod: PodObject, domain: string): string {
  const ip = pod.status?.podIP ?? '';
  const hostname = pod.spec?.hostname ?? pod.metadata.name;
  const lines = [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
  ];
  const sub = pod.spec?.subdomain;
  lines.push(sub ? `${ip}\t${hostname}.${sub}.${pod.metadata.namespace}.svc.${domain}\t${hostname}` : `${ip}\t${hostname}`);
  const aliases = pod.spec?.hostAliases ?? [];
  if (aliases.length > 0) {
    lines.push('', '# Entries added by HostAliases.');
    for (const a of aliases) lines.push(`${a.ip}\t${(a.hostnames ?? []).join('\t')}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface PodShellDeps {
  state: ClusterState;
  network: Network;
  request(spec: RequestSpec): Trace;
  resolve(query: DnsQuery): DnsResult;
}

export function podShellHost(deps: PodShellDeps, pod: PodObject, container: string): ShellHost {
  const { state, network } = deps;
  const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
  const spec = pod.spec?.containers?.find((c) => c.name === container);
  const nodeName = pod.spec?.nodeName ?? '';
  const node = network.nodes.get(nodeName);
  const podCIDR = parseCidr(node?.podCIDR ? formatCidr(node.podCIDR) : '');
  const conf = resolvConf(pod, state);
  return {
    pod: key,
    container,
    image: spec?.image ?? '',
    hostname: pod.spec?.hostname ?? pod.metadata.name,
    podIP: pod.status?.podIP ?? '',
    nodeName,
    env: processEnv(pod, container, state),
    resolvConf: conf.text,
    hosts: hostsFile(pod, state.options.clusterDomain),
    request: (s) => deps.request({ ...s, from: { pod: key, container } }),
    resolve: (q) => deps.resolve({ ...q, from: key }),
    network: {
      gateway: podCIDR ? formatIPv4(cidrAddress(podCIDR, 1)) : '',
      podCIDR: podCIDR ? formatCidr(podCIDR) : '',
      clusterDNS: conf.nameservers[0] ?? '',
    },
    // ICMP reaches pods and nodes; a ClusterIP only exists as DNAT rules for its ports, so
    // nothing answers an echo request there (iptables mode).
    pingable: (ip) => ip === '127.0.0.1' || network.podByIP.has(ip) || network.nodeByAddress.has(ip),
  };
}
