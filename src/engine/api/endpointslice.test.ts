import { describe, expect, it } from 'vitest';
import { DEFAULT_VALIDATION_CONTEXT as ctx } from './context';
import { defaultEndpointSlice, validateEndpointSlice } from './endpointslice';
import { formatFieldError } from './field';
import type { EndpointSliceObject } from './objects';

const slice = (body: Record<string, unknown>): EndpointSliceObject =>
  ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'web-abc12', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
    ...body,
  }) as unknown as EndpointSliceObject;
const errs = (s: EndpointSliceObject, old?: EndpointSliceObject): string[] =>
  validateEndpointSlice(defaultEndpointSlice(s), ctx, old && defaultEndpointSlice(old)).map(formatFieldError);

describe('EndpointSlice', () => {
  it('defaults port name and protocol', () => {
    expect(defaultEndpointSlice(slice({ addressType: 'IPv4', endpoints: [], ports: [{ port: 80 }] })).ports).toEqual([{ port: 80, name: '', protocol: 'TCP' }]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['valid', { addressType: 'IPv4', endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true } }], ports: [{ name: 'http', port: 8080 }] }, []],
    ['addressType is required', { endpoints: [] }, ['addressType: Required value']],
    ['addressType values', { addressType: 'IP', endpoints: [] }, ['addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"']],
    ['addresses are required', { addressType: 'IPv4', endpoints: [{ addresses: [] }] }, ['endpoints[0].addresses: Required value: must contain at least 1 address']],
    [
      'IPv4 addresses',
      { addressType: 'IPv4', endpoints: [{ addresses: ['fd00::1', '127.0.0.1'] }] },
      [
        'endpoints[0].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address',
        'endpoints[0].addresses[1]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      ],
    ],
    [
      'FQDN addresses',
      { addressType: 'FQDN', endpoints: [{ addresses: ['db'] }] },
      ['endpoints[0].addresses[0]: Invalid value: "db": should be a domain with at least two segments separated by dots'],
    ],
    [
      'port names are unique, empty ones too',
      { addressType: 'IPv4', endpoints: [], ports: [{ port: 80 }, { port: 81 }] },
      ['ports[1].name: Duplicate value: ""'],
    ],
    [
      'protocol values',
      { addressType: 'IPv4', endpoints: [], ports: [{ name: 'a', protocol: 'ICMP' }] },
      ['ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"'],
    ],
  ])('%s', (_name, body, want) => expect(errs(slice(body))).toEqual(want));

  it('counts endpoints', () => {
    const endpoints = Array.from({ length: 1001 }, () => ({ addresses: ['10.0.0.1'] }));
    expect(errs(slice({ addressType: 'IPv4', endpoints }))).toEqual(['endpoints: Too many: 1001: must have at most 1000 items']);
  });

  it('keeps addressType on update', () => {
    expect(errs(slice({ addressType: 'IPv6', endpoints: [] }), slice({ addressType: 'IPv4', endpoints: [] }))).toEqual(['addressType: Invalid value: "IPv6": field is immutable']);
  });
});
