/**
 * routeIngress: what ingress-nginx does with one request, in nginx's order of phases
 * (kubernetes/ingress-nginx rootfs/etc/nginx/template/nginx.tmpl, rootfs/etc/nginx/lua/lua_ingress.lua):
 *  1. server rewrite phase: app-root's `if ($uri = /) { return 302 $scheme://$http_host<root>; }`,
 *     written at server level for each location that has it (the first one written wins);
 *  2. location selection (match.ts), or nginx's own 301 adding a trailing '/';
 *  3. location rewrite phase: permanent/temporal-redirect's `return <code> <url>;` and the
 *     rewrite-target `rewrite ... break;`, then lua_ingress.rewrite's HTTPS redirect (308,
 *     the request URI without a trailing '/' unless preserve-trailing-slash);
 *  4. proxy to the location's upstream: the default backend answers 404, an upstream with no
 *     endpoints 503.
 */
import type { IngressDecision } from '../../types';
import type { ClusterState } from '../../cluster/state';
import { viewOf } from '../../cluster/state';
import { resolveUpstream } from './backend';
import { applyRewrite, hostOnly, selectLocation, selectServer } from './match';
import { type Server, buildServers, needsRewrite } from './servers';

export interface IngressRequest {
  host: string;
  path: string;
  scheme?: 'http' | 'https';
  headers?: Record<string, string>;
}

/** The decision plus what kubepath also reports (session affinity, the endpoints chosen from). */
export interface IngressRoute extends IngressDecision {
  affinity?: { type: 'cookie'; cookieName: string };
  endpoints?: string[];
}

/** nginx's $uri: the path without the query, '//' merged (merge_slashes on). */
export function splitRequestPath(path: string): { uri: string; query: string } {
  const raw = path === '' ? '/' : path;
  const q = raw.indexOf('?');
  const uri = (q >= 0 ? raw.slice(0, q) : raw).replace(/\/{2,}/g, '/');
  return { uri: uri.startsWith('/') ? uri : `/${uri}`, query: q >= 0 ? raw.slice(q) : '' };
}

function appRootRedirect(server: Server, uri: string, scheme: string, httpHost: string): IngressRoute | undefined {
  if (uri !== '/') return undefined;
  const loc = server.locations.find((l) => l.annotations.appRoot !== '');
  if (!loc) return undefined;
  const root = loc.annotations.appRoot;
  return {
    status: 302,
    redirect: `${scheme}://${httpHost}${root}`,
    ingress: loc.ingress,
    rule: `if ($uri = /) { return 302 $scheme://$http_host${root}; }`,
  };
}

/** The controller's nginx servers, built once per cluster state (states are immutable). */
const serverCache = new WeakMap<ClusterState, Server[]>();

function serversOf(state: ClusterState, view: ReturnType<typeof viewOf>): Server[] {
  let servers = serverCache.get(state);
  if (!servers) serverCache.set(state, (servers = buildServers(view)));
  return servers;
}

export function routeIngress(state: ClusterState, request: IngressRequest): IngressRoute {
  const view = viewOf(state);
  const servers = serversOf(state, view);
  const scheme = request.scheme ?? 'http';
  const httpHost = request.host;
  const { uri, query } = splitRequestPath(request.path);
  const server = selectServer(servers, request.host);

  const appRoot = appRootRedirect(server, uri, scheme, httpHost);
  if (appRoot) return appRoot;

  const match = selectLocation(server, uri);
  if (!match) return { status: 404, rule: 'default backend' };
  const { location: loc, rule } = match;
  const anns = loc.annotations;
  const ingress = loc.ingress;
  if (match.addSlash) return { status: 301, redirect: `${scheme}://${hostOnly(request.host)}${uri}/${query}`, ingress, rule };

  if (anns.redirect) return { status: anns.redirect.code, redirect: anns.redirect.url, ingress, rule };

  if (scheme === 'http' && (anns.forceSslRedirect || (anns.sslRedirect && server.tls))) {
    let requestUri = request.path === '' ? '/' : request.path;
    if (!anns.preserveTrailingSlash && requestUri.endsWith('/')) requestUri = requestUri.slice(0, -1);
    return { status: 308, redirect: `https://${hostOnly(request.host)}${requestUri}`, ingress, rule };
  }

  if (loc.isDefBackend || !loc.backend) return { status: 404, rule };

  const upstreamPath = needsRewrite(loc) ? applyRewrite(loc.path, anns.rewriteTarget, uri, query) : request.path || '/';
  const decision: IngressRoute = {
    ingress,
    service: `${loc.backend.namespace}/${loc.backend.service}`,
    port: loc.backend.port,
    upstreamPath,
    rule,
  };
  if (anns.affinity) decision.affinity = anns.affinity;
  const upstream = resolveUpstream(view, loc.backend);
  if (!upstream.ok) return { ...decision, status: 503 };
  decision.endpoints = upstream.endpoints;
  return decision;
}
