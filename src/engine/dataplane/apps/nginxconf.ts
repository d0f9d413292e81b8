/**
 * The part of nginx's configuration kubepath follows (ngx_http_core_module, ngx_http_proxy_module,
 * ngx_http_upstream_module): `server` blocks with `listen`, `location` prefixes (longest match
 * wins; `=` exact first) with `proxy_pass` or `return`, and `upstream` blocks naming servers.
 * Everything else (ssl_*, headers, timeouts) is read past.
 */

export interface NginxLocation {
  exact: boolean;
  prefix: string;
  proxyPass?: string;
  ret?: { status: number; text?: string };
}

export interface NginxServer {
  listen: number[];
  locations: NginxLocation[];
}

export interface NginxConfig {
  servers: NginxServer[];
  upstreams: Map<string, string[]>;
}

type Token = string;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /#[^\n]*|"((?:[^"\\]|\\.)*)"|'([^']*)'|([{};])|([^\s{};"'#]+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].startsWith('#')) continue;
    out.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
}

function parseBlock(tokens: Token[], at: { i: number }): Directive[] {
  const out: Directive[] = [];
  let words: string[] = [];
  while (at.i < tokens.length) {
    const t = tokens[at.i++]!;
    if (t === ';') {
      if (words.length) out.push({ name: words[0]!, args: words.slice(1) });
      words = [];
    } else if (t === '{') {
      const block = parseBlock(tokens, at);
      out.push({ name: words[0] ?? '', args: words.slice(1), block });
      words = [];
    } else if (t === '}') return out;
    else words.push(t);
  }
  return out;
}

export function parseNginxConfig(text: string): NginxConfig {
  const top = parseBlock(tokenize(text), { i: 0 });
  // conf.d files are included inside `http { }`; accept both shapes.
  const http = top.flatMap((d) => (d.name === 'http' && d.block ? d.block : [d]));
  const upstreams = new Map<string, string[]>();
  const servers: NginxServer[] = [];
  for (const d of http) {
    if (d.name === 'upstream' && d.block) upstreams.set(d.args[0] ?? '', d.block.filter((s) => s.name === 'server').map((s) => s.args[0] ?? ''));
    if (d.name !== 'server' || !d.block) continue;
    const listen = d.block.filter((x) => x.name === 'listen').map((x) => Number(/(\d+)$/.exec((x.args[0] ?? '').split(':').at(-1) ?? '')?.[1] ?? NaN)).filter(Number.isFinite);
    const locations: NginxLocation[] = [];
    for (const l of d.block.filter((x) => x.name === 'location' && x.block)) {
      const exact = l.args[0] === '=';
      const prefix = exact ? (l.args[1] ?? '/') : (l.args[0] ?? '/');
      const proxy = l.block!.find((x) => x.name === 'proxy_pass')?.args[0];
      const r = l.block!.find((x) => x.name === 'return');
      locations.push({ exact, prefix, proxyPass: proxy, ret: r ? { status: Number(r.args[0]), text: r.args[1] } : undefined });
    }
    servers.push({ listen: listen.length ? listen : [80], locations });
  }
  return { servers, upstreams };
}

/** The location nginx picks for a path: an exact match, else the longest prefix. */
export function matchLocation(server: NginxServer, path: string): NginxLocation | undefined {
  const p = path.split('?')[0] ?? '/';
  const exact = server.locations.find((l) => l.exact && l.prefix === p);
  if (exact) return exact;
  return server.locations.filter((l) => !l.exact && p.startsWith(l.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
}

/**
 * The URL nginx proxies to. With a URI in proxy_pass, the matched prefix is replaced by it;
 * without one, the request URI goes as it came. An upstream name stands for its first server.
 */
export function proxyTarget(config: NginxConfig, location: NginxLocation, path: string): string | undefined {
  const m = /^(https?):\/\/([^/]+)(\/.*)?$/.exec(location.proxyPass ?? '');
  if (!m) return undefined;
  const [, scheme, hostPart, uri] = m;
  const upstream = config.upstreams.get(hostPart!);
  const host = upstream?.[0] ?? hostPart!;
  const rest = uri === undefined ? path : uri + path.slice(location.prefix.length);
  return `${scheme}://${host}${rest}`;
}
