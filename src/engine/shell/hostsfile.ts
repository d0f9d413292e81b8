/**
 * /etc/hosts as the kubelet writes it into every pod that is not on the host network
 * (kubernetes/kubernetes pkg/kubelet/kubelet_pods.go, managedHostsFileContent and
 * hostAliasesHostsFileContent): a header, localhost and the IPv6 names, the pod's own address
 * with its host name (`<ip>\t<hostname>.<subdomain>.<ns>.svc.<domain>\t<hostname>` when
 * spec.subdomain is set), then spec.hostAliases under `# Entries added by HostAliases.`.
 */

export interface HostsFileInput {
  podIPs: readonly string[];
  hostname: string;
  /** `<subdomain>.<namespace>.svc.<cluster domain>`, when the pod has a subdomain. */
  domain?: string;
  hostAliases?: readonly { ip?: string; hostnames?: readonly string[] }[];
}

export function hostsFile(input: HostsFileInput): string {
  let s = '# Kubernetes-managed hosts file.\n';
  s += '127.0.0.1\tlocalhost\n';
  s += '::1\tlocalhost ip6-localhost ip6-loopback\n';
  s += 'fe00::0\tip6-localnet\n';
  s += 'fe00::0\tip6-mcastprefix\n';
  s += 'fe00::1\tip6-allnodes\n';
  s += 'fe00::2\tip6-allrouters\n';
  for (const ip of input.podIPs) {
    s += input.domain ? `${ip}\t${input.hostname}.${input.domain}\t${input.hostname}\n` : `${ip}\t${input.hostname}\n`;
  }
  const aliases = input.hostAliases ?? [];
  if (aliases.length > 0) s += '\n# Entries added by HostAliases.\n';
  for (const a of aliases) s += `${a.ip ?? ''}\t${(a.hostnames ?? []).join('\t')}\n`;
  return s;
}
