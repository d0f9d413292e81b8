/** Facts about pods the controllers share: owner, terminating, ready, the IP the kubelet gave it. */
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject, PodObject } from '../api/objects';
import { parseTimestamp } from '../cluster/clock';

export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}

export function isTerminating(obj: KubeObject): boolean {
  return obj.metadata.deletionTimestamp !== undefined;
}

export function isPodReady(pod: PodObject): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Terminal phases: the pod's containers have stopped for good. */
export function isPodTerminal(pod: PodObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** Active in the ReplicaSet controller's sense: not terminal, not being deleted. */
export function isPodActive(pod: PodObject): boolean {
  return !isTerminating(pod) && !isPodTerminal(pod);
}

/** The moment a terminating pod is gone: deletionTimestamp already includes the grace period. */
export function deletionDeadline(pod: PodObject): number | undefined {
  return parseTimestamp(pod.metadata.deletionTimestamp);
}

export function ownerRef(owner: KubeObject, apiVersion: string): OwnerReference {
  return {
    apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function isOwnedBy(obj: KubeObject, owner: KubeObject): boolean {
  const ref = controllerOf(obj);
  return ref !== undefined && ref.uid === owner.metadata.uid && ref.kind === owner.kind;
}
