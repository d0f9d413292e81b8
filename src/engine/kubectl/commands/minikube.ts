/**
 * `minikube` on the workstation, for the commands the seeds use (k8s.io/minikube cmd/minikube/cmd
 * service.go, tunnel.go, ip.go; pkg/minikube/service PrintServiceList; pkg/minikube/tunnel
 * reporter.go), as minikube prints them with the docker driver on Linux, where the host reaches
 * the node network directly:
 *
 * - `minikube service NAME [--url] [-n NS]`: the URL of each node port on the first node
 *   (`http://192.168.49.3:31323`), in minikube's table, then "Opening service … in default
 *   browser..."; a Service without node ports gets minikube's ClusterIP warning and a tunnel
 *   on 127.0.0.1 (a port-forward of this session).
 * - `minikube tunnel`: LoadBalancer Services get an external IP from now on (kubepath switches
 *   the cluster's load-balancer provider on; real minikube shows the ClusterIP, or 127.0.0.1 on
 *   Docker Desktop), and the tunnel's `Status:` block is printed once, as a snapshot.
 * - `minikube ssh [-n NODE] [-- CMD…]` (ssh.go): without a command, a login shell on the node
 *   (the `interactive` marker of kind `node`; nodeshell.ts); with one, its output, and the
 *   native SSH client's `ssh: Process exited with status N` (exit 1) when it fails. The node
 *   defaults to the first; `-n` takes kubepath's node names (node-1, not minikube-m02).
 * - `minikube ip`, `minikube status`, `minikube kubectl -- ARGS`.
 */
import type { CommandResult } from '../../types';
import type { ServiceObject } from '../../api/objects';
import { viewOf } from '../../cluster/state';
import { formatCidr } from '../../net/ipv4';
import { randSuffix } from './generate';
import type { Cluster, WorkstationHooks } from './common';
import { podForService } from './portforward';
import type { ToolResult } from '../../shell/types';
import { joinFd } from '../../shell/types';
import { runOnNode } from './nodeshell';

const ok = (stdout: string, stderr = ''): CommandResult => ({ stdout, stderr, exitCode: 0 });

const sortedNodes = (cluster: Cluster) => [...viewOf(cluster.clusterState).list('Node')].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));

function firstNodeIP(cluster: Cluster): string {
  return sortedNodes(cluster)[0]?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '192.168.49.2';
}

const lineCount = (r: readonly string[]) => Math.max(1, ...r.map((c) => c.split('\n').length));

function centre(s: string, w: number): string {
  const gap = w - s.length;
  return ' '.repeat(Math.floor(gap / 2)) + s + ' '.repeat(gap - Math.floor(gap / 2));
}

