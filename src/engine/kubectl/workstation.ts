/**
 * The learner's terminal: a bash session on the workstation beside the cluster. A line runs
 * through the same parser and runner as the in-pod shell (shell/parse.ts, shell/run.ts: pipes,
 * `;` `&&` `||`, `$(…)`, here-documents, `for` loops, redirections) with the workstation's
 * commands: `kubectl`, `minikube`, `curl` (as an external client at 192.168.49.1), and the text
 * tools (grep, head, tail, wc, cat, echo, printenv, env, base64...). Variables, exports and the
 * files written with `>` last for the session, so `export NODEPORT=$(kubectl get …)` on one
 * line is seen by `curl http://$NODEIP:$NODEPORT` on the next; so do `kubectl port-forward`s.
 *
 * kubectl never advances the logical clock: `delete` returns at once (pods stay Terminating
 * until the clock moves), `rollout status` prints the rollout as it stands.
 *
 * `kubectl exec -it` and `kubectl run -it` return an `interactive` marker of kind `pod`,
 * `minikube ssh` one of kind `node`; `attach(marker)` gives a shell inside that container
 * (PodShell) or on that node (NodeShell) whose variables last until `exit`. `kubectl edit`
 * returns an `edit` session instead of running an editor; `saveEdit(session, text)` is the
 * editor closing. A result's `traces` are the requests the line sent (curl, wget), in order.
 */
import type { CommandResult, Trace } from '../types';
import { runInSession, type ShellSession } from '../shell/run';
import { parseScript } from '../shell/parse';
import type { ImageProfile } from '../shell/images';
import { cat } from '../shell/files';
import { curl } from '../shell/curlcmd';
import { echo, env, falseTool, hostname, printenv, sleep, trueTool } from '../shell/env';
import { grep, head, tail, wc } from '../shell/filters';
import { Output, type Tool, type ToolContext, type ToolResult } from '../shell/types';
import { runKubectl, COMMANDS } from './registry';
import type { Cluster, CommandIO, EditSession, InteractiveSession, PortForward, WorkstationHooks } from './commands/common';
import { WORKSTATION_ENV, workstationHost } from './commands/terminal';
import { minikube } from './commands/minikube';
import { base64Tool } from './commands/base64';
import { jq } from './commands/jq';
import { PodShell } from './commands/podshell';
import { NodeShell } from './commands/nodeshell';
import { recording, withTraces } from './commands/attached';
import { saveEdit } from './commands/editsave';

export type { EditSession, InteractiveSession, PortForward } from './commands/common';
export type { AttachedShell, ShellLineResult } from './commands/attached';
export type { PodShellResult } from './commands/podshell';
export type { NodeShellResult } from './commands/nodeshell';
export { PodShell } from './commands/podshell';
export { NodeShell } from './commands/nodeshell';

export interface WorkstationIO {
  /** The editor's documents by file name: `kubectl apply -f users-deployment.yaml`, `cat x.yaml`. */
  files?: ReadonlyMap<string, string>;
  /** The terminal's stdin for this line (what `-f -` reads when nothing is piped in). */
  stdin?: string;
  /**
   * The terminal can ask the learner (a UI): when a program would read from the terminal and
   * `stdin` is not given (curl's password prompt for `-u user`), the line is not run; the
   * result's `asks` says what to ask, and the terminal runs the line again with the answer as
   * `stdin`. Without it, such a program reads an empty line.
   */
  ask?: boolean;
}

export interface WorkstationResult extends CommandResult {
  /** Set when the line opened an interactive session (`kubectl exec -it`, `kubectl run -it`, `minikube ssh`). */
  interactive?: InteractiveSession;
  /** Set when the line opened an object in the editor (`kubectl edit`), or a save reopened it with errors. */
  edit?: EditSession;
  /** The requests the line sent (curl, wget, from here, a pod or a node), in order; absent when none. */
  traces?: Trace[];
  /** With `io.ask`: the line stopped at a program's question (see WorkstationIO.ask). */
  asks?: { prompt: string; secret: boolean };
}

/** Thrown through the shell when a program would ask the terminal and the UI will answer instead. */
class TerminalQuestion {
  constructor(readonly prompt: string) {}
}

const SHELL_WORDS = new Set(['export', 'unset', 'cd', 'pwd', 'exit', 'printf', 'command', ':', 'for', 'sh', 'bash', 'true', 'false', 'echo']);

export class Workstation {
  private readonly vars = new Map<string, string>(WORKSTATION_ENV);
  private readonly exported = new Set<string>(WORKSTATION_ENV.map(([k]) => k));
  /** Files written by the session (`> x.yaml`), by absolute path. */
  private readonly written = new Map<string, string>();
  private readonly forwards = new Map<number, PortForward>();
  private readonly tools: Record<string, Tool>;
  private readonly profile: ImageProfile;
  private editorFiles: ReadonlyMap<string, string> = new Map();
  private terminalStdin = '';
  /** `io.ask` and no stdin for this line: a program that asks the terminal stops the line. */
  private askFirst = false;
  private opened: InteractiveSession | undefined;
  private editing: EditSession | undefined;

  constructor(private readonly cluster: Cluster) {
    this.tools = {
      kubectl: (ctx) => this.kubectl(ctx.argv.slice(1), ctx.stdin),
      minikube: (ctx) => {
        const r = minikube(this.cluster, ctx.argv.slice(1), this.hooks, (argv) => this.kubectl(argv, ctx.stdin));
        return new Output().out(r.stdout).err(r.stderr).done(r.exitCode);
      },
      curl: (ctx) => curlAsking(ctx, this.terminalStdin, this.askFirst),
      cat, echo, env, printenv, hostname, sleep, grep, head, tail, wc, jq, base64: base64Tool, true: trueTool, false: falseTool,
    };
    this.profile = { shell: 'bash', userland: 'gnu', tools: new Set([...Object.keys(this.tools), 'bash', 'sh']), libc: 'glibc', curl: '8.5.0' };
  }

