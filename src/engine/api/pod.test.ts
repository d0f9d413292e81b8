import { describe, expect, it } from 'vitest';
import { defaultPullPolicy, imageTag } from './container';
import { DEFAULT_VALIDATION_CONTEXT as ctx } from './context';
import { formatFieldError } from './field';
import type { PodObject } from './objects';
import { defaultPod, validatePod } from './pod';

type Spec = NonNullable<PodObject['spec']>;
const pod = (spec: Record<string, unknown>, name = 'web'): PodObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: spec as unknown as Spec }) as PodObject;
const errs = (p: PodObject, old?: PodObject): string[] => validatePod(defaultPod(p), ctx, old && defaultPod(old)).map(formatFieldError);
const c = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ name: 'app', image: 'nginx:1.27', ...extra });

describe('image pull policy', () => {
  it.each([
    ['nginx', 'latest', 'Always'],
    ['nginx:latest', 'latest', 'Always'],
    ['nginx:1.27', '1.27', 'IfNotPresent'],
    ['registry.k8s.io/echoserver:1.10', '1.10', 'IfNotPresent'],
    ['localhost:5000/app', 'latest', 'Always'],
    ['nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', '', 'IfNotPresent'],
    ['Nginx', '', 'IfNotPresent'],
    ['', '', 'IfNotPresent'],
  ])('%j → tag %j → %s', (image, tag, policy) => {
    expect(imageTag(image)).toBe(tag);
    expect(defaultPullPolicy(image)).toBe(policy);
  });
});

