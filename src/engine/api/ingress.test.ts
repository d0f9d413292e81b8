import { describe, expect, it } from 'vitest';
import { DEFAULT_VALIDATION_CONTEXT as ctx } from './context';
import { formatFieldError } from './field';
import { defaultIngress, validateIngress } from './ingress';
import type { IngressObject } from './objects';

type Spec = NonNullable<IngressObject['spec']>;
const ing = (spec: Record<string, unknown>, annotations?: Record<string, string>): IngressObject =>
  ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'default', ...(annotations ? { annotations } : {}) },
    spec: spec as unknown as Spec,
  }) as IngressObject;
const errs = (i: IngressObject): string[] => validateIngress(defaultIngress(i), ctx).map(formatFieldError);
const backend = { service: { name: 'web', port: { number: 80 } } };
const rule = (path: Record<string, unknown>, host?: string): Record<string, unknown> => ({ ...(host ? { host } : {}), http: { paths: [{ backend, ...path }] } });

describe('Ingress', () => {
  it('does not default pathType', () => {
    expect(defaultIngress(ing({ rules: [rule({ path: '/' })] })).spec?.rules?.[0]?.http?.paths[0]?.pathType).toBeUndefined();
  });

  it('accepts ordinary ingresses', () => {
    expect(errs(ing({ ingressClassName: 'nginx', rules: [rule({ path: '/', pathType: 'Prefix' }, 'shop.example.com')] }))).toEqual([]);
    expect(errs(ing({ rules: [rule({ path: '/api', pathType: 'Exact' }, '*.example.com')] }))).toEqual([]);
    expect(errs(ing({ defaultBackend: { service: { name: 'web', port: { name: 'http' } } } }))).toEqual([]);
    expect(errs(ing({ rules: [rule({ pathType: 'ImplementationSpecific' })], tls: [{ hosts: ['a.example.com'], secretName: 'tls' }] }))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['pathType is required', { rules: [rule({ path: '/' })] }, ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']],
    [
      'pathType values',
      { rules: [rule({ path: '/', pathType: 'Regex' })] },
      ['spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"'],
    ],
    ['Prefix paths are absolute', { rules: [rule({ path: 'api', pathType: 'Prefix' })] }, ['spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path']],
    [
      'no // or /.. in Exact and Prefix paths',
      { rules: [rule({ path: '/a//b/..', pathType: 'Prefix' })] },
      [
        "spec.rules[0].http.paths[0].path: Invalid value: \"/a//b/..\": must not contain '//'",
        "spec.rules[0].http.paths[0].path: Invalid value: \"/a//b/..\": cannot end with '/..'",
      ],
    ],
    ['rules or defaultBackend', {}, ['spec: Invalid value: null: either `defaultBackend` or `rules` must be specified']],
    ['empty rules', { rules: [] }, ['spec: Invalid value: []: either `defaultBackend` or `rules` must be specified']],
    ['http needs paths', { rules: [{ http: { paths: [] } }] }, ['spec.rules[0].http.paths: Required value']],
    [
      'host is a DNS name',
      { rules: [rule({ path: '/', pathType: 'Prefix' }, 'https://shop.example.com')] },
      [expect.stringMatching(/^spec\.rules\[0\]\.host: Invalid value: "https:\/\/shop\.example\.com": a lowercase RFC 1123 subdomain/) as unknown as string],
    ],
    [
      'host with a port',
      { rules: [rule({ path: '/', pathType: 'Prefix' }, 'shop.example.com:8080')] },
      [expect.stringMatching(/^spec\.rules\[0\]\.host: Invalid value: "shop\.example\.com:8080": a lowercase RFC 1123 subdomain/) as unknown as string],
    ],
    [
      'host is not an IP',
      { rules: [rule({ path: '/', pathType: 'Prefix' }, '10.0.0.1')] },
      ['spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address'],
    ],
    [
      'bad wildcard',
      { rules: [rule({ path: '/', pathType: 'Prefix' }, 'foo.*.com')] },
      [expect.stringMatching(/^spec\.rules\[0\]\.host: Invalid value: "foo\.\*\.com": a wildcard DNS-1123 subdomain must start with '\*\.'/) as unknown as string],
    ],
    [
      'port name and number',
      { defaultBackend: { service: { name: 'web', port: { name: 'http', number: 80 } } } },
      ['spec.defaultBackend: Invalid value: "": cannot set both port name & port number'],
    ],
    ['a port is needed', { defaultBackend: { service: { name: 'web' } } }, ['spec.defaultBackend: Required value: port name or number is required']],
    [
      'backend service names are DNS-1035 labels',
      { defaultBackend: { service: { name: '1web', port: { number: 80 } } } },
      [expect.stringMatching(/^spec\.defaultBackend\.service\.name: Invalid value: "1web": a DNS-1035 label/) as unknown as string],
    ],
    [
      'port number range',
      { defaultBackend: { service: { name: 'web', port: { number: 70000 } } } },
      ['spec.defaultBackend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    ],
    ['a backend is needed', { defaultBackend: {} }, ['spec.defaultBackend: Invalid value: "": resource or service backend is required']],
    [
      'tls hosts and secretName',
      { defaultBackend: backend, tls: [{ hosts: ['A.com'], secretName: 'My_Secret' }] },
      [
        expect.stringMatching(/^spec\.tls\[0\]\.hosts\[0\]: Invalid value: "A\.com": a lowercase RFC 1123 subdomain/) as unknown as string,
        expect.stringMatching(/^spec\.tls\[0\]\.secretName: Invalid value: "My_Secret": a lowercase RFC 1123 subdomain/) as unknown as string,
      ],
    ],
    [
      'ingressClassName',
      { defaultBackend: backend, ingressClassName: 'Nginx' },
      [expect.stringMatching(/^spec\.ingressClassName: Invalid value: "Nginx": a lowercase RFC 1123 subdomain/) as unknown as string],
    ],
  ])('%s', (_name, spec, want) => expect(errs(ing(spec))).toEqual(want));

  it('checks the class annotation against ingressClassName', () => {
    expect(errs(ing({ ingressClassName: 'nginx', defaultBackend: backend }, { 'kubernetes.io/ingress.class': 'traefik' }))).toEqual([
      'annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified',
    ]);
  });

  it('reports a string port number as a type error', () => {
    expect(errs(ing({ defaultBackend: { service: { name: 'web', port: { number: '80' } } } }))).toEqual([
      'spec.defaultBackend.service.port.number: Invalid value: "80": must be of type int32',
    ]);
  });
});
