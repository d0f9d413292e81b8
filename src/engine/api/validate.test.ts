import { type Arbitrary, array, assert, constant, constantFrom, dictionary, jsonValue, oneof, property, string, tuple } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateConfigMap } from './configmap';
import { DEFAULT_VALIDATION_CONTEXT as ctx } from './context';
import { defaultObject } from './defaults';
import { validateDeployment } from './deployment';
import { validateEndpointSlice } from './endpointslice';
import { formatFieldError, type FieldError } from './field';
import { validateIngress } from './ingress';
import { validateIngressClass } from './ingressclass';
import { SUPPORTED_KINDS, type SupportedKind } from './kinds';
import { validateNamespace } from './namespace';
import { validateNode } from './node';
import type { KubeObject } from './objects';
import { validatePod } from './pod';
import { validateReplicaSet } from './replicaset';
import { validateSecret } from './secret';
import { validateService } from './service';
import { validateObject } from './validate';

const meta = { name: 'x', namespace: 'default', labels: { app: 'x' }, annotations: { a: 'b' } };
const container = {
  name: 'c',
  image: 'nginx',
  ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
  env: [{ name: 'A', value: '1' }, { name: 'B', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
  envFrom: [{ configMapRef: { name: 'cfg' } }],
  volumeMounts: [{ name: 'v', mountPath: '/v' }],
  readinessProbe: { httpGet: { path: '/', port: 80 } },
  lifecycle: { preStop: { exec: { command: ['sh'] } } },
};
const podSpec = {
  containers: [container],
  initContainers: [{ ...container, name: 'sidecar', restartPolicy: 'Always' }],
  volumes: [{ name: 'v', configMap: { name: 'cfg', items: [{ key: 'a', path: 'a' }] } }],
  nodeSelector: { disk: 'ssd' },
  tolerations: [{ key: 'k', operator: 'Exists' }],
  dnsConfig: { nameservers: ['1.1.1.1'], searches: ['a.b'], options: [{ name: 'ndots', value: '2' }] },
  hostAliases: [{ ip: '10.0.0.1', hostnames: ['a.b'] }],
};
const template = { metadata: { labels: { app: 'x' } }, spec: podSpec };
const selector = { matchLabels: { app: 'x' }, matchExpressions: [{ key: 'app', operator: 'In', values: ['x'] }] };
const backend = { service: { name: 'web', port: { number: 80 } } };

/** One valid-looking object per kind, as the seed the generators mutate. */
const seeds: Record<SupportedKind, Record<string, unknown>> = {
  Namespace: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' }, spec: { finalizers: ['kubernetes'] } },
  Node: {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n' },
    spec: { podCIDR: '10.244.0.0/24', taints: [{ key: 'a', effect: 'NoSchedule' }] },
    status: { addresses: [{ type: 'InternalIP', address: '10.0.0.2' }], capacity: { cpu: '2' } },
  },
  Pod: { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: podSpec },
  Service: {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta,
    spec: {
      type: 'LoadBalancer',
      selector: { app: 'x' },
      ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }],
      clusterIP: '10.96.0.10',
      externalIPs: ['1.2.3.4'],
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 100 } },
      externalTrafficPolicy: 'Local',
      loadBalancerSourceRanges: ['10.0.0.0/8'],
    },
  },
  ConfigMap: { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: { a: 'b' }, binaryData: { c: 'eA==' } },
  Secret: { apiVersion: 'v1', kind: 'Secret', metadata: meta, type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' }, stringData: { 'tls.key': 'k' } },
  Deployment: {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta,
    spec: { replicas: 2, selector, template, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '10%' } } },
  },
  ReplicaSet: { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta, spec: { replicas: 2, selector, template } },
  EndpointSlice: {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta,
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.244.0.5'], conditions: { ready: true }, hostname: 'h' }],
    ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
  },
  Ingress: {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: meta,
    spec: {
      ingressClassName: 'nginx',
      defaultBackend: backend,
      rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }],
      tls: [{ hosts: ['a.example.com'], secretName: 's' }],
    },
  },
  IngressClass: {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: 'nginx' },
    spec: { controller: 'k8s.io/ingress-nginx', parameters: { kind: 'C', name: 'p', scope: 'Namespace', namespace: 'ns' } },
  },
};

