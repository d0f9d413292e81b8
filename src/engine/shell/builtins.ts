/**
 * Shell builtins that need no shell state: `printf` (%s %d %i %x %o %c %% and backslash
 * escapes, the format reused while arguments remain, as POSIX printf), `command -v` / `which`
 * (where a command is: builtins by name, tools by path), `pwd`, `:`.
 */
import type { ImageProfile } from './images';
import { Output, fail, ok, type ToolResult } from './types';

const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v', '"': '"' };

function formatOnce(format: string, args: string[]): [string, number] {
  let out = '';
  let used = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i] ?? '';
    if (c === '\\' && i + 1 < format.length) {
      const n = format[i + 1] ?? '';
      out += ESC[n] ?? `\\${n}`;
      i++;
      continue;
    }
    if (c !== '%') {
      out += c;
      continue;
    }
    const m = /^%([-+ 0#]*)(\d*)(?:\.(\d+))?([sdixXoc%])/.exec(format.slice(i));
    if (!m) {
      out += c;
      continue;
    }
    i += m[0].length - 1;
    const conv = m[4] ?? 's';
    if (conv === '%') {
      out += '%';
      continue;
    }
    const arg = args[used++] ?? '';
    let text: string;
    if (conv === 's') text = m[3] !== undefined ? arg.slice(0, Number(m[3])) : arg;
    else if (conv === 'c') text = arg.slice(0, 1);
    else {
      const n = Number.parseInt(arg === '' ? '0' : arg, 10);
      const v = Number.isNaN(n) ? 0 : n;
      text = conv === 'x' ? v.toString(16) : conv === 'X' ? v.toString(16).toUpperCase() : conv === 'o' ? v.toString(8) : String(v);
    }
    const width = Number(m[2] || 0);
    const flags = m[1] ?? '';
    text = flags.includes('-') ? text.padEnd(width) : text.padStart(width, flags.includes('0') && conv !== 's' ? '0' : ' ');
    out += text;
  }
  return [out, used];
}

export function printf(argv: string[]): ToolResult {
  const format = argv[1];
  if (format === undefined) return fail('printf: usage: printf FORMAT [ARGUMENT...]\n', 2);
  let args = argv.slice(2);
  let out = '';
  for (;;) {
    const [text, used] = formatOnce(format, args);
    out += text;
    args = args.slice(used);
    if (used === 0 || args.length === 0) break;
  }
  return ok(out);
}

/** Where a command lives, as `command -v` prints it. */
export function commandPath(name: string, profile: ImageProfile, builtins: ReadonlySet<string>): string | undefined {
  if (builtins.has(name)) return name;
  if (!profile.tools.has(name)) return undefined;
  const bin = ['cat', 'echo', 'hostname', 'grep', 'sleep', 'true', 'false', 'ping', 'ip', 'sh'].includes(name) ? '/bin' : '/usr/bin';
  return `${bin}/${name}`;
}

/** `command -v NAME...` (builtins too) and `which NAME...` (files only): found paths, exit 1 when any is missing. */
export function locate(argv: string[], profile: ImageProfile, builtins: ReadonlySet<string>, filesOnly: boolean): ToolResult {
  const names = argv.filter((a) => !a.startsWith('-'));
  const o = new Output();
  let missing = false;
  for (const n of names) {
    const p = commandPath(n, profile, filesOnly ? new Set() : builtins);
    if (p) o.out(`${p}\n`);
    else missing = true;
  }
  return o.done(missing || names.length === 0 ? 1 : 0);
}

export const pwd = (): ToolResult => ok('/\n');
