/**
 * /etc/resolv.conf in a pod, as the kubelet composes it (kubernetes/kubernetes
 * pkg/kubelet/network/dns/dns.go, GetPodDNS) and containerd writes it (parseDNSOptions:
 * `search`, then one `nameserver` line each, then `options`).
 *
 * - `ClusterFirst` (the default) and `ClusterFirstWithHostNet`: the cluster DNS IP (kubelet's
 *   `--cluster-dns`, kube-dns's ClusterIP .10), the search list `<ns>.svc.<domain>
 *   svc.<domain> <domain>` followed by the node's own search domains, `options ndots:5`.
 * - `ClusterFirst` on a `hostNetwork` pod falls back to `Default`.
 * - `Default`: a copy of the node's resolv.conf (kubelet's `--resolv-conf`).
 * - `None`: only what `dnsConfig` says.
 * - `dnsConfig` is then merged in: nameservers and searches appended without duplicates,
 *   options merged by name with the pod's value winning (upstream keeps them in a Go map, so
 *   their order on a real node varies; here the existing ones come first, in order).
 * - Limits (formDNSConfigFitsLimits, ExpandedDNSConfig being GA): at most 3 nameservers, 32
 *   search domains and 2048 characters of search line; a search domain over 253 characters is
 *   dropped. The kubelet records a DNSConfigForming warning event; here it is in `warnings`.
 */
import type { PodObject } from '../../api/objects';
import type { ClusterState } from '../../cluster/state';
import { serviceIP } from '../../cluster/addons';
import { NODE_NETWORK } from '../../controllers/nodeipam';

export interface ResolvConf {
  nameservers: string[];
  searches: string[];
  options: string[];
  /** The file as `cat /etc/resolv.conf` prints it. */
  text: string;
  /** The kubelet's DNSConfigForming warnings, when limits cut something. */
  warnings: string[];
}

/**
 * Each node's /etc/resolv.conf: A MODEL. The node network's gateway answers DNS (as Docker's
 * network does for a minikube node); no search domains, no options.
 */
export const NODE_RESOLV_CONF: Readonly<Pick<ResolvConf, 'nameservers' | 'searches' | 'options'>> = {
  nameservers: [`${NODE_NETWORK}1`],
  searches: [],
  options: [],
};

const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_LIST_CHARS = 2048;
const MAX_SEARCH_PATH_LENGTH = 253;

/** kubelet's `--cluster-dns`: kube-dns's ClusterIP, .10 of the Service range. */
export function clusterDNSIP(state: ClusterState): string {
  return serviceIP(state.options, 10);
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

function mergeOptions(existing: readonly string[], pod: readonly { name?: string; value?: string }[]): string[] {
  const map = new Map<string, string>();
  for (const op of existing) {
    const i = op.indexOf(':');
    if (i >= 0) map.set(op.slice(0, i), op.slice(i + 1));
    else map.set(op, '');
  }
  for (const op of pod) map.set(op.name ?? '', op.value ?? '');
  return [...map].map(([k, v]) => (v !== '' ? `${k}:${v}` : k));
}

function fitSearches(searches: string[], warnings: string[]): string[] {
  let out = searches;
  let exceeded = false;
  if (out.length > MAX_SEARCH_PATHS) {
    out = out.slice(0, MAX_SEARCH_PATHS);
    exceeded = true;
  }
  const kept = out.filter((s) => s.length <= MAX_SEARCH_PATH_LENGTH);
  if (kept.length !== out.length) exceeded = true;
  out = kept;
  let line = out.join(' ').length;
  if (line > MAX_SEARCH_LIST_CHARS) {
    while (out.length > 0 && line > MAX_SEARCH_LIST_CHARS) {
      line -= (out.at(-1)?.length ?? 0) + 1;
      out = out.slice(0, -1);
    }
    exceeded = true;
  }
  if (exceeded) warnings.push(`Search Line limits were exceeded, some search paths have been omitted, the applied search line is: ${out.join(' ')}`);
  return out;
}

/** containerd's rendering of the pod's DNS config. */
export function resolvConfText(conf: Pick<ResolvConf, 'nameservers' | 'searches' | 'options'>): string {
  let text = '';
  if (conf.searches.length > 0) text += `search ${conf.searches.join(' ')}\n`;
  for (const ns of conf.nameservers) text += `nameserver ${ns}\n`;
  if (conf.options.length > 0) text += `options ${conf.options.join(' ')}\n`;
  return text;
}

/** The policy the kubelet applies (getPodDNSType). */
export function effectiveDNSPolicy(pod: PodObject): 'cluster' | 'host' | 'none' {
  const policy = pod.spec?.dnsPolicy ?? 'ClusterFirst';
  if (policy === 'None') return 'none';
  if (policy === 'ClusterFirstWithHostNet') return 'cluster';
  if (policy === 'Default' || pod.spec?.hostNetwork === true) return 'host';
  return 'cluster';
}

/** The pod's /etc/resolv.conf. */
export function resolvConf(pod: PodObject, state: ClusterState): ResolvConf {
  const host = NODE_RESOLV_CONF;
  let nameservers: string[];
  let searches: string[];
  let options: string[];
  switch (effectiveDNSPolicy(pod)) {
    case 'none':
      nameservers = [];
      searches = [];
      options = [];
      break;
    case 'host':
      nameservers = [...host.nameservers];
      searches = [...host.searches];
      options = [...host.options];
      break;
    case 'cluster': {
      const domain = state.options.clusterDomain.replace(/\.$/, '');
      const ns = pod.metadata.namespace ?? 'default';
      nameservers = [clusterDNSIP(state)];
      searches = unique([`${ns}.svc.${domain}`, `svc.${domain}`, domain, ...host.searches]);
      options = ['ndots:5'];
      break;
    }
  }
  const dnsConfig = pod.spec?.dnsConfig;
  if (dnsConfig) {
    nameservers = unique([...nameservers, ...(dnsConfig.nameservers ?? [])]);
    searches = unique([...searches, ...(dnsConfig.searches ?? [])]);
    options = mergeOptions(options, dnsConfig.options ?? []);
  }
  const warnings: string[] = [];
  if (nameservers.length > MAX_NAMESERVERS) {
    nameservers = nameservers.slice(0, MAX_NAMESERVERS);
    warnings.push(`Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: ${nameservers.join(' ')}`);
  }
  searches = fitSearches(searches, warnings);
  const conf = { nameservers, searches, options };
  return { ...conf, text: resolvConfText(conf), warnings };
}

/** `options ndots:n` as the resolver reads it: default 1, at most 15 (glibc RES_MAXNDOTS, musl). */
export function ndotsOf(options: readonly string[]): number {
  let ndots = 1;
  for (const op of options) {
    const m = /^ndots:(\d+)$/.exec(op);
    if (m) ndots = Math.min(15, Number(m[1]));
  }
  return ndots;
}
