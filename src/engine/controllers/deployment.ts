/**
 * The Deployment controller (pkg/controller/deployment): one ReplicaSet per pod template,
 * named <deployment>-<pod-template-hash>; a template change makes a new ReplicaSet and scales
 * the old ones to zero. kubepath does the rollout in one step (the end state of a rolling
 * update); the old pods still show as Terminating for their grace period.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { DeploymentObject, ReplicaSetObject } from '../api/objects';
import type { Change } from '../cluster/changes';
import type { Transaction } from '../cluster/transaction';
import { canonicalJson, fnv1a32 } from '../net/hash';
import { deepEqual } from '../net/equal';
import { safeEncodeString } from '../net/rng';
import { isOwnedBy, isPodActive, isPodReady, ownerRef } from './pods';
import { event, type Controller } from './types';

export const TEMPLATE_HASH_LABEL = 'pod-template-hash';
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/**
 * Like the controller's ComputeHash: a 32-bit FNV-1a of the template (theirs hashes Go's
 * printed form, ours canonical JSON) plus the collision count, written as decimal and encoded
 * onto the random-name alphabet, which is why hashes look like "66b6c48dd5".
 */
export function podTemplateHash(template: PodTemplateSpec | undefined, collisionCount = 0): string {
  const h = fnv1a32(canonicalJson(template ?? {}) + (collisionCount ? `#${collisionCount}` : ''));
  return safeEncodeString(String(h));
}

function revisionOf(rs: ReplicaSetObject): number {
  return Number(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? 0) || 0;
}

/** Templates are immutable once stored, so their comparison key is computed once per object. */
const templateKeys = new WeakMap<object, string>();

function stripHash(template: PodTemplateSpec | undefined): string {
  if (!template) return canonicalJson({});
  const cached = templateKeys.get(template);
  if (cached !== undefined) return cached;
  const labels = { ...template.metadata?.labels };
  delete labels[TEMPLATE_HASH_LABEL];
  const key = canonicalJson({ ...template, metadata: { ...template.metadata, labels } });
  templateKeys.set(template, key);
  return key;
}

function newReplicaSet(d: DeploymentObject, hash: string, revision: number, replicas: number): ReplicaSetObject {
  const template = d.spec?.template ?? {};
  const labels = { ...template.metadata?.labels, [TEMPLATE_HASH_LABEL]: hash };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(d.spec?.replicas ?? 1),
        'deployment.kubernetes.io/max-replicas': String(d.spec?.replicas ?? 1),
        [REVISION_ANNOTATION]: String(revision),
      },
      ownerReferences: [ownerRef(d, 'apps/v1')],
    },
    spec: {
      replicas,
      selector: {
        ...d.spec?.selector,
        matchLabels: { ...d.spec?.selector?.matchLabels, [TEMPLATE_HASH_LABEL]: hash },
      },
      template: { ...template, metadata: { ...template.metadata, labels } },
    },
  };
}

function scaleMessage(rs: string, from: number, to: number): string {
  return `Scaled ${to > from ? 'up' : 'down'} replica set ${rs} to ${to}${from > 0 || to === 0 ? ` from ${from}` : ''}`;
}

