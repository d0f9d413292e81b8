/**
 * The in-pod shell: `runCommand(host, line)` parses the line (parse.ts) and runs it as the
 * image's `sh` would — busybox ash in busybox and Alpine images, dash in Debian ones — with
 * each command taken from the image's tool table (images.ts). Pipes feed one command's stdout
 * to the next; `&&`, `||`, `;` sequence; `>`/`>>`/`2>`/`2>&1`/`<` redirect (`/dev/null`, or a
 * file the rest of the line can read); `sh -c '…'` runs a nested script; `$(…)` substitutes.
 *
 * A command the image lacks: ash `sh: curl: not found`, dash `sh: 1: curl: not found`, exit
 * 127. An image with no shell at all (scratch, distroless) cannot start it: the container
 * runtime's `executable file not found in $PATH`, exit 126, as `kubectl exec` shows.
 * Syntax errors exit 2 with the shell's own message.
 */
import type { CommandResult } from '../types';
import type { ShellHost } from './host';
import { imageProfile, UNMODELLED, type ImageProfile } from './images';
import { expandString, expandWord, parseScript, type Expander, type ForLoop, type Pipeline, type Script, type ShellSyntaxError, type SimpleCommand } from './parse';
import { absolutePath, readFile, writeFile } from './files';
import { locate, printf, pwd } from './builtins';
import { cat } from './files';
import { curl } from './curlcmd';
import { dig } from './dig';
import { echo, env, falseTool, hostname, printenv, sleep, trueTool } from './env';
import { grep, head, tail, wc } from './filters';
import { ip } from './ip';
import { nslookup } from './nslookup';
import { ping } from './ping';
import { wget } from './wget';
import { Output, joinFd, ok, type Chunk, type Tool, type ToolResult } from './types';

export const TOOLS: Readonly<Record<string, Tool>> = {
  cat, curl, wget, nslookup, dig, ping, ip, printenv, env, hostname, echo, true: trueTool, false: falseTool, sleep, grep, head, tail, wc,
};
const BUILTINS = new Set(['exit', 'export', 'unset', 'cd', 'pwd', ':', 'printf', 'command', 'echo', 'true', 'false']);
const SHELLS = new Set(['sh', 'ash', 'dash', 'bash']);
const MAX_DEPTH = 16;

type Dest = 1 | 2 | 'null' | { file: string };

/**
 * What kubectl shows when the container runtime cannot start `program` (runc's error through
 * the docker runtime, then kubectl's exit line; exit 126): not on the PATH, or a path that is
 * not there.
 */
export function runtimeNotFound(program: string): string {
  const why = program.includes('/') ? `stat ${program}: no such file or directory` : 'executable file not found in $PATH';
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": ${why}: unknown\ncommand terminated with exit code 126\n`;
}

function runtimeError(name: string): ToolResult {
  return new Output().err(runtimeNotFound(name)).done(126);
}

/**
 * One shell's lasting state: the variables and files a later line sees (a terminal session
 * keeps one; `runCommand` makes a fresh one per line), and the commands it can run.
 */
export interface ShellSession {
  host: ShellHost;
  profile: ImageProfile;
  /** The commands by name; the image's profile says which of them exist. Default: the in-pod tools. */
  tools?: Readonly<Record<string, Tool>>;
  files: Map<string, string>;
  vars: Map<string, string>;
  exported: Set<string>;
  /**
   * An interactive login shell (bash over `minikube ssh`): `exit` says `logout` on stderr and
   * `logout` leaves, as bash's exit.def does for a login shell.
   */
  login?: boolean;
}

class Shell {
  private status = 0;
  exited = false;
  /** stderr of command substitutions, shown with the command that used them. */
  private stray: Chunk[] = [];
  private readonly host: ShellHost;
  private readonly profile: ImageProfile;
  private readonly tools: Readonly<Record<string, Tool>>;
  private readonly files: Map<string, string>;
  private readonly vars: Map<string, string>;
  private readonly exported: Set<string>;
  private readonly login: boolean;

