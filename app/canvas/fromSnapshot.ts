/**
 * The engine's ClusterSnapshot, shaped for drawing. System namespaces (CoreDNS in kube-system,
 * the ingress-nginx controller) are left out of the picture unless asked for, so a learner's
 * own objects are what they see first.
 */
import type { ClusterSnapshot } from '../../src/engine';
import type { CanvasCluster, CanvasEndpoint, CanvasPod } from './model';

export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'ingress-nginx']);

export interface CanvasOptions {
  showSystem?: boolean;
}

export function canvasFromSnapshot(snapshot: ClusterSnapshot, options: CanvasOptions = {}): CanvasCluster {
  const visible = (ns: string) => options.showSystem === true || !SYSTEM_NAMESPACES.has(ns);
  const podsByNode = new Map<string, CanvasPod[]>();
  const podIdByIP = new Map<string, string>();
  for (const p of snapshot.pods) {
    if (!visible(p.namespace) || !p.node) continue;
    const pod: CanvasPod = {
      id: `pod:${p.namespace}/${p.name}`,
      namespace: p.namespace,
      name: p.name,
      ip: p.ip,
      phase: p.status,
      ready: p.ready,
      owner: p.owner,
      labels: p.labels,
      containers: p.containers.map((c) => ({
        name: c.name,
        image: c.image,
        ports: c.ports.map((port) => `${port.containerPort}/${port.protocol}`),
      })),
    };
    const list = podsByNode.get(p.node) ?? [];
    list.push(pod);
    podsByNode.set(p.node, list);
    if (p.ip) podIdByIP.set(`${p.namespace}/${p.ip}`, pod.id);
  }
  return {
    nodes: snapshot.nodes.map((n) => ({
      id: `node:${n.name}`,
      name: n.name,
      internalIP: n.internalIP,
      podCIDR: n.podCIDR,
      pods: podsByNode.get(n.name) ?? [],
    })),
    services: snapshot.services
      .filter((s) => visible(s.namespace) && !(s.namespace === 'default' && s.name === 'kubernetes'))
      .map((s) => {
        const endpoints: CanvasEndpoint[] = [];
        for (const slice of snapshot.endpointSlices) {
          if (slice.namespace !== s.namespace || slice.service !== s.name) continue;
          for (const e of slice.endpoints) {
            const pod = podIdByIP.get(`${s.namespace}/${e.ip}`);
            if (pod) endpoints.push({ pod, ip: e.ip, port: slice.ports[0]?.port ?? 0, ready: e.ready });
          }
        }
        return {
          id: `service:${s.namespace}/${s.name}`,
          namespace: s.namespace,
          name: s.name,
          type: s.type,
          clusterIP: s.clusterIP,
          ports: s.ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.targetPort, protocol: p.protocol, nodePort: p.nodePort })),
          selector: s.selector,
          endpoints,
        };
      }),
  };
}
