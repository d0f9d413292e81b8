/**
 * Commands run inside a container (`kubectl exec <pod> -c <container> -- <command>`). This
 * first part answers what a container's own state can: its environment and host name. The
 * network tools (curl, nslookup, ...) arrive with the data plane and DNS.
 */
import type { CommandResult } from '../types';
import type { ClusterState } from '../cluster/state';
import type { PodObject } from '../api/objects';
import { processEnv } from '../dataplane/apps/processenv';

const ok = (stdout: string): CommandResult => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, exitCode = 1): CommandResult => ({ stdout: '', stderr, exitCode });

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