type Validator = (obj: KubeObject, c: typeof ctx, old?: KubeObject) => FieldError[];
/** The unguarded per-kind validators (validateObject adds a catch-all the properties must not need). */
const validators = {
  Namespace: validateNamespace,
  Node: validateNode,
  Pod: validatePod,
  Service: validateService,
  ConfigMap: validateConfigMap,
  Secret: validateSecret,
  Deployment: validateDeployment,
  ReplicaSet: validateReplicaSet,
  EndpointSlice: validateEndpointSlice,
  Ingress: validateIngress,
  IngressClass: validateIngressClass,
} as unknown as Record<SupportedKind, Validator>;

/** Every path through a seed (objects and list items), to aim mutations at known fields. */
function pathsOf(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...prefix, i])));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...prefix, k]));
  return out;
}

function setPath(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const key = String(head);
  if (Array.isArray(root)) {
    const copy: unknown[] = [...(root as unknown[])];
    copy[Number(head)] = setPath(copy[Number(head)], rest, value);
    return copy;
  }
  const base: Record<string, unknown> = typeof root === 'object' && root !== null ? { ...(root as Record<string, unknown>) } : {};
  base[key] = setPath(base[key], rest, value);
  return base;
}

const json = jsonValue({ maxDepth: 3 });
const weird = oneof(json, constant(undefined), constant(''), constant(-1), constant(1e12), constant('None'), constant([]), constant({}));

function mutated(kind: SupportedKind): Arbitrary<KubeObject> {
  const seed = seeds[kind];
  const paths = pathsOf(seed).filter((p) => p[0] !== 'kind' && p.length > 0);
  const extraKey = constantFrom('spec', 'metadata', 'data', 'status', 'endpoints', 'ports', 'type', 'immutable');
  const mutation = oneof(
    tuple(constantFrom(...paths), weird),
    tuple(extraKey.map((k) => [k] as (string | number)[]), weird),
    tuple(constantFrom(...paths).map((p) => [...p, 'x']), weird),
  );
  return array(mutation, { maxLength: 4 }).map((ms) => ms.reduce<unknown>((o, [p, v]) => setPath(o, p, v), seed) as KubeObject);
}

function check(kind: SupportedKind, obj: KubeObject, old?: KubeObject): void {
  const before = JSON.stringify(obj);
  const d = defaultObject(obj);
  expect(JSON.stringify(obj)).toBe(before);
  const errs = validators[kind](d, ctx, old);
  for (const e of errs) {
    expect(typeof e.path).toBe('string');
    expect(typeof formatFieldError(e)).toBe('string');
    expect(e.type).not.toBe('Internal error');
  }
}

describe('defaultObject and validation never throw', () => {
  for (const kind of SUPPORTED_KINDS) {
    it(`${kind}: seed is valid`, () => {
      const errs = validateObject(defaultObject(seeds[kind] as KubeObject), ctx).map(formatFieldError);
      expect(errs).toEqual([]);
    });

    it(`${kind}: mutated objects`, () => {
      assert(property(mutated(kind), (obj) => check(kind, obj)), { numRuns: 150 });
    });

    it(`${kind}: mutated updates`, () => {
      assert(
        property(mutated(kind), mutated(kind), (obj, old) => check(kind, obj, defaultObject(old))),
        { numRuns: 60 },
      );
    });

    it(`${kind}: arbitrary JSON in place of the body`, () => {
      const body = dictionary(string({ maxLength: 12 }), json, { maxKeys: 6 });
      assert(
        property(body, dictionary(constantFrom('name', 'namespace', 'labels', 'annotations', 'generateName', 'finalizers'), json), (b, m) =>
          check(kind, { ...b, apiVersion: 'v1', kind, metadata: m } as unknown as KubeObject),
        ),
        { numRuns: 100 },
      );
    });
  }
});

describe('validateObject', () => {
  it('dispatches by kind and passes the old object of the same kind', () => {
    const svc = seeds.Service as unknown as KubeObject;
    const moved = setPath(svc, ['spec', 'clusterIP'], '10.96.0.11') as KubeObject;
    expect(validateObject(defaultObject(moved), ctx, defaultObject(svc)).map(formatFieldError)).toEqual([
      'spec.clusterIPs[0]: Invalid value: ["10.96.0.11"]: may not change once set',
    ]);
    // An old object of another kind is ignored.
    expect(validateObject(defaultObject(moved), ctx, defaultObject(seeds.Pod as unknown as KubeObject))).toEqual([]);
  });

  it('turns an unexpected crash into an Internal error instead of throwing', () => {
    const hostile = { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'x' }, get spec(): never { throw new Error('boom'); } } as unknown as KubeObject;
    expect(validateObject(hostile, ctx).map(formatFieldError)).toEqual(['Internal error: validation failed: boom']);
  });
});
