/**
 * The login shell `minikube ssh [-n NODE]` opens on a node (nodehost.ts): bash as the `docker`
 * user, prompt `docker@<node>:~$ ` (Ubuntu's default PS1, in the home directory), variables and
 * files lasting until `exit` or `logout`. bash says `logout` when a login shell exits; minikube
 * then prints nothing, unless the shell's status was not 0: the native SSH client's error
 * (`ssh: Process exited with status N`, golang.org/x/crypto/ssh ExitError) and minikube's exit 1
 * (cmd/minikube/cmd/ssh.go).
 */
import type { InteractiveSession } from '../../types';
import { runInSession, type ShellSession } from '../../shell/run';
import type { Cluster } from './common';
import { recording, withTraces, type AttachedShell, type ShellLineResult } from './attached';
import { NODE_USER, nodeHost, nodeProfile } from './nodehost';

export type NodeShellResult = ShellLineResult;
export type NodeSession = Extract<InteractiveSession, { kind: 'node' }>;

/** What minikube adds when the remote shell ended with `code`. */
export function sshExit(code: number): { stderr: string; exitCode: number } {
  return code === 0 ? { stderr: '', exitCode: 0 } : { stderr: `ssh: Process exited with status ${code}\n`, exitCode: 1 };
}

/** Run one command line on a node as `minikube ssh -- CMD` does: a fresh bash, not a login one. */
export function runOnNode(cluster: Cluster, node: string, line: string): ShellLineResult {
  const nh = nodeHost(cluster, node);
  if (!nh) return { stdout: '', stderr: `ssh: node ${node} is gone\n`, exitCode: 1 };
  const vars = new Map(nh.host.env);
  const session: ShellSession = { host: nh.host, profile: nodeProfile(nh.tools), tools: nh.tools, files: new Map(), vars, exported: new Set(vars.keys()) };
  const { result: r, traces } = recording(cluster, () => runInSession(session, line));
  const end = sshExit(r.exitCode);
  return withTraces({ stdout: r.stdout, stderr: r.stderr + end.stderr, exitCode: end.exitCode }, traces);
}

export class NodeShell implements AttachedShell {
  private vars: Map<string, string> | undefined;
  private exported = new Set<string>();
  private readonly files = new Map<string, string>();
  private ended = false;

  constructor(
    private readonly cluster: Cluster,
    readonly session: NodeSession,
  ) {}

  prompt(): string {
    return `${NODE_USER}@${this.session.node}:~$ `;
  }

  run(line: string): NodeShellResult {
    if (this.ended) return { stdout: '', stderr: 'error: the session has ended\n', exitCode: 1, exited: true };
    const nh = nodeHost(this.cluster, this.session.node);
    if (!nh) {
      this.ended = true;
      return { stdout: '', stderr: `Connection to ${this.session.node} closed by remote host.\n`, exitCode: 1, exited: true };
    }
    if (!this.vars) {
      this.vars = new Map(nh.host.env);
      this.exported = new Set(this.vars.keys());
    }
    const session: ShellSession = { host: nh.host, profile: nodeProfile(nh.tools), tools: nh.tools, files: this.files, vars: this.vars, exported: this.exported, login: true };
    const { result: r, traces } = recording(this.cluster, () => runInSession(session, line));
    if (!r.exited) return withTraces({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }, traces);
    this.ended = true;
    const end = sshExit(r.exitCode);
    return withTraces({ stdout: r.stdout, stderr: r.stderr + end.stderr, exitCode: end.exitCode, exited: true }, traces);
  }

  close(): NodeShellResult {
    this.ended = true;
    return { stdout: '', stderr: '', exitCode: 0, exited: true };
  }
}
