/**
 * `kubectl exec <pod> -c <container> -- <command>`: build the `ShellHost` for one container
 * from the cluster state (its environment, /etc/resolv.conf, /etc/hosts, addresses and
 * routes, the pod's resolver, which addresses answer ping) and run the line in it (run.ts).
 * Requests go through the caller's `request` (the playground's, so conntrack and the trace
 * are the same as everywhere else); without one, a request cannot leave the pod.
 */
import type { CommandResult, RequestSpec, Trace } from '../types';
import type { ClusterState } from '../cluster/state';
import { viewOf } from '../cluster/state';
import type { PodObject } from '../api/objects';
import { imageName } from '../controllers/images';
import { mountedFiles } from '../dataplane/apps/mountedfiles';
import { processEnv } from '../dataplane/apps/processenv';
import { clusterDNSIP, resolvConf, resolveQuery } from '../dataplane/dns';
import { cidrAddress, cidrContains, formatCidr, formatIPv4, parseCidr, parseIPv4 } from '../net/ipv4';
import type { ShellHost } from './host';
import { hostsFile } from './hostsfile';
import { imageProfile } from './images';
import { runCommand } from './run';

export interface ExecNetwork {
  /** Send a request from the pod: the playground's `request()` (the spec's `from` is set to this pod and container). */
  request(spec: RequestSpec): Trace;
}

/** Whether an ICMP echo to `ip` is answered: pods, nodes and their bridges yes; ClusterIPs and unused cluster addresses no; the internet yes. */
function answersPing(state: ClusterState, ip: string): boolean {
  const n = parseIPv4(ip);
  if (n === undefined) return false;
  if (ip.startsWith('127.')) return true;
  const view = viewOf(state);
  for (const p of view.list('Pod')) if (p.status?.podIP === ip && p.status.phase === 'Running') return true;
  for (const node of view.list('Node')) {
    if (node.status?.addresses?.some((a) => a.address === ip)) return true;
    const c = parseCidr(node.spec?.podCIDR ?? '');
    if (c && formatIPv4(cidrAddress(c, 1)) === ip) return true;
  }
  const { serviceCIDR, clusterCIDR } = state.options;
  if (cidrContains(serviceCIDR, n) || cidrContains(clusterCIDR, n)) return false;
  // Load balancer addresses forward the Service's ports only.
  for (const s of view.list('Service')) if (s.status?.loadBalancer?.ingress?.some((i) => i.ip === ip)) return false;
  return true;
}

export function shellHost(state: ClusterState, pod: PodObject, containerName: string, net?: ExecNetwork): ShellHost {
  const ns = pod.metadata.namespace ?? 'default';
  const key = `${ns}/${pod.metadata.name}`;
  const image = pod.spec?.containers?.find((c) => c.name === containerName)?.image ?? '';
  const hostname = pod.spec?.hostname ?? pod.metadata.name.slice(0, 63);
  const podIP = pod.status?.podIP ?? '';
  const nodeName = pod.spec?.nodeName ?? '';
  const node = viewOf(state).get('Node', '', nodeName);
  const podCIDR = node?.spec?.podCIDR ?? '';
  const c = parseCidr(podCIDR);
  const libc = imageProfile(image).libc;
  const subdomain = pod.spec?.subdomain;
  return {
    pod: key,
    container: containerName,
    image: imageName(image),
    imageRef: image,
    hostname,
    podIP,
    nodeName,
    env: processEnv(pod, containerName, state),
    resolvConf: resolvConf(pod, state).text,
    hosts: hostsFile({
      podIPs: pod.status?.podIPs?.map((p) => p.ip ?? '').filter(Boolean) ?? (podIP ? [podIP] : []),
      hostname,
      domain: subdomain ? `${subdomain}.${ns}.svc.${state.options.clusterDomain}` : undefined,
      hostAliases: pod.spec?.hostAliases,
    }),
    files: mountedFiles(state, pod, containerName),
    request: (spec) =>
      net
        ? net.request({ ...spec, from: { pod: key, container: containerName } })
        : { request: { ...spec, from: { pod: key, container: containerName } }, hops: [], outcome: { kind: 'error', code: 'no-route', message: `curl: (7) Failed to connect: kubepath's exec was given no network` } },
    resolve: (q) => resolveQuery(state, { ...q, from: key }, { libc }),
    network: {
      gateway: c ? formatIPv4(cidrAddress(c, 1)) : '',
      podCIDR: c ? formatCidr(c) : '',
      clusterDNS: clusterDNSIP(state),
      clusterCIDR: formatCidr(state.options.clusterCIDR),
    },
    pingable: (ip) => answersPing(state, ip),
  };
}

/** Run a command line in a container, as `kubectl exec` does. Never throws. */
export function execInContainer(state: ClusterState, pod: PodObject, containerName: string, command: string, net?: ExecNetwork): CommandResult {
  try {
    return runCommand(shellHost(state, pod, containerName, net), command);
  } catch (e) {
    return { stdout: '', stderr: `kubepath: the shell failed: ${(e as Error).message}\n`, exitCode: 1 };
  }
}
