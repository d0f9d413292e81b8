/**
 * What the canvas draws, as plain data. Today it comes from a static sample; later the
 * engine's `ClusterSnapshot` is mapped into this shape, and the drawing code stays as is.
 */

export interface CanvasContainer {
  name: string;
  image: string;
  /** Declared container ports, e.g. "80/TCP". */
  ports: string[];
}

export interface CanvasPod {
  /** Element id, as trace hops name it: "pod:ns/name". */
  id: string;
  namespace: string;
  name: string;
  ip?: string;
  phase: string;
  ready: boolean;
  /** "ReplicaSet/ns/name" when owned. */
  owner?: string;
  labels: Record<string, string>;
  containers: CanvasContainer[];
}

export interface CanvasNode {
  /** Element id: "node:name". */
  id: string;
  name: string;
  internalIP: string;
  podCIDR: string;
  pods: CanvasPod[];
}

export interface CanvasServicePort {
  name?: string;
  port: number;
  targetPort: number | string;
  protocol: string;
  nodePort?: number;
}

export interface CanvasEndpoint {
  /** Pod element id this endpoint points at. */
  pod: string;
  ip: string;
  port: number;
  ready: boolean;
}

export interface CanvasService {
  /** Element id: "service:ns/name". */
  id: string;
  namespace: string;
  name: string;
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  clusterIP?: string;
  ports: CanvasServicePort[];
  selector?: Record<string, string>;
  endpoints: CanvasEndpoint[];
}

export interface CanvasCluster {
  nodes: CanvasNode[];
  services: CanvasService[];
}

/** Anything on the canvas the Inspector can show. */
export type CanvasElement =
  | { kind: 'node'; node: CanvasNode }
  | { kind: 'pod'; pod: CanvasPod; node: CanvasNode }
  | { kind: 'service'; service: CanvasService };

export function findElement(cluster: CanvasCluster, id: string): CanvasElement | undefined {
  for (const node of cluster.nodes) {
    if (node.id === id) return { kind: 'node', node };
    const pod = node.pods.find((p) => p.id === id);
    if (pod) return { kind: 'pod', pod, node };
  }
  const service = cluster.services.find((s) => s.id === id);
  return service && { kind: 'service', service };
}
