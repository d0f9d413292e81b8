/**
 * Text filters for pipelines (`printenv | grep SERVICE`, `curl -s … | grep -i client_address`,
 * `… | head -n 5`, `… | wc -l`): grep (basic regular expressions by default, -E, -F, -i, -v,
 * -c, -q, -n, -w, -o, -A/-B/-C with `--` between groups, exit 0 on a match, 1 on none, 2 on
 * error, as POSIX grep), head and tail (-n N, -N, tail -n +N), wc (-l, -w, -c).
 *
 * Exported as `runFilter` too, so `kubectl … | grep …` can use the same filters.
 */
import { openError, readFile } from './files';
import { Output, type Tool, type ToolContext, type ToolResult } from './types';

function lines(text: string): string[] {
  if (text === '') return [];
  const ls = text.split('\n');
  if (ls.at(-1) === '') ls.pop();
  return ls;
}

/** POSIX basic regular expression → JavaScript: `\( \) \{ \} \| \+ \?` are the operators, the bare characters literals. */
function breToJs(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i] ?? '';
    if (c === '\\' && i + 1 < p.length) {
      const n = p[i + 1] ?? '';
      out += '(){}|+?'.includes(n) ? n : `\\${n}`;
      i++;
    } else if ('(){}|+?'.includes(c)) out += `\\${c}`;
    else if (c === '*' && (i === 0 || (i === 1 && p[0] === '^'))) out += '\\*';
    else out += c;
  }
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface GrepOptions {
  patterns: string[];
  mode: 'bre' | 'ere' | 'fixed';
  ignoreCase: boolean;
  invert: boolean;
  count: boolean;
  quiet: boolean;
  number: boolean;
  word: boolean;
  only: boolean;
  after: number;
  before: number;
  files: string[];
}

function usage(ctx: ToolContext, tool: string, bad?: string): ToolResult {
  if (ctx.profile.userland === 'busybox') {
    return new Output().err(`${bad ? `${tool}: unrecognized option: ${bad}\n` : ''}BusyBox v${(ctx.profile.busybox ?? [1, 37]).join('.')}.0 multi-call binary.\n\nUsage: ${tool} [OPTIONS]...\n`).done(bad || tool === 'grep' ? 2 : 1);
  }
  return new Output().err(`${bad ? `${tool}: invalid option -- '${bad}'\n` : ''}Usage: ${tool} [OPTION]... ${tool === 'grep' ? 'PATTERNS ' : ''}[FILE]...\nTry '${tool} --help' for more information.\n`).done(tool === 'grep' ? 2 : 1);
}

const LONG: Record<string, string> = {
  '--ignore-case': 'i', '--invert-match': 'v', '--count': 'c', '--quiet': 'q', '--silent': 'q', '--line-number': 'n',
  '--word-regexp': 'w', '--only-matching': 'o', '--extended-regexp': 'E', '--fixed-strings': 'F', '--basic-regexp': 'G',
};

function parseGrep(ctx: ToolContext): GrepOptions | ToolResult {
  const o: GrepOptions = { patterns: [], mode: 'bre', ignoreCase: false, invert: false, count: false, quiet: false, number: false, word: false, only: false, after: 0, before: 0, files: [] };
  const rest: string[] = [];
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--color') || a === '--no-messages') continue;
    const long = LONG[a];
    const flags = long ?? (a.startsWith('-') && a.length > 1 ? a.slice(1) : undefined);
    if (flags === undefined) {
      rest.push(a);
      continue;
    }
    for (let j = 0; j < flags.length; j++) {
      const f = flags[j] ?? '';
      if ('ABCe'.includes(f)) {
        const inline = flags.slice(j + 1);
        const value = inline !== '' ? inline : args[++i];
        if (value === undefined) return usage(ctx, 'grep', undefined);
        if (f === 'e') o.patterns.push(value);
        else {
          const n = Number(value);
          if (!Number.isInteger(n) || n < 0) return new Output().err(`grep: invalid context length argument\n`).done(2);
          if (f !== 'B') o.after = n;
          if (f !== 'A') o.before = n;
        }
        break;
      }
      if (f === 'i' || f === 'y') o.ignoreCase = true;
      else if (f === 'v') o.invert = true;
      else if (f === 'c') o.count = true;
      else if (f === 'q' || f === 's') o.quiet ||= f === 'q';
      else if (f === 'n') o.number = true;
      else if (f === 'w') o.word = true;
      else if (f === 'o') o.only = true;
      else if (f === 'E') o.mode = 'ere';
      else if (f === 'F') o.mode = 'fixed';
      else if (f === 'G') o.mode = 'bre';
      else if (f === 'h' || f === 'H') continue;
      else return usage(ctx, 'grep', f);
    }
  }
  if (o.patterns.length === 0) {
    const p = rest.shift();
    if (p === undefined) return usage(ctx, 'grep');
    o.patterns.push(p);
  }
  o.files = rest;
  return o;
}