  constructor(
    session: ShellSession,
    private readonly depth: number,
    /** Whether this shell's stdout is the terminal (not a `$(…)` capture or a pipe into the next command). */
    private readonly tty: boolean,
  ) {
    this.host = session.host;
    this.profile = session.profile;
    this.tools = session.tools ?? TOOLS;
    this.files = session.files;
    this.vars = session.vars;
    this.exported = session.exported;
    this.login = session.login === true;
  }

  private child(vars: Map<string, string>, tty: boolean): Shell {
    const session = { host: this.host, profile: this.profile, tools: this.tools, files: this.files, vars, exported: new Set(this.exported) };
    return new Shell(session, this.depth + 1, tty);
  }

  private prefix(): string {
    return this.profile.shell === 'dash' ? 'sh: 1: ' : this.profile.shell === 'bash' ? 'bash: ' : 'sh: ';
  }

  syntaxError(e: ShellSyntaxError): ToolResult {
    const dash = this.profile.shell === 'dash';
    let msg: string;
    if (this.profile.shell === 'bash') msg = e.kind === 'unexpected' ? `syntax error near unexpected token \`${e.token}'` : 'syntax error: unexpected end of file';
    else if (e.kind === 'unterminated') msg = dash ? 'Syntax error: Unterminated quoted string' : 'syntax error: unterminated quoted string';
    else if (e.kind === 'eof') msg = dash ? 'Syntax error: end of file unexpected' : 'syntax error: unexpected end of file';
    else msg = dash ? `Syntax error: "${e.token}" unexpected` : `syntax error: unexpected "${e.token}"`;
    return new Output().err(`${this.prefix()}${msg}\n`).done(2);
  }

  run(text: string): ToolResult {
    const parsed = parseScript(text);
    if (!parsed.ok) return this.syntaxError(parsed.error);
    const r = this.script(parsed.script);
    // bash reads a here-document to the end of the input when its delimiter never comes, and says so.
    if (parsed.openHeredoc !== undefined && this.profile.shell === 'bash') {
      return { out: [{ fd: 2, text: `bash: warning: here-document at line 1 delimited by end-of-file (wanted \`${parsed.openHeredoc}')\n` }, ...r.out], exitCode: r.exitCode };
    }
    return r;
  }

  private script(script: Script): ToolResult {
    const out: Chunk[] = [];
    for (const andOr of script) {
      out.push(...this.pipeline(andOr.first).out);
      for (const { op, pipeline } of andOr.rest) {
        if (this.exited) break;
        if ((op === '&&') === (this.status === 0)) out.push(...this.pipeline(pipeline).out);
      }
      if (this.exited) break;
    }
    return { out, exitCode: this.status };
  }

  private pipeline(p: Pipeline): ToolResult {
    const out: Chunk[] = [];
    let stdin = '';
    let code = 0;
    p.commands.forEach((c, i) => {
      const last = i === p.commands.length - 1;
      const r = this.command(c, stdin, last, p.commands.length > 1);
      code = r.exitCode;
      if (last) out.push(...r.out);
      else {
        stdin = joinFd(r.out, 1);
        out.push(...r.out.filter((x) => x.fd === 2));
      }
    });
    this.status = p.negate ? (code === 0 ? 1 : 0) : code;
    return { out, exitCode: this.status };
  }

  private expander(): Expander {
    return { param: (n) => this.param(n), sub: (s) => this.substitute(s) };
  }

  private param(name: string): string | undefined {
    if (name === '?') return String(this.status);
    if (name === '$') return '1';
    if (name === '#') return '0';
    if (name === '0') return 'sh';
    if (/^[!@*1-9]$/.test(name)) return '';
    return this.vars.get(name);
  }

  private substitute(script: string): string {
    const child = this.child(new Map(this.vars), false);
    const r = child.depth > MAX_DEPTH ? new Output().err(`${this.prefix()}substitution nested too deeply\n`).done(2) : child.run(script);
    this.stray.push(...r.out.filter((x) => x.fd === 2));
    this.status = r.exitCode;
    return joinFd(r.out, 1);
  }

