/**
 * A small POSIX-ish shell parser: words with '…' and "…" quoting and backslash escapes,
 * `$NAME`, `${NAME}`, `${NAME:-word}`, `${#NAME}`, `$?`, `$(…)` and `…` command substitution; simple
 * commands with leading NAME=value assignments and redirections (`>`, `>>`, `<`, `2>`, `2>&1`,
 * `>&2`); pipelines with `|` (and a leading `!`); lists joined by `&&`, `||`, `;`, `&` and
 * newlines; `#` comments. No loops, functions, globbing or here-documents.
 *
 * Expansion happens when a command runs (`expandWord`), so `X=1; echo $X` sees the
 * assignment. Unquoted expansions are split into fields on blanks, quoted ones are not
 * (POSIX 2.6.5, with the default IFS).
 */

export type WordPart =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'param'; name: string; quoted: boolean; fallback?: string; length?: boolean }
  | { kind: 'sub'; script: string; quoted: boolean };
export type Word = WordPart[];

export type RedirectOp = '>' | '>>' | '<' | '>&';
export interface Redirect {
  fd: number;
  op: RedirectOp;
  target: Word;
}
export interface SimpleCommand {
  assigns: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
}
export interface Pipeline {
  negate: boolean;
  commands: SimpleCommand[];
}
export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}
export type Script = AndOr[];

export type ShellSyntaxError = { kind: 'unterminated' } | { kind: 'unexpected'; token: string } | { kind: 'eof' };
export type Parsed = { ok: true; script: Script } | { ok: false; error: ShellSyntaxError };

type Op = '|' | '||' | '&&' | ';' | '&' | '\n';
type Token = { t: 'word'; word: Word } | { t: 'op'; op: Op } | { t: 'redir'; fd: number; op: RedirectOp };

class Fail {
  constructor(readonly error: ShellSyntaxError) {}
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const SPECIAL = /^[?$#!@*0-9]/;
const WORD_END = new Set([' ', '\t', '\n', '|', '&', ';', '<', '>', '(', ')']);

/** The index of the `)` closing a `$(` whose body starts at `from`, skipping quotes and nesting. */
function closeParen(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === "'") {
      const j = s.indexOf("'", i + 1);
      if (j < 0) return -1;
      i = j;
    } else if (c === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      if (j >= s.length) return -1;
      i = j;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** `$…` at s[i]; returns the part and the index after it. */
function dollar(s: string, i: number, quoted: boolean): [WordPart, number] {
  const rest = s.slice(i + 1);
  if (rest.startsWith('(')) {
    const end = closeParen(s, i + 2);
    if (end < 0) throw new Fail({ kind: 'eof' });
    return [{ kind: 'sub', script: s.slice(i + 2, end), quoted }, end + 1];
  }
  if (rest.startsWith('{')) {
    const end = s.indexOf('}', i + 2);
    if (end < 0) throw new Fail({ kind: 'unterminated' });
    const inner = s.slice(i + 2, end);
    const len = /^#([A-Za-z_][A-Za-z0-9_]*)$/.exec(inner);
    if (len) return [{ kind: 'param', name: len[1] ?? '', quoted, length: true }, end + 1];
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$#!@*0-9])(?::?-(.*))?$/s.exec(inner);
    if (!m) throw new Fail({ kind: 'unexpected', token: `\${${inner}}` });
    return [{ kind: 'param', name: m[1] ?? '', quoted, fallback: m[2] }, end + 1];
  }
  const name = NAME.exec(rest)?.[0] ?? SPECIAL.exec(rest)?.[0];
  if (name) return [{ kind: 'param', name, quoted }, i + 1 + name.length];
  return [{ kind: 'lit', text: '$', quoted }, i + 1];
}

/** One word starting at s[i]; returns it and the index after it. */
function readWord(s: string, start: number): [Word, number] {
  const parts: Word = [];
  const lit = (text: string, quoted: boolean) => {
    const last = parts.at(-1);
    if (last?.kind === 'lit' && last.quoted === quoted) last.text += text;
    else parts.push({ kind: 'lit', text, quoted });
  };
  let i = start;
  while (i < s.length && !WORD_END.has(s[i] ?? '')) {
    const c = s[i] ?? '';
    if (c === '\\') {
      if (s[i + 1] === '\n') i += 2;
      else {
        if (i + 1 < s.length) lit(s[i + 1] ?? '', true);
        i += 2;
      }
    } else if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new Fail({ kind: 'unterminated' });
      lit(s.slice(i + 1, end), true);
      i = end + 1;
    } else if (c === '"') {
      lit('', true);
      i++;
      for (;;) {
        if (i >= s.length) throw new Fail({ kind: 'unterminated' });
        const d = s[i] ?? '';
        if (d === '"') break;
        if (d === '\\' && i + 1 < s.length && '$`"\\\n'.includes(s[i + 1] ?? '')) {
          if (s[i + 1] !== '\n') lit(s[i + 1] ?? '', true);
          i += 2;
        } else if (d === '$') {
          const [part, next] = dollar(s, i, true);
          parts.push(part);
          i = next;
        } else if (d === '`') {
          const end = s.indexOf('`', i + 1);
          if (end < 0) throw new Fail({ kind: 'unterminated' });
          parts.push({ kind: 'sub', script: s.slice(i + 1, end), quoted: true });
          i = end + 1;
        } else {
          lit(d, true);
          i++;
        }
      }
      i++;
    } else if (c === '$') {
      const [part, next] = dollar(s, i, false);
      parts.push(part);
      i = next;
    } else if (c === '`') {
      const end = s.indexOf('`', i + 1);
      if (end < 0) throw new Fail({ kind: 'unterminated' });
      parts.push({ kind: 'sub', script: s.slice(i + 1, end), quoted: false });
      i = end + 1;
    } else {
      lit(c, false);
      i++;
    }
  }
  return [parts, i];
}

function lex(s: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i] ?? '';
    if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '\\' && s[i + 1] === '\n') i += 2;
    else if (c === '#') {
      while (i < s.length && s[i] !== '\n') i++;
    } else if (c === '(' || c === ')') throw new Fail({ kind: 'unexpected', token: c });
    else {
      const redir = /^(\d?)(>>|>&|>|<)/.exec(s.slice(i, i + 3));
      const op = (['&&', '||', '|', ';', '&', '\n'] as const).find((o) => s.startsWith(o, i));
      if (redir) {
        tokens.push({ t: 'redir', fd: redir[1] ? Number(redir[1]) : redir[2] === '<' ? 0 : 1, op: redir[2] as RedirectOp });
        i += redir[0].length;
      } else if (op) {
        tokens.push({ t: 'op', op });
        i += op.length;
      } else {
        const [word, next] = readWord(s, i);
        tokens.push({ t: 'word', word });
        i = next;
      }
    }
  }
  return tokens;
}

