/**
 * registry.k8s.io/e2e-test-images/agnhost (kubernetes/kubernetes test/images/agnhost), the
 * Kubernetes e2e tests' multi-tool. The first argument picks the subcommand:
 *
 * - `netexec` (netexec/netexec.go): HTTP on `--http-port` (8080) and a UDP server on
 *   `--udp-port` (8081, -1 for none). `/hostname` (and `/hostName`) the pod's hostname,
 *   `/clientip` the peer "ip:port", `/echo?msg=&code=`, `/healthz`, `/redirect?location=&code=`,
 *   `/dial?host=&port=&request=&protocol=http&tries=` (the calls go through the data plane and
 *   appear as child traces), and every other path `NOW: <time>`. `/shell`, `/upload`, `/exit`
 *   and `/shutdown` are not modelled (kubepath runs no commands and keeps containers running).
 * - `serve-hostname`: the hostname on every path, port `--port` (9376).
 * - `pause`: nothing.
 * Other subcommands fall back to the container's declared ports.
 */
import type { AppContext, ContainerApp, HttpRequest, HttpResponse, Listener } from './http';
import { goError, goFlags, goText, pathOnly, queryOf } from './golang';

/** kubepath has no wall clock: netexec's `/` prints this fixed instant in Go's time format. */
export const NETEXEC_NOW = '2024-01-01 00:00:00.000000000 +0000 UTC m=+0.000000001';

function hostname(ctx: AppContext): string {
  return ctx.env.HOSTNAME ?? ctx.pod;
}

function echo(req: HttpRequest): HttpResponse {
  const q = queryOf(req.path);
  const msg = q.get('msg') ?? '';
  const code = q.get('code') ?? '';
  if (code === '') return goText(msg);
  if (!/^-?\d+$/.test(code)) return goText(`argument 'code' must be an integer or empty, got ${JSON.stringify(code)}\n`);
  return goText(msg, Number(code));
}

function redirect(req: HttpRequest): HttpResponse {
  const q = queryOf(req.path);
  const location = q.get('location') ?? '';
  const codeString = q.get('code') ?? '';
  if (codeString !== '' && !/^-?\d+$/.test(codeString)) return goText(`argument 'code' must be an integer or empty, got ${JSON.stringify(codeString)}\n`);
  const code = codeString === '' ? 302 : Number(codeString);
  const text = code === 301 ? 'Moved Permanently' : code === 302 ? 'Found' : code === 303 ? 'See Other' : code === 307 ? 'Temporary Redirect' : code === 308 ? 'Permanent Redirect' : '';
  const body = req.method === 'GET' || req.method === 'HEAD' ? `<a href="${location}">${text}</a>.\n\n` : '';
  return { status: code, headers: { Location: location, ...(body ? { 'Content-Type': 'text/html; charset=utf-8' } : {}) }, body };
}

