import { describe, expect, it } from 'vitest';
import { DEFAULT_VALIDATION_CONTEXT as ctx } from './context';
import { defaultDeployment, validateDeployment } from './deployment';
import { formatFieldError } from './field';
import type { DeploymentObject } from './objects';

type Spec = NonNullable<DeploymentObject['spec']>;
const deploy = (spec: Record<string, unknown>): DeploymentObject =>
  ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: spec as unknown as Spec }) as DeploymentObject;
const errs = (d: DeploymentObject, old?: DeploymentObject): string[] =>
  validateDeployment(defaultDeployment(d), ctx, old && defaultDeployment(old)).map(formatFieldError);
const template = (labels: Record<string, string> | undefined, spec: Record<string, unknown> = {}): Record<string, unknown> => ({
  metadata: labels ? { labels } : {},
  spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...spec },
});
const ok = { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) };

describe('defaultDeployment', () => {
  it('fills replicas, strategy, history and deadline, and the template like a pod spec', () => {
    const d = defaultDeployment(deploy(ok)).spec;
    expect(d?.replicas).toBe(1);
    expect(d?.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(d?.revisionHistoryLimit).toBe(10);
    expect(d?.progressDeadlineSeconds).toBe(600);
    expect(d?.template.spec?.restartPolicy).toBe('Always');
    expect(d?.template.spec?.containers[0]?.imagePullPolicy).toBe('IfNotPresent');
    // Pod-only defaults stay off templates.
    expect(d?.template.spec?.enableServiceLinks).toBeUndefined();
  });

  it('leaves Recreate without rollingUpdate', () => {
    expect(defaultDeployment(deploy({ ...ok, strategy: { type: 'Recreate' } })).spec?.strategy).toEqual({ type: 'Recreate' });
  });
});

describe('validateDeployment', () => {
  it('accepts a matching selector', () => {
    expect(errs(deploy(ok))).toEqual([]);
    expect(errs(deploy({ selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] }, template: template({ app: 'api' }) }))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'template labels must match the selector',
      { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'x', tier: 'a' }) },
      ['spec.template.metadata.labels: Invalid value: {"app":"x","tier":"a"}: `selector` does not match template `labels`'],
    ],
    [
      'a missing selector is required and matches nothing',
      { template: template({ app: 'web' }) },
      ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`'],
    ],
    ['an empty selector', { selector: {}, template: template({ app: 'web' }) }, ['spec.selector: Invalid value: {}: empty selector is invalid for deployment']],
    [
      'template without labels',
      { selector: { matchLabels: { app: 'web' } }, template: template(undefined) },
      ['spec.template.metadata.labels: Invalid value: null: `selector` does not match template `labels`'],
    ],
    ['replicas', { ...ok, replicas: -1 }, ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    [
      'template restartPolicy must be Always',
      { ...ok, template: template({ app: 'web' }, { restartPolicy: 'Never' }) },
      ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ],
    [
      'strategy type',
      { ...ok, strategy: { type: 'BlueGreen' } },
      ['spec.strategy: Unsupported value: {"Type":"BlueGreen","RollingUpdate":null}: supported values: "Recreate", "RollingUpdate"'],
    ],
    [
      'Recreate with rollingUpdate',
      { ...ok, strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } },
      ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ],
    [
      'both zero',
      { ...ok, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } } },
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0'],
    ],
    [
      'percent format',
      { ...ok, strategy: { rollingUpdate: { maxSurge: '50' } } },
      [
        "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"50\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      ],
    ],
    [
      'maxUnavailable over 100%',
      { ...ok, strategy: { rollingUpdate: { maxUnavailable: '150%' } } },
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%'],
    ],
    [
      'progressDeadlineSeconds vs minReadySeconds',
      { ...ok, minReadySeconds: 600 },
      ['spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds'],
    ],
    [
      'template labels are reported without "metadata" upstream',
      { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web', 'bad key': 'x' }) },
      [expect.stringMatching(/^spec\.template\.labels: Invalid value: "bad key": name part must consist/) as unknown as string],
    ],
    [
      'container errors carry the template path',
      { ...ok, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web' }] } } },
      ['spec.template.spec.containers[0].image: Required value'],
    ],
  ])('%s', (_name, spec, want) => expect(errs(deploy(spec))).toEqual(want));

  it('reports a mistyped replicas once', () => {
    expect(errs(deploy({ ...ok, replicas: 'three' }))).toEqual(['spec.replicas: Invalid value: "three": must be of type int32']);
  });

  it('keeps the selector on update', () => {
    const next = deploy({ selector: { matchLabels: { app: 'web', tier: 'fe' } }, template: template({ app: 'web', tier: 'fe' }) });
    expect(errs(next, deploy(ok))).toEqual(['spec.selector: Invalid value: {"matchLabels":{"app":"web","tier":"fe"}}: field is immutable']);
    expect(errs(deploy({ ...ok, replicas: 5 }), deploy(ok))).toEqual([]);
  });
});