const isBang = (w: Word) => w.length === 1 && w[0]?.kind === 'lit' && !w[0].quoted && w[0].text === '!';

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private skipNewlines(): void {
    for (let t = this.peek(); t?.t === 'op' && t.op === '\n'; t = this.peek()) this.i++;
  }

  script(): Script {
    const out: Script = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (!t) return out;
      if (t.t === 'op') throw new Fail({ kind: 'unexpected', token: t.op });
      out.push(this.andOr());
      const sep = this.peek();
      if (!sep) return out;
      if (sep.t !== 'op' || sep.op === '|' || sep.op === '&&' || sep.op === '||') {
        throw new Fail({ kind: 'unexpected', token: sep.t === 'op' ? sep.op : 'word' });
      }
      this.i++;
    }
  }

  private andOr(): AndOr {
    const node: AndOr = { first: this.pipeline(), rest: [] };
    for (let t = this.peek(); t?.t === 'op' && (t.op === '&&' || t.op === '||'); t = this.peek()) {
      this.i++;
      this.skipNewlines();
      node.rest.push({ op: t.op, pipeline: this.pipeline() });
    }
    return node;
  }

  private pipeline(): Pipeline {
    let negate = false;
    const first = this.peek();
    if (first?.t === 'word' && isBang(first.word)) {
      negate = true;
      this.i++;
    }
    const commands = [this.command()];
    for (let t = this.peek(); t?.t === 'op' && t.op === '|'; t = this.peek()) {
      this.i++;
      this.skipNewlines();
      commands.push(this.command());
    }
    return { negate, commands };
  }

  private command(): SimpleCommand {
    const cmd: SimpleCommand = { assigns: [], words: [], redirects: [] };
    for (let t = this.peek(); t && t.t !== 'op'; t = this.peek()) {
      this.i++;
      if (t.t === 'redir') {
        const target = this.peek();
        if (!target) throw new Fail({ kind: 'eof' });
        if (target.t !== 'word') throw new Fail({ kind: 'unexpected', token: target.t === 'op' ? target.op : '>' });
        this.i++;
        cmd.redirects.push({ fd: t.fd, op: t.op, target: target.word });
        continue;
      }
      const head = t.word[0];
      const m = cmd.words.length === 0 && head?.kind === 'lit' && !head.quoted ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(head.text) : null;
      if (m && head?.kind === 'lit') {
        const value: Word = [{ kind: 'lit', text: head.text.slice(m[0].length), quoted: false }, ...t.word.slice(1)];
        cmd.assigns.push({ name: m[1] ?? '', value });
      } else cmd.words.push(t.word);
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0) {
      const t = this.peek();
      if (!t) throw new Fail({ kind: 'eof' });
      throw new Fail({ kind: 'unexpected', token: t.t === 'op' ? (t.op === '\n' ? 'newline' : t.op) : 'word' });
    }
    return cmd;
  }
}

export function parseScript(text: string): Parsed {
  try {
    return { ok: true, script: new Parser(lex(text)).script() };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.error };
    throw e;
  }
}

export interface Expander {
  param(name: string): string | undefined;
  /** Run a command substitution and return its stdout. */
  sub(script: string): string;
}

function valueOf(p: Exclude<WordPart, { kind: 'lit' }>, x: Expander): string {
  if (p.kind === 'sub') return x.sub(p.script).replace(/\n+$/, '');
  const v = x.param(p.name);
  if (p.length) return String((v ?? '').length);
  return v === undefined || (v === '' && p.fallback !== undefined) ? (p.fallback ?? '') : v;
}

/** A word's fields after parameter expansion, command substitution and field splitting. */
export function expandWord(word: Word, x: Expander): string[] {
  const fields: string[] = [];
  let cur = '';
  let have = false;
  for (const p of word) {
    if (p.kind === 'lit') {
      cur += p.text;
      have ||= p.quoted || p.text !== '';
      continue;
    }
    const value = valueOf(p, x);
    if (p.quoted) {
      cur += value;
      have = true;
      continue;
    }
    value.split(/[ \t\n]+/).forEach((piece, idx) => {
      if (idx > 0 && have) {
        fields.push(cur);
        cur = '';
        have = false;
      }
      if (piece !== '') {
        cur += piece;
        have = true;
      }
    });
  }
  if (have) fields.push(cur);
  return fields;
}

/** A word expanded without field splitting (assignment values, redirection targets). */
export function expandString(word: Word, x: Expander): string {
  return word.map((p) => (p.kind === 'lit' ? p.text : valueOf(p, x))).join('');
}
