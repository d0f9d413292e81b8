/**
 * What the API server allocates when a Service is created or updated, with its messages:
 * the ClusterIP (pkg/registry/core/service/ipallocator: random in the range, the lower
 * "static" band left for addresses users ask for), nodePorts and healthCheckNodePort
 * (portallocator: "provided port is not in the valid range. The range of valid ports is
 * 30000-32767", "provided port is already allocated").
 */
import type { ServicePort } from 'kubernetes-types/core/v1';
import type { ServiceObject } from '../api/objects';
import { invalid, type FieldError } from '../api/field';
import { cidrAddress, cidrContains, formatCidr, formatIPv4, parseIPv4 } from '../net/ipv4';
import { formatPortRange, inPortRange } from '../net/portrange';
import type { SeededRng } from '../net/rng';
import type { StateView } from './state';
import type { Transaction } from './transaction';

function usesNodePorts(svc: ServiceObject): boolean {
  const type = svc.spec?.type;
  return type === 'NodePort' || (type === 'LoadBalancer' && svc.spec?.allocateLoadBalancerNodePorts !== false);
}

function needsHealthCheckPort(svc: ServiceObject): boolean {
  return svc.spec?.type === 'LoadBalancer' && svc.spec?.externalTrafficPolicy === 'Local';
}

/** What Services hold, as the allocators' bitmaps: built once per transaction, then kept up to date. */
interface Allocated {
  clusterIPs: Set<number>;
  nodePorts: Set<number>;
}

interface Membership {
  has(v: number): boolean;
  add(v: number): void;
}

interface Taken {
  clusterIPs: Membership;
  nodePorts: Membership;
}

function holdings(s: ServiceObject): Allocated {
  const out: Allocated = { clusterIPs: new Set(), nodePorts: new Set() };
  const ip = parseIPv4(s.spec?.clusterIP ?? '');
  if (ip !== undefined) out.clusterIPs.add(ip);
  for (const p of s.spec?.ports ?? []) if (p.nodePort) out.nodePorts.add(p.nodePort);
  if (s.spec?.healthCheckNodePort) out.nodePorts.add(s.spec.healthCheckNodePort);
  return out;
}

function allocationIndex(tx: Transaction): Allocated {
  return tx.memo('service-allocations', () => {
    const out: Allocated = { clusterIPs: new Set(), nodePorts: new Set() };
    for (const s of tx.list('Service')) {
      const h = holdings(s);
      for (const ip of h.clusterIPs) out.clusterIPs.add(ip);
      for (const p of h.nodePorts) out.nodePorts.add(p);
    }
    return out;
  });
}

/**
 * The index as one Service sees it: what it already holds counts as free, and what it takes
 * while being allocated is held apart until it is admitted (a rejected Service takes nothing).
 */
function heldApart(all: Set<number>, mine: Set<number>): Membership {
  const pending = new Set<number>();
  return { has: (v) => pending.has(v) || (all.has(v) && !mine.has(v)), add: (v) => void pending.add(v) };
}

function takenFor(index: Allocated, own: Allocated): Taken {
  const view = heldApart;
  return { clusterIPs: view(index.clusterIPs, own.clusterIPs), nodePorts: view(index.nodePorts, own.nodePorts) };
}

/** Static band size of the service IP range (KEP-3070): min(max(16, size/16), 256). */
function staticBand(size: number): number {
  return Math.min(Math.max(16, Math.floor(size / 16)), 256);
}

function randomFree(rng: SeededRng, lo: number, count: number, used: Membership): number | undefined {
  if (count <= 0) return undefined;
  const start = rng.int(count);
  for (let i = 0; i < count; i++) {
    const v = lo + ((start + i) % count);
    if (!used.has(v)) return v;
  }
  return undefined;
}

