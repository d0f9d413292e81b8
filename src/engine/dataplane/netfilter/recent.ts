/**
 * The `recent` match's memory, which kube-proxy uses for session affinity
 * (`-m recent --name KUBE-SEP-... --set` when a client is sent to an endpoint, and
 * `--rcheck --seconds N --reap` to send it there again). One list per `--name`: address →
 * the logical time (seconds) it was last seen. Semantics restated from the kernel's
 * net/netfilter/xt_recent.c (recent_mt): the result starts as the negation flag and flips on
 * a hit; --set always hits; --update refreshes the time of a hit; --reap forgets addresses
 * older than --seconds.
 */
import { formatIPv4 } from '../../net/ipv4';
import type { Match } from './types';

/** name → address → last seen (logical seconds). Mutated by walks that pass through --set. */
export type RecentStore = Map<string, Map<string, number>>;

export function createRecentStore(): RecentStore {
  return new Map();
}

export function cloneRecentStore(store: RecentStore): RecentStore {
  return new Map([...store].map(([name, list]) => [name, new Map(list)]));
}

type RecentMatch = Extract<Match, { kind: 'recent' }>;

/** Evaluate one recent match for the packet's address (already chosen by --rsource/--rdest). */
export function evalRecent(m: RecentMatch, address: number, store: RecentStore, now: number): boolean {
  const key = formatIPv4((address & m.mask) >>> 0);
  let list = store.get(m.name);
  let result = m.negate;
  const seen = list?.get(key);

  if (seen === undefined) {
    if (m.mode !== 'set') return result;
    if (!list) {
      list = new Map();
      store.set(m.name, list);
    }
    list.set(key, now);
    return !result;
  }
  if (m.mode === 'set') {
    result = !result;
  } else if (m.mode === 'remove') {
    list!.delete(key);
    return !result;
  } else {
    const oldest = m.seconds === undefined ? -Infinity : now - m.seconds;
    if (seen >= oldest) result = !result;
    if (m.reap) {
      for (const [addr, t] of list!) if (t < oldest) list!.delete(addr);
    }
  }
  if (m.mode === 'set' || (m.mode === 'update' && result)) list!.set(key, now);
  return result;
}
