/**
 * Where a request can start, as the console's "From" select offers it: each container of each
 * pod, each node, or a client outside the cluster. Values are plain strings for the <select>.
 */
import type { ClusterSnapshot, SnapshotPod } from '../../src/engine';
import type { OriginChoice } from '../store';

/** Namespaces of the cluster's own add-ons (CoreDNS, the ingress controller). */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'ingress-nginx', 'kube-public', 'kube-node-lease']);

export const EXTERNAL_VALUE = 'external';

export interface OriginOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface OriginGroup {
  label: string;
  options: OriginOption[];
}

export function isSystemPod(p: { namespace: string }): boolean {
  return SYSTEM_NAMESPACES.has(p.namespace);
}

/** A pod that can send now: it has an address and is not going away. */
export function canSend(p: SnapshotPod): boolean {
  return p.ip !== undefined && !p.terminating && p.phase === 'Running';
}

export function originValue(choice: OriginChoice): string {
  switch (choice.kind) {
    case 'pod':
      return `pod:${choice.pod}${choice.container ? `/${choice.container}` : ''}`;
    case 'node':
      return `node:${choice.node}`;
    case 'external':
      return EXTERNAL_VALUE;
  }
}

/** The choice a select value stands for; an external client keeps the IP it had. */
export function choiceFromValue(value: string, clientIP: string): OriginChoice {
  if (value.startsWith('pod:')) {
    const [ns, name, container] = value.slice(4).split('/');
    return { kind: 'pod', pod: `${ns}/${name}`, ...(container && { container }) };
  }
  if (value.startsWith('node:')) return { kind: 'node', node: value.slice(5) };
  return { kind: 'external', ip: clientIP };
}

function podOptions(pods: SnapshotPod[]): OriginOption[] {
  return pods.flatMap((p) =>
    p.containers.map((c) => ({
      value: `pod:${p.namespace}/${p.name}/${c.name}`,
      label: `${p.namespace}/${p.name} (${c.name})${canSend(p) ? '' : ` — ${p.status}`}`,
      ...(!canSend(p) && { disabled: true }),
    })),
  );
}

/** The From select's groups: the user's pods, the system pods, the nodes. */
export function originGroups(snapshot: ClusterSnapshot | null): OriginGroup[] {
  if (!snapshot) return [];
  const pods = snapshot.pods.filter((p) => !isSystemPod(p));
  const system = snapshot.pods.filter(isSystemPod);
  return [
    { label: 'Pods', options: podOptions(pods) },
    { label: 'System pods', options: podOptions(system) },
    { label: 'Nodes', options: snapshot.nodes.map((n) => ({ value: `node:${n.name}`, label: `${n.name} (${n.internalIP})` })) },
  ].filter((g) => g.options.length > 0);
}

/** The value to show for a choice: a pod chosen without a container means its first one. */
export function selectedValue(choice: OriginChoice, snapshot: ClusterSnapshot | null): string {
  if (choice.kind === 'pod' && !choice.container) {
    const [ns, name] = choice.pod.split('/');
    const pod = snapshot?.pods.find((p) => p.namespace === ns && p.name === name);
    const first = pod?.containers[0]?.name;
    if (first) return `pod:${choice.pod}/${first}`;
  }
  return originValue(choice);
}


/** The first pod a learner would send from: running, not a system pod, not in `avoid`. */
export function pickClientPod(snapshot: ClusterSnapshot, avoid: ReadonlySet<string> = new Set()): SnapshotPod | undefined {
  const candidates = snapshot.pods.filter((p) => !isSystemPod(p) && canSend(p));
  return candidates.find((p) => !avoid.has(`${p.namespace}/${p.name}`)) ?? candidates[0];
}

export { choiceOf, draftOfSpec, originLabel } from '../store/request';
