/**
 * Finding what a lesson names in the live cluster's snapshot: pods by label selector, Services
 * by "ns/name", nodes by name or index. Every function answers a value or a sentence saying
 * what is missing (shown to the learner as a check's detail), never throws.
 */
import type { ClusterSnapshot, SnapshotNode, SnapshotPod, SnapshotService } from '../types';
import { matchesRequirements, parseLabelSelector, SelectorError, type Requirement } from '../kubectl/selector';

export type Found<T> = { ok: true; value: T } | { ok: false; error: string };

export const found = <T>(value: T): Found<T> => ({ ok: true, value });
export const missing = <T>(error: string): Found<T> => ({ ok: false, error });

/** "ns/name" or "name" (default namespace). */
export function splitName(ref: string): { namespace: string; name: string } {
  const slash = ref.indexOf('/');
  return slash < 0 ? { namespace: 'default', name: ref } : { namespace: ref.slice(0, slash), name: ref.slice(slash + 1) };
}

function parseSelector(selector: string): Found<Requirement[]> {
  try {
    return found(parseLabelSelector(selector));
  } catch (e) {
    if (e instanceof SelectorError) return missing(`invalid selector "${selector}": ${e.message}`);
    throw e;
  }
}

/** Pods the selector matches in the namespace, by name, terminating ones included. */
export function podsMatching(snap: ClusterSnapshot, selector: string, namespace = 'default'): Found<SnapshotPod[]> {
  const reqs = parseSelector(selector);
  if (!reqs.ok) return reqs;
  const pods = snap.pods.filter((p) => p.namespace === namespace && matchesRequirements(reqs.value, p.labels));
  return found(pods.sort((a, b) => a.name.localeCompare(b.name)));
}

/** Running, ready, not terminating: what `kubectl get pods` shows as n/n Running. */
export function isServing(p: SnapshotPod): boolean {
  return p.phase === 'Running' && p.ready && !p.terminating && p.ip !== undefined;
}

/** The first serving pod the selector matches (by name). */
export function firstServingPod(snap: ClusterSnapshot, selector: string, namespace = 'default'): Found<SnapshotPod> {
  const pods = podsMatching(snap, selector, namespace);
  if (!pods.ok) return pods;
  const p = pods.value.find(isServing);
  if (p) return found(p);
  if (pods.value.length === 0) return missing(`no pod in ${namespace} matches ${selector}`);
  return missing(`no pod matching ${selector} in ${namespace} is running and ready (${pods.value.map((x) => `${x.name} ${x.status}`).join(', ')})`);
}

export function serviceNamed(snap: ClusterSnapshot, ref: string): Found<SnapshotService> {
  const { namespace, name } = splitName(ref);
  const svc = snap.services.find((s) => s.namespace === namespace && s.name === name);
  return svc ? found(svc) : missing(`service ${namespace}/${name} does not exist`);
}

/** A node by name, or by 0-based index in the order `kubectl get nodes` lists them. */
export function nodeNamed(snap: ClusterSnapshot, ref: string | number): Found<SnapshotNode> {
  const nodes = [...snap.nodes].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  const byIndex = typeof ref === 'number' || /^\d+$/.test(ref) ? nodes[Number(ref)] : undefined;
  const node = byIndex ?? (ref === 'first' ? nodes[0] : nodes.find((n) => n.name === ref));
  return node ? found(node) : missing(`node ${ref} does not exist`);
}

/** Nodes running (`hosting`) or not running a serving pod the selector matches, in name order. */
export function nodesHosting(snap: ClusterSnapshot, selector: string, namespace: string, hosting: boolean): Found<SnapshotNode[]> {
  const pods = podsMatching(snap, selector, namespace);
  if (!pods.ok) return pods;
  const used = new Set(pods.value.filter(isServing).map((p) => p.node));
  const nodes = [...snap.nodes].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  return found(nodes.filter((n) => used.has(n.name) === hosting));
}

/** Ready endpoint addresses of a Service, as `kubectl get endpoints` lists them. */
export function readyEndpoints(snap: ClusterSnapshot, namespace: string, name: string): string[] {
  return snap.endpointSlices
    .filter((s) => s.namespace === namespace && s.service === name)
    .flatMap((s) => s.endpoints.filter((e) => e.ready).map((e) => e.ip))
    .sort();
}

/** What kubectl get svc shows as EXTERNAL-IP: the load balancer's address, `<pending>` before it has one, `<none>` for other types. */
export function externalIPText(svc: SnapshotService): string {
  return svc.loadBalancerIP ?? (svc.type === 'LoadBalancer' ? '<pending>' : '<none>');
}

/** The addresses of the A records in a resolver's answers ("my-nginx.default.svc.cluster.local. A 10.0.0.1"). */
export function dnsAddresses(answers: readonly string[]): string[] {
  return answers.filter((a) => / A /.test(a)).map((a) => a.split(' ').pop() ?? '');
}
