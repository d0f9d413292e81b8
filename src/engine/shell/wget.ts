/**
 * busybox wget (networking/wget.c), the HTTP client of busybox and Alpine images:
 *
 * - `-q` quiet, `-O FILE` (`-O -`, `-O-`, bundled `-qO-`), `-T SEC`, `-S` (server headers on
 *   stderr, indented two spaces), `--spider`, `-U AGENT`, `--header 'H: v'`, `--post-data`,
 *   `--no-check-certificate`. A URL without a scheme is http (seed 003: `wget -qO - 10.0.170.92`).
 * - Progress on stderr unless -q: `Connecting to <host[:port]> (<ip>:<port>)` (libbb
 *   xmalloc_sockaddr2dotted), `writing to stdout` / `saving to 'index.html'`, the bar, then
 *   `written to stdout` / `'index.html' saved`.
 * - Errors (bb_error_msg: `wget: ` prefix, printed even with -q), all exit 1:
 *   `wget: bad address 'x'` (no DNS answer), `wget: can't connect to remote host (ip):
 *   Connection refused` / `Connection timed out`, `wget: download timed out` (-T),
 *   `wget: server returned error: HTTP/1.1 404 Not Found` (any status but 2xx after redirects).
 * - Redirects (301, 302, 303, 307, 308 with Location) are followed, printing a new
 *   `Connecting to` line. https: busybox ≥ 1.30's own TLS does not check certificates and says
 *   `wget: note: TLS certificate validation not implemented`; older builds needed an openssl
 *   binary the image does not have.
 */
import { isIPv4 } from '../net/ipv4';
import { writeFile } from './files';
import { connectionOf, headerValue, parseUrl, resolveLocation, statusLine } from './http';
import { Output, type Tool, type ToolContext, type ToolResult } from './types';

const MAX_REDIRECTS = 5;

interface WgetOptions {
  quiet: boolean;
  output?: string;
  timeout?: number;
  serverResponse: boolean;
  spider: boolean;
  userAgent: string;
  headers: Record<string, string>;
  postData?: string;
  noCheckCertificate: boolean;
  urls: string[];
}

const VALUE_SHORT = new Set(['O', 'T', 'U', 'P', 'Y', 't', 'o']);

function usage(ctx: ToolContext, bad?: string): ToolResult {
  const v = (ctx.profile.busybox ?? [1, 37]).join('.');
  return new Output().err(`${bad ? `wget: unrecognized option: ${bad}\n` : ''}BusyBox v${v}.0 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n`).done(1);
}

function parseWget(ctx: ToolContext): WgetOptions | ToolResult {
  const o: WgetOptions = { quiet: false, serverResponse: false, spider: false, userAgent: 'Wget', headers: {}, noCheckCertificate: false, urls: [] };
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a.startsWith('--')) {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      const value = () => inline ?? args[++i];
      if (name === '--quiet') o.quiet = true;
      else if (name === '--spider') o.spider = true;
      else if (name === '--server-response') o.serverResponse = true;
      else if (name === '--no-check-certificate') o.noCheckCertificate = true;
      else if (name === '--output-document') o.output = value();
      else if (name === '--timeout') o.timeout = Number(value());
      else if (name === '--user-agent') o.userAgent = value() ?? 'Wget';
      else if (name === '--post-data') o.postData = value() ?? '';
      else if (name === '--header') {
        const h = value() ?? '';
        const colon = h.indexOf(':');
        if (colon > 0) o.headers[h.slice(0, colon).trim()] = h.slice(colon + 1).trim();
      } else return usage(ctx, name.slice(2));
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] ?? '';
        if (VALUE_SHORT.has(c)) {
          const inline = a.slice(j + 1);
          const value = inline !== '' ? inline : args[++i];
          if (value === undefined) return usage(ctx);
          if (c === 'O') o.output = value;
          else if (c === 'T') o.timeout = Number(value);
          else if (c === 'U') o.userAgent = value;
          break;
        }
        if (c === 'q') o.quiet = true;
        else if (c === 'S') o.serverResponse = true;
        else if (c === 'c' || c === 's') continue;
        else return usage(ctx, c);
      }
      continue;
    }
    o.urls.push(a);
  }
  if (o.urls.length === 0) return usage(ctx);
  return o;
}

