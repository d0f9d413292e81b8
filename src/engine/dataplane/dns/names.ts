/**
 * DNS names as a stub resolver and CoreDNS handle them: fully qualified form, labels, zone
 * membership, wire-format limits (RFC 1035 §2.3.4: 63 octets a label, 255 octets a name), and
 * the reverse-lookup names of RFC 1035 §3.5 (`d.c.b.a.in-addr.arpa.`). Pure text; knows
 * nothing of Kubernetes.
 */
import { isIPv4 } from '../../net/ipv4';

export { isIPv4 };

/** `name` with exactly the trailing dot a fully qualified name carries ("." stays "."). */
export function fqdn(name: string): string {
  if (name === '' || name === '.') return '.';
  return name.endsWith('.') ? name : `${name}.`;
}

/** Labels of a name, without the empty root label: "a.b.c." → ["a", "b", "c"]. */
export function labelsOf(name: string): string[] {
  const n = fqdn(name);
  if (n === '.') return [];
  return n.slice(0, -1).split('.');
}

/** Count of dots in the name as typed, the number `options ndots:n` compares with. */
export function dotCount(name: string): number {
  let n = 0;
  for (const ch of name) if (ch === '.') n++;
  return n;
}

/** Is `child` equal to or below `parent`? Case-insensitive, as every DNS comparison (miekg/dns IsSubDomain). */
export function isSubdomain(parent: string, child: string): boolean {
  const p = fqdn(parent).toLowerCase();
  const c = fqdn(child).toLowerCase();
  if (p === '.') return true;
  return c === p || c.endsWith(`.${p}`);
}

/** The part of `name` above `zone`, without a trailing dot: ("a.b.cluster.local.", "cluster.local.") → "a.b". */
export function trimZone(name: string, zone: string): string {
  const n = fqdn(name).toLowerCase();
  const z = fqdn(zone).toLowerCase();
  if (n === z) return '';
  return n.slice(0, n.length - z.length - 1);
}

/** Can the name go into a query at all? Empty labels, labels over 63 octets or names over 255 octets cannot. */
export function encodable(name: string): boolean {
  const n = fqdn(name);
  if (n === '.') return true;
  const labels = labelsOf(n);
  let wire = 1; // the root label's length octet
  for (const l of labels) {
    if (l.length === 0 || l.length > 63) return false;
    wire += l.length + 1;
  }
  return wire <= 255;
}

/** "10.96.0.10" → "10.0.96.10.in-addr.arpa." */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
}

/**
 * The IPv4 address a full reverse name stands for; undefined for a partial name, an ip6.arpa
 * name or anything else (CoreDNS's dnsutil.ExtractAddressFromReverse; IPv6 is not modelled).
 */
export function addressFromReverse(name: string): string | undefined {
  const labels = labelsOf(name.toLowerCase());
  if (labels.length !== 6 || labels[4] !== 'in-addr' || labels[5] !== 'arpa') return undefined;
  const ip = labels.slice(0, 4).reverse().join('.');
  return isIPv4(ip) ? ip : undefined;
}

export function isReverseName(name: string): boolean {
  return isSubdomain('in-addr.arpa.', name) || isSubdomain('ip6.arpa.', name);
}

/** 16-bit groups of one side of "::"; undefined when one is not 1-4 hex digits. */
function hexGroups(s: string): string[] | undefined {
  if (s === '') return [];
  const parts = s.split(':');
  return parts.every((p) => /^[0-9a-fA-F]{1,4}$/.test(p)) ? parts : undefined;
}

/** An IPv6 address in text form (RFC 4291 §2.2, without a zone index), as Go's net.ParseIP accepts it. */
export function isIPv6(text: string): boolean {
  if (!text.includes(':')) return false;
  let groups = text;
  const lastColon = text.lastIndexOf(':');
  const v4 = text.slice(lastColon + 1);
  if (v4.includes('.')) {
    if (!isIPv4(v4)) return false;
    // The dotted quad fills the last two 16-bit groups.
    groups = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = groups.split('::');
  if (halves.length > 2) return false;
  const head = hexGroups(halves[0] ?? '');
  const rest = halves.length === 2 ? hexGroups(halves[1] ?? '') : [];
  if (!head || !rest) return false;
  const count = head.length + rest.length;
  return halves.length === 2 ? count < 8 : count === 8;
}

export function isIP(text: string): boolean {
  return isIPv4(text) || isIPv6(text);
}
