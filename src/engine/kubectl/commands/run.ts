/**
 * `kubectl run NAME --image=IMAGE [--restart=Never] [--rm] [-i] [-t] [--port] [--env] [--labels]
 * [--command] [-- args...]` (k8s.io/kubectl/pkg/cmd/run; the pod generateversioned BasicPod
 * builds): `pod/NAME created`. With `-it` the terminal attaches to the container: kubectl
 * prints "If you don't see a command prompt, try pressing enter." and the result carries the
 * `interactive` marker (with `removeOnExit` for --rm). With `-i` and a command (`--rm -i
 * --restart=Never -- wget -qO- http://my-nginx`) the command's output is printed, then the
 * pod deleted for --rm (`pod "NAME" deleted`).
 *
 * `--expose --port=P` also creates a ClusterIP Service named after the pod (generateService
 * with ServiceGeneratorV2: port P, targetPort P, TCP, selector `run=NAME` or the --labels,
 * labelled with the --labels). kubectl creates the pod first but prints the Service as soon as
 * it is made and the pod at the end: `service/NAME created` then `pod/NAME created`; with
 * `--dry-run -o yaml` the Service, `---`, the pod.
 */
import type { ServiceObject } from '../../api/objects';
import type { KubectlCommand, KubectlResult } from '../types';
import { OUTPUT_FLAG } from '../flags';
import { fail, usageError } from '../result';
import { createObject, type CommandIO } from './common';
import { runPod } from './generate';
import { printGenerated } from './dryrun';
import { shellQuote } from './exec';

/** generateService for `run --expose`: `labels` is the --labels text, or empty. */
export function exposedService(name: string, namespace: string, port: number, labels: Record<string, string> | undefined): ServiceObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, ...(labels ? { labels } : {}) },
    spec: { ports: [{ port, protocol: 'TCP', targetPort: port }], selector: labels ?? { run: name } },
  };
}

const noSource = (r: KubectlResult): KubectlResult => ({ ...r, stderr: r.stderr.replace(/error when creating "": /, '') });