describe('defaultPod', () => {
  it('fills the pod and container defaults', () => {
    const p = defaultPod(pod({ containers: [c({ image: 'nginx', ports: [{ containerPort: 80 }] })] }));
    expect(p.spec).toEqual({
      containers: [
        {
          name: 'app',
          image: 'nginx',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          imagePullPolicy: 'Always',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
    });
  });

  it('defaults probes, volumes and hostNetwork ports', () => {
    const p = defaultPod(
      pod({
        hostNetwork: true,
        volumes: [{ name: 'tmp' }, { name: 'cfg', configMap: { name: 'cfg' } }],
        containers: [c({ ports: [{ containerPort: 8080 }], readinessProbe: { httpGet: { port: 8080 } }, resources: { limits: { cpu: '1' } } })],
      }),
    );
    const ctr = p.spec?.containers[0];
    expect(ctr?.readinessProbe).toEqual({ httpGet: { port: 8080, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(ctr?.ports?.[0]?.hostPort).toBe(8080);
    expect(ctr?.resources?.requests).toEqual({ cpu: '1' });
    expect(p.spec?.volumes).toEqual([{ name: 'tmp', emptyDir: {} }, { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } }]);
  });

  it('is pure', () => {
    const input = pod({ containers: [c()] });
    const before = JSON.stringify(input);
    defaultPod(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('validatePod', () => {
  it('accepts a plain pod', () => {
    expect(errs(pod({ containers: [c({ ports: [{ name: 'http', containerPort: 80 }], env: [{ name: 'A', value: '1' }] })] }))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['containers are required', { containers: [] }, ['spec.containers: Required value']],
    ['image is required', { containers: [{ name: 'app' }] }, ['spec.containers[0].image: Required value']],
    [
      'container names are DNS labels',
      { containers: [c({ name: 'App' })] },
      [
        "spec.containers[0].name: Invalid value: \"App\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
    ['container names are unique', { containers: [c(), c()] }, ['spec.containers[1].name: Duplicate value: "app"']],
    ['containerPort is required', { containers: [c({ ports: [{ name: 'http' }] })] }, ['spec.containers[0].ports[0].containerPort: Required value']],
    [
      'containerPort range',
      { containers: [c({ ports: [{ containerPort: 70000 }] })] },
      ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    ],
    [
      'port names',
      { containers: [c({ ports: [{ name: 'web-http-port-01', containerPort: 80 }] })] },
      ['spec.containers[0].ports[0].name: Invalid value: "web-http-port-01": must be no more than 15 characters'],
    ],
    [
      'port names are unique',
      { containers: [c({ ports: [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 81 }] })] },
      ['spec.containers[0].ports[1].name: Duplicate value: "http"'],
    ],
    [
      'port protocol',
      { containers: [c({ ports: [{ containerPort: 80, protocol: 'tcp' }] })] },
      ['spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"'],
    ],
    [
      'host ports collide across containers',
      { containers: [c({ ports: [{ containerPort: 80, hostPort: 8080 }] }), c({ name: 'b', ports: [{ containerPort: 81, hostPort: 8080 }] })] },
      ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'],
    ],
    [
      'env names (relaxed, v1.34)',
      { containers: [c({ env: [{ name: 'A=B', value: 'x' }, { name: '' }] })] },
      [
        "spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='",
        'spec.containers[0].env[1].name: Required value',
      ],
    ],
    [
      'valueFrom needs exactly one source',
      { containers: [c({ env: [{ name: 'A', valueFrom: {} }] })] },
      ['spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'],
    ],
    [
      'valueFrom and value',
      { containers: [c({ env: [{ name: 'A', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] })] },
      ['spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty'],
    ],
    [
      'two sources',
      { containers: [c({ env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.name' }, secretKeyRef: { name: 's', key: 'k' } } }] })] },
      ['spec.containers[0].env[0].valueFrom: Invalid value: "": may not have more than one field specified at a time'],
    ],
    [
      'fieldRef paths',
      { containers: [c({ env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'status.phase' } } }] })] },
      [
        'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
      ],
    ],
    [
      'fieldRef unknown path',
      { containers: [c({ env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'spec.foo' } } }] })] },
      ['spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Invalid value: "spec.foo": error converting fieldPath: field label not supported: spec.foo'],
    ],
    [
      'secretKeyRef key',
      { containers: [c({ env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 'db' } } }] })] },
      ['spec.containers[0].env[0].valueFrom.secretKeyRef.key: Required value'],
    ],
    [
      'envFrom needs a source',
      { containers: [c({ envFrom: [{ prefix: 'X_' }] })] },
      ['spec.containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`'],
    ],
    [
      'volumeMounts refer to volumes',
      { containers: [c({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })] },
      ['spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ],
    [
      'mount paths are unique',
      { volumes: [{ name: 'a' }], containers: [c({ volumeMounts: [{ name: 'a', mountPath: '/x' }, { name: 'a', mountPath: '/x' }] })] },
      ['spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/x": must be unique'],
    ],
    ['volume names are unique', { volumes: [{ name: 'a' }, { name: 'a' }], containers: [c()] }, ['spec.volumes[1].name: Duplicate value: "a"']],
    [
      'one volume source',
      { volumes: [{ name: 'a', emptyDir: {}, configMap: { name: 'x' } }], containers: [c()] },
      ['spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type'],
    ],
    ['secret volumes need secretName', { volumes: [{ name: 'a', secret: {} }], containers: [c()] }, ['spec.volumes[0].secret.secretName: Required value']],
    [
      'restartPolicy',
      { restartPolicy: 'Sometimes', containers: [c()] },
      ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ],
    [
      'dnsPolicy',
      { dnsPolicy: 'ClusterLast', containers: [c()] },
      ['spec.dnsPolicy: Unsupported value: "ClusterLast": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'],
    ],
    ['dnsPolicy None needs dnsConfig', { dnsPolicy: 'None', containers: [c()] }, ['spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None']],
    [
      'dnsPolicy None needs a nameserver',
      { dnsPolicy: 'None', dnsConfig: { searches: ['svc.cluster.local'] }, containers: [c()] },
      ['spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None'],
    ],
    [
      'nodeSelector labels',
      { nodeSelector: { 'disk type': 'ssd' }, containers: [c()] },
      [expect.stringMatching(/^spec\.nodeSelector: Invalid value: "disk type": name part must consist/) as unknown as string],
    ],
    [
      'probes: port and successThreshold',
      { containers: [c({ livenessProbe: { httpGet: { port: 'HTTP' }, successThreshold: 2 } })] },
      [
        'spec.containers[0].livenessProbe.httpGet.port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.containers[0].livenessProbe.httpGet.port: Invalid value: "HTTP": must contain at least one letter (a-z)',
        'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      ],
    ],
    ['probes need a handler', { containers: [c({ readinessProbe: { periodSeconds: 5 } })] }, ['spec.containers[0].readinessProbe: Required value: must specify a handler type']],
    [
      'restartPolicy on a regular container',
      { containers: [c({ restartPolicy: 'Always' })] },
      ['spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers'],
    ],
    [
      'init container names collide with containers',
      { containers: [c()], initContainers: [c()] },
      ['spec.initContainers[0].name: Duplicate value: "app"'],
    ],
    [
      'probes on init containers',
      { containers: [c()], initContainers: [c({ name: 'init', readinessProbe: { exec: { command: ['true'] } } })] },
      ['spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always'],
    ],
    [
      'tolerations',
      { tolerations: [{ operator: 'Equal', value: 'x' }], containers: [c()] },
      ['spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"'],
    ],
    [
      'image whitespace (pods only)',
      { containers: [c({ image: ' nginx' })] },
      ['spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace'],
    ],
  ])('%s', (_name, spec, want) => expect(errs(pod(spec))).toEqual(want));

  it('reports mistyped fields the decoder would refuse', () => {
    expect(errs(pod({ containers: [c({ ports: [{ containerPort: '80' }], env: [{ name: 'PORT', value: 8080 }] })] }))).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: "80": must be of type int32',
      'spec.containers[0].env[0].value: Invalid value: 8080: must be of type string',
    ]);
    expect(errs(pod({ containers: { name: 'app' } }))).toEqual(['spec.containers: Invalid value: {"name":"app"}: must be of type array']);
  });
});

describe('pod updates', () => {
  const base = pod({ containers: [c()] });
  it('allows an image change', () => {
    expect(errs(pod({ containers: [c({ image: 'nginx:1.28' })] }), base)).toEqual([]);
  });
  it('refuses adding containers', () => {
    expect(errs(pod({ containers: [c(), c({ name: 'b' })] }), base)).toEqual(['spec.containers: Forbidden: pod updates may not add or remove containers']);
  });
  it('refuses other spec changes', () => {
    const out = errs(pod({ containers: [c({ ports: [{ containerPort: 80 }] })] }), base);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(
      /^spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`,`spec\.initContainers\[\*\]\.image`,`spec\.activeDeadlineSeconds`,`spec\.tolerations` \(only additions to existing tolerations\),`spec\.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n/,
    );
    expect(out[0]).toContain('containers');
  });
});