/** /dial: `tries` GETs of http://host:port/request; the bodies and Go's error strings as JSON. */
function dial(req: HttpRequest, ctx: AppContext): HttpResponse {
  const q = queryOf(req.path);
  const host = q.get('host') ?? '';
  const port = q.get('port') ?? '';
  const request = q.get('request') ?? '';
  const protocol = (q.get('protocol') ?? '').toLowerCase();
  const triesParam = q.get('tries') ?? '';
  if (triesParam && !/^-?\d+$/.test(triesParam)) return goError(`tries parameter is invalid. strconv.Atoi: parsing ${JSON.stringify(triesParam)}: invalid syntax`, 400);
  const tries = Math.min(triesParam ? Number(triesParam) : 1, 20);
  if (!request) return goError('request parameter not specified. <nil>', 400);
  if (protocol !== '' && protocol !== 'http' && protocol !== 'udp' && protocol !== 'sctp') return goError(`unsupported protocol. ${protocol}`, 400);
  const hostPort = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  if (!/^\d+$/.test(port)) return goError(`host and/or port param are invalid. address ${hostPort}: invalid port`, 400);
  const responses: string[] = [];
  const errors: string[] = [];
  let last = '';
  for (let i = 0; i < tries; i++) {
    if (protocol === 'udp' || protocol === 'sctp') {
      errors.push(`kubepath models /dial over http only, not ${protocol}`);
      last = '';
      continue;
    }
    const url = `http://${hostPort}/${request}`;
    const r = ctx.fetch({ url, method: 'GET' });
    if (r.ok) {
      last = r.response.body;
      responses.push(last);
    } else if (r.code === 'dns-nxdomain') {
      return goError(`host and/or port param are invalid. lookup ${host}: no such host`, 400);
    } else {
      last = '';
      const why = r.code === 'connection-refused' ? `dial tcp ${hostPort}: connect: connection refused` : r.code === 'timeout' ? 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)' : r.message;
      errors.push(`Get "${url}": ${why}`);
    }
  }
  const out: Record<string, string[]> = {};
  if (errors.length) out.errors = errors;
  if (last.length > 0) out.responses = responses;
  return goText(JSON.stringify(out));
}

function netexec(args: readonly string[]): ContainerApp {
  const flags = goFlags(args);
  const httpPort = Number(flags.get('http-port') ?? 8080);
  const udpPort = Number(flags.get('udp-port') ?? 8081);
  const sctpPort = Number(flags.get('sctp-port') ?? -1);
  const listens: Listener[] = [{ port: httpPort, protocol: 'TCP' }];
  if (udpPort > 0) listens.push({ port: udpPort, protocol: 'UDP' });
  if (sctpPort > 0) listens.push({ port: sctpPort, protocol: 'SCTP' });
  return {
    kind: 'agnhost-netexec',
    listens,
    handle(req, ctx): HttpResponse {
      switch (pathOnly(req.path)) {
        case '/clientip':
          return goText(`${req.clientAddress}:${req.clientPort}`);
        case '/dial':
          return dial(req, ctx);
        case '/echo':
          return echo(req);
        case '/healthz':
          return { status: 200, headers: {}, body: '' };
        case '/hostname':
        case '/hostName':
          return goText(hostname(ctx));
        case '/redirect':
          return redirect(req);
        case '/shell':
          return { status: 417, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '{"error":"kubepath runs no commands in containers"}' };
        case '/upload':
          return goText('{"error":"Unable to upload file."}');
        case '/exit':
        case '/shutdown':
          return { status: 200, headers: {}, body: '' };
        default:
          return goText(`NOW: ${NETEXEC_NOW}`);
      }
    },
  };
}

function serveHostname(args: readonly string[]): ContainerApp {
  const flags = goFlags(args, ['tcp', 'udp', 'http', 'close']);
  const port = Number(flags.get('port') ?? 9376);
  const listens: Listener[] = [];
  if (flags.get('http') !== 'false') listens.push({ port, protocol: 'TCP' });
  if (flags.get('udp') === 'true') listens.push({ port, protocol: 'UDP' });
  return { kind: 'agnhost-serve-hostname', listens, handle: (_req, ctx) => goText(hostname(ctx)) };
}

/** The agnhost subcommand in argv, or undefined when it is one kubepath does not model. */
export function agnhost(argv: readonly string[]): ContainerApp | undefined {
  const i = argv.findIndex((a) => !a.startsWith('-') && !a.endsWith('/agnhost') && a !== 'agnhost');
  const sub = i >= 0 ? argv[i] : undefined;
  const rest = i >= 0 ? argv.slice(i + 1) : [];
  switch (sub) {
    case 'netexec':
      return netexec(rest);
    case 'serve-hostname':
      return serveHostname(rest);
    case 'pause':
      return { kind: 'agnhost-pause', listens: [], handle: () => ({ status: 400, headers: {}, body: '' }) };
    default:
      return undefined;
  }
}
