/**
 * ValueResolver (lesson.ts) → what it accepts, worked out from the live cluster: the choices of
 * a prediction and the expected values of checks are compared with what the engine observed
 * through these, so no lesson writes an address down.
 */
import type { ClusterPlayground } from '../playground';
import type { Trace } from '../types';
import { networkOf } from '../dataplane/cni/network';
import type { ValueResolver } from './lesson';
import { found, isServing, missing, nodeNamed, podsMatching, serviceNamed, type Found } from './lookup';
import { clientIPOf } from './request';

export interface ResolvedValue {
  /** What to show for it ("10.244.1.3", "any address of node-1"). */
  display: string;
  accepts(observed: string): boolean;
}

function oneOf(values: string[], display = values.join(', ')): ResolvedValue {
  const set = new Set(values);
  return { display, accepts: (x) => set.has(x.trim()) };
}

/** The node a request first reached: the node it was sent to, the one the load balancer chose, or its origin pod's. */
function originNode(trace: Trace | undefined): string | undefined {
  return trace?.hops.find((h) => h.at.startsWith('node:'))?.at.slice('node:'.length);
}

function nodeAddresses(pg: ClusterPlayground, ref: string | number, trace: Trace | undefined): Found<ResolvedValue> {
  const state = pg.clusterState;
  const net = networkOf(state, state.options.podNetwork);
  const snap = pg.snapshot();
  if (ref === 'origin') {
    const name = originNode(trace);
    if (!name) return missing('the request reached no node');
    ref = name;
  }
  if (ref === 'any') {
    const all = [...net.nodes.values()].flatMap((n) => [...n.addresses].filter((a) => a !== '127.0.0.1'));
    return found({ display: "a node's address", accepts: (x) => all.includes(x.trim()) });
  }
  const node = nodeNamed(snap, ref);
  if (!node.ok) return node;
  const addresses = [...(net.nodes.get(node.value.name)?.addresses ?? [])].filter((a) => a !== '127.0.0.1');
  return found({ display: node.value.internalIP, accepts: (x) => addresses.includes(x.trim()) });
}

/**
 * What a resolver accepts. `trace`: the request the value is about, when there is one (for
 * `{ client: true }` and `{ nodeIP: 'origin' }`).
 */
export function resolveValue(pg: ClusterPlayground, v: ValueResolver, trace?: Trace): Found<ResolvedValue> {
  if (typeof v === 'string') return found(oneOf([v]));
  const snap = pg.snapshot();
  if ('podIP' in v) {
    const pods = podsMatching(snap, v.podIP, v.namespace ?? 'default');
    if (!pods.ok) return pods;
    const ips = pods.value.filter(isServing).map((p) => p.ip ?? '');
    return ips.length > 0 ? found(oneOf(ips)) : missing(`no running pod matches ${v.podIP}`);
  }
  if ('nodeIP' in v) return nodeAddresses(pg, v.nodeIP, trace);
  if ('clusterIP' in v) {
    const svc = serviceNamed(snap, v.clusterIP);
    if (!svc.ok) return svc;
    return svc.value.clusterIP ? found(oneOf([svc.value.clusterIP])) : missing(`service ${v.clusterIP} has no ClusterIP`);
  }
  if ('lbIP' in v) {
    const svc = serviceNamed(snap, v.lbIP);
    if (!svc.ok) return svc;
    return svc.value.loadBalancerIP ? found(oneOf([svc.value.loadBalancerIP])) : found(oneOf([], 'no external IP yet'));
  }
  if ('client' in v) {
    const ip = trace ? clientIPOf(snap, trace.request) : undefined;
    return ip ? found(oneOf([ip])) : missing('the request has no client address');
  }
  let re: RegExp;
  try {
    re = new RegExp(v.pattern);
  } catch {
    return missing(`invalid pattern /${v.pattern}/`);
  }
  return found({ display: `/${v.pattern}/`, accepts: (x) => re.test(x.trim()) });
}
