/**
 * The three patch types kubectl sends: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and
 * strategic merge patch (merge patch where lists of objects merge by their key: containers,
 * volumes and env by `name`, container ports by `containerPort`, Service ports by `port`; see
 * the patchMergeKey tags in k8s.io/api/core/v1/types.go). Failures come back as kubectl's text.
 */

import { cloneJson } from '../net/clone';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function applyMergePatch<T>(target: T, patch: unknown): T | string {
  return mergeValue(target, patch, undefined) as T;
}

/** List merge keys by field name, as the strategic merge patch metadata of core/v1 declares them. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  volumes: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
  tolerations: 'key',
  ports: 'port',
};

function mergeList(field: string, target: unknown[], patch: unknown[]): unknown[] {
  let key = MERGE_KEYS[field];
  // Container ports merge by containerPort, Service ports by port.
  if (field === 'ports' && patch.some((p) => isObject(p) && 'containerPort' in p)) key = 'containerPort';
  if (!key || !patch.every(isObject)) return patch;
  const out = [...target];
  for (const item of patch as Record<string, unknown>[]) {
    if (item.$patch === 'delete') {
      const idx = out.findIndex((t) => isObject(t) && t[key] === item[key]);
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    const idx = out.findIndex((t) => isObject(t) && t[key] === item[key]);
    if (idx >= 0) out[idx] = mergeValue(out[idx], item, MERGE_KEYS);
    else out.push(item);
  }
  return out;
}

function mergeValue(target: unknown, patch: unknown, keys: Record<string, string> | undefined): unknown {
  if (!isObject(patch)) return patch;
  const base: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete base[k];
    else if (keys && Array.isArray(v) && Array.isArray(base[k])) base[k] = mergeList(k, base[k] as unknown[], v);
    else base[k] = mergeValue(base[k], v, keys);
  }
  return base;
}

export function applyStrategicMergePatch<T>(target: T, patch: unknown): T | string {
  if (!isObject(patch)) return 'strategic merge patch must be a JSON object';
  return mergeValue(target, patch, MERGE_KEYS) as T;
}

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function walk(doc: Json, pointer: string): { parent: Json; key: string } | string {
  if (!pointer.startsWith('/')) return `invalid JSON pointer "${pointer}"`;
  const tokens = pointer.slice(1).split('/').map(unescape);
  let cur: Json = doc;
  for (const t of tokens.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(cur) ? cur[Number(t)] : isObject(cur) ? (cur as Record<string, Json>)[t] : undefined;
    if (next === undefined) return `doc is missing path: "${pointer}": missing value`;
    cur = next;
  }
  return { parent: cur, key: tokens.at(-1) ?? '' };
}

export function applyJsonPatch<T>(target: T, patch: unknown): T | string {
  if (!Array.isArray(patch)) return 'json patch must be an array of operations';
  const doc = cloneJson(target) as unknown as Json;
  for (const op of patch) {
    if (!isObject(op) || typeof op.op !== 'string' || typeof op.path !== 'string') return 'each json patch operation needs "op" and "path"';
    const at = walk(doc, op.path);
    if (typeof at === 'string') return at;
    const { parent, key } = at;
    const value = op.value as Json;
    if (Array.isArray(parent)) {
      const idx = key === '-' ? parent.length : Number(key);
      if (!Number.isInteger(idx) || idx < 0 || idx > parent.length) return `index out of range: "${op.path}"`;
      switch (op.op) {
        case 'add': parent.splice(idx, 0, value); break;
        case 'remove': if (idx >= parent.length) return `index out of range: "${op.path}"`; parent.splice(idx, 1); break;
        case 'replace': if (idx >= parent.length) return `index out of range: "${op.path}"`; parent[idx] = value; break;
        case 'test': if (JSON.stringify(parent[idx]) !== JSON.stringify(value)) return `testing value ${op.path} failed`; break;
        default: return `Unexpected kind: ${op.op}`;
      }
    } else if (isObject(parent)) {
      const obj = parent as Record<string, Json>;
      switch (op.op) {
        case 'add': obj[key] = value; break;
        case 'remove': if (!(key in obj)) return `doc is missing key: ${op.path}`; delete obj[key]; break;
        case 'replace': if (!(key in obj)) return `doc is missing key: ${op.path}`; obj[key] = value; break;
        case 'test': if (JSON.stringify(obj[key]) !== JSON.stringify(value)) return `testing value ${op.path} failed`; break;
        default: return `Unexpected kind: ${op.op}`;
      }
    } else return `doc is missing path: "${op.path}"`;
  }
  return doc as unknown as T;
}