/** olekukonko/tablewriter as minikube sets it up: borders, `|` separators, centred header, numbers right-aligned. */
export function serviceTable(rows: readonly string[][]): string {
  const header = ['NAMESPACE', 'NAME', 'TARGET PORT', 'URL'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.flatMap((r) => (r[i] ?? '').split('\n').map((l) => l.length))));
  const sep = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`;
  let out = sep + `|${header.map((h, i) => ` ${centre(h, widths[i]!)} `).join('|')}|\n` + sep;
  for (const r of rows) {
    for (let l = 0; l < lineCount(r); l++) {
      const cells = widths.map((w, i) => {
        const c = (r[i] ?? '').split('\n')[l] ?? '';
        return ` ${/^-?\d+(\.\d+)?$/.test(c) ? c.padStart(w) : c.padEnd(w)} `;
      });
      out += `|${cells.join('|')}|\n`;
    }
  }
  return out + sep;
}

function exitMessage(id: string, text: string, code: number): CommandResult {
  return { stdout: '', stderr: `\n❌  Exiting due to ${id}: ${text}\n\n`, exitCode: code };
}

function service(cluster: Cluster, args: string[], hooks: WorkstationHooks): CommandResult {
  let namespace = 'default';
  let urlMode = false;
  let https = false;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--url') urlMode = true;
    else if (a === '--https') https = true;
    else if (a === '-n' || a === '--namespace') namespace = args[++i] ?? namespace;
    else if (a.startsWith('--namespace=')) namespace = a.slice('--namespace='.length);
    else if (a.startsWith('-n=')) namespace = a.slice(3);
    else if (a === 'list') return serviceList(cluster, namespace);
    else if (!a.startsWith('-')) names.push(a);
  }
  if (names.length === 0) return exitMessage('MK_USAGE', 'You must specify service name(s) or --all', 14);
  const name = names[0]!;
  const svc = viewOf(cluster.clusterState).get('Service', namespace, name);
  if (!svc) {
    return exitMessage('SVC_NOT_FOUND', `Service '${name}' was not found in '${namespace}' namespace.\nYou may select another namespace by using 'minikube service ${name} -n <namespace>'. Or list out all the services using 'minikube service list'`, 115);
  }
  const ip = firstNodeIP(cluster);
  const scheme = https ? 'https' : 'http';
  const ports = (svc.spec?.ports ?? []).filter((p) => p.nodePort);
  if (ports.length > 0) {
    const urls = ports.map((p) => `${scheme}://${ip}:${p.nodePort}`);
    if (urlMode) return ok(`${urls.join('\n')}\n`);
    const targets = ports.map((p) => (p.name ? `${p.name}/${p.port}` : String(p.port)));
    return ok(`${serviceTable([[namespace, name, targets.join('\n'), urls.join('\n')]])}🎉  Opening service ${namespace}/${name} in default browser...\n`);
  }
  return clusterIPTunnel(cluster, svc, namespace, urlMode, scheme, hooks);
}

/** A Service without node ports: minikube warns, then tunnels to it from 127.0.0.1. */
function clusterIPTunnel(cluster: Cluster, svc: ServiceObject, namespace: string, urlMode: boolean, scheme: string, hooks: WorkstationHooks): CommandResult {
  const name = svc.metadata.name;
  const target = podForService(cluster, svc);
  const port = svc.spec?.ports?.[0];
  if (typeof target === 'string' || !port) return exitMessage('SVC_UNREACHABLE', `service not available: ${typeof target === 'string' ? target : 'no ports'}`, 119);
  const local = 40000 + (Number.parseInt(randSuffix(`${namespace}/${name}`, 4).replace(/\D/g, '') || '0', 10) % 20000);
  const remote = typeof target.port === 'number' ? target.port : port.port;
  hooks.forward({ pod: target.pod, localPort: local, remotePort: remote, addresses: ['127.0.0.1'] });
  const url = `${scheme}://127.0.0.1:${local}`;
  if (urlMode) return ok(`${url}\n`, `❗  Services [${namespace}/${name}] have type "ClusterIP" not meant to be exposed, however for local development minikube allows you to access this !\n`);
  const first = serviceTable([[namespace, name, 'No node port', '']]);
  return ok(
    `${first}🏃  Starting tunnel for service ${name}.\n${serviceTable([[namespace, name, '', url]])}🎉  Opening service ${namespace}/${name} in default browser...\n`,
    `❗  Services [${namespace}/${name}] have type "ClusterIP" not meant to be exposed, however for local development minikube allows you to access this !\n`,
  );
}

function serviceList(cluster: Cluster, namespace: string): CommandResult {
  const ip = firstNodeIP(cluster);
  const rows = [...viewOf(cluster.clusterState).list('Service')]
    .sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name))
    .filter((s) => namespace === 'default' || s.metadata.namespace === namespace)
    .map((s) => {
      const ports = (s.spec?.ports ?? []).filter((p) => p.nodePort);
      if (!ports.length) return [s.metadata.namespace ?? '', s.metadata.name, 'No node port', ''];
      return [s.metadata.namespace ?? '', s.metadata.name, ports.map((p) => (p.name ? `${p.name}/${p.port}` : String(p.port))).join('\n'), ports.map((p) => `http://${ip}:${p.nodePort}`).join('\n')];
    });
  return ok(serviceTable(rows));
}

