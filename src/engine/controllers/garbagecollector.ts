/**
 * Two collectors:
 * - pod GC: removes a terminating pod once its containers have exited (podGoneAt), and pods
 *   bound to a node that no longer exists (the PodGC controller's orphan rule).
 * - the garbage collector: deletes objects whose controlling owner is gone (background
 *   cascading deletion: Deployment → ReplicaSets → Pods; Service → its EndpointSlices).
 */
import type { KubeObject } from '../api/objects';
import type { SupportedKind } from '../api/kinds';
import type { Change } from '../cluster/changes';
import { controllerOf, isTerminating } from './pods';
import { podGoneAt, terminatePod } from './termination';
import type { Controller } from './types';

export const podGarbageCollector: Controller = {
  name: 'podgc',
  reconcile(tx) {
    const changes: Change[] = [];
    for (const pod of tx.list('Pod')) {
      const gone = podGoneAt(pod);
      const node = pod.spec?.nodeName;
      if ((gone !== undefined && gone <= tx.time) || (node && !tx.get('Node', undefined, node))) {
        changes.push({ type: 'delete', kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name });
        if (pod.metadata.uid && tx.runtimeOf(pod.metadata.uid)) {
          changes.push({ type: 'runtime', podUid: pod.metadata.uid, runtime: undefined });
        }
      }
    }
    return changes;
  },
};

const OWNED_KINDS: SupportedKind[] = ['ReplicaSet', 'Pod', 'EndpointSlice'];

export const garbageCollector: Controller = {
  name: 'garbagecollector',
  reconcile(tx) {
    const uids = new Set<string>();
    for (const kind of ['Deployment', 'ReplicaSet', 'Service', 'Node'] as const) {
      for (const o of tx.list(kind)) if (o.metadata.uid) uids.add(o.metadata.uid);
    }
    const changes: Change[] = [];
    for (const kind of OWNED_KINDS) {
      for (const obj of tx.list(kind) as Iterable<KubeObject>) {
        const ref = controllerOf(obj);
        if (!ref || uids.has(ref.uid)) continue;
        if (obj.kind === 'Pod') {
          if (!isTerminating(obj)) changes.push(...terminatePod(tx, obj));
        } else changes.push({ type: 'delete', kind, namespace: obj.metadata.namespace, name: obj.metadata.name });
      }
    }
    return changes;
  },
};

/** Kinds a namespace holds, emptied when it is deleted. */
const NAMESPACED: SupportedKind[] = ['Deployment', 'ReplicaSet', 'Pod', 'Service', 'EndpointSlice', 'Ingress', 'ConfigMap', 'Secret'];

/**
 * The namespace controller: a namespace being deleted (phase Terminating) has its content
 * deleted, and goes away once nothing is left in it.
 */
export const namespaceController: Controller = {
  name: 'namespace',
  reconcile(tx) {
    const changes: Change[] = [];
    for (const ns of tx.list('Namespace')) {
      if (!ns.metadata.deletionTimestamp) continue;
      let left = 0;
      for (const kind of NAMESPACED) {
        for (const obj of tx.list(kind) as Iterable<KubeObject>) {
          if (obj.metadata.namespace !== ns.metadata.name) continue;
          left++;
          if (obj.kind === 'Pod') changes.push(...terminatePod(tx, obj));
          else changes.push({ type: 'delete', kind, namespace: obj.metadata.namespace, name: obj.metadata.name });
        }
      }
      if (left === 0) changes.push({ type: 'delete', kind: 'Namespace', name: ns.metadata.name });
    }
    return changes;
  },
};
