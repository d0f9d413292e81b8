/**
 * What every in-pod tool gets and gives back. A tool writes ordered chunks to stdout (fd 1)
 * and stderr (fd 2), so redirections like `2>&1` keep the order a terminal would show
 * (curl -v's `*`/`>`/`<` lines before the body, `* Connection #0 ... left intact` after).
 */
import type { ShellHost } from './host';
import type { ImageProfile } from './images';

export interface Chunk {
  fd: 1 | 2;
  text: string;
}

export interface ToolResult {
  out: Chunk[];
  exitCode: number;
}

export interface ToolContext {
  host: ShellHost;
  /** argv[0] is the command name as typed (after any path: "/usr/bin/curl" → "curl"). */
  argv: string[];
  stdin: string;
  /** Whether stdout is a terminal: false when piped or redirected (curl shows its progress meter then). */
  tty: boolean;
  profile: ImageProfile;
  /** Files written during this command line (`> file`, `curl -o file`, `wget` without -O-). */
  files: Map<string, string>;
  /** The shell's variables, for `env` / `printenv` (the process environment plus exports). */
  env: readonly [string, string][];
  /** Run another command from this one (`env X=1 cmd`), with extra variables. */
  exec(argv: string[], extraEnv?: readonly [string, string][]): ToolResult;
}

export type Tool = (ctx: ToolContext) => ToolResult;

/** Collects a tool's output in order. */
export class Output {
  readonly chunks: Chunk[] = [];

  out(text: string): this {
    if (text !== '') this.chunks.push({ fd: 1, text });
    return this;
  }

  err(text: string): this {
    if (text !== '') this.chunks.push({ fd: 2, text });
    return this;
  }

  done(exitCode: number): ToolResult {
    return { out: this.chunks, exitCode };
  }
}

export const ok = (stdout: string): ToolResult => new Output().out(stdout).done(0);
export const fail = (stderr: string, exitCode = 1): ToolResult => new Output().err(stderr).done(exitCode);

export function joinFd(out: readonly Chunk[], fd: 1 | 2): string {
  let s = '';
  for (const c of out) if (c.fd === fd) s += c.text;
  return s;
}

/** A small deterministic hash (FNV-1a), for times and ids that must look varied but never change. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