  private command(c: SimpleCommand, stdin: string, last: boolean, inPipeline: boolean): ToolResult {
    const x = this.expander();
    const argv = c.words.flatMap((w) => expandWord(w, x));
    const assigns: [string, string][] = c.assigns.map((a) => [a.name, expandString(a.value, x)]);
    let input = stdin;
    const dests: { 1: Dest; 2: Dest } = { 1: 1, 2: 2 };
    for (const r of c.redirects) {
      const target = expandString(r.target, x);
      const fd = r.fd === 2 ? 2 : 1;
      if (r.op === '<<') input = target;
      else if (r.op === '<') {
        const f = readFile({ host: this.host, files: this.files }, target);
        if (!f.ok) return this.flush(new Output().err(this.profile.shell === 'dash' ? `${this.prefix()}cannot open ${target}: No such file\n` : `sh: can't open '${target}': No such file or directory\n`).done(1));
        input = f.text;
      } else if (r.op === '>&') {
        if (target === '1' || target === '2') dests[fd] = dests[target === '1' ? 1 : 2];
      } else if (absolutePath(target) === '/dev/null') dests[fd] = 'null';
      else {
        if (r.op === '>') writeFile(this.files, target, '');
        dests[fd] = { file: target };
      }
    }
    let result: ToolResult;
    if (c.loop) result = this.loop(c.loop);
    else if (argv.length === 0) {
      for (const [k, v] of assigns) this.vars.set(k, v);
      result = { out: [], exitCode: c.words.length > 0 ? this.status : 0 };
    } else {
      result = this.invoke(argv, input, this.tty && last && dests[1] === 1, assigns, inPipeline);
    }
    const routed: Chunk[] = [];
    for (const chunk of result.out) {
      const d = dests[chunk.fd];
      if (d === 'null') continue;
      if (typeof d === 'object') writeFile(this.files, d.file, chunk.text, true);
      else routed.push({ fd: d, text: chunk.text });
    }
    return this.flush({ out: routed, exitCode: result.exitCode });
  }

  /** `for NAME in WORDS; do BODY; done`: the body's output, and the status of its last command (0 when it never ran). */
  private loop(l: ForLoop): ToolResult {
    const out: Chunk[] = [];
    const items = l.items.flatMap((w) => expandWord(w, this.expander()));
    let status = 0;
    for (const item of items) {
      this.vars.set(l.name, item);
      const r = this.script(l.body);
      out.push(...r.out);
      status = r.exitCode;
      if (this.exited) break;
    }
    this.status = status;
    return { out, exitCode: status };
  }

  private flush(r: ToolResult): ToolResult {
    const out = [...this.stray, ...r.out];
    this.stray = [];
    return { out, exitCode: r.exitCode };
  }

  private envList(extra: readonly [string, string][]): [string, string][] {
    const m = new Map<string, string>();
    for (const [k, v] of this.vars) if (this.exported.has(k)) m.set(k, v);
    for (const [k, v] of extra) m.set(k, v);
    return [...m];
  }

  private notFound(name: string): ToolResult {
    const base = name.split('/').pop() ?? name;
    if (UNMODELLED.has(base)) return new Output().err(`${this.prefix()}${name}: kubepath does not model this command\n`).done(127);
    if (this.profile.shell === 'bash') return new Output().err(`bash: ${name}: ${name.includes('/') ? 'No such file or directory' : 'command not found'}\n`).done(127);
    return new Output().err(`${this.prefix()}${name}: not found\n`).done(127);
  }

