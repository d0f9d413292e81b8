/**
 * curl, as curl 8 prints it (curl 7.88 where the image has it: `Connected to … port 80 (#0)`,
 * no `Host … was resolved` lines). The request goes through `ShellHost.request`, i.e. the
 * engine's trace: DNS, kube-proxy, the container that answers.
 *
 * Exit codes (libcurl's CURLcode): 0 for any HTTP answer (404 too) unless -f (22, `The
 * requested URL returned error: 404`); 1 unsupported protocol; 3 malformed URL; 6 could not
 * resolve host; 7 could not connect (refused); 28 timeout; 35 TLS handshake failure; 47 too
 * many redirects; 60 certificate not trusted; 77 --cacert file unreadable. For https the
 * engine's trace does the handshake (RequestSpec.tls: -k, and the --cacert file's PEM read from
 * the container's mounts), as in seed 003 (`curl -k` vs `curl --cacert /etc/nginx/ssl/tls.crt`);
 * curl adds its "More details here" advice to a 60. Error text goes to stderr unless -s (-S shows it
 * again). -v writes `*` info, `>` request and `<` response header lines to stderr, -i the
 * response head to stdout (lines end in "\n" here, not curl's "\r\n").
 */
import type { Outcome, Trace } from '../types';
import { readFile, writeFile } from './files';
import { PROGRESS_HEADER, parseCurl, progressLine, writeOut, type CurlOptions } from './curlopts';
import { addressesOf, lookup } from './dns';
import { base64, connectionOf, headerValue, parseUrl, resolveLocation, statusLine, type Connection, type Url } from './http';
import { isIPv4 } from '../net/ipv4';
import { Output, type Tool, type ToolContext } from './types';

const MAX_REDIRECTS = 50;

const CERT_HELP =
  'More details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the webpage mentioned above.\n';

interface Attempt {
  exit: number;
  /** curl's error line without the "curl: (N) " prefix, when the transfer failed. */
  error?: string;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  conn: Connection;
}

function errorExit(outcome: Extract<Outcome, { kind: 'error' }>): [number, string] {
  const m = /^curl: \((\d+)\) (.*)$/s.exec(outcome.message);
  if (m) return [Number(m[1]), m[2] ?? ''];
  const byCode = { 'dns-nxdomain': 6, 'connection-refused': 7, timeout: 28, dropped: 28, tls: 35, 'no-route': 7 }[outcome.code];
  return [byCode, outcome.message];
}

/** The request lines curl sends, as -v shows them after `> `. */
function requestLines(opts: CurlOptions, url: Url, body: string | undefined, ua: string): [string, string][] {
  const headers: [string, string][] = [['Host', url.hostHeader]];
  if (opts.user !== undefined) headers.push(['Authorization', `Basic ${base64(opts.user.includes(':') ? opts.user : `${opts.user}:`)}`]);
  headers.push(['User-Agent', opts.userAgent ?? ua], ['Accept', '*/*']);
  for (const h of opts.headers) {
    const i = headers.findIndex(([n]) => n.toLowerCase() === h.name.toLowerCase());
    if (h.remove) {
      if (i >= 0) headers.splice(i, 1);
    } else if (i >= 0) headers[i] = [h.name, h.value];
    else headers.push([h.name, h.value]);
  }
  if (body !== undefined) {
    headers.push(['Content-Length', String(body.length)]);
    if (!headers.some(([n]) => n.toLowerCase() === 'content-type')) headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  }
  return headers;
}

/** -v's TLS lines: the handshake up to the failure (`error`, curl's text), or through to the connection. */
function tlsLines(error: string | undefined, exit: number): string {
  let s = '* ALPN: curl offers h2,http/1.1\n* TLSv1.3 (OUT), TLS handshake, Client hello (1):\n';
  if (error && exit !== 60) return `${s}* ${error}\n`;
  s += '* TLSv1.3 (IN), TLS handshake, Server hello (2):\n* TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):\n* TLSv1.3 (IN), TLS handshake, Certificate (11):\n';
  if (error) return `${s}* TLSv1.3 (OUT), TLS alert, unknown CA (560):\n* ${error}\n`;
  s += '* TLSv1.3 (IN), TLS handshake, CERT verify (15):\n* TLSv1.3 (IN), TLS handshake, Finished (20):\n';
  s += '* TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):\n* TLSv1.3 (OUT), TLS handshake, Finished (20):\n';
  return `${s}* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / x25519 / RSASSA-PSS\n* ALPN: server accepted http/1.1\n`;
}

