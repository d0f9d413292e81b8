/**
 * Whether a location's Service has somewhere to send the request: the upstream ingress-nginx
 * builds from the Service's EndpointSlices (ready endpoints on the Service port's target), or,
 * for an ExternalName Service, the external name itself (kubernetes/ingress-nginx
 * internal/ingress/controller/endpointslices.go getEndpointsFromSlices; controller.go
 * createUpstreams). An upstream with no endpoints makes the balancer answer 503.
 */
import type { ServiceObject } from '../../api/objects';
import type { StateView } from '../../cluster/state';
import type { BackendRef } from './servers';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export type UpstreamResult =
  | { ok: true; endpoints: string[]; externalName?: string }
  | { ok: false; reason: string };

function isLoopback(name: string): boolean {
  return name === 'localhost' || name.startsWith('127.') || name === '::1';
}

export function findServicePort(svc: ServiceObject, port: number | string) {
  return (svc.spec?.ports ?? []).find((p) => (typeof port === 'number' ? p.port === port : p.name === port));
}

export function resolveUpstream(view: StateView, ref: BackendRef): UpstreamResult {
  const svc = view.get('Service', ref.namespace, ref.service);
  if (!svc) return { ok: false, reason: `service ${ref.namespace}/${ref.service} not found` };
  if (svc.spec?.type === 'ExternalName') {
    const name = svc.spec.externalName ?? '';
    if (name === '' || isLoopback(name)) return { ok: false, reason: `ExternalName ${name || '""'} is not usable` };
    const sp = findServicePort(svc, ref.port);
    const port = sp ? String(sp.targetPort ?? sp.port) : String(ref.port);
    return { ok: true, endpoints: [`${name}:${port}`], externalName: name };
  }
  const sp = findServicePort(svc, ref.port);
  if (!sp) return { ok: false, reason: `service ${ref.namespace}/${ref.service} has no port ${ref.port}` };
  const endpoints: string[] = [];
  for (const slice of view.list('EndpointSlice')) {
    if (slice.metadata.namespace !== ref.namespace || slice.metadata.labels?.[SERVICE_NAME_LABEL] !== ref.service) continue;
    const epPort = (slice.ports ?? []).find((p) => (p.name ?? '') === (sp.name ?? ''));
    if (epPort?.port === undefined) continue;
    for (const ep of slice.endpoints ?? []) {
      if (ep.conditions?.ready === false) continue;
      for (const addr of ep.addresses) endpoints.push(`${addr}:${epPort.port}`);
    }
  }
  if (endpoints.length === 0) return { ok: false, reason: `service ${ref.namespace}/${ref.service} has no ready endpoints` };
  return { ok: true, endpoints: [...new Set(endpoints)].sort() };
}
