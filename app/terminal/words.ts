/**
 * The words the terminal completes: kubectl's subcommands, resource types and flags (the ones
 * kubepath's kubectl understands, as kubectl 1.30 spells them), minikube's, and the commands of
 * the workstation and of a container's shell.
 */

/** kubectl subcommands, in `kubectl --help` order; those with subcommands of their own map to them. */
export const KUBECTL_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  create: ['configmap', 'deployment', 'ingress', 'namespace', 'secret', 'service'],
  expose: [],
  run: [],
  set: ['env', 'image', 'selector'],
  explain: [],
  get: [],
  edit: [],
  delete: [],
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  scale: [],
  'cluster-info': [],
  describe: [],
  logs: [],
  attach: [],
  exec: [],
  'port-forward': [],
  apply: [],
  patch: [],
  label: [],
  annotate: [],
  'api-resources': [],
  version: [],
  help: [],
};

/** Second-level subcommands (`create service nodeport`, `create secret generic`). */
export const NESTED_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  'create service': ['clusterip', 'externalname', 'loadbalancer', 'nodeport'],
  'create secret': ['generic', 'tls'],
};

/** Resource types as kubectl's completion offers them (plural names). */
export const RESOURCE_TYPES = ['configmaps', 'deployments', 'endpoints', 'endpointslices', 'events', 'ingressclasses', 'ingresses', 'namespaces', 'nodes', 'pods', 'replicasets', 'secrets', 'services'];

/** Every name kubectl accepts for a type → the stored kind. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  Pod: ['po', 'pod', 'pods'],
  Service: ['svc', 'service', 'services'],
  Deployment: ['deploy', 'deployment', 'deployments'],
  ReplicaSet: ['rs', 'replicaset', 'replicasets'],
  Ingress: ['ing', 'ingress', 'ingresses'],
  IngressClass: ['ingressclass', 'ingressclasses'],
  Node: ['no', 'node', 'nodes'],
  Namespace: ['ns', 'namespace', 'namespaces'],
  ConfigMap: ['cm', 'configmap', 'configmaps'],
  Secret: ['secret', 'secrets'],
  EndpointSlice: ['endpointslice', 'endpointslices'],
  // Endpoints are named after their Service.
  Service_: ['ep', 'endpoints'],
};

export function kindOf(type: string): string | undefined {
  const t = type.toLowerCase().replace(/\.(apps|networking\.k8s\.io|discovery\.k8s\.io)$/, '');
  for (const [kind, names] of Object.entries(ALIASES)) if (names.includes(t)) return kind.replace(/_$/, '');
  return undefined;
}

/** Which types a command's first argument may be. */
export const TYPES_FOR: Readonly<Record<string, readonly string[]>> = {
  scale: ['deployments', 'replicasets'],
  rollout: ['deployments'],
  expose: ['deployments', 'pods', 'replicasets', 'services'],
  'set image': ['deployments', 'pods', 'replicasets'],
  'set env': ['deployments', 'pods', 'replicasets'],
  'set selector': ['services'],
};

/** Commands whose arguments are TYPE [NAME...] or TYPE/NAME. */
export const TYPED_COMMANDS = new Set(['get', 'describe', 'edit', 'delete', 'label', 'annotate', 'patch', 'scale', 'expose', 'explain', 'rollout', 'set image', 'set env', 'set selector']);
/** Commands whose argument is a pod (or TYPE/NAME of something with pods). */
export const POD_COMMANDS = new Set(['exec', 'logs', 'attach', 'port-forward']);

const GLOBAL_FLAGS = ['--namespace=', '-n', '--help', '-h'];
const OUTPUT = ['-o', '--output='];

