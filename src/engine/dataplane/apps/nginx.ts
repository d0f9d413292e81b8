/**
 * nginx (and httpd) as their official images ship: the welcome page on port 80 for `/` and
 * `/index.html`, the stock 404 page for anything else. Where the ports come from when the
 * container mounts its own configuration or a certificate: `nginxListeners` (tls.ts).
 */
import type { AppContext, HttpRequest, ContainerApp, HttpResponse, Listener } from './http';
import { matchLocation, parseNginxConfig, proxyTarget } from './nginxconf';

const WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

function notFound(version: string): string {
  return `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/${version}</center>
</body>
</html>
`;
}

const HTTPD_WELCOME = '<html><body><h1>It works!</h1></body></html>\n';

/** nginx's version from the image tag ("1.27" → "1.27.3"); the stable default otherwise. */
function versionOf(tag: string | undefined): string {
  const m = /^(\d+\.\d+)(\.\d+)?/.exec(tag ?? '');
  if (!m) return '1.27.3';
  return m[2] ? `${m[1]}${m[2]}` : `${m[1]}.0`;
}

/** nginx; `listens` defaults to the stock configuration's port 80. */
function errorPage(status: number, reason: string, version: string): string {
  return `<html>\n<head><title>${status} ${reason}</title></head>\n<body>\n<center><h1>${status} ${reason}</h1></center>\n<hr><center>nginx/${version}</center>\n</body>\n</html>\n`;
}

/**
 * A configuration mounted into /etc/nginx (conf.d/*.conf or nginx.conf) replaces the stock one:
 * the server listening on the request's port picks a location; proxy_pass forwards the request
 * (a child trace) and relays the answer, or answers 502 Bad Gateway when the upstream fails.
 */
function fromConfig(req: HttpRequest, ctx: AppContext, version: string): HttpResponse | undefined {
  const texts = [...(ctx.files ?? new Map<string, string>()).entries()].filter(([p]) => /^\/etc\/nginx\/(conf\.d\/[^/]+\.conf|nginx\.conf)$/.test(p)).map(([, t]) => t);
  if (texts.length === 0) return undefined;
  const config = parseNginxConfig(texts.join('\n'));
  const server = config.servers.find((s) => s.listen.includes(req.serverPort)) ?? config.servers[0];
  if (!server) return undefined;
  const headers = { Server: `nginx/${version}`, 'Content-Type': 'text/html' };
  const location = matchLocation(server, req.path);
  if (!location) return { status: 404, headers, body: errorPage(404, 'Not Found', version) };
  if (location.ret) return { status: location.ret.status, headers: { ...headers, 'Content-Type': 'text/plain' }, body: location.ret.text ?? '' };
  // A location without proxy_pass serves files (root/index/try_files): the image's own pages.
  if (!location.proxyPass) return undefined;
  const url = proxyTarget(config, location, req.path);
  if (!url) return { status: 404, headers, body: errorPage(404, 'Not Found', version) };
  const upstreamHost = /^https?:\/\/([^/]+)/.exec(url)?.[1] ?? '';
  // proxy_set_header Host $proxy_host is nginx's default.
  const res = ctx.fetch({ url, method: req.method, headers: { ...req.headers, Host: upstreamHost, Connection: 'close' }, body: req.body });
  if (!res.ok) return { status: 502, headers, body: errorPage(502, 'Bad Gateway', version) };
  return { status: res.response.status, headers: { ...res.response.headers, Server: `nginx/${version}` }, body: res.response.body };
}

export function nginx(tag: string | undefined, listens: Listener[] = [{ port: 80, protocol: 'TCP' }]): ContainerApp {
  const version = versionOf(tag);
  return {
    kind: 'nginx',
    listens,
    handle(req, ctx): HttpResponse {
      const path = req.path.split('?')[0] ?? '/';
      const headers = { Server: `nginx/${version}`, 'Content-Type': 'text/html' };
      const configured = fromConfig(req, ctx, version);
      if (configured) return configured;
      if (req.method !== 'GET' && req.method !== 'HEAD') return { status: 405, headers, body: '' };
      if (path === '/' || path === '/index.html') return { status: 200, headers, body: req.method === 'HEAD' ? '' : WELCOME };
      return { status: 404, headers, body: notFound(version) };
    },
  };
}

export function httpd(): ContainerApp {
  return {
    kind: 'httpd',
    listens: [{ port: 80, protocol: 'TCP' }],
    handle(req): HttpResponse {
      const path = req.path.split('?')[0] ?? '/';
      const headers = { Server: 'Apache/2.4.62 (Unix)', 'Content-Type': 'text/html' };
      if (path === '/' || path === '/index.html') return { status: 200, headers, body: HTTPD_WELCOME };
      return { status: 404, headers, body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n' };
    },
  };
}
