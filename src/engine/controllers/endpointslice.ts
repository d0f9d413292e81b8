/**
 * The EndpointSlice controller (pkg/controller/endpointslice): for each Service with a
 * selector, the pods it selects, with their IPs, node, conditions and the port each Service
 * port resolves to. Named targetPorts are looked up in each pod's containers, so pods that
 * resolve a port differently land in different slices, as upstream groups them. Services
 * without a selector are left alone: their EndpointSlices are the user's.
 *
 * Conditions (discovery/v1): ready = pod Ready and not terminating; serving = pod Ready;
 * terminating = deletionTimestamp set. `publishNotReadyAddresses` marks every endpoint ready.
 */
import type { EndpointPort } from 'kubernetes-types/discovery/v1';
import type { EndpointSliceObject, PodObject, ServiceObject } from '../api/objects';
import type { Change } from '../cluster/changes';
import type { Transaction } from '../cluster/transaction';
import { matchesMap } from '../api/selector';
import { deepEqual } from '../net/equal';
import { randomSuffix } from '../net/rng';
import { isPodReady, isPodTerminal, isTerminating, ownerRef } from './pods';
import type { Controller } from './types';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
const MAX_ENDPOINTS_PER_SLICE = 100;

/** The container port a Service port reaches on this pod, or undefined when it names none. */
export function resolveTargetPort(pod: PodObject, target: number | string | undefined, protocol: string, port: number): number | undefined {
  if (target === undefined) return port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
    }
  }
  return undefined;
}

/** Pods per namespace, indexed by "key=value" so a selector only looks at candidates. */
class PodIndex {
  private readonly byPair = new Map<string, PodObject[]>();
  constructor(pods: Iterable<PodObject>) {
    for (const pod of pods) {
      const ns = pod.metadata.namespace ?? 'default';
      for (const [k, v] of Object.entries(pod.metadata.labels ?? {})) {
        const key = `${ns}\u0000${k}=${v}`;
        const list = this.byPair.get(key);
        if (list) list.push(pod);
        else this.byPair.set(key, [pod]);
      }
    }
  }
  select(namespace: string, selector: Record<string, string>): PodObject[] {
    let smallest: PodObject[] | undefined;
    for (const [k, v] of Object.entries(selector)) {
      const list = this.byPair.get(`${namespace}\u0000${k}=${v}`) ?? [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    return (smallest ?? []).filter((p) => matchesMap(selector, p.metadata.labels));
  }
}

interface DesiredSlice {
  ports: EndpointPort[];
  endpoints: NonNullable<EndpointSliceObject['endpoints']>;
}

function desiredSlices(svc: ServiceObject, pods: PodObject[]): DesiredSlice[] {
  const groups = new Map<string, DesiredSlice>();
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const sorted = [...pods].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  for (const pod of sorted) {
    const ip = pod.status?.podIP;
    if (!ip || isPodTerminal(pod)) continue;
    const ports: EndpointPort[] = [];
    for (const sp of svc.spec?.ports ?? []) {
      const protocol = sp.protocol ?? 'TCP';
      const resolved = resolveTargetPort(pod, sp.targetPort, protocol, sp.port);
      if (resolved === undefined) continue;
      ports.push({ name: sp.name ?? '', port: resolved, protocol });
    }
    const key = ports.map((p) => `${p.name}/${p.port}/${p.protocol}`).join(',');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports, endpoints: [] }));
    const terminating = isTerminating(pod);
    const ready = isPodReady(pod);
    // A pod whose subdomain names this Service publishes its hostname (headless DNS records
    // <hostname>.<svc>.<ns>.svc), as endpointslice's utils do.
    const hostname = pod.spec?.hostname && pod.spec.subdomain === svc.metadata.name ? pod.spec.hostname : undefined;
    group.endpoints.push({
      addresses: [ip],
      ...(hostname ? { hostname } : {}),
      conditions: { ready: publishNotReady || (ready && !terminating), serving: publishNotReady || ready, terminating },
      nodeName: pod.spec?.nodeName,
      targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    });
  }
  const out: DesiredSlice[] = [];
  for (const g of groups.values()) {
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
      out.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
    }
  }
  // No pods: one placeholder slice with no endpoints and no ports, as upstream keeps.
  if (out.length === 0) out.push({ ports: [], endpoints: [] });
  return out;
}

function sliceLabels(svc: ServiceObject): Record<string, string> {
  const labels: Record<string, string> = { ...svc.metadata.labels };
  labels[SERVICE_NAME_LABEL] = svc.metadata.name;
  labels[MANAGED_BY_LABEL] = MANAGED_BY;
  if (svc.spec?.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  return labels;
}

function reconcileService(tx: Transaction, svc: ServiceObject, pods: PodObject[], existing: EndpointSliceObject[]): Change[] {
  const wanted = desiredSlices(svc, pods);
  const labels = sliceLabels(svc);
  const changes: Change[] = [];
  const taken = new Set(existing.map((s) => s.metadata.name));
  wanted.forEach((want, i) => {
    const current = existing[i];
    const body = {
      addressType: 'IPv4',
      endpoints: want.endpoints,
      ports: want.ports,
    };
    if (current) {
      const same =
        current.addressType === body.addressType &&
        deepEqual(current.endpoints ?? [], body.endpoints) &&
        deepEqual(current.ports ?? [], body.ports) &&
        deepEqual(current.metadata.labels, labels);
      if (!same) changes.push({ type: 'update', object: { ...current, ...body, metadata: { ...current.metadata, labels } } });
      return;
    }
    let name: string;
    do name = `${svc.metadata.name}-${randomSuffix(tx.rng)}`;
    while (taken.has(name) || tx.get('EndpointSlice', svc.metadata.namespace, name));
    taken.add(name);
    changes.push({
      type: 'create',
      object: {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          name,
          generateName: `${svc.metadata.name}-`,
          namespace: svc.metadata.namespace,
          labels,
          ownerReferences: [ownerRef(svc, 'v1')],
        },
        ...body,
      },
    });
  });
  for (const extra of existing.slice(wanted.length)) {
    changes.push({ type: 'delete', kind: 'EndpointSlice', namespace: extra.metadata.namespace, name: extra.metadata.name });
  }
  return changes;
}

export const endpointSliceController: Controller = {
  name: 'endpointslice',
  reconcile(tx) {
    const managed = new Map<string, EndpointSliceObject[]>();
    for (const s of tx.list('EndpointSlice')) {
      if (s.metadata.labels?.[MANAGED_BY_LABEL] !== MANAGED_BY) continue;
      const key = `${s.metadata.namespace}/${s.metadata.labels?.[SERVICE_NAME_LABEL] ?? ''}`;
      const list = managed.get(key) ?? [];
      list.push(s);
      managed.set(key, list);
    }
    let index: PodIndex | undefined;
    const changes: Change[] = [];
    for (const svc of tx.list('Service')) {
      const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
      const existing = (managed.get(key) ?? []).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
      managed.delete(key);
      const selector = svc.spec?.selector;
      if (!selector || Object.keys(selector).length === 0 || svc.spec?.type === 'ExternalName') {
        for (const s of existing) changes.push({ type: 'delete', kind: 'EndpointSlice', namespace: s.metadata.namespace, name: s.metadata.name });
        continue;
      }
      index ??= new PodIndex(tx.list('Pod'));
      changes.push(...reconcileService(tx, svc, index.select(svc.metadata.namespace ?? 'default', selector), existing));
    }
    return changes;
  },
};
