/**
 * The nginx servers and locations ingress-nginx builds from the watched Ingresses
 * (kubernetes/ingress-nginx internal/ingress/controller/controller.go: createServers,
 * getBackendServers' location sort, updateServerLocations; template/template.go:
 * needsRewrite, enforceRegexModifier, buildLocation).
 */
import type { IngressBackend } from 'kubernetes-types/networking/v1';
import type { IngressObject } from '../../api/objects';
import type { StateView } from '../../cluster/state';
import { type IngressAnnotations, parseAnnotations } from './annotations';
import { watchedIngresses } from './classes';

export const DEFAULT_SERVER = '_';
export const ROOT = '/';

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

export interface BackendRef {
  namespace: string;
  service: string;
  port: number | string;
}

export interface Location {
  /** The path nginx sees (a Prefix path normalised with a trailing '/'). */
  path: string;
  /** The path as written in the Ingress. */
  ingressPath: string;
  pathType: PathType;
  /** "ns/name" of the Ingress that owns it; undefined for the default backend. */
  ingress?: string;
  /** undefined: the controller's default backend (answers 404). */
  backend?: BackendRef;
  isDefBackend: boolean;
  annotations: IngressAnnotations;
}

export interface Server {
  hostname: string;
  locations: Location[];
  /** A TLS certificate is configured for the host (spec.tls lists it and the Secret exists). */
  tls: boolean;
  /** rewrite-target or use-regex on any location: every location is written as `~*`. */
  enforceRegex: boolean;
}

const NO_ANNOTATIONS: IngressAnnotations = parseAnnotations({ kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', metadata: { name: '' } });

function ingressKey(ing: IngressObject): string {
  return `${ing.metadata.namespace ?? ''}/${ing.metadata.name}`;
}

function backendRef(ing: IngressObject, b: IngressBackend | undefined): BackendRef | undefined {
  const svc = b?.service;
  if (!svc) return undefined; // resource backends are not served by ingress-nginx
  return { namespace: ing.metadata.namespace ?? 'default', service: svc.name, port: svc.port?.number ?? svc.port?.name ?? 0 };
}

function rootLocation(): Location {
  return { path: ROOT, ingressPath: ROOT, pathType: 'Prefix', isDefBackend: true, annotations: NO_ANNOTATIONS };
}

/** template.go needsRewrite: a rewrite-target that differs from the location's path. */
export function needsRewrite(loc: Location): boolean {
  return loc.annotations.rewriteTarget !== '' && loc.annotations.rewriteTarget !== loc.path;
}

/** template.go enforceRegexModifier. */
export function enforceRegexModifier(locations: readonly Location[]): boolean {
  return locations.some((l) => needsRewrite(l) || l.annotations.useRegex);
}

/** template.go buildLocation: the text after `location `. */
export function buildLocation(loc: Location, enforceRegex: boolean): string {
  if (enforceRegex) return `~* "^${loc.path}"`;
  if (loc.pathType === 'Exact') return `= ${loc.path}`;
  return loc.path;
}

/** getBackendServers: by path descending, then (stably) by path length, longest first. */
export function sortLocations(locations: Location[]): Location[] {
  const byPath = [...locations].sort((a, b) => (a.path > b.path ? -1 : a.path < b.path ? 1 : 0));
  return byPath.sort((a, b) => b.path.length - a.path.length);
}

/**
 * controller.go updateServerLocations: a Prefix location (not `/`, not rewritten, not regex) is
 * written as `location /aaa/` plus, unless an Exact one exists already, `location = /aaa`.
 */
export function updateServerLocations(locations: readonly Location[]): Location[] {
  const exact = new Set(locations.filter((l) => l.pathType === 'Exact').map((l) => l.path));
  const out: Location[] = [];
  for (const loc of locations) {
    if (loc.path === ROOT || loc.pathType !== 'Prefix' || needsRewrite(loc) || loc.annotations.useRegex) {
      out.push(loc);
      continue;
    }
    const normalised = { ...loc, path: loc.path.endsWith('/') ? loc.path : `${loc.path}/` };
    out.push(normalised);
    if (!exact.has(loc.path)) out.push({ ...loc, pathType: 'Exact' });
  }
  return out;
}

function hasTlsSecret(view: StateView, ing: IngressObject, host: string): boolean {
  return (ing.spec?.tls ?? []).some(
    (t) => (t.hosts ?? []).includes(host) && t.secretName !== undefined && view.get('Secret', ing.metadata.namespace, t.secretName) !== undefined,
  );
}

function addPaths(servers: Map<string, Server>, ing: IngressObject, anns: IngressAnnotations): void {
  for (const rule of ing.spec?.rules ?? []) {
    const server = servers.get(rule.host || DEFAULT_SERVER);
    if (!server) continue;
    for (const p of rule.http?.paths ?? []) {
      const path = p.path || ROOT;
      const pathType = (p.pathType ?? 'ImplementationSpecific') as PathType;
      const backend = backendRef(ing, p.backend);
      // Same path: a second Ingress cannot take it, except from the default backend.
      // (kubepath treats an ImplementationSpecific `/` as the root location too.)
      const same = server.locations.find((l) => l.path === path && (l.pathType === pathType || (l.isDefBackend && path === ROOT)));
      if (same) {
        if (same.isDefBackend) Object.assign(same, { isDefBackend: false, ingress: ingressKey(ing), backend, annotations: anns, pathType });
        continue;
      }
      server.locations.push({ path, ingressPath: path, pathType, ingress: ingressKey(ing), backend, isDefBackend: false, annotations: anns });
    }
  }
}

/** All servers, sorted by hostname as the controller sorts them; `_` is the catch-all. */
export function buildServers(view: StateView): Server[] {
  const ingresses = watchedIngresses(view);
  const servers = new Map<string, Server>();
  servers.set(DEFAULT_SERVER, { hostname: DEFAULT_SERVER, locations: [rootLocation()], tls: false, enforceRegex: false });
  // An Ingress with a defaultBackend and no rules configures the catch-all server (first wins).
  const catchAll = ingresses.find((i) => i.spec?.defaultBackend && (i.spec.rules ?? []).length === 0);
  if (catchAll) {
    Object.assign(servers.get(DEFAULT_SERVER)!.locations[0]!, {
      isDefBackend: false,
      ingress: ingressKey(catchAll),
      backend: backendRef(catchAll, catchAll.spec?.defaultBackend),
      annotations: parseAnnotations(catchAll),
    });
  }
  for (const ing of ingresses) {
    for (const rule of ing.spec?.rules ?? []) {
      const host = rule.host || DEFAULT_SERVER;
      if (servers.has(host)) continue;
      const root = rootLocation();
      const def = backendRef(ing, ing.spec?.defaultBackend);
      if (def) Object.assign(root, { isDefBackend: false, ingress: ingressKey(ing), backend: def, annotations: parseAnnotations(ing) });
      servers.set(host, { hostname: host, locations: [root], tls: false, enforceRegex: false });
    }
  }
  for (const ing of ingresses) {
    const anns = parseAnnotations(ing);
    addPaths(servers, ing, anns);
    for (const rule of ing.spec?.rules ?? []) {
      const server = servers.get(rule.host || DEFAULT_SERVER);
      if (server && rule.host && hasTlsSecret(view, ing, rule.host)) server.tls = true;
    }
  }
  const out = [...servers.values()].map((s) => {
    const locations = updateServerLocations(sortLocations(s.locations));
    return { ...s, locations, enforceRegex: enforceRegexModifier(locations) };
  });
  return out.sort((a, b) => (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0));
}
