/**
 * A node as `minikube ssh` finds it (docker driver): the kicbase container (Ubuntu, bash, GNU
 * userland, curl, dnsutils, iproute2, iptables, conntrack, sudo; minikube
 * deploy/kicbase/Dockerfile), logged in as `docker`, in the node's own network namespace.
 *
 * Requests leave from the node itself (`from: { node }`), so they reach what the node reaches:
 * pod IPs through its routes, ClusterIPs through kube-proxy's rules, and on loopback the
 * node's own listeners: node ports, the health-check ports of `externalTrafficPolicy: Local`
 * Services, hostNetwork pods, and kube-proxy's :10249/:10256 (kubeproxy.ts). Names resolve
 * through Docker's resolver, which knows no cluster names.
 *
 * `sudo iptables-save`, `sudo conntrack -L` and `ip route` print the node's tables from the
 * cluster; without sudo, iptables and conntrack say the `docker` user may not.
 */
import type { ShellHost } from '../../shell/host';
import type { ImageProfile } from '../../shell/images';
import { cat } from '../../shell/files';
import { curl } from '../../shell/curlcmd';
import { dig } from '../../shell/dig';
import { nslookup } from '../../shell/nslookup';
import { echo, env, falseTool, hostname, printenv, sleep, trueTool } from '../../shell/env';
import { grep, head, tail, wc } from '../../shell/filters';
import { Output, fail, ok, type Tool } from '../../shell/types';
import { networkOf } from '../../dataplane/cni/network';
import type { Cluster } from './common';
import { WORKSTATION_IP, resolveName } from './terminal';
import { withKubeProxy } from './kubeproxy';

export const NODE_USER = 'docker';

/** Ubuntu 22.04's curl, the one kicbase installs. */
const NODE_CURL = '7.81.0';

function nodeEnv(node: string): [string, string][] {
  return [
    ['SHELL', '/bin/bash'],
    ['PWD', `/home/${NODE_USER}`],
    ['LOGNAME', NODE_USER],
    ['HOME', `/home/${NODE_USER}`],
    ['LANG', 'C.UTF-8'],
    ['TERM', 'xterm-256color'],
    ['USER', NODE_USER],
    ['SHLVL', '1'],
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOSTNAME', node],
  ];
}

const asRoot = (vars: readonly [string, string][]) => vars.some(([k, v]) => k === 'USER' && v === 'root');

/** iptables 1.8's refusal for a user who is not root. */
const NOT_ROOT = 'iptables-save v1.8.7 (legacy): Cannot initialize: Permission denied (you must be root)\n';

function nodeTools(cluster: Cluster, node: string): Record<string, Tool> {
  return {
    cat, curl, nslookup, dig, printenv, env, hostname, echo, grep, head, tail, wc, sleep,
    true: trueTool,
    false: falseTool,
    // sudo (the docker user may run anything, NOPASSWD): the command, as root.
    sudo: (ctx) => {
      const rest = ctx.argv.slice(1).filter((a, i) => !(i === 0 && a === '--'));
      if (rest.length === 0) return fail('usage: sudo -h | -K | -k | -V\nusage: sudo [-AbEHknPS] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i|-s] [<command>]\n', 1);
      return ctx.exec(rest, [['USER', 'root'], ['HOME', '/root'], ['LOGNAME', 'root'], ['SUDO_USER', NODE_USER]]);
    },
    'iptables-save': (ctx) => {
      if (!asRoot(ctx.env)) return fail(NOT_ROOT, 1);
      const text = cluster.iptablesSave?.(node);
      return text === undefined ? fail('iptables-save: kubepath has no rules for this node\n', 1) : ok(text.endsWith('\n') ? text : `${text}\n`);
    },
    conntrack: (ctx) => {
      if (!asRoot(ctx.env)) return fail('conntrack v1.4.6 (conntrack-tools): Operation failed: Operation not permitted\n', 1);
      if (!['-L', '--dump'].includes(ctx.argv[1] ?? '')) return fail('conntrack v1.4.6 (conntrack-tools): kubepath models `conntrack -L` only\n', 2);
      const text = cluster.conntrack?.(node) ?? '';
      const n = text.split('\n').filter((l) => l.trim() !== '').length;
      return new Output().out(text && !text.endsWith('\n') ? `${text}\n` : text).err(`conntrack v1.4.6 (conntrack-tools): ${n} flow entries have been shown.\n`).done(0);
    },
    ip: (ctx) => {
      const [obj = '', ...rest] = ctx.argv.slice(1);
      if ('route'.startsWith(obj) && obj.length > 0 && (rest.length === 0 || rest[0] === 'show' || rest[0] === 'list')) {
        const routes = cluster.nodeRoutes?.(node);
        if (routes !== undefined) return ok(routes.endsWith('\n') || routes === '' ? routes : `${routes}\n`);
      }
      return fail(`ip ${ctx.argv.slice(1).join(' ')}: kubepath models \`ip route\` on a node\n`, 1);
    },
  };
}

/** The kicbase node's tools, with bash as its shell. */
export function nodeProfile(tools: Record<string, Tool>): ImageProfile {
  return { shell: 'bash', userland: 'gnu', tools: new Set([...Object.keys(tools), 'bash', 'sh']), libc: 'glibc', curl: NODE_CURL, nslookup: 'bind', ip: 'iproute2' };
}

/** /etc/hosts as minikube writes it on a node (its own name, and the host and control plane names). */
function nodeHosts(node: string, ip: string): string {
  return `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n${ip}\t${node}\n${WORKSTATION_IP}\thost.minikube.internal\n`;
}

export interface NodeHost {
  host: ShellHost;
  tools: Record<string, Tool>;
}

/** The shell host for a node that exists; undefined otherwise. */
export function nodeHost(cluster: Cluster, node: string): NodeHost | undefined {
  const state = cluster.clusterState;
  const net = networkOf(state, state.options.podNetwork).nodes.get(node);
  if (!net) return undefined;
  const tools = nodeTools(cluster, node);
  const host: ShellHost = {
    pod: '',
    container: '',
    image: 'kicbase',
    hostname: node,
    podIP: net.internalIP,
    nodeName: node,
    env: nodeEnv(node),
    // Docker's embedded resolver on the minikube network.
    resolvConf: 'nameserver 127.0.0.11\noptions ndots:0\n',
    hosts: nodeHosts(node, net.internalIP),
    request: (spec) => {
      const full = { ...spec, from: { node } };
      const trace = cluster.request(full);
      return withKubeProxy(trace, full, node, net.addresses, cluster.clusterState.options.proxyMode, cluster.clusterState.time);
    },
    resolve: (q) => resolveName(q.name, q.type ?? 'A'),
    network: { gateway: WORKSTATION_IP, podCIDR: '192.168.49.0/24', clusterDNS: '127.0.0.11', mtu: 1500 },
    pingable: () => false,
  };
  return { host, tools };
}
