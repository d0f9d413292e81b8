import { describe, expect, it } from 'vitest';
import { DEFAULT_VALIDATION_CONTEXT as ctx } from './context';
import { formatFieldError } from './field';
import type { ServiceObject } from './objects';
import { defaultService, validateService } from './service';

type Spec = NonNullable<ServiceObject['spec']>;
const svc = (spec: Record<string, unknown>, name = 'web'): ServiceObject =>
  ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: spec as Spec }) as ServiceObject;
const errs = (s: ServiceObject, old?: ServiceObject): string[] =>
  validateService(defaultService(s), ctx, old && defaultService(old)).map(formatFieldError);
const web = { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] };

describe('defaultService', () => {
  it('fills what the API server fills', () => {
    expect(defaultService(svc(web)).spec).toEqual({
      selector: { app: 'web' },
      ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
    });
  });

  it('targetPort follows port; NodePort gets externalTrafficPolicy; ClientIP gets a timeout', () => {
    const s = defaultService(svc({ type: 'NodePort', sessionAffinity: 'ClientIP', ports: [{ port: 80 }] })).spec;
    expect(s?.ports?.[0]?.targetPort).toBe(80);
    expect(s?.externalTrafficPolicy).toBe('Cluster');
    expect(s?.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
    expect(defaultService(svc({ type: 'LoadBalancer', ports: [{ port: 80 }] })).spec?.allocateLoadBalancerNodePorts).toBe(true);
    expect(defaultService(svc(web)).spec?.externalTrafficPolicy).toBeUndefined();
  });

  it('keeps clusterIPs in step with clusterIP, and leaves ExternalName without families', () => {
    expect(defaultService(svc({ ...web, clusterIP: '10.96.0.20' })).spec?.clusterIPs).toEqual(['10.96.0.20']);
    const en = defaultService(svc({ type: 'ExternalName', externalName: 'example.com' })).spec;
    expect(en?.ipFamilies).toBeUndefined();
    expect(en?.ipFamilyPolicy).toBeUndefined();
    expect(en?.internalTrafficPolicy).toBeUndefined();
  });

  it('gives a selectorless headless Service both families', () => {
    const s = defaultService(svc({ clusterIP: 'None' })).spec;
    expect(s?.ipFamilyPolicy).toBe('RequireDualStack');
    expect(s?.ipFamilies).toEqual(['IPv4', 'IPv6']);
  });

  it('does not touch its input and survives wrong types', () => {
    const input = svc({ ports: 'eighty', type: 5, selector: [1] });
    const before = JSON.stringify(input);
    expect(() => defaultService(input)).not.toThrow();
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('validateService', () => {
  it('accepts ordinary Services', () => {
    expect(errs(svc(web))).toEqual([]);
    expect(errs(svc({ type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, nodePort: 30080 }, { name: 'https', port: 443 }] }))).toEqual([]);
    expect(errs(svc({ clusterIP: 'None', selector: { app: 'db' } }))).toEqual([]);
    expect(errs(svc({ type: 'ExternalName', externalName: 'db.example.com.' }))).toEqual([]);
    expect(errs(svc({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', selector: { app: 'web' }, ports: [{ port: 80 }] }))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['ports are required', { selector: { app: 'web' } }, ['spec.ports: Required value']],
    [
      'each port needs a name when there are several',
      { ports: [{ port: 80 }, { port: 443 }] },
      ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value'],
    ],
    ['names are unique', { ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] }, ['spec.ports[1].name: Duplicate value: "http"']],
    ['port range', { ports: [{ port: 0, targetPort: 80 }] }, ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive']],
    [
      'protocols',
      { ports: [{ port: 80, protocol: 'HTTP' }] },
      ['spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
    ],
    [
      'named targetPort must be an IANA_SVC_NAME',
      { ports: [{ port: 80, targetPort: 'Web_Port' }] },
      [
        'spec.ports[0].targetPort: Invalid value: "Web_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ],
    ],
    [
      'a quoted number is a name, not a number',
      { ports: [{ port: 80, targetPort: '8080' }] },
      ['spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)'],
    ],
    [
      'nodePort on a ClusterIP Service',
      { ports: [{ port: 80, nodePort: 30080 }] },
      ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    ],
    [
      'duplicate port and protocol',
      { ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80, targetPort: 81 }] },
      ['spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}'],
    ],
    [
      'duplicate nodePort',
      { type: 'NodePort', ports: [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 81, nodePort: 30080 }] },
      ['spec.ports[1].nodePort: Duplicate value: 30080'],
    ],
    [
      'type',
      { type: 'Ingress', ports: [{ port: 80 }] },
      ['spec.type: Unsupported value: "Ingress": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    ],
    ['ExternalName needs externalName', { type: 'ExternalName' }, ['spec.externalName: Required value']],
    [
      'ExternalName must be a DNS name',
      { type: 'ExternalName', externalName: 'http://example.com' },
      [expect.stringMatching(/^spec\.externalName: Invalid value: "http:\/\/example\.com": a lowercase RFC 1123 subdomain/) as unknown as string],
    ],
    [
      'ExternalName refuses a clusterIP',
      { type: 'ExternalName', externalName: 'example.com', clusterIP: '10.96.0.5' },
      ['spec.clusterIPs: Forbidden: may not be set for ExternalName services'],
    ],
    [
      'headless NodePort',
      { type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] },
      ['spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services'],
    ],
    [
      'clusterIP must be an IP',
      { clusterIP: '10.96.0', ports: [{ port: 80 }] },
      ['spec.clusterIPs[0]: Invalid value: "10.96.0": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'],
    ],
    [
      'externalTrafficPolicy only for externally-accessible Services',
      { externalTrafficPolicy: 'Local', ports: [{ port: 80 }] },
      ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services'],
    ],
    [
      'externalTrafficPolicy values',
      { type: 'NodePort', externalTrafficPolicy: 'Nearest', ports: [{ port: 80 }] },
      ['spec.externalTrafficPolicy: Unsupported value: "Nearest": supported values: "Cluster", "Local"'],
    ],
    [
      'sessionAffinity values',
      { sessionAffinity: 'Cookie', ports: [{ port: 80 }] },
      ['spec.sessionAffinity: Unsupported value: "Cookie": supported values: "ClientIP", "None"'],
    ],
    [
      'affinity timeout range',
      { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 90000 } }, ports: [{ port: 80 }] },
      ['spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 90000: must be greater than 0 and less than 86400'],
    ],
    [
      'selector labels',
      { selector: { 'app name': 'web' }, ports: [{ port: 80 }] },
      [expect.stringMatching(/^spec\.selector: Invalid value: "app name": name part must consist/) as unknown as string],
    ],
    [
      'externalIPs',
      { externalIPs: ['127.0.0.1'], ports: [{ port: 80 }] },
      ['spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)'],
    ],
    [
      'loadBalancerSourceRanges only for LoadBalancer',
      { loadBalancerSourceRanges: ['10.0.0.0/8'], ports: [{ port: 80 }] },
      ["spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'"],
    ],
    [
      'healthCheckNodePort needs LoadBalancer + Local',
      { type: 'NodePort', healthCheckNodePort: 30500, ports: [{ port: 80 }] },
      ["spec.healthCheckNodePort: Invalid value: 30500: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"],
    ],
    [
      'port names are DNS labels',
      { ports: [{ name: 'HTTP', port: 80 }] },
      [expect.stringMatching(/^spec\.ports\[0\]\.name: Invalid value: "HTTP": a lowercase RFC 1123 label/) as unknown as string],
    ],
  ])('%s', (_name, spec, want) => expect(errs(svc(spec))).toEqual(want));

  it('names Services with DNS-1035 labels', () => {
    expect(errs(svc(web, '1web'))[0]).toMatch(/^metadata\.name: Invalid value: "1web": a DNS-1035 label must consist/);
  });

  it('reports mistyped fields once, at their path', () => {
    expect(errs(svc({ selector: { app: 'web' }, ports: [{ port: '80' }] }))).toEqual(['spec.ports[0].port: Invalid value: "80": must be of type int32']);
    expect(errs(svc({ selector: 'app=web', ports: [{ port: 80 }] }))).toEqual(['spec.selector: Invalid value: "app=web": must be of type object']);
    expect(errs(svc({ ports: { port: 80 } }))).toEqual(['spec.ports: Invalid value: {"port":80}: must be of type array']);
  });
});

describe('Service updates', () => {
  const old = svc({ ...web, clusterIP: '10.96.0.12' });
  it('keeps the allocated clusterIP when the manifest leaves it out', () => {
    expect(errs(svc(web), old)).toEqual([]);
  });
  it('refuses a new clusterIP', () => {
    expect(errs(svc({ ...web, clusterIP: '10.96.0.99' }), old)).toEqual(['spec.clusterIPs[0]: Invalid value: ["10.96.0.99"]: may not change once set']);
    expect(errs(svc({ ...web, clusterIP: 'None' }), old)).toEqual(['spec.clusterIPs[0]: Invalid value: ["None"]: may not change once set']);
  });
  it('allows switching to ExternalName and back', () => {
    expect(errs(svc({ type: 'ExternalName', externalName: 'example.com' }), old)).toEqual([]);
  });
  it('drops an unchanged nodePort when the type no longer uses it', () => {
    const np = svc({ type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }], clusterIP: '10.96.0.12' });
    expect(errs(svc({ type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] }), np)).toEqual([]);
  });
  it('keeps healthCheckNodePort fixed', () => {
    const lb = { type: 'LoadBalancer', externalTrafficPolicy: 'Local', selector: { app: 'web' }, ports: [{ port: 80 }], clusterIP: '10.96.0.12' };
    expect(errs(svc({ ...lb, healthCheckNodePort: 31000 }), svc({ ...lb, healthCheckNodePort: 30999 }))).toEqual([
      'spec.healthCheckNodePort: Forbidden: field is immutable',
    ]);
  });
});

it('treats a stored Service that has only clusterIP as having clusterIPs', () => {
  const stored = { ...svc(web), spec: { ...defaultService(svc(web)).spec, clusterIP: '10.96.0.1' } } as ServiceObject;
  expect(validateService(defaultService(svc(web)), ctx, stored).map(formatFieldError)).toEqual([]);
});