/** libbb progress.c: `%-20.20s%4u%% ` then the bar, the size and the ETA. */
const bar = (name: string, bytes: number) => `${name.padEnd(20).slice(0, 20)} 100% |${'*'.repeat(31)}| ${String(bytes).padStart(5)}  0:00:00 ETA\n`;

export const wget: Tool = (ctx) => {
  const parsed = parseWget(ctx);
  if ('exitCode' in parsed) return parsed;
  const o = parsed;
  const out = new Output();
  const version = ctx.profile.busybox ?? [1, 37];
  const modern = version[0] > 1 || version[1] >= 30;
  const say = (text: string) => {
    if (!o.quiet) out.err(text);
  };
  for (const raw of o.urls) {
    let target = raw;
    let redirects = 0;
    for (;;) {
      const url = parseUrl(target);
      if ('error' in url) return out.err(url.error === 'scheme' ? `wget: not an http or ftp url: ${target}\n` : `wget: bad address '${target}'\n`).done(1);
      if (url.scheme === 'https') {
        if (!modern) return out.err("wget: can't execute 'openssl': No such file or directory\nwget: error getting response: Connection reset by peer\n").done(1);
        if (!o.noCheckCertificate) out.err('wget: note: TLS certificate validation not implemented\n');
      }
      const headers: Record<string, string> = { 'User-Agent': o.userAgent, Connection: 'close', ...o.headers };
      if (o.postData !== undefined) headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
      const tls = url.scheme === 'https' ? { insecure: true } : undefined;
      const trace = ctx.host.request({ url: url.href, method: o.postData !== undefined ? 'POST' : 'GET', headers, body: o.postData, tls });
      const conn = connectionOf(trace);
      const outcome = trace.outcome;
      if (outcome.kind === 'error' && outcome.code === 'dns-nxdomain' && !isIPv4(url.host)) return out.err(`wget: bad address '${url.host}'\n`).done(1);
      const ip = conn.remoteIP ?? url.host;
      say(`Connecting to ${url.typedHost} (${ip}:${url.port})\n`);
      if (outcome.kind === 'error') {
        if (outcome.code === 'connection-refused') return out.err(`wget: can't connect to remote host (${ip}): Connection refused\n`).done(1);
        if (outcome.code === 'timeout' || outcome.code === 'dropped') {
          return out.err(o.timeout !== undefined ? 'wget: download timed out\n' : `wget: can't connect to remote host (${ip}): Connection timed out\n`).done(1);
        }
        return out.err('wget: error getting response: Connection reset by peer\n').done(1);
      }
      if (o.serverResponse) out.err(`  ${statusLine(outcome.status)}\n${Object.entries(outcome.headers).map(([k, v]) => `  ${k}: ${v}\n`).join('')}`);
      const location = headerValue(outcome.headers, 'Location');
      if ([301, 302, 303, 307, 308].includes(outcome.status) && location) {
        if (++redirects > MAX_REDIRECTS) return out.err('wget: too many redirections\n').done(1);
        target = resolveLocation(url, location);
        continue;
      }
      if (outcome.status < 200 || outcome.status > 299) return out.err(`wget: server returned error: ${statusLine(outcome.status)}\n`).done(1);
      if (o.spider) {
        say('remote file exists\n');
        break;
      }
      const toStdout = o.output === '-';
      const file = o.output ?? (url.path.split('?')[0]?.split('/').pop() || 'index.html');
      if (modern) say(toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`);
      say(bar(toStdout ? '-' : file, outcome.body.length));
      if (toStdout) out.out(outcome.body);
      else writeFile(ctx.files, file, outcome.body);
      if (modern) say(toStdout ? 'written to stdout\n' : `'${file}' saved\n`);
      break;
    }
  }
  return out.done(0);
};
