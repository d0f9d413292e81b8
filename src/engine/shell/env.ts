/**
 * What a process sees of itself: `printenv [NAME...]` (values only; exit 1 when a name is not
 * set, as GNU and busybox printenv), `env` (NAME=value lines, or `env NAME=value… cmd`),
 * `hostname` (-i: the addresses /etc/hosts gives the host name; -f: its canonical name there;
 * -s; GNU -I: every address, each followed by a space), `echo` (busybox: -n, -e, -E;
 * dash: -n, escapes always interpreted), `true`, `false`, `sleep`.
 */
import { Output, fail, ok, type Tool, type ToolContext } from './types';

export const printenv: Tool = (ctx) => {
  const names = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (names.length === 0) return ok(ctx.env.map(([k, v]) => `${k}=${v}\n`).join(''));
  const map = new Map(ctx.env);
  let stdout = '';
  let missing = false;
  for (const n of names) {
    const v = map.get(n);
    if (v === undefined) missing = true;
    else stdout += `${v}\n`;
  }
  return new Output().out(stdout).done(missing ? 1 : 0);
};

export const env: Tool = (ctx) => {
  const args = ctx.argv.slice(1);
  const extra: [string, string][] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] ?? '';
    const eq = a.indexOf('=');
    if (eq <= 0) break;
    extra.push([a.slice(0, eq), a.slice(eq + 1)]);
  }
  const rest = args.slice(i);
  if (rest.length > 0 && rest[0]?.startsWith('-')) {
    return fail(ctx.profile.userland === 'busybox' ? `env: unrecognized option: ${rest[0].slice(1, 2)}\n` : `env: invalid option -- '${rest[0].slice(1, 2)}'\nTry 'env --help' for more information.\n`, 125);
  }
  if (rest.length > 0) return ctx.exec(rest, extra);
  const merged = new Map(ctx.env);
  for (const [k, v] of extra) merged.set(k, v);
  return ok([...merged].map(([k, v]) => `${k}=${v}\n`).join(''));
};

/** The names and addresses in /etc/hosts: [address, ...names] per line. */
function hostsEntries(text: string): string[][] {
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l !== '')
    .map((l) => l.split(/\s+/));
}

export const hostname: Tool = (ctx) => {
  const { host, profile } = ctx;
  const args = ctx.argv.slice(1);
  const flag = args.find((a) => a.startsWith('-'));
  const entries = hostsEntries(host.hosts).filter((e) => !(e[0] ?? '').includes(':'));
  const mine = entries.filter((e) => e.slice(1).includes(host.hostname));
  switch (flag) {
    case undefined:
      if (args.length > 0) {
        return fail(profile.userland === 'busybox' ? 'hostname: sethostname: Operation not permitted\n' : 'hostname: you must be root to change the host name\n');
      }
      return ok(`${host.hostname}\n`);
    case '-s':
    case '--short':
      return ok(`${host.hostname.split('.')[0] ?? ''}\n`);
    case '-i':
    case '--ip-address': {
      const addrs = mine.map((e) => e[0] ?? '');
      return ok(`${(addrs.length > 0 ? addrs : [host.podIP]).join(' ')}\n`);
    }
    case '-I':
    case '--all-ip-addresses':
      if (profile.userland === 'busybox') return fail(`hostname: unrecognized option: I\n`);
      return ok(`${host.podIP} \n`);
    case '-f':
    case '--fqdn':
    case '--long':
      return ok(`${mine[0]?.[1] ?? host.hostname}\n`);
    case '-d':
    case '--domain': {
      const fq = mine[0]?.[1] ?? host.hostname;
      const dot = fq.indexOf('.');
      return ok(dot >= 0 ? `${fq.slice(dot + 1)}\n` : '\n');
    }
    default:
      return fail(profile.userland === 'busybox' ? `hostname: unrecognized option: ${flag.slice(1, 2)}\n` : `hostname: invalid option -- '${flag.slice(1, 2)}'\nTry 'hostname --help' or 'hostname --usage' for more information.\n`);
  }
};

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b' };

/** echo's backslash escapes; "\c" ends the output. Returns the text and whether \c was seen. */
function unescape(s: string): [string, boolean] {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[i + 1] ?? '';
    if (n === 'c') return [out, true];
    const e = ESCAPES[n];
    if (e !== undefined) {
      out += e;
      i++;
    } else if (n === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 2))?.[0] ?? '';
      out += String.fromCharCode(parseInt(m || '0', 8));
      i += 1 + m.length;
    } else out += c;
  }
  return [out, false];
}

export const echo: Tool = (ctx: ToolContext) => {
  const args = ctx.argv.slice(1);
  const dash = ctx.profile.shell === 'dash';
  let newline = true;
  let escapes = dash;
  const option = dash ? /^-n+$/ : /^-[neE]+$/;
  while (args.length > 0 && option.test(args[0] ?? '')) {
    for (const f of (args.shift() ?? '').slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const [t, stop] = unescape(text);
    text = t;
    if (stop) newline = false;
  }
  return ok(newline ? `${text}\n` : text);
};

export const trueTool: Tool = () => ok('');
export const falseTool: Tool = () => new Output().done(1);

export const sleep: Tool = (ctx) => {
  const arg = ctx.argv[1];
  if (arg === undefined) return fail(ctx.profile.userland === 'busybox' ? 'sleep: missing operand\n' : "sleep: missing operand\nTry 'sleep --help' for more information.\n");
  if (!/^\d+(\.\d+)?[smhd]?$/.test(arg) && arg !== 'infinity') return fail(`sleep: invalid number '${arg}'\n`);
  return ok('');
};