function grepRegex(o: GrepOptions): RegExp | undefined {
  const alts = o.patterns.flatMap((p) => p.split('\n')).map((p) => (o.mode === 'fixed' ? escapeRe(p) : o.mode === 'bre' ? breToJs(p) : p));
  let src = alts.map((a) => `(?:${a})`).join('|');
  if (o.word) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
  try {
    return new RegExp(src, `g${o.ignoreCase ? 'i' : ''}`);
  } catch {
    return undefined;
  }
}

export const grep: Tool = (ctx) => {
  const parsed = parseGrep(ctx);
  if ('exitCode' in parsed) return parsed;
  const o = parsed;
  const re = grepRegex(o);
  const out = new Output();
  if (!re) return out.err(ctx.profile.userland === 'busybox' ? `grep: bad regex '${o.patterns.join('\n')}'\n` : 'grep: Unmatched ( or \\(\n').done(2);
  const inputs: { name: string; text: string }[] = [];
  let error = false;
  if (o.files.length === 0) inputs.push({ name: '(standard input)', text: ctx.stdin });
  for (const f of o.files) {
    const r = f === '-' ? { ok: true as const, text: ctx.stdin } : readFile(ctx, f);
    if (r.ok) inputs.push({ name: f, text: r.text });
    else {
      if (!o.quiet) out.err(ctx.profile.userland === 'busybox' ? openError(ctx, 'grep', f, r.reason) : `grep: ${f}: ${r.reason === 'missing' ? 'No such file or directory' : 'Is a directory'}\n`);
      error = true;
    }
  }
  let matchedAny = false;
  for (const input of inputs) {
    const prefix = o.files.length > 1 ? `${input.name}:` : '';
    const ls = lines(input.text);
    const hit = ls.map((l) => {
      re.lastIndex = 0;
      return re.test(l) !== o.invert;
    });
    const count = hit.filter(Boolean).length;
    if (count > 0) matchedAny = true;
    if (o.quiet) continue;
    if (o.count) {
      out.out(`${prefix}${count}\n`);
      continue;
    }
    let last = -1;
    let printedAny = false;
    const show = Array.from({ length: ls.length }, () => false);
    hit.forEach((h, i) => {
      if (!h) return;
      for (let k = Math.max(0, i - o.before); k <= Math.min(ls.length - 1, i + o.after); k++) show[k] = true;
    });
    ls.forEach((l, i) => {
      if (!show[i]) return;
      if ((o.after > 0 || o.before > 0) && printedAny && i > last + 1) out.out('--\n');
      const num = o.number ? `${i + 1}${hit[i] ? ':' : '-'}` : '';
      if (o.only && hit[i] && !o.invert) {
        for (const m of l.matchAll(re)) if (m[0] !== '') out.out(`${prefix}${num}${m[0]}\n`);
      } else out.out(`${prefix}${num}${l}\n`);
      last = i;
      printedAny = true;
    });
  }
  return out.done(error && !(o.quiet && matchedAny) ? 2 : matchedAny ? 0 : 1);
};

