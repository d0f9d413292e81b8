/**
 * kubectl apply's three-way merge: the patch sent to the server is computed from the
 * last-applied configuration (stored in the annotation kubectl.kubernetes.io/last-applied-
 * configuration) and the new manifest, then applied to the live object. So fields the user
 * never wrote (the scheduler's nodeName, an allocated clusterIP, a label added with
 * `kubectl label`) survive a re-apply, while fields the user removed from the manifest are
 * removed. kubepath merges lists whole (JSON merge patch), where kubectl's strategic merge
 * patch merges some lists by key; the result is the same for what users write in manifests.
 */
import type { KubeObject } from '../api/objects';
import { applyMergePatch } from './patch';
import { canonicalJson } from '../net/hash';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The merge patch that turns `last` into `next`: removed keys become null. */
export function threeWayPatch(last: unknown, next: unknown): unknown {
  if (!isObject(next)) return next;
  const prev = isObject(last) ? last : {};
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(prev)) if (!(k in next)) patch[k] = null;
  for (const [k, v] of Object.entries(next)) patch[k] = isObject(v) && isObject(prev[k]) ? threeWayPatch(prev[k], v) : v;
  return patch;
}

function lastApplied(live: KubeObject): unknown {
  const text = live.metadata.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * What kubectl apply makes of `manifest` against the live object. `status` in a manifest is
 * ignored (it is a subresource), except for Nodes, whose addresses kubepath lets you declare.
 */
export function mergeApplied(manifest: KubeObject, live: KubeObject | undefined): KubeObject {
  let sent = manifest as KubeObject & { status?: unknown };
  if (sent.kind !== 'Node' && 'status' in sent) {
    const { status: _status, ...rest } = sent;
    sent = rest as KubeObject;
  }
  const annotations = { ...sent.metadata.annotations };
  delete annotations[LAST_APPLIED];
  const recorded = { ...sent, metadata: { ...sent.metadata, annotations: Object.keys(annotations).length ? annotations : undefined } };
  const withAnnotation = {
    ...sent,
    metadata: { ...sent.metadata, annotations: { ...annotations, [LAST_APPLIED]: `${canonicalJson(recorded)}\n` } },
  } as KubeObject;
  if (!live) return withAnnotation;
  const patch = threeWayPatch(lastApplied(live), withAnnotation);
  const merged = applyMergePatch(live, patch);
  return typeof merged === 'string' ? withAnnotation : merged;
}
