/**
 * DNS messages as kubepath shows them. A record prints as `"<owner> <TYPE> <rdata>"`
 * (`"my-nginx.default.svc.cluster.local. A 10.96.0.12"`), the shape of `DnsResult.answers`;
 * with `{ ttl: true }` it prints in zone-file form with TTL and class, as `dig` does
 * (`"my-nginx.default.svc.cluster.local. 30 IN A 10.96.0.12"`).
 */

export type QType = 'A' | 'AAAA' | 'SRV' | 'CNAME' | 'PTR';
export type RRType = QType | 'SOA';
export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';

export interface DnsRecord {
  /** Owner name, fully qualified. */
  name: string;
  type: RRType;
  ttl: number;
  /** Presentation form: an address; a name; "priority weight port target" (SRV); the SOA fields. */
  data: string;
}

export interface DnsAnswer {
  rcode: Rcode;
  answers: DnsRecord[];
  /** The zone's SOA on NXDOMAIN and NODATA (RFC 2308), as CoreDNS writes it. */
  authority: DnsRecord[];
  /** Addresses of SRV targets. */
  additional: DnsRecord[];
  /** Who answered: the `kubernetes` plugin, or the upstream model behind `forward`. */
  source: 'kubernetes' | 'upstream';
}

export function formatRecord(r: DnsRecord, options: { ttl?: boolean } = {}): string {
  return options.ttl ? `${r.name} ${r.ttl} IN ${r.type} ${r.data}` : `${r.name} ${r.type} ${r.data}`;
}
