/**
 * Runs every controller, applying what each returns, until none has anything left to do.
 * The order follows the flow of a real cluster (addresses → workloads → scheduling → kubelet
 * → endpoints) so most changes settle in a few passes.
 */
import type { Transaction } from '../cluster/transaction';
import { deploymentController } from './deployment';
import { endpointSliceController } from './endpointslice';
import { garbageCollector, namespaceController, podGarbageCollector } from './garbagecollector';
import { kubelet } from './kubelet';
import { nodeIpam } from './nodeipam';
import { replicaSetController } from './replicaset';
import { scheduler } from './scheduler';
import { serviceLoadBalancer } from './servicelb';
import type { Controller } from './types';

export const CONTROLLERS: readonly Controller[] = [
  nodeIpam,
  namespaceController,
  podGarbageCollector,
  garbageCollector,
  deploymentController,
  replicaSetController,
  scheduler,
  kubelet,
  serviceLoadBalancer,
  endpointSliceController,
];

export const MAX_PASSES = 30;

export class ControllersDidNotSettle extends Error {}

/** Returns the number of passes it took. */
export function runControllers(tx: Transaction, controllers: readonly Controller[] = CONTROLLERS): number {
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    let changed = 0;
    for (const c of controllers) {
      const changes = c.reconcile(tx);
      changed += changes.length;
      tx.commitAll(changes);
    }
    if (changed === 0) return pass;
  }
  throw new ControllersDidNotSettle(`controllers did not settle after ${MAX_PASSES} passes`);
}
