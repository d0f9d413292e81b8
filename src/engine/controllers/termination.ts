/**
 * Graceful deletion of a pod, as the API server and kubelet do it: the API server sets
 * deletionTimestamp (= now + grace period) and the pod shows as Terminating; the kubelet stops
 * the containers (event Killing) and the object goes away when they have exited, at the
 * latest when the grace period ends. A pod that never started is removed at once.
 */
import type { PodObject } from '../api/objects';
import type { Change } from '../cluster/changes';
import { timestamp } from '../cluster/clock';
import type { StateView } from '../cluster/state';
import { deletionDeadline } from './pods';
import { imageName } from './images';

/** Servers that exit promptly on SIGTERM; anything else (a shell running `sleep`) uses the whole grace period. */
const EXITS_ON_SIGTERM = /^(nginx|httpd|echoserver|whoami|http-echo|agnhost|coredns|controller|monolith|auth|hello|traefik|caddy)$/;

export function terminatePod(view: StateView, pod: PodObject, graceSeconds?: number): Change[] {
  if (pod.metadata.deletionTimestamp) return [];
  const grace = Math.max(0, graceSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30);
  const started = pod.metadata.uid !== undefined && view.runtimeOf(pod.metadata.uid) !== undefined;
  if (!started || grace === 0) {
    return [{ type: 'delete', kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name }];
  }
  const changes: Change[] = [
    {
      type: 'update',
      object: {
        ...pod,
        metadata: {
          ...pod.metadata,
          deletionTimestamp: timestamp(view.time + grace),
          deletionGracePeriodSeconds: grace,
        },
      },
    },
  ];
  for (const c of pod.spec?.containers ?? []) {
    changes.push({
      type: 'event',
      event: {
        type: 'Normal',
        reason: 'Killing',
        object: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name },
        message: `Stopping container ${c.name}`,
        source: 'kubelet',
      },
    });
  }
  return changes;
}

/** When the terminating pod's object disappears. */
export function podGoneAt(pod: PodObject): number | undefined {
  const deadline = deletionDeadline(pod);
  if (deadline === undefined) return undefined;
  const grace = pod.metadata.deletionGracePeriodSeconds ?? 30;
  const requested = deadline - grace;
  const containers = pod.spec?.containers ?? [];
  const prompt = containers.length > 0 && containers.every((c) => EXITS_ON_SIGTERM.test(imageName(c.image ?? '')));
  return prompt ? Math.min(deadline, requested + 2) : deadline;
}
