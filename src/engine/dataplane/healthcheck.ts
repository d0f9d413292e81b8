/**
 * kube-proxy's per-Service health check server (pkg/proxy/healthcheck/service_health.go): for
 * each LoadBalancer Service with externalTrafficPolicy Local it listens on
 * spec.healthCheckNodePort on every node and answers any path with the number of the
 * Service's ready endpoints on this node: 200 when there is at least one, 503 when none, so the
 * cloud load balancer only sends traffic to nodes that can keep the client IP.
 */
import type { ClusterState } from '../cluster/state';
import { viewOf } from '../cluster/state';
import type { ServiceObject } from '../api/objects';
import type { HttpResponse } from './apps/http';

export function localEndpointCount(state: ClusterState, svc: ServiceObject, node: string): number {
  let n = 0;
  for (const slice of viewOf(state).list('EndpointSlice')) {
    if (slice.metadata.namespace !== svc.metadata.namespace || slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
    for (const e of slice.endpoints ?? []) if (e.nodeName === node && e.conditions?.ready !== false) n++;
  }
  return n;
}

/** The Service whose health check listens on `port`, if any. */
export function healthCheckService(state: ClusterState, port: number): ServiceObject | undefined {
  for (const s of viewOf(state).list('Service')) {
    if (s.spec?.type === 'LoadBalancer' && s.spec.externalTrafficPolicy === 'Local' && s.spec.healthCheckNodePort === port) return s;
  }
  return undefined;
}

export function healthCheckResponse(state: ClusterState, svc: ServiceObject, node: string): HttpResponse {
  const count = localEndpointCount(state, svc, node);
  const body = [
    '{',
    '\t"service": {',
    `\t\t"namespace": ${JSON.stringify(svc.metadata.namespace ?? 'default')},`,
    `\t\t"name": ${JSON.stringify(svc.metadata.name)}`,
    '\t},',
    `\t"localEndpoints": ${count},`,
    '\t"serviceProxyHealthy": true',
    '}',
  ].join('\n');
  return {
    status: count > 0 ? 200 : 503,
    headers: { 'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff' },
    body,
  };
}