function reconcileOne(tx: Transaction, d: DeploymentObject, owned: ReplicaSetObject[]): Change[] {
  const ns = d.metadata.namespace;
  const desired = d.spec?.replicas ?? 1;
  const templateKey = stripHash(d.spec?.template);
  const current = owned.find((rs) => stripHash(rs.spec?.template) === templateKey);
  const changes: Change[] = [];
  const scale = (rs: ReplicaSetObject, to: number) => {
    const from = rs.spec?.replicas ?? 0;
    if (from === to) return;
    changes.push({ type: 'update', object: { ...rs, spec: { ...rs.spec!, replicas: to } } });
    changes.push(event('Deployment', ns, d.metadata.name, 'ScalingReplicaSet', scaleMessage(rs.metadata.name, from, to), 'deployment-controller'));
  };

  if (!current) {
    const revision = Math.max(0, ...owned.map(revisionOf)) + 1;
    let collision = 0;
    let hash = podTemplateHash(d.spec?.template, collision);
    while (tx.get('ReplicaSet', ns, `${d.metadata.name}-${hash}`)) hash = podTemplateHash(d.spec?.template, ++collision);
    const rs = newReplicaSet(d, hash, revision, desired);
    changes.push({ type: 'create', object: rs });
    changes.push(event('Deployment', ns, d.metadata.name, 'ScalingReplicaSet', scaleMessage(rs.metadata.name, 0, desired), 'deployment-controller'));
  } else {
    scale(current, desired);
    // Rolling back to an older template makes its ReplicaSet the newest revision again.
    const top = Math.max(0, ...owned.map(revisionOf));
    if (revisionOf(current) < top || revisionOf(current) === 0) {
      changes.push({
        type: 'update',
        object: { ...current, spec: { ...current.spec!, replicas: desired }, metadata: { ...current.metadata, annotations: { ...current.metadata.annotations, [REVISION_ANNOTATION]: String(top + 1) } } },
      });
    }
  }
  for (const rs of owned) if (rs !== current) scale(rs, 0);

  // Keep at most revisionHistoryLimit old, empty ReplicaSets.
  const limit = d.spec?.revisionHistoryLimit ?? 10;
  const old = owned.filter((rs) => rs !== current && (rs.spec?.replicas ?? 0) === 0 && (rs.status?.replicas ?? 0) === 0).sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const rs of old.slice(0, Math.max(0, old.length - limit))) {
    changes.push({ type: 'delete', kind: 'ReplicaSet', namespace: ns, name: rs.metadata.name });
  }
  return changes;
}

function status(tx: Transaction, d: DeploymentObject, owned: ReplicaSetObject[], podsByRs: Map<string, number[]>): Change[] {
  const templateKey = stripHash(d.spec?.template);
  let replicas = 0;
  let ready = 0;
  let updated = 0;
  for (const rs of owned) {
    const [total = 0, readyCount = 0] = podsByRs.get(rs.metadata.uid ?? '') ?? [];
    replicas += total;
    ready += readyCount;
    if (stripHash(rs.spec?.template) === templateKey) updated += total;
  }
  const desired = d.spec?.replicas ?? 1;
  const available = ready >= desired - Math.floor(desired * 0.25) ? 'True' : 'False';
  const next = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas,
    updatedReplicas: updated,
    readyReplicas: ready,
    availableReplicas: ready,
    unavailableReplicas: Math.max(0, desired - ready) || undefined,
    conditions: [
      { type: 'Available', status: available, reason: available === 'True' ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable', message: available === 'True' ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${owned.find((rs) => stripHash(rs.spec?.template) === templateKey)?.metadata.name ?? d.metadata.name}" has successfully progressed.` },
    ],
  };
  if (deepEqual(next, d.status ?? {})) return [];
  void tx;
  return [{ type: 'update', object: { ...d, status: next } }];
}

export const deploymentController: Controller = {
  name: 'deployment',
  reconcile(tx) {
    const rsByOwner = new Map<string, ReplicaSetObject[]>();
    for (const rs of tx.list('ReplicaSet')) {
      const ref = rs.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
      if (!ref) continue;
      const list = rsByOwner.get(ref.uid) ?? [];
      list.push(rs);
      rsByOwner.set(ref.uid, list);
    }
    // Pods per ReplicaSet uid: [active, ready].
    const podsByRs = new Map<string, number[]>();
    for (const pod of tx.list('Pod')) {
      const ref = pod.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'ReplicaSet');
      if (!ref || !isPodActive(pod)) continue;
      const c = podsByRs.get(ref.uid) ?? [0, 0];
      c[0]! += 1;
      if (isPodReady(pod)) c[1]! += 1;
      podsByRs.set(ref.uid, c);
    }
    const changes: Change[] = [];
    for (const d of tx.list('Deployment')) {
      if (d.metadata.deletionTimestamp) continue;
      const owned = (rsByOwner.get(d.metadata.uid ?? '') ?? []).filter((rs) => isOwnedBy(rs, d));
      const own = reconcileOne(tx, d, owned);
      changes.push(...own);
      if (own.length === 0) changes.push(...status(tx, d, owned, podsByRs));
    }
    return changes;
  },
};
