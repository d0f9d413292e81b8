/**
 * traefik/whoami (github.com/traefik/whoami, app.go): a Go server on port 80 (`--port` or
 * WHOAMI_PORT_NUMBER) that prints who it is and the request it got:
 *
 *     Name: <--name, when set>
 *     Hostname: <the pod's hostname>
 *     IP: 127.0.0.1
 *     IP: ::1
 *     IP: <the pod's IP>
 *     RemoteAddr: <client ip:port as the socket sees it>
 *     GET /path HTTP/1.1          (then the request as Go's Request.Write puts it: Host,
 *     Host: ...                    User-Agent, the other headers sorted, a blank line, the body)
 *
 * `/api` is the same as JSON, `/health` answers 200, `/bench` answers "1", `/data?size=&unit=`
 * answers that many bytes (capped at 1 MiB here), `/echo` is a WebSocket endpoint. The IPv6
 * link-local address of eth0 is left out (kubepath models IPv4 only).
 */
import type { AppContext, ContainerApp, HttpRequest, HttpResponse } from './http';
import { utf8Bytes } from '../../net/sha256';
import { flagArgs, goError, goFlags, goText, pathOnly, queryOf } from './golang';

/** textproto.CanonicalMIMEHeaderKey: "x-forwarded-for" → "X-Forwarded-For". */
export function canonicalHeaderKey(key: string): string {
  return key
    .toLowerCase()
    .split('-')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join('-');
}

const WRITE_EXCLUDED = new Set(['Host', 'User-Agent', 'Content-Length', 'Transfer-Encoding', 'Trailer']);

/** The request as Go's (*http.Request).Write serialises it. */
export function goRequestWrite(req: HttpRequest): string {
  const headers = Object.entries(req.headers).map(([k, v]) => [canonicalHeaderKey(k), v] as const);
  const ua = headers.find(([k]) => k === 'User-Agent')?.[1] ?? 'Go-http-client/1.1';
  const lines = [`${req.method} ${req.path} HTTP/1.1`, `Host: ${req.host}`, `User-Agent: ${ua}`];
  if (req.body) lines.push(`Content-Length: ${utf8Bytes(req.body).length}`);
  const rest = headers.filter(([k]) => !WRITE_EXCLUDED.has(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [k, v] of rest) lines.push(`${k}: ${v}`);
  return `${lines.join('\r\n')}\r\n\r\n${req.body ?? ''}`;
}

function ips(req: HttpRequest): string[] {
  const own = req.serverAddress.startsWith('127.') ? [] : [req.serverAddress];
  return ['127.0.0.1', '::1', ...own];
}

function hostname(ctx: AppContext): string {
  return ctx.env.HOSTNAME ?? ctx.pod;
}

const CHARSET = '-ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MAX_DATA = 1 << 20;
const UNITS: Record<string, number> = { kb: 1 << 10, mb: 1 << 20, gb: 2 ** 30, tb: 2 ** 40 };

/** contentReader: "|" then the charset cycling from 'A', the last byte "|" again. */
export function whoamiData(size: number): string {
  const n = Math.min(Math.max(size, 0), MAX_DATA);
  if (n <= 1) return '';
  let out = '|';
  for (let cur = 1; cur < n; cur++) out += CHARSET[cur % CHARSET.length]!;
  return `${out.slice(0, -1)}|`;
}

function data(req: HttpRequest): HttpResponse {
  const q = queryOf(req.path);
  let size = /^-?\d+$/.test(q.get('size') ?? '') ? Number(q.get('size')) : 1;
  size *= UNITS[(q.get('unit') ?? '').toLowerCase()] ?? 1;
  return goText(whoamiData(size));
}

function envLines(ctx: AppContext): string[] {
  return Object.entries(ctx.env).map(([k, v]) => `${k}=${v}`);
}

function whoamiText(req: HttpRequest, ctx: AppContext, name: string): string {
  const lines: string[] = [];
  if (name) lines.push(`Name: ${name}`);
  lines.push(`Hostname: ${hostname(ctx)}`);
  for (const ip of ips(req)) lines.push(`IP: ${ip}`);
  lines.push(`RemoteAddr: ${req.clientAddress}:${req.clientPort}`);
  let text = `${lines.join('\n')}\n${goRequestWrite(req)}`;
  if (/^(1|t|true|T|TRUE|True)$/.test(queryOf(req.path).get('env') ?? '')) text += envLines(ctx).map((l) => `${l}\n`).join('');
  return text;
}

function api(req: HttpRequest, ctx: AppContext, name: string): HttpResponse {
  const headers: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    const ck = canonicalHeaderKey(k);
    if (ck !== 'Host') (headers[ck] ??= []).push(v);
  }
  const sorted = Object.fromEntries(Object.entries(headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const environ = /^(1|t|true|T|TRUE|True)$/.test(queryOf(req.path).get('env') ?? '') ? Object.fromEntries(Object.entries(ctx.env).sort()) : undefined;
  const body: Record<string, unknown> = { hostname: hostname(ctx), ip: ips(req), headers: sorted, url: req.path, host: req.host, method: req.method };
  if (name) body.name = name;
  body.remoteAddr = `${req.clientAddress}:${req.clientPort}`;
  if (environ && Object.keys(environ).length) body.environ = environ;
  return { status: 200, headers: { 'Access-Control-Allow-Methods': '*', 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' }, body: `${JSON.stringify(body)}\n` };
}

export function whoami(argv: readonly string[], env: Readonly<Record<string, string>>): ContainerApp {
  const flags = goFlags(flagArgs(argv), ['verbose']);
  const port = Number(flags.get('port') ?? env.WHOAMI_PORT_NUMBER ?? 80) || 80;
  const name = flags.get('name') ?? env.WHOAMI_NAME ?? '';
  return {
    kind: 'whoami',
    listens: [{ port, protocol: 'TCP' }],
    handle(req, ctx): HttpResponse {
      switch (pathOnly(req.path)) {
        case '/data':
          return data(req);
        case '/echo':
          return { ...goError('Bad Request', 400), headers: { ...goError('', 400).headers, 'Sec-Websocket-Version': '13' } };
        case '/bench':
          return { status: 200, headers: { Connection: 'keep-alive', 'Content-Type': 'text/plain' }, body: '1' };
        case '/api':
          return api(req, ctx, name);
        case '/health':
          return { status: 200, headers: {}, body: '' };
        default:
          return goText(whoamiText(req, ctx, name));
      }
    },
  };
}
