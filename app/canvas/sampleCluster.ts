import type { CanvasCluster, CanvasPod } from './model';

const replicaSet = 'web-7d4b9c8f6d';

function webPod(suffix: string, ip: string): CanvasPod {
  const name = `${replicaSet}-${suffix}`;
  return {
    id: `pod:default/${name}`,
    namespace: 'default',
    name,
    ip,
    phase: 'Running',
    ready: true,
    owner: `ReplicaSet/default/${replicaSet}`,
    labels: { app: 'web', 'pod-template-hash': '7d4b9c8f6d' },
    containers: [{ name: 'nginx', image: 'nginx:1.27', ports: ['80/TCP'] }],
  };
}

const pod1 = webPod('x2lqz', '10.244.0.5');
const pod2 = webPod('8mgbv', '10.244.1.4');

/**
 * What the sample manifests make on a two-node cluster, drawn until the engine's snapshot
 * feeds the canvas.
 */
export const sampleCluster: CanvasCluster = {
  nodes: [
    { id: 'node:node-1', name: 'node-1', internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24', pods: [pod1] },
    { id: 'node:node-2', name: 'node-2', internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24', pods: [pod2] },
  ],
  services: [
    {
      id: 'service:default/web',
      namespace: 'default',
      name: 'web',
      type: 'ClusterIP',
      clusterIP: '10.96.142.17',
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
      selector: { app: 'web' },
      endpoints: [
        { pod: pod1.id, ip: '10.244.0.5', port: 80, ready: true },
        { pod: pod2.id, ip: '10.244.1.4', port: 80, ready: true },
      ],
    },
  ],
};
