/**
 * EndpointSlice (discovery.k8s.io/v1): defaults (SetDefaults_EndpointPort in
 * pkg/apis/discovery/v1/defaults.go) and validation (pkg/apis/discovery/validation/validation.go).
 * Its fields sit at the top level, so paths have no "spec." ("endpoints[0].addresses[0]").
 */
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import type { ValidationContext } from './context';
import { type FieldError, duplicate, invalid, required, unsupported } from './field';
import type { EndpointSliceObject } from './objects';
import { isFullyQualifiedDomainName, isValidIPv4Address, isValidIPv6Address, validateNonSpecialIP } from './validation/ip';
import { asObj, child, clone, index, isObj, type JsonObject, type Loose, listOf, setDefault } from './validation/json';
import { isQualifiedName, validateLabels } from './validation/labels';
import { metaSchema, validateObjectMeta, validateObjectMetaUpdate } from './validation/meta';
import { isDNS1123Label, nameIsDNSSubdomain } from './validation/names';
import { arr, checked, cleanCopy, map, obj } from './validation/schema';

export const endpointSliceSchema = obj({
  metadata: metaSchema,
  addressType: 'string',
  endpoints: arr(
    obj({
      addresses: arr('string'),
      conditions: obj({ ready: 'bool', serving: 'bool', terminating: 'bool' }),
      hostname: 'string',
      nodeName: 'string',
      zone: 'string',
      deprecatedTopology: map('string'),
    }),
  ),
  ports: arr(obj({ name: 'string', port: 'int32', protocol: 'string', appProtocol: 'string' })),
});

type LooseSlice = Loose<Pick<EndpointSliceObject, 'metadata' | 'addressType' | 'endpoints' | 'ports'>>;

const MAX_ENDPOINTS = 1000;
const MAX_ADDRESSES = 100;
const MAX_PORTS = 100;
const addressTypes = ['FQDN', 'IPv4', 'IPv6'];
const protocols = ['SCTP', 'TCP', 'UDP'];

const tooMany = (path: string, actual: number, max: number): FieldError => ({
  type: 'Too many',
  path,
  value: actual,
  detail: `must have at most ${max} items`,
});

export function defaultEndpointSlice(s: EndpointSliceObject): EndpointSliceObject {
  const out = clone(s);
  for (const p of listOf(asObj(out as unknown as JsonObject), 'ports').filter(isObj)) {
    setDefault(p, 'name', '');
    setDefault(p, 'protocol', 'TCP');
  }
  return out;
}

function validateEndpoints(endpoints: Loose<Endpoint>[] | undefined, addressType: string): FieldError[] {
  const list = endpoints ?? [];
  if (list.length > MAX_ENDPOINTS) return [tooMany('endpoints', list.length, MAX_ENDPOINTS)];
  const errs: FieldError[] = [];
  list.forEach((ep, i) => {
    const p = index('endpoints', i);
    const ap = child(p, 'addresses');
    const addrs = ep.addresses ?? [];
    if (addrs.length === 0) errs.push(required(ap, 'must contain at least 1 address'));
    else if (addrs.length > MAX_ADDRESSES) errs.push(tooMany(ap, addrs.length, MAX_ADDRESSES));
    addrs.forEach((a, j) => {
      const aj = index(ap, j);
      if (addressType === 'IPv4') errs.push(...isValidIPv4Address(aj, a), ...validateNonSpecialIP(a, aj));
      else if (addressType === 'IPv6') errs.push(...isValidIPv6Address(aj, a), ...validateNonSpecialIP(a, aj));
      else if (addressType === 'FQDN') errs.push(...isFullyQualifiedDomainName(aj, a));
    });
    errs.push(...validateLabels(ep.deprecatedTopology, child(p, 'deprecatedTopology')));
    if (ep.hostname !== undefined) errs.push(...isDNS1123Label(ep.hostname).map((m) => invalid(child(p, 'hostname'), ep.hostname, m)));
  });
  return errs;
}

function validatePorts(ports: Loose<EndpointPort>[] | undefined): FieldError[] {
  const list = ports ?? [];
  if (list.length > MAX_PORTS) return [tooMany('ports', list.length, MAX_PORTS)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((port, i) => {
    const p = index('ports', i);
    const name = port.name ?? '';
    if (name) errs.push(...isDNS1123Label(name).map((m) => invalid(child(p, 'name'), name, m)));
    if (names.has(name)) errs.push(duplicate(child(p, 'name'), name));
    else names.add(name);
    if (port.protocol === undefined) errs.push(required(child(p, 'protocol'), ''));
    else if (!protocols.includes(port.protocol)) errs.push(unsupported(child(p, 'protocol'), port.protocol, protocols));
    if (port.appProtocol !== undefined) errs.push(...isQualifiedName(port.appProtocol).map((m) => invalid(child(p, 'appProtocol'), port.appProtocol, m)));
  });
  return errs;
}

function validateSlice(s: LooseSlice): FieldError[] {
  const errs = validateObjectMeta(s.metadata, true, nameIsDNSSubdomain);
  const at = s.addressType ?? '';
  if (at === '') errs.push(required('addressType', ''));
  else if (!addressTypes.includes(at)) errs.push(unsupported('addressType', at, addressTypes));
  errs.push(...validateEndpoints(s.endpoints, at));
  errs.push(...validatePorts(s.ports));
  return errs;
}

export function validateEndpointSlice(slice: EndpointSliceObject, _ctx: ValidationContext, old?: EndpointSliceObject): FieldError[] {
  return checked<LooseSlice>(slice, endpointSliceSchema, (s) => {
    if (!old) return validateSlice(s);
    const o = cleanCopy<LooseSlice>(old, endpointSliceSchema);
    const errs = [...validateObjectMetaUpdate(s.metadata, o.metadata), ...validateSlice(s)];
    if ((s.addressType ?? '') !== (o.addressType ?? '')) errs.push(invalid('addressType', s.addressType ?? '', 'field is immutable'));
    return errs;
  });
}
