/**
 * The cloud provider's service controller: a Service of type LoadBalancer gets a load balancer
 * and its address in status.loadBalancer.ingress, when the cluster has a provider
 * (options.loadBalancer "cloud"). Without one, EXTERNAL-IP stays <pending>, as on bare metal
 * or minikube without `minikube tunnel`.
 */
import type { ServiceObject } from '../api/objects';
import type { Change } from '../cluster/changes';
import { event, type Controller } from './types';

/** Cloud load balancer addresses come from TEST-NET-3 (203.0.113.0/24). */
export const LB_NETWORK = '203.0.113.';

export function loadBalancerIP(svc: ServiceObject): string | undefined {
  return svc.status?.loadBalancer?.ingress?.[0]?.ip;
}

export const serviceLoadBalancer: Controller = {
  name: 'service-controller',
  reconcile(tx) {
    const used = new Set<string>();
    const services = [...tx.list('Service')];
    for (const s of services) {
      const ip = loadBalancerIP(s);
      if (ip && s.spec?.type === 'LoadBalancer') used.add(ip);
    }
    const changes: Change[] = [];
    for (const svc of services) {
      const wants = svc.spec?.type === 'LoadBalancer' && tx.options.loadBalancer === 'cloud';
      const has = loadBalancerIP(svc);
      if (wants && !has) {
        let ip = svc.spec?.loadBalancerIP;
        if (!ip || used.has(ip)) {
          for (let i = 10; i < 255; i++) {
            if (!used.has(`${LB_NETWORK}${i}`)) {
              ip = `${LB_NETWORK}${i}`;
              break;
            }
          }
        }
        if (!ip) continue;
        used.add(ip);
        const ns = svc.metadata.namespace;
        changes.push(event('Service', ns, svc.metadata.name, 'EnsuringLoadBalancer', 'Ensuring load balancer', 'service-controller'));
        changes.push(event('Service', ns, svc.metadata.name, 'EnsuredLoadBalancer', 'Ensured load balancer', 'service-controller'));
        changes.push({ type: 'update', object: { ...svc, status: { ...svc.status, loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } } } });
      } else if (!wants && has) {
        changes.push({ type: 'update', object: { ...svc, status: { ...svc.status, loadBalancer: {} } } });
      }
    }
    return changes;
  },
};
