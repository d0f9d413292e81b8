/**
 * The object store's operations. Each is one transaction: it admits or changes objects, runs
 * the controllers to a fixed point and returns the new immutable state with its diff. A
 * rejected object changes nothing; the others in the same apply still go in.
 */
import { cloneJson } from '../net/clone';
import type { KubeObject } from '../api/objects';
import { kindInfo, type SupportedKind } from '../api/kinds';
import { formatFieldError, type FieldError } from '../api/field';
import { runControllers } from '../controllers/runner';
import { terminatePod } from '../controllers/termination';
import type { Change } from './changes';
import { timestamp } from './clock';
import { admit } from './admission';
import { mergeApplied } from './apply';
import { Transaction, type DiffEntry } from './transaction';
import type { ClusterState } from './state';

export interface StoreInput {
  object: KubeObject;
  /** Where the object came from, for error positions. */
  document: number;
}

export type ApplyAction = 'created' | 'configured' | 'unchanged';

export interface ObjectFailure {
  document: number;
  kind: string;
  name: string;
  /** Field errors, or none when `message` says it all. */
  errors: FieldError[];
  code?: 'namespace-not-found';
  message: string;
  hint?: string;
}

export interface ApplyOutcome {
  state: ClusterState;
  results: { document: number; kind: SupportedKind; namespace?: string; name: string; action: ApplyAction }[];
  failures: ObjectFailure[];
  diff: DiffEntry[];
}

function settle(tx: Transaction): ClusterState {
  runControllers(tx);
  return tx.finish();
}

export function applyObjects(state: ClusterState, inputs: readonly StoreInput[]): ApplyOutcome {
  const tx = new Transaction(state);
  const results: ApplyOutcome['results'] = [];
  const failures: ObjectFailure[] = [];
  for (const { object, document } of inputs) {
    const ns = kindInfo(object.kind)?.namespaced ? object.metadata.namespace || 'default' : undefined;
    const old = tx.get(object.kind, ns, object.metadata.name) as KubeObject | undefined;
    let merged = mergeApplied(object, old);
    // A Node the user declares over a generated one of the same name is the user's from now on.
    if (merged.kind === 'Node' && object.metadata.labels?.[GENERATED_NODE_LABEL] !== 'true' && merged.metadata.labels?.[GENERATED_NODE_LABEL]) {
      const { [GENERATED_NODE_LABEL]: _generated, ...labels } = merged.metadata.labels;
      merged = { ...merged, metadata: { ...merged.metadata, labels } };
    }
    const admitted = admit(tx, merged, old);
    if (!admitted.object) {
      const errors = admitted.errors;
      failures.push({
        document,
        kind: object.kind,
        name: object.metadata.name,
        errors,
        code: admitted.failure?.code,
        message: admitted.failure?.message ?? errors.map(formatFieldError).join(', '),
        hint: admitted.failure?.hint,
      });
      continue;
    }
    const action: ApplyAction = !old ? 'created' : admitted.unchanged ? 'unchanged' : 'configured';
    if (action !== 'unchanged') tx.commit({ type: old ? 'update' : 'create', object: admitted.object });
    const declaresNode = object.kind === 'Node' && object.metadata.labels?.[GENERATED_NODE_LABEL] !== 'true';
    if (declaresNode && (!old || old.metadata.labels?.[GENERATED_NODE_LABEL] === 'true')) retireGeneratedNodes(tx, object.metadata.name);
    results.push({ document, kind: object.kind, namespace: ns, name: object.metadata.name, action });
  }
  const next = settle(tx);
  return { state: next, results, failures, diff: tx.diff };
}

/** Nodes kubepath made because the manifests declared none; the first declared Node replaces them. */
export const GENERATED_NODE_LABEL = 'kubepath.dev/generated';

function retireGeneratedNodes(tx: Transaction, declared: string): void {
  // A copy: the loop deletes from the map it reads.
  // oxlint-disable-next-line unicorn/no-useless-spread
  for (const n of [...tx.list('Node')]) {
    if (n.metadata.labels?.[GENERATED_NODE_LABEL] === 'true' && n.metadata.name !== declared) {
      tx.commit({ type: 'delete', kind: 'Node', name: n.metadata.name });
    }
  }
}

export type StoreError = { reason: 'NotFound' | 'Invalid' | 'BadRequest'; message: string; errors?: FieldError[] };
export type StoreResult = { ok: true; state: ClusterState; diff: DiffEntry[] } | { ok: false; error: StoreError };

function notFound(kind: SupportedKind, name: string): StoreResult {
  const resource = kindInfo(kind)?.resource ?? kind.toLowerCase();
  return { ok: false, error: { reason: 'NotFound', message: `${resource} "${name}" not found` } };
}

/** Graceful deletion: pods go Terminating; owners cascade through the garbage collector. */
export function deleteObject(state: ClusterState, kind: SupportedKind, namespace: string | undefined, name: string, graceSeconds?: number): StoreResult {
  const tx = new Transaction(state);
  const obj = tx.get(kind, namespace, name) as KubeObject | undefined;
  if (!obj) return notFound(kind, name);
  const changes: Change[] = [];
  if (obj.kind === 'Pod') changes.push(...terminatePod(tx, obj, graceSeconds));
  else if (obj.kind === 'Namespace') {
    if (!obj.metadata.deletionTimestamp) {
      changes.push({ type: 'update', object: { ...obj, metadata: { ...obj.metadata, deletionTimestamp: timestamp(tx.time) }, status: { phase: 'Terminating' } } });
    }
  } else changes.push({ type: 'delete', kind, namespace, name });
  tx.commitAll(changes);
  const next = settle(tx);
  return { ok: true, state: next, diff: tx.diff };
}

/**
 * Change one stored object through admission, as kubectl scale/label/patch do: the result is
 * validated like any update and rejected whole if invalid.
 */
export function updateObject(state: ClusterState, kind: SupportedKind, namespace: string | undefined, name: string, change: (obj: KubeObject) => KubeObject | StoreError): StoreResult {
  const tx = new Transaction(state);
  const old = tx.get(kind, namespace, name) as KubeObject | undefined;
  if (!old) return notFound(kind, name);
  const next = change(cloneJson(old));
  if ('reason' in next) return { ok: false, error: next };
  const admitted = admit(tx, next, old);
  if (!admitted.object) {
    const message = admitted.failure?.message ?? admitted.errors.map(formatFieldError).join(', ');
    return { ok: false, error: { reason: 'Invalid', message, errors: admitted.errors } };
  }
  if (!admitted.unchanged) tx.commit({ type: 'update', object: admitted.object });
  return { ok: true, state: settle(tx), diff: tx.diff };
}

/** Move the logical clock: terminating pods finish, back-offs tick. */
export function advanceClock(state: ClusterState, seconds: number): ClusterState {
  const tx = new Transaction(state, state.time + Math.max(0, Math.floor(seconds)));
  return settle(tx);
}

/** Create the system add-ons, through admission like any manifest; they are built valid. */
export function bootstrap(state: ClusterState, objects: readonly KubeObject[]): ClusterState {
  const tx = new Transaction(state);
  for (const object of objects) {
    const admitted = admit(tx, object, undefined);
    if (!admitted.object) {
      const message = admitted.failure?.message ?? admitted.errors.map(formatFieldError).join(', ');
      throw new Error(`system add-on ${object.kind}/${object.metadata.name} was rejected: ${message}`);
    }
    tx.commit({ type: 'create', object: admitted.object });
  }
  return settle(tx);
}
