import type { Edge, Node } from '@xyflow/react';
import type { CanvasCluster, CanvasNode, CanvasPod, CanvasService } from './model';

/** Fixed sizes keep positions deterministic: the same cluster always draws the same way. */
export const SIZES = {
  podWidth: 236,
  podBaseHeight: 62,
  containerRow: 28,
  groupPadding: 16,
  groupHeader: 60,
  groupGap: 56,
  podGap: 12,
  serviceWidth: 228,
  serviceHeight: 62,
  serviceGap: 40,
  serviceRowHeight: 132,
} as const;

export type NodeGroupData = { node: CanvasNode };
export type PodData = { pod: CanvasPod };
export type ServiceData = { service: CanvasService };

export type NodeGroupFlowNode = Node<NodeGroupData, 'k8sNode'>;
export type PodFlowNode = Node<PodData, 'pod'>;
export type ServiceFlowNode = Node<ServiceData, 'service'>;
export type ClusterFlowNode = NodeGroupFlowNode | PodFlowNode | ServiceFlowNode;

export interface ClusterFlow {
  nodes: ClusterFlowNode[];
  edges: Edge[];
}

function podHeight(pod: CanvasPod): number {
  return SIZES.podBaseHeight + SIZES.containerRow * Math.max(1, pod.containers.length);
}

/** Pods sit in one column up to three, then two columns. */
function columnsFor(count: number): number {
  return count <= 3 ? 1 : 2;
}

function layoutGroup(node: CanvasNode, x: number): ClusterFlowNode[] {
  const cols = columnsFor(node.pods.length);
  const rows = Math.max(1, Math.ceil(node.pods.length / cols));
  const rowHeight = Math.max(SIZES.podBaseHeight + SIZES.containerRow, ...node.pods.map(podHeight));
  const width = cols * SIZES.podWidth + (cols - 1) * SIZES.podGap + 2 * SIZES.groupPadding;
  const height = SIZES.groupHeader + rows * rowHeight + (rows - 1) * SIZES.podGap + SIZES.groupPadding;

  const group: NodeGroupFlowNode = {
    id: node.id,
    type: 'k8sNode',
    position: { x, y: SIZES.serviceRowHeight },
    width,
    height,
    data: { node },
    ariaLabel: `Node ${node.name}`,
    className: 'rf-group',
  };
  const pods: PodFlowNode[] = node.pods.map((pod, i) => ({
    id: pod.id,
    type: 'pod',
    parentId: node.id,
    extent: 'parent',
    position: {
      x: SIZES.groupPadding + (i % cols) * (SIZES.podWidth + SIZES.podGap),
      y: SIZES.groupHeader + Math.floor(i / cols) * (rowHeight + SIZES.podGap),
    },
    width: SIZES.podWidth,
    height: podHeight(pod),
    data: { pod },
    ariaLabel: `Pod ${pod.name}`,
  }));
  return [group, ...pods];
}

/** Turns the cluster model into React Flow nodes (parents before children) and edges. */
export function clusterToFlow(cluster: CanvasCluster): ClusterFlow {
  const nodes: ClusterFlowNode[] = [];
  let x = 0;
  for (const node of cluster.nodes) {
    const placed = layoutGroup(node, x);
    nodes.push(...placed);
    x += (placed[0]?.width ?? 0) + SIZES.groupGap;
  }
  const nodesWidth = Math.max(0, x - SIZES.groupGap);

  const servicesWidth =
    cluster.services.length * SIZES.serviceWidth + Math.max(0, cluster.services.length - 1) * SIZES.serviceGap;
  let sx = (nodesWidth - servicesWidth) / 2;
  const edges: Edge[] = [];
  for (const service of cluster.services) {
    nodes.push({
      id: service.id,
      type: 'service',
      position: { x: sx, y: 0 },
      width: SIZES.serviceWidth,
      height: SIZES.serviceHeight,
      data: { service },
      ariaLabel: `Service ${service.name}`,
    });
    sx += SIZES.serviceWidth + SIZES.serviceGap;
    for (const endpoint of service.endpoints) {
      edges.push({
        id: `endpoint:${service.id}->${endpoint.pod}`,
        source: service.id,
        target: endpoint.pod,
        className: endpoint.ready ? 'rf-endpoint' : 'rf-endpoint rf-endpoint--not-ready',
        ariaLabel: `Endpoint of Service ${service.name}: ${endpoint.ip}:${endpoint.port}`,
        focusable: true,
        selectable: false,
      });
    }
  }
  return { nodes, edges };
}
