import { describe, expect, it } from 'vitest';
import { DEFAULT_VALIDATION_CONTEXT as ctx } from './context';
import { formatFieldError } from './field';
import type { ReplicaSetObject } from './objects';
import { defaultReplicaSet, validateReplicaSet } from './replicaset';

type Spec = NonNullable<ReplicaSetObject['spec']>;
const rs = (spec: Record<string, unknown>): ReplicaSetObject =>
  ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-5d4f8', namespace: 'default' }, spec: spec as unknown as Spec }) as ReplicaSetObject;
const errs = (r: ReplicaSetObject, old?: ReplicaSetObject): string[] => validateReplicaSet(defaultReplicaSet(r), ctx, old && defaultReplicaSet(old)).map(formatFieldError);
const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };
const ok = { selector: { matchLabels: { app: 'web' } }, template };

describe('ReplicaSet', () => {
  it('defaults replicas to 1', () => {
    expect(defaultReplicaSet(rs(ok)).spec?.replicas).toBe(1);
    expect(defaultReplicaSet(rs({ ...ok, replicas: 0 })).spec?.replicas).toBe(0);
  });

  it('validates like a Deployment', () => {
    expect(errs(rs(ok))).toEqual([]);
    expect(errs(rs({ ...ok, replicas: -2, minReadySeconds: -1, selector: {} }))).toEqual([
      'spec.replicas: Invalid value: -2: must be greater than or equal to 0',
      'spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0',
      'spec.selector: Invalid value: {}: empty selector is invalid for deployment',
    ]);
    expect(errs(rs({ selector: { matchLabels: { app: 'api' } }, template }))).toEqual([
      'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('refuses an invalid selector with both messages', () => {
    expect(errs(rs({ selector: { matchExpressions: [{ key: 'app', operator: 'In' }] }, template }))).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"In"}]}: invalid label selector',
    ]);
  });

  it('keeps the selector on update', () => {
    expect(errs(rs({ ...ok, selector: { matchLabels: { app: 'web' }, matchExpressions: [] } }), rs(ok))).toEqual([]);
    expect(errs(rs({ selector: { matchLabels: { app: 'web', x: 'y' } }, template: { ...template, metadata: { labels: { app: 'web', x: 'y' } } } }), rs(ok))).toEqual([
      'spec.selector: Invalid value: {"matchLabels":{"app":"web","x":"y"}}: field is immutable',
    ]);
  });
});
