/** ingress-nginx: servers and locations from Ingress objects, and how a request is routed. */
export { routeIngress, splitRequestPath, type IngressRequest, type IngressRoute } from './route';
export { buildServers, buildLocation, type Server, type Location, type BackendRef, type PathType } from './servers';
export { parseAnnotations, type IngressAnnotations } from './annotations';
export { watchedIngresses, isWatched } from './classes';
export { resolveUpstream, type UpstreamResult } from './backend';