  private readonly hooks: WorkstationHooks = {
    interactive: (s) => {
      this.opened ??= s;
    },
    edit: (s) => {
      this.editing ??= s;
    },
    forward: (f) => {
      if (this.forwards.has(f.localPort)) {
        const p = f.localPort;
        return `Unable to listen on port ${p}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${p}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${p}: bind: address already in use]\nerror: unable to listen on any of the requested ports: [{${p} ${f.remotePort}}]`;
      }
      this.forwards.set(f.localPort, f);
      return undefined;
    },
  };

  private kubectl(argv: string[], stdin: string) {
    const files = new Map<string, string>(this.editorFiles);
    for (const [k, v] of this.written) files.set(k, v);
    const io: CommandIO = { stdin: stdin || this.terminalStdin, files, workstation: this.hooks };
    const r = runKubectl(this.cluster, argv, io);
    return new Output().out(r.stdout).err(r.stderr).done(r.exitCode);
  }

  /** Run one line (or a multi-line text: a here-document, a loop) as the terminal's bash would. */
  run(line: string, io: WorkstationIO = {}): WorkstationResult {
    this.editorFiles = io.files ?? new Map();
    this.terminalStdin = io.stdin ?? '';
    this.askFirst = io.ask === true && io.stdin === undefined;
    this.opened = undefined;
    this.editing = undefined;
    const session: ShellSession = {
      host: workstationHost(this.cluster, this.forwards, this.editorFiles),
      profile: this.profile,
      tools: this.tools,
      files: this.written,
      vars: this.vars,
      exported: this.exported,
    };
    let question: TerminalQuestion | undefined;
    const { result: r, traces } = recording(this.cluster, () => {
      try {
        return runInSession(session, withKubectl(line));
      } catch (e) {
        if (!(e instanceof TerminalQuestion)) throw e;
        question = e;
        return { stdout: '', stderr: '', exitCode: 0 };
      }
    });
    if (question) return { stdout: '', stderr: '', exitCode: 0, asks: { prompt: question.prompt, secret: true } };
    // Set by the hooks while the line ran (TypeScript cannot see that through the calls).
    const opened = this.opened as InteractiveSession | undefined;
    const editing = this.editing as EditSession | undefined;
    return withTraces({ ...r, ...(opened ? { interactive: opened } : {}), ...(editing ? { edit: editing } : {}) }, traces);
  }

  /**
   * `kubectl edit`, when the editor closes with `text`: the change applied (`service/x
   * edited`), cancelled, or refused; `edit` in the result when the editor opens again with the
   * errors in its header (commands/editsave.ts).
   */
  saveEdit(session: EditSession, text: string): WorkstationResult {
    const { result: r, traces } = recording(this.cluster, () => saveEdit(this.cluster, session, text));
    return withTraces(r, traces);
  }

  /**
   * Whether the text is an unfinished command a terminal should keep reading (bash's `> `
   * prompt): an open quote, a trailing `|`/`&&`/`\`, an unclosed `for`, a here-document
   * whose delimiter line has not come yet.
   */
  incomplete(text: string): boolean {
    const p = parseScript(text);
    if (p.ok) return p.openHeredoc !== undefined || text.endsWith('\\');
    return p.error.kind === 'eof' || p.error.kind === 'unterminated';
  }

  /** The port-forwards this session holds, by local port. */
  portForwards(): PortForward[] {
    return [...this.forwards.values()];
  }

  /** The shell an `interactive` marker names: inside a container, or on a node. */
  attach(session: InteractiveSession): PodShell | NodeShell {
    return session.kind === 'node' ? new NodeShell(this.cluster, session) : new PodShell(this.cluster, session);
  }

  /** A variable of the session (after `export X=…`), for the UI's prompt or tests. */
  variable(name: string): string | undefined {
    return this.vars.get(name);
  }
}

/**
 * curl on a terminal: `-u user` without a password makes curl ask for it (`Enter host password
 * for user 'user':`) and read it from the terminal, here the line's stdin.
 */
function curlAsking(ctx: ToolContext, terminal: string, askFirst: boolean): ToolResult {
  const argv = [...ctx.argv];
  const i = argv.findIndex((a) => a === '-u' || a === '--user');
  const user = i >= 0 ? argv[i + 1] : undefined;
  if (user === undefined || user.includes(':')) return curl(ctx);
  if (askFirst) throw new TerminalQuestion(`Enter host password for user '${user}':`);
  const password = terminal.split('\n')[0] ?? '';
  argv[i + 1] = `${user}:${password}`;
  const r = curl({ ...ctx, argv });
  return { out: [{ fd: 2, text: `Enter host password for user '${user}':` }, ...r.out], exitCode: r.exitCode };
}

/** The leading `kubectl` is optional (the engine contract): `get pods` runs `kubectl get pods`. */
function withKubectl(line: string): string {
  const first = /^\s*([A-Za-z][\w-]*)(\s|$)/.exec(line)?.[1];
  if (!first || first === 'kubectl' || SHELL_WORDS.has(first) || first === 'minikube') return line;
  if (/^\s*[A-Za-z_][A-Za-z0-9_]*=/.test(line)) return line;
  return COMMANDS.has(first) && !['curl', 'cat', 'grep', 'head', 'tail', 'wc', 'env', 'printenv'].includes(first) ? `kubectl ${line.trimStart()}` : line;
}
