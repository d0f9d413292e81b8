/**
 * registry.k8s.io/echoserver (nginx + lua) answers every request with what it received. Up to
 * 1.4 (the image the Kubernetes "Using source IP" tutorial uses) it prints CLIENT VALUES /
 * SERVER VALUES / HEADERS RECEIVED / BODY; from 1.5 on, Hostname / Pod Information /
 * Server values / Request Information / Request Headers / Request Body. Port 8080.
 */
import type { ContainerApp, HttpRequest, HttpResponse, AppContext } from './http';
import { lowerHeaders } from './http';

function query(path: string): string {
  const q = path.indexOf('?');
  return q < 0 ? '' : path.slice(q + 1);
}

function realPath(path: string): string {
  const q = path.indexOf('?');
  return q < 0 ? path : path.slice(0, q);
}

function headerLines(req: HttpRequest): string[] {
  return lowerHeaders(req.headers)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`);
}

function requestURI(req: HttpRequest): string {
  return `${req.scheme}://${req.host}${req.path}`;
}

function legacyBody(req: HttpRequest): string {
  return [
    'CLIENT VALUES:',
    `client_address=${req.clientAddress}`,
    `command=${req.method}`,
    `real path=${realPath(req.path)}`,
    `query=${query(req.path) || 'nil'}`,
    'request_version=1.1',
    `request_uri=${requestURI(req)}`,
    '',
    'SERVER VALUES:',
    'server_version=nginx: 1.10.0 - lua: 10001',
    '',
    'HEADERS RECEIVED:',
    ...headerLines(req),
    'BODY:',
    req.body ? req.body : '-no body in request-',
  ].join('\n');
}

const tab = (lines: string[]) => lines.map((l) => `\t${l}`);

function currentBody(req: HttpRequest, ctx: AppContext): string {
  return [
    '',
    '',
    `Hostname: ${ctx.pod}`,
    '',
    'Pod Information:',
    '\t-no pod information available-',
    '',
    'Server values:',
    '\tserver_version=nginx: 1.13.3 - lua: 10008',
    '',
    'Request Information:',
    ...tab([
      `client_address=${req.clientAddress}`,
      `method=${req.method}`,
      `real path=${realPath(req.path)}`,
      `query=${query(req.path)}`,
      'request_version=1.1',
      `request_scheme=${req.scheme}`,
      `request_uri=${requestURI(req)}`,
    ]),
    '',
    'Request Headers:',
    ...tab(headerLines(req)),
    '',
    'Request Body:',
    req.body ? `\t${req.body}` : '\t-no body in request-',
    '',
    '',
  ].join('\n');
}

/** Tags up to 1.4 print the old format. */
export function isLegacyEchoserver(tag: string | undefined): boolean {
  const m = /^(\d+)\.(\d+)/.exec(tag ?? '');
  if (!m) return false;
  return Number(m[1]) < 1 || (Number(m[1]) === 1 && Number(m[2]) <= 4);
}

export function echoserver(tag: string | undefined): ContainerApp {
  const legacy = isLegacyEchoserver(tag);
  return {
    kind: 'echoserver',
    listens: [{ port: 8080, protocol: 'TCP' }],
    handle(req, ctx): HttpResponse {
      return {
        status: 200,
        headers: { 'Content-Type': 'text/plain', Server: legacy ? 'nginx/1.10.0' : 'echoserver' },
        body: legacy ? `${legacyBody(req)}\n` : currentBody(req, ctx),
      };
    },
  };
}
