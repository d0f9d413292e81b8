/**
 * How CoreDNS's `kubernetes` plugin reads a query name inside the cluster zone
 * (coredns/coredns plugin/kubernetes/parse.go, parseRequest). Counting labels from the zone
 * upwards: `svc` or `pod`, then the namespace, then the Service (or the pod's dashed IP),
 * then either one endpoint label or `_port._protocol`. Anything longer, or a first label that
 * is neither `svc` nor `pod`, is an invalid name (NXDOMAIN). The zone apex, `svc.<zone>` and
 * `pod.<zone>` parse to an empty request (NODATA). Multicluster and zonal names are not
 * modelled (the kubeadm Corefile enables neither).
 */
import { labelsOf, trimZone } from './names';

export interface RecordRequest {
  /** The named port of `_port._protocol.…` without its underscore, or "" (any). */
  port: string;
  /** The protocol of `_port._protocol.…` without its underscore, or "" (any). */
  protocol: string;
  /** The endpoint label of `<endpoint>.<service>.<ns>.svc.<zone>`, or "". */
  endpoint: string;
  service: string;
  namespace: string;
  /** "" for the zone apex and `svc.<zone>` / `pod.<zone>`. */
  podOrSvc: '' | 'svc' | 'pod';
}

const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const stripUnderscore = (s: string): string => (s.startsWith('_') ? s.slice(1) : s);

/** The request a name in `zone` asks for, or "invalid" (CoreDNS's errInvalidRequest). Lower-cased. */
export function parseRequest(name: string, zone: string): RecordRequest | 'invalid' {
  const r: RecordRequest = { port: '', protocol: '', endpoint: '', service: '', namespace: '', podOrSvc: '' };
  const base = trimZone(name, zone);
  if (base === '' || base === 'svc' || base === 'pod') return r;
  const segs = labelsOf(base);
  let last = segs.length - 1;
  const kind = segs[last];
  if (kind !== 'svc' && kind !== 'pod') return 'invalid';
  r.podOrSvc = kind;
  if (--last < 0) return r;
  r.namespace = segs[last] ?? '';
  if (--last < 0) return r;
  r.service = segs[last] ?? '';
  if (--last < 0) return r;
  if (last === 0) {
    r.endpoint = segs[0] ?? '';
  } else if (last === 1) {
    r.protocol = stripUnderscore(segs[1] ?? '');
    r.port = stripUnderscore(segs[0] ?? '');
  } else {
    return 'invalid';
  }
  return r;
}

/** Port and protocol from the query match the object's, an empty query value matching anything (matchPortAndProtocol). */
export function matchPortAndProtocol(qPort: string, port: string, qProtocol: string, protocol: string): boolean {
  return (qPort === '' || eq(qPort, port)) && (qProtocol === '' || eq(qProtocol, protocol));
}

/** The request as CoreDNS's recordRequest.String() prints it (the multicluster id always empty here). */
export function formatRequest(r: RecordRequest): string {
  return [r.port, r.protocol, r.endpoint, '', r.service, r.namespace, r.podOrSvc].join('.');
}
