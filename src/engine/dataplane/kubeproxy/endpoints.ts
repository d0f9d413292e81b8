/**
 * EndpointSlices → the endpoints of each Service port, as kube-proxy's EndpointSliceCache
 * builds them (pkg/proxy/endpointslicecache.go): slices are grouped by their
 * kubernetes.io/service-name label; each slice port (name, protocol) collects every endpoint's
 * first address with that port; conditions default to ready and serving when unset; a
 * duplicate "ip:port" is replaced only by a non-terminating one; the result is sorted by
 * "ip:port" as a string.
 */
import type { EndpointSliceObject } from '../../api/objects';
import { formatIPv4, parseIPv4 } from '../../net/ipv4';
import type { EndpointInfo } from './types';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** Key of one Service port's endpoints: "ns/service" + port name + protocol. */
export function endpointsKey(namespace: string, service: string, portName: string, protocol: string): string {
  return `${namespace}/${service}\u0000${portName}\u0000${protocol}`;
}

export function endpointsByServicePort(slices: Iterable<EndpointSliceObject>, nodeName: string): Map<string, EndpointInfo[]> {
  const sets = new Map<string, Map<string, EndpointInfo>>();
  const sorted = [...slices].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
  for (const slice of sorted) {
    const service = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    // An IPv4 proxier only reads IPv4 slices.
    if (!service || slice.addressType !== 'IPv4') continue;
    const namespace = slice.metadata.namespace ?? 'default';
    for (const port of slice.ports ?? []) {
      if (!port.port) continue;
      const key = endpointsKey(namespace, service, port.name ?? '', port.protocol ?? 'TCP');
      let set = sets.get(key);
      if (!set) sets.set(key, (set = new Map()));
      for (const ep of slice.endpoints ?? []) {
        const addr = ep.addresses?.[0];
        const n = addr === undefined ? undefined : parseIPv4(addr);
        if (n === undefined) continue;
        const ip = formatIPv4(n);
        const terminating = ep.conditions?.terminating ?? false;
        const info: EndpointInfo = {
          ip,
          port: port.port,
          endpoint: `${ip}:${port.port}`,
          isLocal: nodeName !== '' && ep.nodeName === nodeName,
          ready: ep.conditions?.ready ?? true,
          serving: ep.conditions?.serving ?? true,
          terminating,
        };
        const zones = ep.hints?.forZones?.map((z) => z.name) ?? [];
        if (zones.length > 0) info.zoneHints = zones;
        const nodes = (ep.hints as { forNodes?: { name: string }[] } | undefined)?.forNodes?.map((z) => z.name) ?? [];
        if (nodes.length > 0) info.nodeHints = nodes;
        if (ep.targetRef?.kind === 'Pod' && ep.targetRef.name) info.pod = `${ep.targetRef.namespace ?? namespace}/${ep.targetRef.name}`;
        if (ep.nodeName) info.nodeName = ep.nodeName;
        // Prefer a running endpoint over a terminating one with the same IP.
        if (!set.has(info.endpoint) || !terminating) set.set(info.endpoint, info);
      }
    }
  }
  const out = new Map<string, EndpointInfo[]>();
  for (const [key, set] of sets) {
    if (set.size === 0) continue;
    out.set(key, [...set.values()].sort((a, b) => (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0)));
  }
  return out;
}