function tunnel(cluster: Cluster): CommandResult {
  cluster.setLoadBalancer?.('cloud');
  const lbs = [...viewOf(cluster.clusterState).list('Service')].filter((s) => s.spec?.type === 'LoadBalancer').map((s) => s.metadata.name).sort();
  const route = `${formatCidr(cluster.clusterState.options.serviceCIDR)} -> ${firstNodeIP(cluster)}`;
  const status = `Status:\t\n\tmachine: minikube\n\tpid: 23456\n\troute: ${route}\n\tminikube: Running\n\tservices: [${lbs.join(', ')}]\n    errors: \n\t\tminikube: no errors\n\t\trouter: no errors\n\t\tloadbalancer emulator: no errors\n`;
  return ok(status);
}

const SSH_HELP = `Log into or run a command on a machine with SSH; similar to 'docker-machine ssh'.

Usage:
  minikube ssh [flags]

Options:
  -h, --help          help for ssh
      --native-ssh    Use native Golang SSH client (default true). Set to 'false' to use the command line 'ssh' command when accessing the docker machine. Useful for the machine drivers when they will not start with 'Waiting for SSH'. (default true)
  -n, --node string   The node to ssh into. Defaults to the primary control plane.
`;

/** `minikube ssh`: flags before the command (cobra stops at `--`), then a shell or one command on the node. */
function ssh(cluster: Cluster, args: string[], hooks: WorkstationHooks): CommandResult {
  let node = '';
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help') return ok(SSH_HELP);
    if (a === '-n' || a === '--node') node = args[++i] ?? '';
    else if (a.startsWith('--node=')) node = a.slice('--node='.length);
    else if (a.startsWith('-n')) node = a.slice(a.startsWith('-n=') ? 3 : 2);
    else if (a === '--native-ssh' || a.startsWith('--native-ssh=')) continue;
    else if (a.startsWith('--')) return { stdout: '', stderr: `Error: unknown flag: ${a.split('=')[0]}\n`, exitCode: 1 };
    else if (a.startsWith('-') && a.length > 1) return { stdout: '', stderr: `Error: unknown shorthand flag: '${a[1]}' in ${a}\n`, exitCode: 1 };
    else words.push(a);
  }
  const nodes = sortedNodes(cluster);
  const name = node || nodes[0]?.metadata.name || '';
  if (!nodes.some((n) => n.metadata.name === name)) return exitMessage('GUEST_NODE_RETRIEVE', `Node ${node} does not exist.`, 85);
  if (words.length > 0) {
    const r = runOnNode(cluster, name, words.join(' '));
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
  }
  hooks.interactive({ kind: 'node', node: name });
  return ok('');
}

const HELP = 'minikube provisions and manages local Kubernetes clusters optimized for development workflows.\n\nkubepath models: service, tunnel, ssh, ip, status, kubectl.\n';

/** Run `minikube ARGS`; `kubectl` runs `minikube kubectl -- ARGS`. */
export function minikube(cluster: Cluster, args: string[], hooks: WorkstationHooks, kubectl: (argv: string[]) => ToolResult): CommandResult {
  const [sub, ...rest] = args;
  switch (sub) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return ok(HELP);
    case 'service':
      return service(cluster, rest, hooks);
    case 'tunnel':
      return tunnel(cluster);
    case 'ssh':
      return ssh(cluster, rest, hooks);
    case 'ip':
      return ok(`${firstNodeIP(cluster)}\n`);
    case 'status':
      return ok('minikube\ntype: Control Plane\nhost: Running\nkubelet: Running\napiserver: Running\nkubeconfig: Configured\n\n');
    case 'kubectl': {
      const r = kubectl(rest[0] === '--' ? rest.slice(1) : rest);
      return { stdout: joinFd(r.out, 1), stderr: joinFd(r.out, 2), exitCode: r.exitCode };
    }
    default:
      return { stdout: '', stderr: `Error: unknown command "${sub}" for "minikube"\nRun 'minikube --help' for usage.\n`, exitCode: 1 };
  }
}
