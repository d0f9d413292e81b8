/**
 * The scheduler (default-scheduler): binds each pod without spec.nodeName to a node. Filters:
 * the node is Ready and schedulable, and matches spec.nodeSelector. Score: the fewest pods
 * already on the node (spreading), ties broken by the seeded generator, as the real scheduler
 * breaks ties at random. A pod that fits nowhere stays Pending with a FailedScheduling event.
 */
import type { NodeObject, PodObject } from '../api/objects';
import type { Change } from '../cluster/changes';
import { matchesMap } from '../api/selector';
import { isTerminating } from './pods';
import { event, type Controller } from './types';

export function isNodeReady(node: NodeObject): boolean {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  return ready === undefined || ready.status === 'True';
}

/** The kubelet's --max-pods default. */
export const DEFAULT_MAX_PODS = 110;

function capacity(node: NodeObject): number {
  const v = Number(node.status?.allocatable?.pods ?? DEFAULT_MAX_PODS);
  return Number.isFinite(v) ? v : DEFAULT_MAX_PODS;
}

function unschedulableMessage(total: number, noMatch: number, notReady: number, full: number): string {
  const reasons: string[] = [];
  if (full > 0) reasons.push(`${full} Too many pods`);
  if (noMatch > 0) reasons.push(`${noMatch} node(s) didn't match Pod's node affinity/selector`);
  if (notReady > 0) reasons.push(`${notReady} node(s) had untolerated taint {node.kubernetes.io/unschedulable: }`);
  return `0/${total} nodes are available: ${reasons.join(', ')}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
}

export const scheduler: Controller = {
  name: 'scheduler',
  reconcile(tx) {
    const nodes = [...tx.list('Node')].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    const pending: PodObject[] = [];
    const load = new Map<string, number>(nodes.map((n) => [n.metadata.name, 0]));
    for (const pod of tx.list('Pod')) {
      if (isTerminating(pod)) continue;
      const node = pod.spec?.nodeName;
      if (node) load.set(node, (load.get(node) ?? 0) + 1);
      else pending.push(pod);
    }
    const changes: Change[] = [];
    for (const pod of pending) {
      const selector = pod.spec?.nodeSelector ?? {};
      let noMatch = 0;
      let notReady = 0;
      let full = 0;
      const fits = nodes.filter((n) => {
        if (!isNodeReady(n) || n.spec?.unschedulable) {
          notReady++;
          return false;
        }
        if (!matchesMap(selector, n.metadata.labels)) {
          noMatch++;
          return false;
        }
        if ((load.get(n.metadata.name) ?? 0) >= capacity(n)) {
          full++;
          return false;
        }
        return true;
      });
      const ns = pod.metadata.namespace;
      if (fits.length === 0) {
        const already = pod.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable');
        if (already) continue;
        const message = unschedulableMessage(nodes.length, noMatch, notReady, full);
        changes.push({
          type: 'update',
          object: {
            ...pod,
            status: {
              ...pod.status,
              phase: 'Pending',
              conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }],
            },
          },
        });
        changes.push(event('Pod', ns, pod.metadata.name, 'FailedScheduling', message, 'default-scheduler', 'Warning'));
        continue;
      }
      const least = Math.min(...fits.map((n) => load.get(n.metadata.name) ?? 0));
      const best = fits.filter((n) => (load.get(n.metadata.name) ?? 0) === least);
      const chosen = best.length === 1 ? best[0]! : best[tx.rng.int(best.length)]!;
      const nodeName = chosen.metadata.name;
      load.set(nodeName, least + 1);
      changes.push({
        type: 'update',
        object: {
          ...pod,
          spec: { ...pod.spec!, nodeName },
          status: { ...pod.status, phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }] },
        },
      });
      changes.push(event('Pod', ns, pod.metadata.name, 'Scheduled', `Successfully assigned ${ns}/${pod.metadata.name} to ${nodeName}`, 'default-scheduler'));
    }
    return changes;
  },
};
