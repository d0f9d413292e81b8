/**
 * What Go programs built on net/http and the flag package look like from outside: flag
 * parsing of a container's args, http.Error, the ServeMux's 404, and the Content-Type that
 * net/http sniffs when a handler sets none.
 */
import type { HttpResponse } from './http';

/**
 * Go's flag package over argv: `-name=value`, `--name=value`, `-name value`; a flag in
 * `booleans` takes no value. Parsing stops at the first non-flag argument or `--`.
 */
export function goFlags(argv: readonly string[], booleans: readonly string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--' || !a.startsWith('-') || a === '-') break;
    const body = a.replace(/^--?/, '');
    const eq = body.indexOf('=');
    if (eq >= 0) out.set(body.slice(0, eq), body.slice(eq + 1));
    else if (booleans.includes(body)) out.set(body, 'true');
    else if (i + 1 < argv.length) out.set(body, argv[++i]!);
    else out.set(body, '');
  }
  return out;
}

/** The port of a Go listen address (":5678", "0.0.0.0:80", "8080"); undefined when there is none. */
export function portOf(addr: string | undefined): number | undefined {
  if (addr === undefined) return undefined;
  const m = /(?:^|:)(\d{1,5})$/.exec(addr.trim());
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 65535 ? n : undefined;
}

/** The flags of a command line: without the program's path when `command` names it. */
export function flagArgs(argv: readonly string[]): readonly string[] {
  return argv[0] !== undefined && !argv[0].startsWith('-') ? argv.slice(1) : argv;
}

const TEXT = 'text/plain; charset=utf-8';

/** http.Error: the message and a newline, as text/plain, with nosniff. */
export function goError(message: string, status: number): HttpResponse {
  return { status, headers: { 'Content-Type': TEXT, 'X-Content-Type-Options': 'nosniff' }, body: `${message}\n` };
}

/** http.NotFound, what a ServeMux answers for a path no pattern matches. */
export function goNotFound(): HttpResponse {
  return goError('404 page not found', 404);
}

/** net/http's DetectContentType, for the bodies these apps write: HTML, or plain text. */
export function goSniff(body: string): Record<string, string> {
  if (body === '') return {};
  return { 'Content-Type': /^\s*<(!DOCTYPE HTML|html|head|body|h1|p|div|br|table|title|script|style|a|b|font|iframe)[\s>]/i.test(body) ? 'text/html; charset=utf-8' : TEXT };
}

export function goText(body: string, status = 200): HttpResponse {
  return { status, headers: goSniff(body), body };
}

/** The path of a request line without its query string. */
export function pathOnly(path: string): string {
  const q = path.indexOf('?');
  return q < 0 ? path : path.slice(0, q);
}

/** The query parameters of a request line, first value of each (Go's Query().Get). */
export function queryOf(path: string): Map<string, string> {
  const out = new Map<string, string>();
  const q = path.indexOf('?');
  if (q < 0) return out;
  for (const pair of path.slice(q + 1).split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const k = decode(eq < 0 ? pair : pair.slice(0, eq));
    const v = decode(eq < 0 ? '' : pair.slice(eq + 1));
    if (!out.has(k)) out.set(k, v);
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** A request header, case-insensitively. */
export function header(headers: Record<string, string>, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === want) return v;
  return undefined;
}
