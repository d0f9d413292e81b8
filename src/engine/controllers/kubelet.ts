/**
 * The kubelet, on every node: starts the pods bound to it. It gives the pod an IP from the
 * node's podCIDR (the CNI plugin's host-local IPAM: the next free address after the last one
 * handed out, never one a pod still holds), fixes each container's environment at that moment
 * (Service variables for the Services that exist *now*: seed 003's ordering lesson), and
 * reports the pod Running and Ready. A container that exits at once crash-loops.
 */
import type { ConfigMapObject, NodeObject, PodObject, SecretObject, ServiceObject } from '../api/objects';
import type { Change, ContainerRuntime } from '../cluster/changes';
import { timestamp } from '../cluster/clock';
import type { Transaction } from '../cluster/transaction';
import { cidrAddress, formatIPv4, parseCidr, parseIPv4 } from '../net/ipv4';
import { exitsImmediately } from './images';
import { isTerminating } from './pods';
import { containerOwnEnv, serviceEnvVars, serviceEnvironment, visibleServices, type ServiceEnvironment } from './serviceenv';
import { event, type Controller } from './types';

export function nodeInternalIP(node: NodeObject): string | undefined {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

/** host-local IPAM over the node's podCIDR: .1 is the bridge (gateway), the last is broadcast. */
function allocatePodIP(node: NodeObject, cursor: number | undefined, used: Set<number>): { ip: string; cursor: number } | undefined {
  const cidr = parseCidr(node.spec?.podCIDR ?? '');
  if (!cidr) return undefined;
  const first = 2;
  const last = cidr.size - 2;
  const span = last - first + 1;
  if (span <= 0) return undefined;
  const from = cursor ?? first - 1;
  for (let i = 1; i <= span; i++) {
    const offset = first + ((from - first + i + span) % span);
    const ip = cidrAddress(cidr, offset);
    if (!used.has(ip)) return { ip: formatIPv4(ip), cursor: offset };
  }
  return undefined;
}

/** Service environment variables per namespace, computed once per pass and shared. */
function serviceEnvCache(services: ServiceObject[]) {
  const cache = new Map<string, ServiceEnvironment>();
  return (namespace: string, links: boolean): ServiceEnvironment => {
    const key = `${namespace}\u0000${links}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const env = serviceEnvironment(serviceEnvVars(visibleServices(services, namespace, links)));
    cache.set(key, env);
    return env;
  };
}

/** ConfigMaps and Secrets per namespace, gathered once per pass. */
interface Sources {
  configMaps(ns: string): ConfigMapObject[];
  secrets(ns: string): SecretObject[];
}

function byNamespace<T extends ConfigMapObject | SecretObject>(items: Iterable<T>): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const o of items) {
    const ns = o.metadata.namespace ?? 'default';
    const list = out.get(ns);
    if (list) list.push(o);
    else out.set(ns, [o]);
  }
  return out;
}

function sourcesOf(tx: Transaction): Sources {
  const group = byNamespace;
  const cms = group(tx.list('ConfigMap'));
  const secrets = group(tx.list('Secret'));
  return { configMaps: (ns) => cms.get(ns) ?? [], secrets: (ns) => secrets.get(ns) ?? [] };
}

function startPod(tx: Transaction, pod: PodObject, node: NodeObject, ip: string, svcEnv: (ns: string, links: boolean) => ServiceEnvironment, sources: Sources): Change[] {
  const ns = pod.metadata.namespace ?? 'default';
  const hostIP = nodeInternalIP(node);
  const links = pod.spec?.enableServiceLinks ?? true;
  const configMaps = sources.configMaps(ns);
  const secrets = sources.secrets(ns);
  const containers: ContainerRuntime[] = [];
  const statuses = [];
  const changes: Change[] = [];
  for (const c of pod.spec?.containers ?? []) {
    const { own: env, service, problems } = containerOwnEnv({
      pod,
      container: c,
      services: [],
      serviceEnvironment: svcEnv(ns, links),
      configMaps,
      secrets,
      podIP: ip,
      hostIP,
      nodeName: node.metadata.name,
    });
    // A shell with nothing to run exits 0 at once: restartPolicy Always restarts it (back-off),
    // Never and OnFailure leave it Completed.
    const exits = exitsImmediately(c);
    const restartPolicy = pod.spec?.restartPolicy ?? 'Always';
    const crashLoop = exits && restartPolicy === 'Always';
    const completed = exits && !crashLoop;
    containers.push({ name: c.name, env, serviceEnv: service, startedAt: tx.time, crashLoop, completed, problems });
    const pull = c.imagePullPolicy ?? 'IfNotPresent';
    const on = (reason: string, message: string, type: 'Normal' | 'Warning' = 'Normal') =>
      changes.push(event('Pod', ns, pod.metadata.name, reason, message, 'kubelet', type));
    if (pull === 'Always') {
      on('Pulling', `Pulling image "${c.image}"`);
      on('Pulled', `Successfully pulled image "${c.image}"`);
    } else on('Pulled', `Container image "${c.image}" already present on machine`);
    on('Created', `Created container ${c.name}`);
    on('Started', `Started container ${c.name}`);
    if (crashLoop) on('BackOff', `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${ns}(${pod.metadata.uid})`, 'Warning');
    for (const p of problems) on('Failed', `Error: ${p}`, 'Warning');
    statuses.push({
      name: c.name,
      image: c.image ?? '',
      imageID: '',
      ready: !exits,
      started: !exits,
      restartCount: 0,
      state: crashLoop
        ? { waiting: { reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=${c.name} pod=${pod.metadata.name}_${ns}(${pod.metadata.uid})` } }
        : completed
          ? { terminated: { exitCode: 0, reason: 'Completed', startedAt: timestamp(tx.time), finishedAt: timestamp(tx.time) } }
          : { running: { startedAt: timestamp(tx.time) } },
      ...(crashLoop ? { lastState: { terminated: { exitCode: 0, reason: 'Completed', startedAt: timestamp(tx.time), finishedAt: timestamp(tx.time) } } } : {}),
    });
  }
  const ready = containers.every((c) => !c.crashLoop && !c.completed) ? 'True' : 'False';
  // Every container exited for good: the pod has Succeeded.
  const phase = containers.length > 0 && containers.every((c) => c.completed) ? 'Succeeded' : 'Running';
  const now = timestamp(tx.time);
  changes.unshift(
    { type: 'runtime', podUid: pod.metadata.uid ?? '', runtime: { uid: pod.metadata.uid ?? '', node: node.metadata.name, ip, containers } },
    {
      type: 'update',
      object: {
        ...pod,
        status: {
          phase,
          hostIP,
          hostIPs: hostIP ? [{ ip: hostIP }] : undefined,
          podIP: ip,
          podIPs: [{ ip }],
          startTime: now,
          qosClass: pod.status?.qosClass ?? 'BestEffort',
          conditions: [
            { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: now },
            { type: 'Initialized', status: 'True', lastTransitionTime: now },
            { type: 'Ready', status: ready, lastTransitionTime: now, ...(ready === 'False' ? { reason: 'ContainersNotReady', message: `containers with unready status: [${containers.filter((c) => c.crashLoop || c.completed).map((c) => c.name).join(' ')}]` } : {}) },
            { type: 'ContainersReady', status: ready, lastTransitionTime: now },
            { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
          ],
          containerStatuses: statuses,
        },
      },
    },
  );
  return changes;
}