export const FLAGS: Readonly<Record<string, readonly string[]>> = {
  get: [...OUTPUT, '--watch', '-w', '--selector=', '-l', '--all-namespaces', '-A', '--show-labels', '--sort-by=', '--field-selector=', '--no-headers'],
  describe: ['--selector=', '-l', '--all-namespaces', '-A'],
  edit: ['--filename=', '-f'],
  delete: ['--filename=', '-f', '--grace-period=', '--force', '--now', '--all', '--selector=', '-l', '--wait=', '--cascade='],
  apply: ['--filename=', '-f', '--prune', '--dry-run=client', '--dry-run=server', ...OUTPUT],
  create: ['--filename=', '-f', '--dry-run=client', ...OUTPUT],
  'create deployment': ['--image=', '--replicas=', '--port=', '--dry-run=client', ...OUTPUT],
  'create service': ['--tcp=', '--dry-run=client', ...OUTPUT],
  'create configmap': ['--from-literal=', '--from-file=', '--dry-run=client', ...OUTPUT],
  'create secret': ['--from-literal=', '--from-file=', '--cert=', '--key=', '--dry-run=client', ...OUTPUT],
  'create ingress': ['--rule=', '--class=', '--annotation=', '--default-backend=', '--dry-run=client', ...OUTPUT],
  scale: ['--replicas=', '--current-replicas='],
  expose: ['--port=', '--target-port=', '--type=', '--name=', '--protocol=', '--selector=', '--dry-run=client', ...OUTPUT],
  run: ['--image=', '--restart=Never', '--rm', '-it', '-i', '-t', '--port=', '--labels=', '--env=', '--command', '--expose', '--dry-run=client', ...OUTPUT],
  exec: ['-it', '-i', '-t', '--container=', '-c'],
  logs: ['--follow', '-f', '--container=', '-c', '--tail=', '--previous', '--selector=', '-l', '--all-containers', '--timestamps'],
  attach: ['-it', '-i', '-t', '--container=', '-c'],
  'port-forward': ['--address='],
  label: ['--overwrite', '--list', '--all', '--selector=', '-l'],
  annotate: ['--overwrite', '--list', '--all', '--selector=', '-l'],
  patch: ['--patch=', '-p', '--type=', '--dry-run=client', ...OUTPUT],
  rollout: ['--to-revision=', '--revision=', '--watch='],
  'set image': ['--all', '--selector=', '-l'],
  'set env': ['--env=', '-e', '--list', '--all', '--selector=', '-l'],
};

export function flagsOf(command: string): readonly string[] {
  return [...(FLAGS[command] ?? FLAGS[command.split(' ')[0]!] ?? []), ...GLOBAL_FLAGS];
}

/** Flags whose value is the next word unless written `--flag=value`. */
export const VALUE_FLAGS = new Set(['-n', '--namespace', '-o', '--output', '-f', '--filename', '-l', '--selector', '-c', '--container', '-p', '--patch', '--type', '--image', '--replicas', '--port', '--target-port', '--name', '--grace-period', '--tail', '--address', '-e', '--env', '--context', '--sort-by', '--field-selector', '--from-literal', '--from-file', '--rule', '--class', '--tcp', '--labels', '--restart', '--to-revision']);

/** Values of a flag, by command where they differ. */
export function flagValues(flag: string, command: string): readonly string[] | undefined {
  switch (flag) {
    case '-o':
    case '--output':
      return ['wide', 'yaml', 'json', 'name', 'jsonpath=', 'custom-columns='];
    case '--type':
      return command === 'patch' ? ['json', 'merge', 'strategic'] : ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
    case '--restart':
      return ['Always', 'OnFailure', 'Never'];
    case '--dry-run':
      return ['client', 'server', 'none'];
    default:
      return undefined;
  }
}

export const MINIKUBE_COMMANDS = ['addons', 'dashboard', 'ip', 'kubectl', 'node', 'profile', 'service', 'ssh', 'status', 'tunnel'];

/** What the workstation's bash runs besides kubectl. */
export const WORKSTATION_COMMANDS = ['kubectl', 'minikube', 'curl', 'cat', 'echo', 'env', 'export', 'grep', 'head', 'tail', 'wc', 'jq', 'base64', 'printenv', 'hostname', 'sleep', 'clear'];

/** What a container's shell may have (the engine answers when an image lacks one). */
/** What a node's shell (`minikube ssh`) offers. */
export const NODE_SHELL_COMMANDS = ['curl', 'nslookup', 'dig', 'ip', 'sudo', 'iptables-save', 'conntrack', 'hostname', 'printenv', 'env', 'cat', 'echo', 'grep', 'head', 'tail', 'wc', 'sleep', 'export', 'clear', 'exit', 'logout'];

export const POD_SHELL_COMMANDS = ['curl', 'wget', 'nslookup', 'dig', 'ping', 'ip', 'hostname', 'printenv', 'env', 'cat', 'echo', 'grep', 'head', 'tail', 'wc', 'sleep', 'export', 'clear', 'exit'];

export const POD_FILES = ['/etc/resolv.conf', '/etc/hosts', '/etc/hostname'];
