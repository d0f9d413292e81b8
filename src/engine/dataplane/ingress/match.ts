/**
 * How nginx picks the server and the location for a request, and what `rewrite ... break`
 * makes of the URI.
 *  - server_name: ingress-nginx writes a wildcard host `*.foo.com` as a regex that matches
 *    exactly one label (template.go buildServerName); exact names win over it, and a host
 *    no server names goes to the catch-all `_` server.
 *  - location (nginx's ngx_http_core_module "location" rules): an exact `=` match ends the
 *    search; a URI one '/' short of a non-regex location's name is redirected (301) to it;
 *    otherwise the longest prefix is remembered, then the regex locations are tried
 *    in the order they are written and the first that matches wins; with none, the prefix.
 *  - rewrite-target: buildProxyPass writes `rewrite "(?i)<path>" <target> break;`, a regex
 *    that is not anchored, and nginx replaces the whole URI with the target, $1..$9 filled
 *    from the captures and the query string appended.
 */
import { type Location, type Server, DEFAULT_SERVER, buildLocation } from './servers';

/** The Host header without its port, lower-cased, as nginx compares server names. */
export function hostOnly(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const i = h.lastIndexOf(':');
  return (i >= 0 ? h.slice(0, i) : h).replace(/\.$/, '');
}

/** A wildcard server name matches a host with exactly one more label ([\w-]+). */
function wildcardMatches(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return false;
  const suffix = pattern.slice(1);
  if (!host.endsWith(suffix)) return false;
  return /^[\w-]+$/.test(host.slice(0, host.length - suffix.length));
}

export function selectServer(servers: readonly Server[], rawHost: string): Server {
  const host = hostOnly(rawHost);
  const exact = servers.find((s) => s.hostname !== DEFAULT_SERVER && !s.hostname.startsWith('*.') && s.hostname === host);
  if (exact) return exact;
  // Several wildcards: nginx tries regex server names in the order they are written (sorted).
  const wild = servers.find((s) => wildcardMatches(s.hostname, host));
  if (wild) return wild;
  return servers.find((s) => s.hostname === DEFAULT_SERVER)!;
}

/** nginx PCRE → JavaScript RegExp; undefined if JavaScript cannot compile it. */
export function compileRegex(source: string, caseInsensitive: boolean): RegExp | undefined {
  try {
    return new RegExp(source, caseInsensitive ? 'i' : '');
  } catch {
    return undefined;
  }
}

export interface LocationMatch {
  location: Location;
  /** `location <modifier> <path>` as written in nginx.conf. */
  rule: string;
  /**
   * nginx's auto_redirect: the URI is a non-regex location's name without its trailing '/',
   * and that location proxies (every ingress-nginx location does), so nginx answers 301 with
   * the '/' added instead of choosing a location (ngx_http_core_find_static_location).
   */
  addSlash?: boolean;
}

export function selectLocation(server: Server, uri: string): LocationMatch | undefined {
  const rendered = server.locations.map((l) => ({ location: l, text: buildLocation(l, server.enforceRegex) }));
  let prefix: (typeof rendered)[number] | undefined;
  const exact = rendered.find((r) => r.text.startsWith('= ') && r.location.path === uri);
  if (exact) return { location: exact.location, rule: `location ${exact.text}` };
  const slashed = rendered.find((r) => !r.text.startsWith('~') && r.location.path.endsWith('/') && r.location.path === `${uri}/`);
  if (slashed) return { location: slashed.location, rule: `location ${slashed.text}`, addSlash: true };
  for (const r of rendered) {
    if (r.text.startsWith('~')) continue;
    if (r.text.startsWith('= ')) continue;
    if (uri.startsWith(r.location.path) && (!prefix || r.location.path.length > prefix.location.path.length)) prefix = r;
  }
  for (const r of rendered) {
    if (!r.text.startsWith('~')) continue;
    const re = compileRegex(`^${r.location.path}`, r.text.startsWith('~*'));
    if (re?.test(uri)) return { location: r.location, rule: `location ${r.text}` };
  }
  return prefix ? { location: prefix.location, rule: `location ${prefix.text}` } : undefined;
}

/** The URI nginx sends upstream after `rewrite "(?i)<path>" <target> break;`. */
export function applyRewrite(path: string, target: string, uri: string, query: string): string {
  const re = compileRegex(path, true);
  const m = re?.exec(uri);
  if (!m) return uri + query;
  const replaced = target.replace(/\$(\d)/g, (_s, d: string) => m[Number(d)] ?? '');
  if (replaced.includes('?')) return query === '' ? replaced : `${replaced}&${query.slice(1)}`;
  return replaced + query;
}