export const kubelet: Controller = {
  name: 'kubelet',
  reconcile(tx) {
    const nodes = new Map<string, NodeObject>();
    for (const n of tx.list('Node')) nodes.set(n.metadata.name, n);
    const toStart: PodObject[] = [];
    const used = new Map<string, Set<number>>();
    for (const pod of tx.list('Pod')) {
      const nodeName = pod.spec?.nodeName;
      if (!nodeName) continue;
      const rt = tx.runtimeOf(pod.metadata.uid ?? '');
      if (rt) {
        const n = parseIPv4(rt.ip);
        if (n !== undefined && !pod.spec?.hostNetwork) {
          let set = used.get(nodeName);
          if (!set) used.set(nodeName, (set = new Set()));
          set.add(n);
        }
      } else if (!isTerminating(pod) && nodes.has(nodeName)) toStart.push(pod);
    }
    if (toStart.length === 0) return [];
    const svcEnv = serviceEnvCache([...tx.list('Service')]);
    const sources = sourcesOf(tx);
    const changes: Change[] = [];
    // Cursors move within this pass too; the runner stores the last one per node.
    const cursors = new Map<string, number | undefined>();
    for (const pod of toStart) {
      const node = nodes.get(pod.spec!.nodeName!)!;
      let ip: string | undefined;
      if (pod.spec?.hostNetwork) ip = nodeInternalIP(node);
      else {
        let set = used.get(node.metadata.name);
        if (!set) used.set(node.metadata.name, (set = new Set()));
        const scope = `pod:${node.metadata.name}`;
        const got = allocatePodIP(node, cursors.has(scope) ? cursors.get(scope) : tx.ipamCursor(scope), set);
        if (got) {
          ip = got.ip;
          set.add(parseIPv4(got.ip)!);
          cursors.set(scope, got.cursor);
          changes.push({ type: 'ipam', scope, last: got.cursor });
        }
      }
      if (!ip) {
        const cidr = parseCidr(node.spec?.podCIDR ?? '');
        const why = cidr ? `no free address left in ${node.spec?.podCIDR}` : `node ${node.metadata.name} has no podCIDR`;
        const already = pod.status?.conditions?.some((c) => c.reason === 'NetworkNotReady');
        if (!already) {
          changes.push({ type: 'update', object: { ...pod, status: { ...pod.status, phase: 'Pending', conditions: [{ type: 'Ready', status: 'False', reason: 'NetworkNotReady', message: why }] } } });
          changes.push(event('Pod', pod.metadata.namespace, pod.metadata.name, 'FailedCreatePodSandBox', `Failed to create pod sandbox: plugin type="host-local" failed (add): ${why}`, 'kubelet', 'Warning'));
        }
        continue;
      }
      changes.push(...startPod(tx, pod, node, ip, svcEnv, sources));
    }
    return changes;
  },
};
