/**
 * Node: defaults (podCIDRs and podCIDR kept in step, as the v1 conversion does) and validation
 * (ValidateNode, validateNodeTaints, ValidateNodeUpdate in pkg/apis/core/validation/validation.go).
 * Upstream reports taints under "metadata.taints" and does not check status.addresses on create.
 */
import type { NodeSpec, NodeStatus, Taint } from 'kubernetes-types/core/v1';
import type { ValidationContext } from './context';
import { type FieldError, duplicate, forbidden, invalid, required, unsupported } from './field';
import type { NodeObject } from './objects';
import { isIPv6String, isValidCIDR, parseCIDRSloppy } from './validation/ip';
import { asObj, child, clone, deepEqual, index, type JsonObject, type Loose } from './validation/json';
import { isValidLabelValue, validateLabelName } from './validation/labels';
import { metaSchema, validateObjectMeta, validateObjectMetaUpdate } from './validation/meta';
import { nameIsDNSSubdomain } from './validation/names';
import { arr, checked, cleanCopy, map, obj } from './validation/schema';

export const nodeSchema = obj({
  metadata: metaSchema,
  spec: obj({
    podCIDR: 'string',
    podCIDRs: arr('string'),
    providerID: 'string',
    unschedulable: 'bool',
    taints: arr(obj({ key: 'string', value: 'string', effect: 'string', timeAdded: 'any' })),
  }),
  status: obj({
    addresses: arr(obj({ type: 'string', address: 'string' })),
    capacity: map('any'),
    allocatable: map('any'),
  }),
});

type LooseNode = Loose<Pick<NodeObject, 'metadata' | 'spec' | 'status'>>;

export function defaultNode(node: NodeObject): NodeObject {
  const out = clone(node);
  const spec = asObj((out as unknown as JsonObject).spec);
  if (!spec) return out;
  const cidrs = Array.isArray(spec.podCIDRs) ? spec.podCIDRs : undefined;
  if (typeof spec.podCIDR === 'string' && spec.podCIDR !== '' && (!cidrs || cidrs.length === 0)) spec.podCIDRs = [spec.podCIDR];
  else if (cidrs && typeof cidrs[0] === 'string' && !spec.podCIDR) spec.podCIDR = cidrs[0];
  const status = asObj((out as unknown as JsonObject).status);
  // SetDefaults_NodeStatus: allocatable follows capacity when not given.
  if (status && asObj(status.capacity) && (status.allocatable === undefined || status.allocatable === null)) status.allocatable = clone(status.capacity);
  return out;
}

const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function validateTaints(taints: Loose<Taint>[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Map<string, Set<string>>();
  taints.forEach((t, i) => {
    const p = index(path, i);
    errs.push(...validateLabelName(t.key ?? '', child(p, 'key')));
    const v = t.value ?? '';
    const msgs = isValidLabelValue(v);
    if (msgs.length > 0) errs.push(invalid(child(p, 'value'), v, msgs.join(';')));
    const effect = t.effect ?? '';
    if (effect === '') errs.push(required(child(p, 'effect'), ''));
    else if (!effects.includes(effect)) errs.push(unsupported(child(p, 'effect'), effect, effects));
    const keys = seen.get(effect) ?? new Set<string>();
    if (keys.has(t.key ?? '')) {
      // The internal core.Taint has no JSON tags: the API server prints Go field names.
      const value = { Key: t.key ?? '', Value: v, Effect: effect, TimeAdded: t.timeAdded ?? null };
      errs.push({ ...duplicate(p, value), detail: 'taints must be unique by key and effect pair' });
      return;
    }
    keys.add(t.key ?? '');
    seen.set(effect, keys);
  });
  return errs;
}

/** The podCIDRs the API server sees (v1 podCIDR alone converts to a one-item list). */
function podCIDRs(spec: Loose<NodeSpec> | undefined): string[] {
  if ((spec?.podCIDRs ?? []).length > 0) return spec?.podCIDRs ?? [];
  return spec?.podCIDR ? [spec.podCIDR] : [];
}

function validateNodeCreate(n: LooseNode): FieldError[] {
  const errs = validateObjectMeta(n.metadata, false, nameIsDNSSubdomain);
  if ((n.spec?.taints ?? []).length > 0) errs.push(...validateTaints(n.spec?.taints ?? [], 'metadata.taints'));
  const cidrs = podCIDRs(n.spec);
  cidrs.forEach((c, i) => errs.push(...isValidCIDR(index('spec.podCIDRs', i), c)));
  if (cidrs.length > 1) {
    const parsed = cidrs.map((c) => parseCIDRSloppy(c));
    const valid = parsed.every((p) => p !== null);
    const families = cidrs.map((c) => isIPv6String(c.split('/')[0] ?? ''));
    if (!valid || cidrs.length > 2 || families[0] === families[1]) {
      errs.push(invalid('spec.podCIDRs', cidrs, 'may specify no more than one CIDR for each IP family'));
    }
    const seen = new Set<string>();
    cidrs.forEach((c, i) => {
      if (seen.has(c)) errs.push(duplicate(index('spec.podCIDRs', i), c));
      seen.add(c);
    });
  }
  return errs;
}

function validateNodeUpdate(n: LooseNode, o: LooseNode): FieldError[] {
  const errs = validateObjectMetaUpdate(n.metadata, o.metadata);
  const seen: Loose<NodeStatus>['addresses'] = [];
  (n.status?.addresses ?? []).forEach((a, i) => {
    if (seen.some((s) => deepEqual(s, a))) errs.push(duplicate(index('status.addresses', i), { Type: a.type ?? '', Address: a.address ?? '' }));
    seen.push(a);
  });
  const oldCIDRs = podCIDRs(o.spec);
  const newCIDRs = podCIDRs(n.spec);
  if (oldCIDRs.length > 0 && (oldCIDRs.length !== newCIDRs.length || oldCIDRs.some((c, i) => c !== newCIDRs[i]))) {
    errs.push(forbidden('spec.podCIDRs', 'node updates may not change podCIDR except from "" to valid'));
  }
  if (o.spec?.providerID && o.spec.providerID !== n.spec?.providerID) {
    errs.push(forbidden('spec.providerID', 'node updates may not change providerID except from "" to valid'));
  }
  if ((n.spec?.taints ?? []).length > 0) errs.push(...validateTaints(n.spec?.taints ?? [], 'metadata.taints'));
  return errs;
}

export function validateNode(node: NodeObject, _ctx: ValidationContext, old?: NodeObject): FieldError[] {
  return checked<LooseNode>(node, nodeSchema, (n) => (old ? validateNodeUpdate(n, cleanCopy<LooseNode>(old, nodeSchema)) : validateNodeCreate(n)));
}
