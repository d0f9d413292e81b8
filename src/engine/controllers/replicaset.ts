/**
 * The ReplicaSet controller (pkg/controller/replicaset): keeps `replicas` active pods made from
 * the template, named <replicaset>-<5 random characters> (generateName), owned by the set.
 * Surplus pods are deleted gracefully, not-ready and newest first, as the controller ranks them.
 */
import type { PodSpec } from 'kubernetes-types/core/v1';
import type { PodObject, ReplicaSetObject } from '../api/objects';
import { defaultPodSpecInPlace } from '../api/podspec';
import type { JsonObject } from '../api/validation/json';
import type { Change } from '../cluster/changes';
import type { Transaction } from '../cluster/transaction';
import { deepEqual } from '../net/equal';
import { cloneJson } from '../net/clone';
import { randomSuffix } from '../net/rng';
import { isPodActive, isPodReady, ownerRef } from './pods';
import { terminatePod } from './termination';
import { event, type Controller } from './types';

/**
 * The spec a pod made from the template gets: the API server runs the Pod's own defaulting on
 * create (SetDefaults_Pod: `enableServiceLinks: true`, requests from limits), which a template
 * does not get. Without it, a later update of the pod (a label) would seem to change the spec.
 * Stored objects are never mutated, so pods share one defaulted copy per template spec.
 */
const defaulted = new WeakMap<object, PodSpec>();
function podSpecOf(template: PodSpec | undefined): PodSpec {
  if (!template) return { containers: [] };
  let spec = defaulted.get(template);
  if (!spec) {
    spec = cloneJson(template);
    defaultPodSpecInPlace(spec as unknown as JsonObject, true);
    defaulted.set(template, spec);
  }
  return spec;
}

function podFromTemplate(tx: Transaction, rs: ReplicaSetObject, taken: Set<string>): PodObject {
  let name: string;
  do name = `${rs.metadata.name}-${randomSuffix(tx.rng)}`;
  while (taken.has(name) || tx.get('Pod', rs.metadata.namespace, name));
  taken.add(name);
  const t = rs.spec?.template;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...t?.metadata,
      name,
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      labels: { ...t?.metadata?.labels },
      ownerReferences: [ownerRef(rs, 'apps/v1')],
    },
    spec: podSpecOf(t?.spec),
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  };
}

/** Which surplus pods go first: unscheduled, then not ready, then the newest. */
function deletionRank(a: PodObject, b: PodObject): number {
  const sched = Number(!!a.spec?.nodeName) - Number(!!b.spec?.nodeName);
  if (sched !== 0) return sched;
  const ready = Number(isPodReady(a)) - Number(isPodReady(b));
  if (ready !== 0) return ready;
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? 1 : -1;
  return a.metadata.name < b.metadata.name ? 1 : -1;
}

export const replicaSetController: Controller = {
  name: 'replicaset',
  reconcile(tx) {
    const podsByOwner = new Map<string, PodObject[]>();
    for (const pod of tx.list('Pod')) {
      const ref = pod.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'ReplicaSet');
      if (!ref) continue;
      const list = podsByOwner.get(ref.uid) ?? [];
      list.push(pod);
      podsByOwner.set(ref.uid, list);
    }
    const changes: Change[] = [];
    const taken = new Set<string>();
    for (const rs of tx.list('ReplicaSet')) {
      if (rs.metadata.deletionTimestamp) continue;
      const ns = rs.metadata.namespace;
      const pods = podsByOwner.get(rs.metadata.uid ?? '') ?? [];
      const active = pods.filter(isPodActive);
      const want = rs.spec?.replicas ?? 1;
      if (active.length < want) {
        for (let i = active.length; i < want; i++) {
          const pod = podFromTemplate(tx, rs, taken);
          changes.push({ type: 'create', object: pod });
          changes.push(event('ReplicaSet', ns, rs.metadata.name, 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, 'replicaset-controller'));
        }
        continue;
      }
      if (active.length > want) {
        const doomed = [...active].sort(deletionRank).slice(0, active.length - want);
        for (const pod of doomed) {
          changes.push(...terminatePod(tx, pod));
          changes.push(event('ReplicaSet', ns, rs.metadata.name, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, 'replicaset-controller'));
        }
        continue;
      }
      const ready = active.filter(isPodReady).length;
      const status = {
        replicas: active.length,
        fullyLabeledReplicas: active.length,
        readyReplicas: ready,
        availableReplicas: ready,
        observedGeneration: rs.metadata.generation ?? 1,
      };
      if (!deepEqual(status, rs.status ?? {})) {
        changes.push({ type: 'update', object: { ...rs, status } });
      }
    }
    return changes;
  },
};