  private builtin(name: string, argv: string[], stdin: string, inPipeline: boolean): ToolResult | undefined {
    switch (name) {
      case 'exit':
      case 'logout': {
        const bash = this.profile.shell === 'bash';
        if (name === 'logout' && !bash) return undefined;
        if (name === 'logout' && !this.login) return new Output().err(`bash: logout: not login shell: use \`exit'\n`).done(1);
        const arg = argv[1];
        if (arg !== undefined && !/^\d+$/.test(arg)) return new Output().err(`${this.prefix()}${name}: Illegal number: ${arg}\n`).done(2);
        if (!inPipeline) this.exited = true;
        // bash's exit builtin, in an interactive login shell, says so on stderr; `logout` does not.
        const out = new Output().err(name === 'exit' && this.login && this.depth === 0 && !inPipeline ? 'logout\n' : '');
        return out.done(arg === undefined ? this.status : Number(arg) & 255);
      }
      case 'export':
        if (argv.length === 1) return ok([...this.vars].filter(([k]) => this.exported.has(k)).map(([k, v]) => `export ${k}='${v}'\n`).join(''));
        for (const a of argv.slice(1)) {
          const eq = a.indexOf('=');
          const k = eq >= 0 ? a.slice(0, eq) : a;
          if (eq >= 0) this.vars.set(k, a.slice(eq + 1));
          this.exported.add(k);
        }
        return ok('');
      case 'unset':
        for (const a of argv.slice(1)) this.vars.delete(a);
        return ok('');
      case 'cd':
      case ':':
        return ok('');
      case 'pwd':
        return pwd();
      case 'printf':
        return printf(argv);
      case 'command':
        if (argv[1] === '-v' || argv[1] === '-V') return locate(argv.slice(2), this.profile, BUILTINS, false);
        return argv.length > 1 ? this.invoke(argv.slice(1), stdin, false, [], inPipeline) : ok('');
      default:
        return undefined;
    }
  }

  private nested(argv: string[], stdin: string, tty: boolean): ToolResult {
    const c = argv.indexOf('-c');
    const script = c >= 0 ? argv[c + 1] : stdin;
    if (c >= 0 && script === undefined) return new Output().err(`${this.prefix()}-c requires an argument\n`).done(2);
    if (this.depth >= MAX_DEPTH) return new Output().err(`${this.prefix()}too many nested shells\n`).done(2);
    const vars = new Map([...this.vars].filter(([k]) => this.exported.has(k)));
    const child = this.child(vars, tty);
    return child.run(script ?? '');
  }

  invoke(argv: string[], stdin: string, tty: boolean, assigns: readonly [string, string][], inPipeline: boolean): ToolResult {
    const typed = argv[0] ?? '';
    const name = typed.includes('/') ? (typed.split('/').pop() ?? '') : typed;
    const b = typed.includes('/') ? undefined : this.builtin(name, argv, stdin, inPipeline);
    if (b) return b;
    if (SHELLS.has(name)) {
      if (!(name === 'sh' || this.profile.tools.has(name) || (name === 'ash' && this.profile.shell === 'ash') || (name === 'dash' && this.profile.shell === 'dash'))) return this.notFound(typed);
      return this.nested(argv, stdin, tty);
    }
    const tool = this.tools[name];
    if (!tool || !this.profile.tools.has(name)) return this.notFound(typed);
    return tool({
      host: this.host,
      argv: [name, ...argv.slice(1)],
      stdin,
      tty,
      profile: this.profile,
      files: this.files,
      env: this.envList(assigns),
      exec: (next, extra = []) => this.invoke(next, stdin, tty, [...assigns, ...extra], inPipeline),
    });
  }
}

function toResult(r: ToolResult): CommandResult {
  return { stdout: joinFd(r.out, 1), stderr: joinFd(r.out, 2), exitCode: r.exitCode & 255 };
}

/** Run one command line inside the container `host` describes. Never throws for any input. */
export function runCommand(host: ShellHost, commandLine: string): CommandResult {
  const profile = imageProfile(host.imageRef ?? host.image);
  if (commandLine.trim() === '') return { stdout: '', stderr: 'error: you must specify at least one command for the container\n', exitCode: 1 };
  if (profile.shell === undefined) return toResult(runtimeError(commandLine.trim().split(/\s+/)[0] ?? ''));
  const vars = new Map<string, string>(host.env);
  const shell = new Shell({ host, profile, files: new Map(), vars, exported: new Set(vars.keys()) }, 0, true);
  return toResult(shell.run(commandLine));
}

/**
 * Run one line in a lasting session (a terminal's): its variables, exports and files stay
 * for the next line; `exited` says the line ran `exit`. The session's profile must have a
 * shell. Never throws for any input.
 */
export function runInSession(session: ShellSession, commandLine: string): CommandResult & { exited?: boolean } {
  if (commandLine.trim() === '') return { stdout: '', stderr: '', exitCode: 0 };
  const shell = new Shell(session, 0, true);
  const r = toResult(shell.run(commandLine));
  // `exit` ends an interactive shell: the caller closes the session.
  return shell.exited ? { ...r, exited: true } : r;
}

