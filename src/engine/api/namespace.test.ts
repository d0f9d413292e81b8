import { describe, expect, it } from 'vitest';
import { DEFAULT_VALIDATION_CONTEXT as ctx } from './context';
import { formatFieldError } from './field';
import { defaultNamespace, validateNamespace } from './namespace';
import type { NamespaceObject } from './objects';

const ns = (name: string, extra: Record<string, unknown> = {}): NamespaceObject =>
  ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name }, ...extra }) as NamespaceObject;
const errs = (n: NamespaceObject): string[] => validateNamespace(defaultNamespace(n), ctx).map(formatFieldError);

describe('Namespace', () => {
  it('labels itself with its name and starts Active', () => {
    const d = defaultNamespace(ns('shop', { metadata: { name: 'shop', labels: { team: 'a' } } }));
    expect(d.metadata.labels).toEqual({ team: 'a', 'kubernetes.io/metadata.name': 'shop' });
    expect(d.status).toEqual({ phase: 'Active' });
  });

  it.each<[string, string[]]>([
    ['shop', []],
    ['team-a', []],
    ['team.a', ['metadata.name: Invalid value: "team.a": must not contain dots']],
    [
      'Shop',
      [
        "metadata.name: Invalid value: \"Shop\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
  ])('%j', (name, want) => expect(errs(ns(name))).toEqual(want));

  it('checks spec.finalizers', () => {
    expect(errs(ns('a', { spec: { finalizers: ['kubernetes', 'custom'] } }))).toEqual([
      'spec.finalizers: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
    ]);
  });
});