export const run: KubectlCommand = {
  name: 'run',
  group: 'basic-beginner',
  short: 'Run a particular image on the cluster',
  usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    OUTPUT_FLAG,
    { name: 'image', kind: 'string', default: '', usage: 'The image for the container to run.' },
    { name: 'restart', kind: 'string', default: 'Always', usage: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].' },
    { name: 'rm', kind: 'bool', default: 'false', usage: 'If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with \'--attach\' or with \'-i/--stdin\'.' },
    { name: 'stdin', short: 'i', kind: 'bool', default: 'false', usage: 'Keep stdin open on the container in the pod, even if nothing is attached.' },
    { name: 'tty', short: 't', kind: 'bool', default: 'false', usage: 'Allocate a TTY for the container in the pod.' },
    { name: 'attach', kind: 'bool', default: 'false', usage: 'If true, wait for the Pod to start running, and then attach to the Pod as if \'kubectl attach ...\' were called.' },
    { name: 'port', kind: 'string', default: '', usage: 'The port that this container exposes.' },
    { name: 'env', kind: 'stringArray', default: '[]', usage: 'Environment variables to set in the container.' },
    { name: 'labels', short: 'l', kind: 'string', default: '', usage: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'annotations', kind: 'stringArray', default: '[]', usage: 'Annotations to apply to the pod.' },
    { name: 'command', kind: 'bool', default: 'false', usage: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
    { name: 'image-pull-policy', kind: 'string', default: '', usage: 'The image pull policy for the container.' },
    { name: 'leave-stdin-open', kind: 'bool', default: 'false', usage: 'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes.' },
    { name: 'quiet', short: 'q', kind: 'bool', default: 'false', usage: 'If true, suppress prompt messages.' },
    { name: 'expose', kind: 'bool', default: 'false', usage: 'If true, create a ClusterIP service associated with the pod.  Requires `--port`.' },
    { name: 'dry-run', kind: 'string', default: 'none', noOptDefault: 'unchanged', usage: 'Must be "none", "server", or "client".' },
  ],
  run(cluster, parsed, io) {
    const dash = parsed.argsLenAtDash;
    const names = dash >= 0 ? parsed.args.slice(0, dash) : parsed.args.slice(0, 1);
    const words = dash >= 0 ? parsed.args.slice(dash) : parsed.args.slice(1);
    const name = names[0];
    if (!name) return usageError(parsed, 'NAME is required for run');
    const image = parsed.string('image');
    if (!image) return usageError(parsed, '--image is required');
    const restart = parsed.string('restart');
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) return fail(`invalid restart policy: ${restart}`);
    const stdin = parsed.bool('stdin');
    const tty = parsed.bool('tty');
    const attach = parsed.bool('attach') || stdin;
    if (tty && !stdin) return usageError(parsed, '-i/--stdin is required for containers with -t/--tty=true');
    if (parsed.bool('expose') && !parsed.string('port')) return fail('--port must be set when exposing a service');
    if (parsed.bool('rm') && !attach) return usageError(parsed, '--rm should only be used for attached containers');
    const port = parsed.string('port');
    if (port && !/^\d+$/.test(port)) return fail(`strconv.Atoi: parsing "${port}": invalid syntax`);
    const labels = parsed.string('labels')
      ? Object.fromEntries(parsed.string('labels').split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]))
      : undefined;
    const annotations = parsed.strings('annotations').length ? Object.fromEntries(parsed.strings('annotations').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])) : undefined;
    const pod = runPod(name, {
      namespace: parsed.namespace,
      image,
      labels,
      annotations,
      port: port ? Number(port) : undefined,
      env: parsed.strings('env'),
      stdin,
      tty,
      leaveStdinOpen: parsed.bool('leave-stdin-open'),
      restart: restart as 'Always' | 'OnFailure' | 'Never',
      words,
      asCommand: parsed.bool('command'),
      imagePullPolicy: parsed.string('image-pull-policy') || undefined,
    });
    const svc = parsed.bool('expose') ? exposedService(name, parsed.namespace, Number(port), labels) : undefined;
    if (parsed.string('dry-run') !== 'none') {
      const service = svc ? printGenerated(svc, parsed, 'created') + (parsed.string('output') === 'yaml' ? '---\n' : '') : '';
      return { stdout: service + printGenerated(pod, parsed, 'created'), stderr: '', exitCode: 0 };
    }
    const created = noSource(createObject(cluster, pod, undefined, ''));
    if (created.exitCode !== 0) return created;
    const byName = parsed.string('output') === 'name';
    const exposed = svc ? noSource(createObject(cluster, svc, undefined, '')) : undefined;
    const service = exposed && exposed.exitCode === 0 ? (byName ? `service/${name}\n` : exposed.stdout) : '';
    const serviceError = exposed?.exitCode ? exposed.stderr : '';
    if (!attach) {
      const stdout = service + (byName ? `pod/${name}\n` : created.stdout);
      return { stdout, stderr: serviceError, exitCode: serviceError ? 1 : 0 };
    }
    const key = `${parsed.namespace}/${name}`;
    const quiet = parsed.bool('quiet');
    const hooks = (io as CommandIO).workstation;
    if (tty && hooks) {
      hooks.interactive({ kind: 'pod', pod: key, container: name, command: words.length ? [...words] : ['sh'], attach: true, removeOnExit: parsed.bool('rm') });
      return { stdout: service, stderr: serviceError + (quiet ? '' : "If you don't see a command prompt, try pressing enter.\n"), exitCode: 0 };
    }
    // Attached without a terminal: the container's command runs, its output is shown, --rm cleans up.
    const r = words.length ? cluster.exec(key, words.map(shellQuote).join(' '), { container: name }) : { stdout: '', stderr: '', exitCode: 0 };
    let stdout = service + r.stdout;
    if (parsed.bool('rm')) {
      // removeCreatedObjects: the pod, then the Service --expose made.
      cluster.delete({ kind: 'Pod', namespace: parsed.namespace, name });
      stdout += `pod "${name}" deleted\n`;
      if (service) {
        cluster.delete({ kind: 'Service', namespace: parsed.namespace, name });
        stdout += `service "${name}" deleted\n`;
      }
    }
    return { stdout, stderr: serviceError + r.stderr, exitCode: r.exitCode };
  },
};
