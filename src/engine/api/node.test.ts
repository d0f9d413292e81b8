import { describe, expect, it } from 'vitest';
import { DEFAULT_VALIDATION_CONTEXT as ctx } from './context';
import { formatFieldError } from './field';
import { defaultNode, validateNode } from './node';
import type { NodeObject } from './objects';

const node = (spec: Record<string, unknown>, status?: Record<string, unknown>, name = 'node-1'): NodeObject =>
  ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec, ...(status ? { status } : {}) }) as NodeObject;
const errs = (n: NodeObject, old?: NodeObject): string[] => validateNode(defaultNode(n), ctx, old && defaultNode(old)).map(formatFieldError);

describe('Node', () => {
  it('keeps podCIDR and podCIDRs in step', () => {
    expect(defaultNode(node({ podCIDR: '10.244.1.0/24' })).spec).toEqual({ podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] });
    expect(defaultNode(node({ podCIDRs: ['10.244.2.0/24'] })).spec).toEqual({ podCIDR: '10.244.2.0/24', podCIDRs: ['10.244.2.0/24'] });
  });

  it('accepts a node with addresses', () => {
    expect(errs(node({ podCIDR: '10.244.1.0/24' }, { addresses: [{ type: 'InternalIP', address: '172.18.0.2' }] }))).toEqual([]);
  });

  it.each<[string, NodeObject, string[]]>([
    ['name is a DNS subdomain', node({}, undefined, 'Node_1'), [expect.stringMatching(/^metadata\.name: Invalid value: "Node_1": a lowercase RFC 1123 subdomain/) as unknown as string]],
    ['podCIDR is a CIDR', node({ podCIDR: '10.244.1.0' }), ['spec.podCIDRs[0]: Invalid value: "10.244.1.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']],
    [
      'one CIDR per family',
      node({ podCIDRs: ['10.244.1.0/24', '10.245.1.0/24'] }),
      ['spec.podCIDRs: Invalid value: ["10.244.1.0/24","10.245.1.0/24"]: may specify no more than one CIDR for each IP family'],
    ],
    [
      'taints (reported under metadata, as upstream)',
      node({ taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoRun' }] }),
      ['metadata.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"'],
    ],
    [
      'duplicate taints',
      node({ taints: [{ key: 'a', effect: 'NoSchedule' }, { key: 'a', value: 'x', effect: 'NoSchedule' }] }),
      ['metadata.taints[1]: Duplicate value: {"Key":"a","Value":"x","Effect":"NoSchedule","TimeAdded":null}: taints must be unique by key and effect pair'],
    ],
  ])('%s', (_name, n, want) => expect(errs(n)).toEqual(want));

  it('refuses podCIDR changes', () => {
    expect(errs(node({ podCIDR: '10.244.9.0/24' }), node({ podCIDR: '10.244.1.0/24' }))).toEqual([
      'spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid',
    ]);
    expect(errs(node({ podCIDR: '10.244.1.0/24' }), node({}))).toEqual([]);
  });
});
