/** What controllers and transactions ask the runner to do. One union, one exhaustive switch. */
import type { KubeObject } from '../api/objects';
import type { SupportedKind } from '../api/kinds';
import type { ServiceEnvironment } from '../controllers/serviceenv';

export interface EventSpec {
  type: 'Normal' | 'Warning';
  reason: string;
  /** "kind/ns/name" of the object the event is about. */
  object: { kind: SupportedKind; namespace?: string; name: string };
  message: string;
  /** The component that reported it, as in `kubectl describe` (default-scheduler, kubelet, ...). */
  source: string;
}

/** What the kubelet knows about a running pod that is not in its API object. */
export interface ContainerRuntime {
  name: string;
  /** The container's own environment (env, envFrom), fixed when it started. */
  env: { name: string; value: string }[];
  /** The Service variables injected when it started; shared between containers, never copied. */
  serviceEnv: ServiceEnvironment;
  startedAt: number;
  /** The container exits on its own (a shell with nothing to run) and restartPolicy restarts it: back-off. */
  crashLoop: boolean;
  /** The container exited and stays exited (restartPolicy Never or OnFailure after exit 0). */
  completed: boolean;
  problems: string[];
}

export interface PodRuntime {
  uid: string;
  node: string;
  ip: string;
  containers: ContainerRuntime[];
}

export type Change =
  | { type: 'create'; object: KubeObject }
  | { type: 'update'; object: KubeObject }
  | { type: 'delete'; kind: SupportedKind; namespace?: string; name: string }
  | { type: 'event'; event: EventSpec }
  | { type: 'runtime'; podUid: string; runtime: PodRuntime | undefined }
  | { type: 'ipam'; scope: string; last: number };