/** head/tail's count: -n N, -nN, -N; tail also -n +N (from line N on). */
function countArg(ctx: ToolContext, tool: string): { n: number; fromStart: boolean; files: string[] } | ToolResult {
  let n = 10;
  let fromStart = false;
  const files: string[] = [];
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    let value: string | undefined;
    if (a === '-n' || a === '--lines') value = args[++i];
    else if (a.startsWith('-n')) value = a.slice(2);
    else if (a.startsWith('--lines=')) value = a.slice(8);
    else if (/^-\d+$/.test(a)) value = a.slice(1);
    else if (a === '-f' || a === '-F' || a === '-q') continue;
    else if (a.startsWith('-') && a !== '-') return usage(ctx, tool, a.slice(1, 2));
    else {
      files.push(a);
      continue;
    }
    if (value === undefined) return usage(ctx, tool);
    const m = /^([+-]?)(\d+)$/.exec(value);
    if (!m) return new Output().err(ctx.profile.userland === 'busybox' ? `${tool}: invalid number '${value}'\n` : `${tool}: invalid number of lines: '${value}'\n`).done(1);
    n = Number(m[2]);
    fromStart = m[1] === '+';
  }
  return { n, fromStart, files };
}

function withInput(ctx: ToolContext, tool: string, files: string[], each: (text: string) => string): ToolResult {
  const out = new Output();
  if (files.length === 0) return out.out(each(ctx.stdin)).done(0);
  let code = 0;
  for (const f of files) {
    const r = f === '-' ? { ok: true as const, text: ctx.stdin } : readFile(ctx, f);
    if (r.ok) out.out(`${files.length > 1 ? `==> ${f} <==\n` : ''}${each(r.text)}`);
    else {
      out.err(openError(ctx, tool, f, r.reason));
      code = 1;
    }
  }
  return out.done(code);
}

const joinLines = (ls: string[]) => ls.map((l) => `${l}\n`).join('');

export const head: Tool = (ctx) => {
  const a = countArg(ctx, 'head');
  if ('exitCode' in a) return a;
  return withInput(ctx, 'head', a.files, (t) => joinLines(lines(t).slice(0, a.n)));
};

export const tail: Tool = (ctx) => {
  const a = countArg(ctx, 'tail');
  if ('exitCode' in a) return a;
  return withInput(ctx, 'tail', a.files, (t) => {
    const ls = lines(t);
    return joinLines(a.fromStart ? ls.slice(Math.max(0, a.n - 1)) : a.n === 0 ? [] : ls.slice(-a.n));
  });
};

export const wc: Tool = (ctx) => {
  const flags = new Set(ctx.argv.slice(1).filter((a) => a.startsWith('-') && a !== '-').flatMap((a) => a.slice(1).split('')));
  const files = ctx.argv.slice(1).filter((a) => !a.startsWith('-') || a === '-');
  const want = flags.size === 0 ? ['l', 'w', 'c'] : ['l', 'w', 'c'].filter((f) => flags.has(f));
  return withInput(ctx, 'wc', files, (t) => {
    const counts: Record<string, number> = { l: (t.match(/\n/g) ?? []).length, w: t.split(/\s+/).filter(Boolean).length, c: t.length };
    const cols = want.map((f) => String(counts[f] ?? 0));
    return `${want.length === 1 ? cols[0] : cols.map((c) => c.padStart(7)).join(' ')}\n`;
  });
};

const FILTERS: Record<string, Tool> = { grep, head, tail, wc };

const noExec = (): ToolResult => ({ out: [], exitCode: 127 });

/** The workstation kubectl runs on: GNU grep, no files of a pod. */
const LOCAL_HOST: ToolContext['host'] = {
  pod: '', container: '', image: '', hostname: '', podIP: '', nodeName: '', env: [], resolvConf: '', hosts: '',
  network: { gateway: '', podCIDR: '', clusterDNS: '' },
  request: (spec) => ({ request: { ...spec, from: {} }, hops: [], outcome: { kind: 'error', code: 'no-route', message: '' } }),
  resolve: () => ({ rcode: 'SERVFAIL', answers: [], tried: [] }),
  pingable: () => false,
};

/**
 * Run one filter over text, as the workstation's shell would after `kubectl … |`: GNU
 * grep/head/tail/wc. Undefined when argv[0] is not one of them.
 */
export function runFilter(argv: string[], stdin: string): ToolResult | undefined {
  const tool = FILTERS[argv[0] ?? ''];
  if (!tool) return undefined;
  const profile = { userland: 'gnu' as const, tools: new Set(Object.keys(FILTERS)), libc: 'glibc' as const, shell: 'dash' as const };
  return tool({ host: LOCAL_HOST, argv, stdin, tty: false, profile, files: new Map(), env: [], exec: noExec });
}
