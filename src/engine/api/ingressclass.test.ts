import { describe, expect, it } from 'vitest';
import { DEFAULT_VALIDATION_CONTEXT as ctx } from './context';
import { formatFieldError } from './field';
import { defaultIngressClass, validateIngressClass } from './ingressclass';
import type { IngressClassObject } from './objects';

const ic = (spec: Record<string, unknown>, name = 'nginx'): IngressClassObject =>
  ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name }, spec }) as IngressClassObject;
const errs = (x: IngressClassObject, old?: IngressClassObject): string[] =>
  validateIngressClass(defaultIngressClass(x), ctx, old && defaultIngressClass(old)).map(formatFieldError);

describe('IngressClass', () => {
  it('defaults the parameters scope to Cluster', () => {
    expect(defaultIngressClass(ic({ controller: 'k8s.io/ingress-nginx', parameters: { kind: 'Config', name: 'x' } })).spec?.parameters?.scope).toBe('Cluster');
    expect(defaultIngressClass(ic({ controller: 'k8s.io/ingress-nginx' })).spec).toEqual({ controller: 'k8s.io/ingress-nginx' });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['valid', { controller: 'k8s.io/ingress-nginx' }, []],
    ['controller is required', {}, ['spec.controller: Required value']],
    ['controller is domain-prefixed', { controller: 'nginx' }, ['spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")']],
    ['too long', { controller: `k8s.io/${'a'.repeat(250)}` }, ['spec.controller: Too long: may not be more than 250 bytes']],
    [
      'namespace scope needs a namespace',
      { controller: 'k8s.io/ingress-nginx', parameters: { kind: 'Config', name: 'x', scope: 'Namespace' } },
      ["spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'"],
    ],
    [
      'cluster scope refuses a namespace',
      { controller: 'k8s.io/ingress-nginx', parameters: { kind: 'Config', name: 'x', namespace: 'ns' } },
      ["spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'"],
    ],
    [
      'kind and name',
      { controller: 'k8s.io/ingress-nginx', parameters: { kind: 'a/b' } },
      ['spec.parameters.kind: Invalid value: "a/b": may not contain \'/\'', 'spec.parameters.name: Required value'],
    ],
  ])('%s', (_name, spec, want) => expect(errs(ic(spec))).toEqual(want));

  it('keeps controller immutable', () => {
    expect(errs(ic({ controller: 'example.com/other' }), ic({ controller: 'k8s.io/ingress-nginx' }))).toEqual([
      'spec.controller: Invalid value: "example.com/other": field is immutable',
    ]);
  });
});
