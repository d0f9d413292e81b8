/**
 * The shell an interactive session opens inside a container (`kubectl exec -it POD -- sh`,
 * `kubectl run -it --image=busybox`): each line runs as `kubectl exec` would run it
 * (shell/exec.ts builds the container's host from the current cluster state), but variables,
 * exports and files written with `>` last until `exit`. Ending the session prints what
 * kubectl prints then: `pod "x" deleted` after `run --rm`, the `kubectl attach` hint after
 * `run -it`, `command terminated with exit code N` after an `exec` whose shell failed.
 */
import type { PodObject } from '../../api/objects';
import type { InteractiveSession } from '../../types';
import { shellHost } from '../../shell/exec';
import { imageProfile } from '../../shell/images';
import { runInSession, type ShellSession } from '../../shell/run';
import type { Cluster } from './common';
import { recording, withTraces, type AttachedShell, type ShellLineResult } from './attached';

export type PodShellResult = ShellLineResult;
export type PodSession = Extract<InteractiveSession, { kind: 'pod' }>;

const BASH = /(^|\/)bash$/;

export class PodShell implements AttachedShell {
  private vars: Map<string, string> | undefined;
  private exported = new Set<string>();
  private readonly files = new Map<string, string>();
  private ended = false;

  constructor(
    private readonly cluster: Cluster,
    readonly session: PodSession,
  ) {}

  private pod(): PodObject | undefined {
    const [ns, name = ''] = this.session.pod.split('/');
    const p = this.cluster.getObject({ kind: 'Pod', namespace: ns, name });
    return p?.kind === 'Pod' ? p : undefined;
  }

  /** The prompt the container's shell shows: busybox ash `/ # `, dash `# `, bash `root@host:/# `. */
  prompt(): string {
    const pod = this.pod();
    const image = pod?.spec?.containers?.find((c) => c.name === this.session.container)?.image ?? '';
    const profile = imageProfile(image);
    const host = pod?.spec?.hostname ?? pod?.metadata.name ?? '';
    if (this.session.command.some((w) => BASH.test(w))) return `root@${host}:/# `;
    // radial/busyboxplus sets its own PS1 (seed 003: `[ root@curl-131556218-9fnch:/ ]$ `).
    if (/(^|\/)busyboxplus(:|$)/.test(image)) return `[ root@${host}:/ ]$ `;
    return profile.shell === 'dash' ? '# ' : '/ # ';
  }

  run(line: string): PodShellResult {
    if (this.ended) return { stdout: '', stderr: 'error: the session has ended\n', exitCode: 1, exited: true };
    const pod = this.pod();
    if (!pod || pod.status?.phase !== 'Running') {
      this.ended = true;
      return { stdout: '', stderr: `error: pod ${this.session.pod} is no longer running; the session ended\n`, exitCode: 1, exited: true };
    }
    const host = shellHost(this.cluster.clusterState, pod, this.session.container, { request: (spec) => this.cluster.request(spec) });
    const image = imageProfile(host.imageRef ?? host.image);
    // `-- bash` runs bash (Debian images have it beside dash): its messages, not sh's.
    const profile = image.shell && BASH.test(this.session.command[0] ?? '') ? { ...image, shell: 'bash' as const } : image;
    if (!profile.shell) {
      this.ended = true;
      return { stdout: '', stderr: `error: ${this.session.container} has no shell\n`, exitCode: 126, exited: true };
    }
    if (!this.vars) {
      this.vars = new Map(host.env);
      this.exported = new Set(this.vars.keys());
    }
    const session: ShellSession = { host, profile, files: this.files, vars: this.vars, exported: this.exported };
    const { result: r, traces } = recording(this.cluster, () => runInSession(session, line));
    if (!r.exited) return withTraces({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }, traces);
    const e = this.end(r.exitCode);
    return withTraces({ ...e, stdout: r.stdout + e.stdout, stderr: r.stderr + e.stderr }, traces);
  }

  /** What kubectl prints when the session ends with `code`, after cleaning up (`--rm`). */
  private end(code: number): PodShellResult {
    const [ns, name = ''] = this.session.pod.split('/');
    if (!this.ended) {
      this.ended = true;
      if (this.session.removeOnExit) this.cluster.delete({ kind: 'Pod', namespace: ns, name });
    }
    if (this.session.removeOnExit) return { stdout: `pod "${name}" deleted\n`, stderr: '', exitCode: code, exited: true };
    if (this.session.attach) {
      const nsFlag = ns === 'default' ? '' : ` -n ${ns}`;
      return { stdout: `Session ended, resume using 'kubectl attach ${name} -c ${this.session.container} -i -t${nsFlag}' command when the pod is running\n`, stderr: '', exitCode: code, exited: true };
    }
    return { stdout: '', stderr: code ? `command terminated with exit code ${code}\n` : '', exitCode: code, exited: true };
  }

  /** Close the session without `exit` (the terminal was closed): the same cleanup. */
  close(): PodShellResult {
    return this.end(0);
  }
}
