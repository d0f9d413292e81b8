/**
 * `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args...]`
 * (k8s.io/kubectl/pkg/cmd/exec): the command runs in the container through the playground's
 * exec (its argv quoted back into one shell line, so `sh -c '…'` reaches the container as
 * typed). A non-zero status prints `command terminated with exit code N` and kubectl exits
 * with it. `-it` with a shell and nothing for it to read opens an interactive session (the
 * result's `interactive` marker); `-i` with a shell and piped input runs that input as its
 * script.
 *
 * The runtime starts the program itself, not through a shell, so a program the image lacks
 * (`bash` in a busybox or Alpine image) fails before anything runs, `-it` or not: runc's
 * `exec: "bash": executable file not found in $PATH` (`stat /bin/bash: no such file or
 * directory` for a path; Go's exec.LookPath errors), wrapped by Docker — minikube's default
 * runtime, through cri-dockerd — as `OCI runtime exec failed: exec failed: unable to start
 * container process: …: unknown`, then kubectl's `command terminated with exit code 126`.
 */
import type { PodObject } from '../../api/objects';
import { viewOf } from '../../cluster/state';
import { matchesLabelSelector, matchesMap } from '../../api/selector';
import type { KubectlCommand, KubectlResult } from '../types';
import { FILENAME_FLAG } from '../flags';
import { fail, usageError } from '../result';
import { notFoundMessage, resolveResourceType } from '../resources';
import { hasProgram, imageProfile } from '../../shell/images';
import { runtimeNotFound } from '../../shell/run';
import type { Cluster, CommandIO } from './common';

/** One argv word as a POSIX shell would need it quoted. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_\-.,:/@%+=]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

const SHELL = /^(\/(usr\/)?bin\/)?(sh|bash|ash|dash)$/;

/** The pod a `POD` or `TYPE/NAME` argument names (a workload's first pod), or kubectl's error. */
export function podArgument(cluster: Cluster, arg: string, namespace: string): PodObject | string {
  const slash = arg.indexOf('/');
  const type = resolveResourceType(slash < 0 ? 'pod' : arg.slice(0, slash));
  const name = slash < 0 ? arg : arg.slice(slash + 1);
  if (!type) return `error: the server doesn't have a resource type "${arg.slice(0, slash)}"`;
  const view = viewOf(cluster.clusterState);
  const pods = () => [...view.list('Pod')].filter((p) => (p.metadata.namespace ?? 'default') === namespace).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  switch (type.kind) {
    case 'Pod':
      return view.get('Pod', namespace, name) ?? notFoundMessage(type, name);
    case 'Deployment':
    case 'ReplicaSet': {
      const obj = view.get(type.kind, namespace, name);
      if (!obj) return notFoundMessage(type, name);
      const sel = obj.spec?.selector;
      return pods().find((p) => sel && matchesLabelSelector(sel, p.metadata.labels) && !p.metadata.deletionTimestamp) ?? `error: timed out waiting for the condition`;
    }
    case 'Service': {
      const svc = view.get('Service', namespace, name);
      if (!svc) return notFoundMessage(type, name);
      const sel = svc.spec?.selector;
      return pods().find((p) => sel && matchesMap(sel, p.metadata.labels)) ?? `error: timed out waiting for the condition`;
    }
    default:
      return `error: cannot attach to *v1.${type.kind}: selector for *v1.${type.kind} not implemented`;
  }
}

/** podcmd.FindOrDefaultContainerByName: the named (or annotated default) container, else the first, with kubectl's note. */
export function pickContainer(pod: PodObject, asked: string): { container: string; note: string } | string {
  const containers = pod.spec?.containers ?? [];
  if (containers.length === 0) return `pod ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name} does not have any containers`;
  const all = [...containers.map((c) => c.name), ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`)].join(', ');
  const name = asked || pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] || '';
  if (name) return containers.some((c) => c.name === name) ? { container: name, note: '' } : `container ${name} is not valid for pod ${pod.metadata.name} out of: ${all}`;
  const first = containers[0]!;
  const note = containers.length > 1 || (pod.spec?.initContainers ?? []).length > 0 ? `Defaulted container "${first.name}" out of: ${all}\n` : '';
  return { container: first.name, note };
}

export function notRunning(pod: PodObject, container: string): string | undefined {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return `error: cannot exec into a container in a completed pod; current phase is ${phase}`;
  if (phase !== 'Running') return `error: unable to upgrade connection: container not found ("${container}")`;
  return undefined;
}

export const exec: KubectlCommand = {
  name: 'exec',
  group: 'troubleshooting',
  short: 'Execute a command in a container',
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  flags: [
    FILENAME_FLAG,
    { name: 'container', short: 'c', kind: 'string', default: '', usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'stdin', short: 'i', kind: 'bool', default: 'false', usage: 'Pass stdin to the container' },
    { name: 'tty', short: 't', kind: 'bool', default: 'false', usage: 'Stdin is a TTY' },
    { name: 'quiet', short: 'q', kind: 'bool', default: 'false', usage: 'Only print output from the remote session' },
    { name: 'pod-running-timeout', kind: 'duration', default: '1m0s', usage: 'The length of time to wait until at least one pod is running' },
  ],
  run(cluster, parsed, io): KubectlResult {
    const dash = parsed.argsLenAtDash;
    const before = dash >= 0 ? parsed.args.slice(0, dash) : parsed.args;
    if (before.length === 0) return usageError(parsed, 'pod, type/name or --filename must be specified');
    if (dash < 0 && before.length > 1) return usageError(parsed, 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
    const command = dash >= 0 ? parsed.args.slice(dash) : [];
    if (command.length === 0) return usageError(parsed, 'you must specify at least one command for the container');
    const pod = podArgument(cluster, before[0]!, parsed.namespace);
    if (typeof pod === 'string') return fail(pod);
    const picked = pickContainer(pod, parsed.string('container'));
    if (typeof picked === 'string') return fail(picked);
    const note = parsed.bool('quiet') ? '' : picked.note;
    const down = notRunning(pod, picked.container);
    if (down) return { stdout: '', stderr: note + down + '\n', exitCode: 1 };
    const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
    const image = pod.spec?.containers?.find((c) => c.name === picked.container)?.image ?? '';
    if (!hasProgram(imageProfile(image), command[0]!)) return { stdout: '', stderr: note + runtimeNotFound(command[0]!), exitCode: 126 };
    const shell = command.length === 1 && SHELL.test(command[0]!);
    const stdin = parsed.bool('stdin') ? io.stdin : '';
    if (shell && parsed.bool('stdin') && stdin === '') {
      const hooks = (io as CommandIO).workstation;
      if (hooks && parsed.bool('tty')) {
        hooks.interactive({ kind: 'pod', pod: key, container: picked.container, command });
        return { stdout: '', stderr: note, exitCode: 0 };
      }
    }
    const line = shell && stdin !== '' ? stdin : command.map(shellQuote).join(' ');
    const r = cluster.exec(key, line, { container: picked.container });
    let stderr = note + r.stderr;
    if (r.exitCode !== 0 && !/command terminated with exit code \d+\n$/.test(r.stderr)) stderr += `command terminated with exit code ${r.exitCode}\n`;
    return { stdout: r.stdout, stderr, exitCode: r.exitCode };
  },
};
