import type { Change } from '../cluster/changes';
import type { Transaction } from '../cluster/transaction';

/**
 * A controller reads the state in progress and returns the changes it wants. It must return
 * nothing once the state is what it wants (the runner stops at that fixed point). It may draw
 * from the transaction's seeded generator and UID source.
 */
export interface Controller {
  name: string;
  reconcile(tx: Transaction): Change[];
}

export function event(
  kind: import('../api/kinds').SupportedKind,
  namespace: string | undefined,
  name: string,
  reason: string,
  message: string,
  source: string,
  type: 'Normal' | 'Warning' = 'Normal',
): Change {
  return { type: 'event', event: { type, reason, object: { kind, namespace, name }, message, source } };
}
