/**
 * What the API server does to an object on its way into the store: defaulting, validation
 * (against the old object on update), the namespace check, allocations (Service ClusterIP and
 * node ports), and keeping what the server owns (status, allocations, a scaled replica count)
 * when kubectl apply sends a manifest that does not mention them.
 */
import type { KubeObject, ServiceObject } from '../api/objects';
import { kindInfo } from '../api/kinds';
import { defaultObject } from '../api/defaults';
import { validateObject } from '../api/validate';
import type { FieldError } from '../api/field';
import { deepEqual } from '../net/equal';
import type { Transaction } from './transaction';
import { allocateService } from './serviceallocation';

export interface Admitted {
  object?: KubeObject;
  errors: FieldError[];
  /** Errors that are not field errors: the API server's own words (namespace not found). */
  failure?: { code: 'namespace-not-found'; message: string; hint: string };
  unchanged: boolean;
}

/** Metadata the server owns, carried over from the stored object. */
const SERVER_META = ['uid', 'creationTimestamp', 'resourceVersion', 'generation', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'ownerReferences', 'generateName'] as const;

/** The parts of an object a user writes; equal parts mean `kubectl apply` says "unchanged". */
export function userContent(obj: KubeObject): unknown {
  const { metadata, ...rest } = obj as KubeObject & { status?: unknown };
  const { status: _status, ...body } = rest as Record<string, unknown>;
  return { labels: metadata.labels ?? {}, annotations: metadata.annotations ?? {}, body };
}

function preserve(next: KubeObject, old: KubeObject): KubeObject {
  const metadata = { ...next.metadata };
  for (const k of SERVER_META) {
    if (old.metadata[k] !== undefined && metadata[k] === undefined) (metadata as Record<string, unknown>)[k] = old.metadata[k];
  }
  const merged = { ...next, metadata } as KubeObject & { status?: unknown };
  const oldStatus = (old as { status?: unknown }).status;
  // Nodes may declare their status (addresses) in kubepath; everything else keeps the server's.
  const declared = next.kind === 'Node' && (next as { status?: unknown }).status !== undefined;
  if (oldStatus !== undefined && !declared) merged.status = oldStatus;
  return merged as KubeObject;
}

/**
 * @param raw the object as the user sent it (before defaulting)
 * @param old the stored object, on update
 */
export function admit(tx: Transaction, raw: KubeObject, old: KubeObject | undefined): Admitted {
  const info = kindInfo(raw.kind);
  let obj: KubeObject = raw;
  if (info?.namespaced) {
    obj = { ...obj, metadata: { ...obj.metadata, namespace: obj.metadata.namespace || 'default' } } as KubeObject;
  } else if (obj.metadata.namespace !== undefined) {
    const { namespace: _ns, ...metadata } = obj.metadata;
    obj = { ...obj, metadata } as KubeObject;
  }
  obj = defaultObject(obj);
  if (old) obj = preserve(obj, old);

  const errors = validateObject(obj, { nodePortRange: tx.options.nodePortRange }, old);
  if (errors.length > 0) return { errors, unchanged: false };

  const ns = obj.metadata.namespace;
  if (info?.namespaced && ns && !tx.get('Namespace', undefined, ns)) {
    return {
      errors: [],
      unchanged: false,
      failure: {
        code: 'namespace-not-found',
        message: `namespaces "${ns}" not found`,
        hint: `Create the namespace first: add a document "apiVersion: v1 / kind: Namespace / metadata: name: ${ns}" above this one, or run kubectl create namespace ${ns}.`,
      },
    };
  }
  const terminatingNs = ns ? tx.get('Namespace', undefined, ns)?.metadata.deletionTimestamp : undefined;
  if (info?.namespaced && terminatingNs && !old) {
    return {
      errors: [{ type: 'Forbidden', path: '', detail: `unable to create new content in namespace ${ns} because it is being terminated` }],
      unchanged: false,
    };
  }

  if (obj.kind === 'Service') {
    const { service, errors: allocErrors } = allocateService(tx, tx.rng, obj, old as ServiceObject | undefined);
    if (allocErrors.length > 0) return { errors: allocErrors, unchanged: false };
    obj = service;
  }

  const unchanged = old !== undefined && deepEqual(userContent(obj), userContent(old));
  if (old && !unchanged && 'spec' in obj && !deepEqual((obj as { spec?: unknown }).spec, (old as { spec?: unknown }).spec)) {
    obj = { ...obj, metadata: { ...obj.metadata, generation: (old.metadata.generation ?? 1) + 1 } } as KubeObject;
  }
  return { object: obj, errors: [], unchanged };
}
