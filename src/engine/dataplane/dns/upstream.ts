/**
 * The world outside the cluster, as CoreDNS's `forward . /etc/resolv.conf` reaches it: A MODEL.
 * kubepath never does I/O, so the upstream resolver is a small fixed table of well-known public
 * names with plausible, frozen addresses (they are illustrative, not what the live DNS says
 * today). Every other name is NXDOMAIN, and so is every reverse lookup: private ranges (RFC
 * 6303) are NXDOMAIN on real resolvers too, and public PTR data is not modelled.
 */
import type { DnsAnswer, DnsRecord, QType } from './message';
import { fqdn } from './names';

/** TTL of every upstream record (a model; real TTLs vary and count down in caches). */
export const UPSTREAM_TTL = 300;

interface UpstreamEntry {
  a?: string[];
  aaaa?: string[];
  cname?: string;
}

/** Public names the model knows. github.com has no AAAA record (true of the real one too). */
const TABLE: Readonly<Record<string, UpstreamEntry>> = {
  'example.com.': { a: ['93.184.215.14'], aaaa: ['2606:2800:21f:cb07:6820:80da:af6b:8b2c'] },
  'www.example.com.': { a: ['93.184.215.14'], aaaa: ['2606:2800:21f:cb07:6820:80da:af6b:8b2c'] },
  'example.org.': { a: ['93.184.215.14'] },
  'kubernetes.io.': { a: ['15.197.167.90'] },
  'www.kubernetes.io.': { cname: 'kubernetes.io.' },
  'registry.k8s.io.': { a: ['34.96.108.209'], aaaa: ['2600:1901:0:bbc4::'] },
  'google.com.': { a: ['142.250.80.46'], aaaa: ['2607:f8b0:4006:80b::200e'] },
  'www.google.com.': { a: ['142.250.80.68'], aaaa: ['2607:f8b0:4006:80b::2004'] },
  'github.com.': { a: ['140.82.112.3'] },
  'www.github.com.': { cname: 'github.com.' },
  'api.github.com.': { a: ['140.82.112.6'] },
};

/** The names in the model, for display ("try one of these"). */
export const UPSTREAM_NAMES: readonly string[] = Object.keys(TABLE);

const record = (name: string, type: DnsRecord['type'], data: string): DnsRecord => ({ name, type, ttl: UPSTREAM_TTL, data });

/** What the upstream resolver answers for one question (following its own CNAMEs, at most 8). */
export function upstreamAnswer(qname: string, qtype: QType): DnsAnswer {
  const owner = fqdn(qname);
  let name = owner.toLowerCase();
  const answers: DnsRecord[] = [];
  for (let hop = 0; hop <= 8; hop++) {
    const entry = TABLE[name];
    if (!entry) {
      // A dangling CNAME answers with the chain so far.
      if (hop === 0) return { rcode: 'NXDOMAIN', answers: [], authority: [], additional: [], source: 'upstream' };
      break;
    }
    const at = hop === 0 ? owner : name;
    if (entry.cname) {
      answers.push(record(at, 'CNAME', entry.cname));
      if (qtype === 'CNAME') break;
      name = entry.cname;
      continue;
    }
    const data = qtype === 'A' ? entry.a : qtype === 'AAAA' ? entry.aaaa : undefined;
    for (const ip of data ?? []) answers.push(record(at, qtype, ip));
    break;
  }
  return { rcode: 'NOERROR', answers, authority: [], additional: [], source: 'upstream' };
}