function allocateClusterIP(view: StateView, rng: SeededRng, svc: ServiceObject, old: ServiceObject | undefined, taken: Taken, errors: FieldError[]): ServiceObject['spec'] {
  const spec = { ...svc.spec };
  if (spec.type === 'ExternalName') {
    delete spec.clusterIP;
    delete spec.clusterIPs;
    return spec;
  }
  const range = view.options.serviceCIDR;
  const asked = spec.clusterIP ?? spec.clusterIPs?.[0];
  const oldIP = old?.spec?.type !== 'ExternalName' ? old?.spec?.clusterIP : undefined;
  if (asked === 'None') {
    spec.clusterIP = 'None';
    spec.clusterIPs = ['None'];
    return spec;
  }
  if (asked && asked !== '') {
    if (asked === oldIP) return { ...spec, clusterIPs: [asked] };
    const n = parseIPv4(asked);
    if (n === undefined) return spec; // static validation reports it
    const detail = !cidrContains(range, n) || n === range.base || n === range.base + range.size - 1
      ? `failed to allocate IP ${asked}: the provided IP (${asked}) is not in the valid range. The range of valid IPs is ${formatCidr(range)}`
      : taken.clusterIPs.has(n)
        ? `failed to allocate IP ${asked}: provided IP is already allocated`
        : undefined;
    if (detail) {
      errors.push(invalid('spec.clusterIPs', [asked], detail));
      return spec;
    }
    taken.clusterIPs.add(n);
    return { ...spec, clusterIP: asked, clusterIPs: [asked] };
  }
  if (oldIP && oldIP !== '') return { ...spec, clusterIP: oldIP, clusterIPs: old?.spec?.clusterIPs ?? [oldIP] };
  const band = staticBand(range.size);
  // Dynamic allocations prefer the upper band, then fall back to the static one.
  const used: Membership = { has: (offset) => taken.clusterIPs.has(range.base + offset), add: () => undefined };
  const offset = randomFree(rng, band, range.size - band - 1, used) ?? randomFree(rng, 1, band - 1, used);
  if (offset === undefined) {
    errors.push(invalid('spec.clusterIPs', [], `failed to allocate a serviceIP: range is full`));
    return spec;
  }
  const ip = formatIPv4(cidrAddress(range, offset));
  taken.clusterIPs.add(cidrAddress(range, offset));
  return { ...spec, clusterIP: ip, clusterIPs: [ip] };
}

function allocatePort(view: StateView, rng: SeededRng, asked: number | undefined, keep: number | undefined, path: string, taken: Taken, errors: FieldError[]): number | undefined {
  const range = view.options.nodePortRange;
  if (asked !== undefined && asked !== 0) {
    if (asked === keep) return asked;
    if (!inPortRange(range, asked)) {
      errors.push(invalid(path, asked, `provided port is not in the valid range. The range of valid ports is ${formatPortRange(range)}`));
      return asked;
    }
    if (taken.nodePorts.has(asked)) {
      errors.push(invalid(path, asked, 'provided port is already allocated'));
      return asked;
    }
    taken.nodePorts.add(asked);
    return asked;
  }
  if (keep !== undefined) return keep;
  const port = randomFree(rng, range.base, range.size, taken.nodePorts);
  if (port === undefined) {
    errors.push(invalid(path, 0, 'range is full'));
    return undefined;
  }
  taken.nodePorts.add(port);
  return port;
}

function samePort(a: ServicePort, b: ServicePort): boolean {
  return (a.name ?? '') === (b.name ?? '') && a.port === b.port && (a.protocol ?? 'TCP') === (b.protocol ?? 'TCP');
}

/**
 * Fill in clusterIP, nodePorts and healthCheckNodePort, keeping what the old object had where
 * the new one does not ask for something else (kubectl apply keeps allocated values).
 */
export function allocateService(tx: Transaction, rng: SeededRng, svc: ServiceObject, old: ServiceObject | undefined): { service: ServiceObject; errors: FieldError[] } {
  const view: StateView = tx;
  const errors: FieldError[] = [];
  const index = allocationIndex(tx);
  const taken = takenFor(index, old ? holdings(old) : { clusterIPs: new Set(), nodePorts: new Set() });
  const spec = allocateClusterIP(view, rng, svc, old, taken, errors) ?? {};
  const nodePorts = usesNodePorts(svc);
  const keepOld = old && usesNodePorts(old);
  spec.ports = (spec.ports ?? []).map((p, i) => {
    if (!nodePorts) {
      const { nodePort: _drop, ...rest } = p;
      return rest;
    }
    const prev = keepOld ? old.spec?.ports?.find((o) => samePort(o, p))?.nodePort : undefined;
    const nodePort = allocatePort(view, rng, p.nodePort, prev, `spec.ports[${i}].nodePort`, taken, errors);
    return nodePort === undefined ? p : { ...p, nodePort };
  });
  if (needsHealthCheckPort(svc)) {
    const prev = old && needsHealthCheckPort(old) ? old.spec?.healthCheckNodePort : undefined;
    const hc = allocatePort(view, rng, spec.healthCheckNodePort, prev, 'spec.healthCheckNodePort', taken, errors);
    if (hc !== undefined) spec.healthCheckNodePort = hc;
  } else delete spec.healthCheckNodePort;
  if (errors.length > 0) return { service: { ...svc, spec }, errors };
  // Commit to the index: what the new object holds is taken (what it gave up stays reserved
  // until the transaction ends, as the real allocators release on the next repair pass).
  const service = { ...svc, spec };
  const h = holdings(service);
  for (const ip of h.clusterIPs) index.clusterIPs.add(ip);
  for (const p of h.nodePorts) index.nodePorts.add(p);
  return { service, errors };
}
