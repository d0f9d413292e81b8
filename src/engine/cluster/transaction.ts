/**
 * A transaction: a mutable working copy over an immutable ClusterState. The one runner that
 * applies changes lives here (`commit(change)`); controllers and store operations only produce
 * changes. `finish()` returns the new immutable state and the diff.
 */
import type { KubeObject, ObjectOfKind } from '../api/objects';
import type { SupportedKind } from '../api/kinds';
import { SeededRng } from '../net/rng';
import type { Change, PodRuntime } from './changes';
import { MAX_EVENTS, nameKey, type ClusterEvent, type ClusterState, type StateView } from './state';
import { timestamp } from './clock';

export interface DiffEntry {
  action: 'created' | 'updated' | 'deleted';
  kind: SupportedKind;
  namespace?: string;
  name: string;
}

const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

export class Transaction implements StateView {
  readonly options: ClusterState['options'];
  readonly time: number;
  readonly rng: SeededRng;
  private readonly objects: Map<SupportedKind, ReadonlyMap<string, KubeObject>>;
  private readonly copied = new Set<SupportedKind>();
  private runtime: ReadonlyMap<string, PodRuntime>;
  private runtimeCopied = false;
  private ipam: ReadonlyMap<string, number>;
  private ipamCopied = false;
  private readonly newEvents: ClusterEvent[] = [];
  private readonly memos = new Map<string, unknown>();
  private resourceVersion: number;
  private uidCounter: number;
  readonly diff: DiffEntry[] = [];

  constructor(
    private readonly base: ClusterState,
    time: number = base.time,
  ) {
    this.options = base.options;
    this.time = time;
    this.rng = new SeededRng(base.rngState);
    this.objects = new Map(base.objects);
    this.runtime = base.runtime;
    this.ipam = base.ipam;
    this.resourceVersion = base.resourceVersion;
    this.uidCounter = base.uidCounter;
  }

  get<K extends SupportedKind>(kind: K, namespace: string | undefined, name: string): ObjectOfKind<K> | undefined {
    return this.objects.get(kind)?.get(nameKey(namespace, name)) as ObjectOfKind<K> | undefined;
  }

  list<K extends SupportedKind>(kind: K): Iterable<ObjectOfKind<K>> {
    return (this.objects.get(kind)?.values() ?? []) as Iterable<ObjectOfKind<K>>;
  }

  count(kind: SupportedKind): number {
    return this.objects.get(kind)?.size ?? 0;
  }

  runtimeOf(uid: string): PodRuntime | undefined {
    return this.runtime.get(uid);
  }

  ipamCursor(scope: string): number | undefined {
    return this.ipam.get(scope);
  }

  /**
   * A value computed once per transaction (an index), which the caller keeps up to date as it
   * changes objects. Never cached across transactions.
   */
  memo<T>(key: string, make: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, make());
    return this.memos.get(key) as T;
  }

  /** A deterministic UID in UUID shape, drawn from the seeded generator. */
  newUid(): string {
    this.uidCounter++;
    const a = hex(this.rng.nextUint32());
    const b = hex(this.rng.nextUint32());
    const c = hex(this.rng.nextUint32());
    const d = hex(this.rng.nextUint32());
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${(8 + (parseInt(c[0] ?? '0', 16) % 4)).toString(16)}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }

  private writable(kind: SupportedKind): Map<string, KubeObject> {
    if (!this.copied.has(kind)) {
      this.objects.set(kind, new Map(this.objects.get(kind) ?? []));
      this.copied.add(kind);
    }
    return this.objects.get(kind) as Map<string, KubeObject>;
  }

  /** The one place changes are applied. */
  commit(change: Change): void {
    switch (change.type) {
      case 'create':
      case 'update': {
        const obj = change.object;
        const key = nameKey(obj.metadata.namespace, obj.metadata.name);
        const map = this.writable(obj.kind);
        const existed = map.get(key);
        this.resourceVersion++;
        const metadata = { ...obj.metadata, resourceVersion: String(this.resourceVersion) };
        if (!existed) {
          metadata.uid ??= this.newUid();
          metadata.creationTimestamp ??= timestamp(this.time);
          if (metadata.generation === undefined && 'spec' in obj) metadata.generation = 1;
        } else {
          metadata.uid = existed.metadata.uid;
          metadata.creationTimestamp = existed.metadata.creationTimestamp;
        }
        map.set(key, { ...obj, metadata } as KubeObject);
        this.diff.push({ action: existed ? 'updated' : 'created', kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name });
        return;
      }
      case 'delete': {
        const map = this.writable(change.kind);
        if (map.delete(nameKey(change.namespace, change.name))) {
          this.resourceVersion++;
          this.diff.push({ action: 'deleted', kind: change.kind, namespace: change.namespace, name: change.name });
        }
        return;
      }
      case 'event': {
        const e = change.event;
        const last = this.newEvents.at(-1);
        if (last && last.reason === e.reason && last.message === e.message && last.object.name === e.object.name && last.object.kind === e.object.kind) {
          last.count++;
          last.time = this.time;
          return;
        }
        this.newEvents.push({ ...e, time: this.time, firstTime: this.time, count: 1 });
        // Only the newest MAX_EVENTS survive finish(); drop older ones early in big transactions.
        if (this.newEvents.length >= 2 * MAX_EVENTS) this.newEvents.splice(0, this.newEvents.length - MAX_EVENTS);
        return;
      }
      case 'runtime': {
        if (!this.runtimeCopied) {
          this.runtime = new Map(this.runtime);
          this.runtimeCopied = true;
        }
        const rt = this.runtime as Map<string, PodRuntime>;
        if (change.runtime) rt.set(change.podUid, change.runtime);
        else rt.delete(change.podUid);
        return;
      }
      case 'ipam': {
        if (!this.ipamCopied) {
          this.ipam = new Map(this.ipam);
          this.ipamCopied = true;
        }
        (this.ipam as Map<string, number>).set(change.scope, change.last);
        return;
      }
      default: {
        const never: never = change;
        throw new Error(`unknown change ${JSON.stringify(never)}`);
      }
    }
  }

  commitAll(changes: readonly Change[]): void {
    for (const c of changes) this.commit(c);
  }

  finish(time = this.time): ClusterState {
    let events = this.base.events;
    if (this.newEvents.length > 0) {
      events = [...events, ...this.newEvents];
      if (events.length > MAX_EVENTS) events = events.slice(events.length - MAX_EVENTS);
    }
    return {
      options: this.options,
      objects: this.objects,
      runtime: this.runtime,
      ipam: this.ipam,
      events,
      resourceVersion: this.resourceVersion,
      uidCounter: this.uidCounter,
      time,
      rngState: this.rng.state,
    };
  }
}