/** One request and what -v says about it; the caller prints the body and follows redirects. */
function attempt(ctx: ToolContext, opts: CurlOptions, url: Url, method: string, body: string | undefined, caCert: string | undefined, out: Output): Attempt {
  const v = opts.verbose;
  const curl8 = !(ctx.profile.curl ?? '8').startsWith('7.');
  const ua = `curl/${ctx.profile.curl ?? '8.11.1'}`;
  const lines = requestLines(opts, url, body, ua);
  const headers: Record<string, string> = {};
  for (const [n, val] of lines) if (n !== 'Host' || opts.headers.some((h) => h.name.toLowerCase() === 'host')) headers[n] = val;
  const tls = url.scheme === 'https' ? { insecure: opts.insecure, caCert } : undefined;
  const trace: Trace = ctx.host.request({ url: url.href, method, headers, body, tls });
  const conn = connectionOf(trace);
  const named = !isIPv4(url.host);
  const ip = conn.remoteIP ?? url.host;
  const resolved = trace.outcome.kind !== 'error' || (trace.outcome.code !== 'dns-nxdomain' && conn.remoteIP !== undefined);
  if (v && named && curl8 && resolved) {
    const ips = addressesOf(lookup(ctx.host, url.host, 'A'));
    out.err(`* Host ${url.host}:${url.port} was resolved.\n* IPv6: (none)\n* IPv4: ${(ips.length > 0 ? ips : [ip]).join(', ')}\n`);
  }
  if (trace.outcome.kind === 'error' && trace.outcome.code === 'tls') {
    const [exit, message] = errorExit(trace.outcome);
    if (v) out.err(`*   Trying ${ip}:${url.port}...\n* Connected to ${url.host} (${ip}) port ${url.port}${curl8 ? '' : ' (#0)'}\n${tlsLines(message, exit)}* closing connection #0\n`);
    return { exit, error: exit === 60 ? `${message}\n${CERT_HELP.trimEnd()}` : message, conn };
  }
  if (trace.outcome.kind === 'error') {
    const [exit, message] = errorExit(trace.outcome);
    if (v) {
      if (exit === 6) out.err(`* Could not resolve host: ${url.host}\n`);
      else if (conn.remoteIP || exit === 7 || exit === 28) out.err(`*   Trying ${ip}:${url.port}...\n`);
      if (exit === 7 || (exit === 28 && opts.connectTimeout === undefined)) {
        const why = exit === 7 ? 'Connection refused' : 'Connection timed out';
        out.err(`* connect to ${ip} port ${url.port} from ${conn.localIP ?? ctx.host.podIP} port ${conn.localPort ?? 0} failed: ${why}\n`);
      }
    }
    let msg = message;
    if (exit === 28 && opts.connectTimeout !== undefined) {
      msg = `Failed to connect to ${url.host} port ${url.port} after ${Math.round(opts.connectTimeout * 1000) + 2} ms: Timeout was reached`;
    } else if (exit === 28 && opts.maxTime !== undefined) msg = `Connection timed out after ${Math.round(opts.maxTime * 1000) + 1} milliseconds`;
    if (v) out.err(`* ${msg}\n* closing connection #0\n`);
    return { exit, error: msg, conn };
  }
  const res = trace.outcome;
  if (v) {
    out.err(`*   Trying ${ip}:${url.port}...\n* Connected to ${url.host} (${ip}) port ${url.port}${curl8 ? '' : ' (#0)'}\n`);
  }
  if (url.scheme === 'https' && v) {
    out.err(`${tlsLines(undefined, 0)}*  SSL certificate verify ${opts.insecure ? 'result: self-signed certificate (18), continuing anyway.' : 'ok.'}\n`);
  }
  if (v) {
    if (curl8) out.err('* using HTTP/1.x\n');
    out.err(`> ${method} ${url.path} HTTP/1.1\n${lines.map(([n, val]) => `> ${n}: ${val}\n`).join('')}> \n`);
    if (body !== undefined) out.err(`} [${body.length} bytes data]\n`);
    if (curl8) out.err('* Request completely sent off\n');
    out.err(`< ${statusLine(res.status)}\n${Object.entries(res.headers).map(([n, val]) => `< ${n}: ${val}\n`).join('')}< \n`);
  }
  return { exit: 0, status: res.status, headers: res.headers, body: res.body, conn };
}

