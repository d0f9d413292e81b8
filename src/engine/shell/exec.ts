/**
 * Commands run inside a container (`kubectl exec <pod> -c <container> -- <command>`). This
 * first part answers what a container's own state can: its environment and host name. The
 * network tools (curl, nslookup, ...) arrive with the data plane and DNS.
 */
import type { CommandResult } from '../types';
import type { ClusterState } from '../cluster/state';
import type { PodObject } from '../api/objects';
import { imageName } from '../controllers/images';
import { mergeEnv } from '../controllers/serviceenv';

const ok = (stdout: string): CommandResult => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, exitCode = 1): CommandResult => ({ stdout: '', stderr, exitCode });

/** ENV lines the well-known images set in their Dockerfiles. */
const IMAGE_ENV: Record<string, [string, string][]> = {
  nginx: [['NGINX_VERSION', '1.27.3'], ['NJS_VERSION', '0.8.8'], ['NJS_RELEASE', '1~bookworm'], ['PKG_RELEASE', '1~bookworm']],
  httpd: [['HTTPD_PREFIX', '/usr/local/apache2'], ['HTTPD_VERSION', '2.4.62']],
};

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The process environment as `printenv` shows it: image ENV, the pod's hostname, then what the kubelet set. */
export function processEnv(pod: PodObject, containerName: string, state: ClusterState): [string, string][] {
  const rt = state.runtime.get(pod.metadata.uid ?? '');
  const c = rt?.containers.find((x) => x.name === containerName);
  const spec = pod.spec?.containers?.find((x) => x.name === containerName);
  const out: [string, string][] = [['PATH', PATH], ['HOSTNAME', pod.spec?.hostname ?? pod.metadata.name]];
  for (const e of IMAGE_ENV[imageName(spec?.image ?? '')] ?? []) out.push(e);
  if (c) for (const e of mergeEnv(c.serviceEnv, c.env)) out.push([e.name, e.value]);
  out.push(['HOME', '/root']);
  // A later definition wins, as in execve's environment built from a map.
  const seen = new Map<string, string>();
  for (const [k, v] of out) seen.set(k, v);
  return [...seen];
}

function tokenize(command: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(command); m; m = re.exec(command)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

export function execInContainer(state: ClusterState, pod: PodObject, containerName: string, command: string): CommandResult {
  const argv = tokenize(command);
  const [cmd, ...args] = argv;
  if (!cmd) return fail('error: you must specify at least one command for the container\n');
  switch (cmd) {
    case 'printenv': {
      const env = processEnv(pod, containerName, state);
      if (args.length === 0) return ok(env.map(([k, v]) => `${k}=${v}\n`).join(''));
      const found = args.map((a) => env.find(([k]) => k === a)).filter((e): e is [string, string] => !!e);
      return { stdout: found.map(([, v]) => `${v}\n`).join(''), stderr: '', exitCode: found.length === args.length ? 0 : 1 };
    }
    case 'env':
      if (args.length > 0) break;
      return ok(processEnv(pod, containerName, state).map(([k, v]) => `${k}=${v}\n`).join(''));
    case 'hostname':
      if (args.length === 0) return ok(`${pod.spec?.hostname ?? pod.metadata.name}\n`);
      if (args[0] === '-i') return ok(`${pod.status?.podIP ?? ''}\n`);
      break;
    default:
      break;
  }
  return fail(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n`, 126);
}
