/**
 * The cloud load balancer in front of a LoadBalancer Service: it forwards a connection for its
 * ingress IP to one node, keeping the destination IP (as GCE's pass-through balancer does;
 * kube-proxy then matches the LB IP in KUBE-SERVICES). Under externalTrafficPolicy Cluster every
 * ready node is a backend; under Local only nodes whose healthCheckNodePort answers 200.
 */
import type { ClusterState } from '../cluster/state';
import { viewOf } from '../cluster/state';
import type { ServiceObject } from '../api/objects';
import { loadBalancerIP } from '../controllers/servicelb';
import { isNodeReady } from '../controllers/scheduler';
import { healthCheckResponse } from './healthcheck';

export interface BackendCheck {
  node: string;
  healthy: boolean;
  /** The health check's answer, under Local policy. */
  check?: { status: number; body: string };
}

export function serviceForLoadBalancerIP(state: ClusterState, ip: string): ServiceObject | undefined {
  for (const s of viewOf(state).list('Service')) {
    if (s.spec?.type === 'LoadBalancer' && loadBalancerIP(s) === ip) return s;
  }
  return undefined;
}

export function loadBalancerBackends(state: ClusterState, svc: ServiceObject): BackendCheck[] {
  const local = svc.spec?.externalTrafficPolicy === 'Local';
  const out: BackendCheck[] = [];
  const nodes = [...viewOf(state).list('Node')].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  for (const n of nodes) {
    if (!isNodeReady(n)) {
      out.push({ node: n.metadata.name, healthy: false });
      continue;
    }
    if (!local) {
      out.push({ node: n.metadata.name, healthy: true });
      continue;
    }
    const r = healthCheckResponse(state, svc, n.metadata.name);
    out.push({ node: n.metadata.name, healthy: r.status === 200, check: { status: r.status, body: r.body } });
  }
  return out;
}
