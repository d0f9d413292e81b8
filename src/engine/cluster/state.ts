/**
 * The cluster's state: immutable between transactions. Objects are kept per kind so that a
 * transaction copies only the kinds it changes.
 */
import type { KubeObject, ObjectOfKind } from '../api/objects';
import type { SupportedKind } from '../api/kinds';
import type { ResolvedOptions } from './options';
import type { EventSpec, PodRuntime } from './changes';

export interface ClusterEvent extends EventSpec {
  time: number;
  /** How many times the same event repeated (kubectl shows it as "(x3 over 2m)"). */
  count: number;
  firstTime: number;
}

export interface ClusterState {
  readonly options: ResolvedOptions;
  /** kind → "ns/name" → object. */
  readonly objects: ReadonlyMap<SupportedKind, ReadonlyMap<string, KubeObject>>;
  /** Pod uid → what the kubelet knows of it (env fixed at start, IP). */
  readonly runtime: ReadonlyMap<string, PodRuntime>;
  /** Allocator cursors (host-local IPAM's "last reserved IP" per node, ...). */
  readonly ipam: ReadonlyMap<string, number>;
  readonly events: readonly ClusterEvent[];
  readonly resourceVersion: number;
  readonly uidCounter: number;
  readonly time: number;
  readonly rngState: number;
}

export const MAX_EVENTS = 2000;

export function nameKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** Read access shared by the immutable state and a transaction in progress. */
export interface StateView {
  readonly options: ResolvedOptions;
  readonly time: number;
  get<K extends SupportedKind>(kind: K, namespace: string | undefined, name: string): ObjectOfKind<K> | undefined;
  list<K extends SupportedKind>(kind: K): Iterable<ObjectOfKind<K>>;
  count(kind: SupportedKind): number;
  runtimeOf(podUid: string): PodRuntime | undefined;
  ipamCursor(scope: string): number | undefined;
}

export function viewOf(state: ClusterState): StateView {
  return {
    options: state.options,
    time: state.time,
    get<K extends SupportedKind>(kind: K, namespace: string | undefined, name: string) {
      return state.objects.get(kind)?.get(nameKey(namespace, name)) as ObjectOfKind<K> | undefined;
    },
    list<K extends SupportedKind>(kind: K) {
      return (state.objects.get(kind)?.values() ?? []) as Iterable<ObjectOfKind<K>>;
    },
    count(kind) {
      return state.objects.get(kind)?.size ?? 0;
    },
    runtimeOf(uid) {
      return state.runtime.get(uid);
    },
    ipamCursor(scope) {
      return state.ipam.get(scope);
    },
  };
}

export function listOf<K extends SupportedKind>(view: StateView, kind: K): ObjectOfKind<K>[] {
  return [...view.list(kind)];
}