export const curl: Tool = (ctx) => {
  const parsed = parseCurl(ctx.argv.slice(1));
  const out = new Output();
  if (typeof parsed === 'string') return out.err(parsed).done(2);
  const opts = parsed;
  let caCert: string | undefined;
  if (opts.cacert !== undefined) {
    const f = readFile(ctx, opts.cacert);
    if (!f.ok) return out.err(!opts.silent || opts.showError ? `curl: (77) error setting certificate file: ${opts.cacert}\n` : '').done(77);
    caCert = f.text;
  }
  const showErrors = !opts.silent || opts.showError;
  const meter = !opts.silent && !opts.noProgress && (!ctx.tty || (opts.output !== undefined && opts.output !== '-'));
  let exit = 0;
  for (const raw of opts.urls) {
    const body = opts.data.length > 0 ? opts.data.join('&') : undefined;
    let method = opts.method ?? (opts.head ? 'HEAD' : body !== undefined ? 'POST' : 'GET');
    let target = raw;
    let redirects = 0;
    let result: Attempt | undefined;
    let url: Url | undefined;
    if (meter) out.err(PROGRESS_HEADER);
    let received = '';
    for (;;) {
      const u = parseUrl(target);
      if ('error' in u) {
        const msg = u.error === 'scheme' ? `Protocol "${u.scheme}" not supported` : u.error === 'port' ? 'URL rejected: Port number was not a decimal number between 0 and 65535' : 'URL rejected: No host part in the URL';
        result = { exit: u.error === 'scheme' ? 1 : 3, error: msg, conn: {} };
        break;
      }
      url = u;
      result = attempt(ctx, opts, u, method, method === 'GET' || method === 'HEAD' ? undefined : body, caCert, out);
      if (result.exit !== 0 || result.status === undefined) break;
      const headText = `${statusLine(result.status)}\n${Object.entries(result.headers ?? {}).map(([n, v]) => `${n}: ${v}\n`).join('')}\n`;
      if (opts.include || opts.head) received += headText;
      const location = headerValue(result.headers ?? {}, 'Location');
      if (opts.location && location && result.status >= 300 && result.status < 400) {
        if (opts.verbose) out.err(`* Connection #0 to host ${u.host} left intact\n* Issue another request to this URL: '${resolveLocation(u, location)}'\n`);
        if (++redirects > MAX_REDIRECTS) {
          result = { exit: 47, error: `Maximum (${MAX_REDIRECTS}) redirects followed`, conn: result.conn };
          break;
        }
        target = resolveLocation(u, location);
        if (result.status === 303 || ((result.status === 301 || result.status === 302) && method === 'POST')) method = 'GET';
        continue;
      }
      break;
    }
    const res = result ?? { exit: 3, conn: {} };
    const failed = (opts.fail || opts.failWithBody) && res.status !== undefined && res.status >= 400;
    if (res.exit === 0 && !(failed && opts.fail && !opts.failWithBody) && !opts.head) received += res.body ?? '';
    if (meter) out.err(progressLine(res.exit === 0 ? (res.body ?? '').length : 0, res.exit === 0 && body !== undefined && method !== 'GET' ? body.length : 0));
    if (opts.output !== undefined && opts.output !== '-') writeFile(ctx.files, opts.output, received);
    else out.out(received);
    if (res.exit === 0 && opts.verbose) {
      if (!ctx.tty || opts.output !== undefined) out.err(`{ [${(res.body ?? '').length} bytes data]\n`);
      out.err(`* Connection #0 to host ${url?.host ?? ''} left intact\n`);
    }
    let code = res.exit;
    let error = res.error;
    if (code === 0 && failed) {
      code = 22;
      error = `The requested URL returned error: ${res.status}`;
    }
    if (opts.writeOut !== undefined) {
      const w = writeOut(opts.writeOut, {
        http_code: res.status !== undefined && code !== 60 ? String(res.status).padStart(3, '0') : '000',
        remote_ip: res.conn.remoteIP ?? '',
        remote_port: res.conn.remotePort !== undefined ? String(res.conn.remotePort) : '',
        local_ip: res.conn.localIP ?? '',
        local_port: res.conn.localPort !== undefined ? String(res.conn.localPort) : '',
        url_effective: url?.href ?? raw,
        size_download: code === 0 ? (res.body ?? '').length : 0,
        content_type: headerValue(res.headers ?? {}, 'Content-Type') ?? '',
        num_redirects: redirects,
        exitcode: code,
        errormsg: error ?? '',
        method,
        scheme: (url?.scheme ?? 'http').toUpperCase(),
        time_total: code === 0 ? 0.001234 : opts.connectTimeout ?? 0,
      });
      out.err(w.warnings);
      out.out(w.text);
    }
    if (code !== 0) {
      if (showErrors && error !== undefined) out.err(`curl: (${code}) ${error}\n`);
      exit = code;
    }
  }
  return out.done(exit);
};
