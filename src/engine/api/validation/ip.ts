/**
 * IP and CIDR checks with the messages of k8s.io/apimachinery/pkg/util/validation/ip.go and
 * ValidateNonSpecialIP (pkg/apis/core/validation/validation.go). Parsing follows
 * k8s.io/utils/net ParseIPSloppy: IPv4 octets may carry leading zeros ("010.0.0.1").
 */
import { type FieldError, invalid, required } from '../field';
import { isDNS1123Label, isDNS1123Subdomain } from './names';

export interface ParsedIP {
  /** True for dotted-quad IPv4 (and IPv4-mapped IPv6, which Go treats as IPv4). */
  v4: boolean;
  /** 16 bytes, IPv4 stored as ::ffff:a.b.c.d. */
  bytes: number[];
}

function parseV4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

function groups(part: string): number[] | null {
  if (part === '') return [];
  const out: number[] = [];
  const items = part.split(':');
  for (let i = 0; i < items.length; i++) {
    const it = items[i] ?? '';
    if (i === items.length - 1 && it.includes('.')) {
      const v4 = parseV4(it);
      if (!v4) return null;
      out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      continue;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(it)) return null;
    out.push(parseInt(it, 16));
  }
  return out;
}

function parseV6(s: string): number[] | null {
  if (s.length === 0) return null;
  let head = s;
  let tail = '';
  const dbl = s.indexOf('::');
  if (dbl >= 0) {
    if (s.indexOf('::', dbl + 1) >= 0) return null;
    if (s.slice(0, dbl).includes('.')) return null; // an embedded IPv4 address must come last
    head = s.slice(0, dbl);
    tail = s.slice(dbl + 2);
  }
  const h = groups(head);
  const t = groups(tail);
  if (!h || !t) return null;
  let words: number[];
  if (dbl >= 0) {
    if (h.length + t.length > 7) return null;
    words = [...h, ...Array.from({ length: 8 - h.length - t.length }, () => 0), ...t];
  } else {
    if (h.length !== 8) return null;
    words = h;
  }
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

export function parseIPSloppy(s: string): ParsedIP | null {
  const v4 = parseV4(s);
  if (v4) return { v4: true, bytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4] };
  if (!s.includes(':')) return null;
  const v6 = parseV6(s);
  if (!v6) return null;
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return { v4: mapped, bytes: v6 };
}

export function parseCIDRSloppy(s: string): { ip: ParsedIP; prefix: number } | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const ip = parseIPSloppy(s.slice(0, slash));
  const bits = s.slice(slash + 1);
  if (!ip || !/^[0-9]{1,3}$/.test(bits)) return null;
  const prefix = Number(bits);
  // Go's ParseCIDR bounds the mask by how the address was written (a.b.c.d → 32).
  const max = s.slice(0, slash).includes(':') ? 128 : 32;
  if (prefix > max) return null;
  return { ip, prefix };
}

export function isValidIP(path: string, value: string): FieldError[] {
  if (parseIPSloppy(value)) return [];
  return [invalid(path, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
}

export function isValidIPv4Address(path: string, value: string): FieldError[] {
  const ip = parseIPSloppy(value);
  return ip && ip.v4 ? [] : [invalid(path, value, 'must be a valid IPv4 address')];
}

export function isValidIPv6Address(path: string, value: string): FieldError[] {
  const ip = parseIPSloppy(value);
  return ip && !ip.v4 ? [] : [invalid(path, value, 'must be a valid IPv6 address')];
}

export function isValidCIDR(path: string, value: string): FieldError[] {
  if (parseCIDRSloppy(value)) return [];
  return [invalid(path, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
}

/** Unspecified, loopback and link-local addresses are refused for endpoints and external IPs. */
export function validateNonSpecialIP(value: string, path: string): FieldError[] {
  const ip = parseIPSloppy(value);
  if (!ip) return [invalid(path, value, 'must be a valid IP address')];
  const b = ip.bytes;
  const at = (i: number): number => b[i] ?? 0;
  const errs: FieldError[] = [];
  const unspecified = ip.v4 ? at(12) + at(13) + at(14) + at(15) === 0 : b.every((x) => x === 0);
  if (unspecified) errs.push(invalid(path, value, `may not be unspecified (${value})`));
  const loopback = ip.v4 ? at(12) === 127 : b.slice(0, 15).every((x) => x === 0) && at(15) === 1;
  if (loopback) errs.push(invalid(path, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  const linkLocal = ip.v4 ? at(12) === 169 && at(13) === 254 : at(0) === 0xfe && (at(1) & 0xc0) === 0x80;
  if (linkLocal) errs.push(invalid(path, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  const llMulticast = ip.v4 ? at(12) === 224 && at(13) === 0 && at(14) === 0 : at(0) === 0xff && (at(1) & 0x0f) === 0x02;
  if (llMulticast) errs.push(invalid(path, value, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return errs;
}

/** The IPv6-ness of a valid address string (for clusterIPs vs ipFamilies). */
export function isIPv6String(value: string): boolean {
  const ip = parseIPSloppy(value);
  return ip !== null && !ip.v4;
}

/** A DNS name with at least two labels, a trailing dot allowed (IsFullyQualifiedDomainName). */
export function isFullyQualifiedDomainName(path: string, value: string): FieldError[] {
  if (value.length === 0) return [required(path, '')];
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  const sub = isDNS1123Subdomain(name);
  if (sub.length > 0) return [invalid(path, name, sub.join(','))];
  const labels = name.split('.');
  if (labels.length < 2) return [invalid(path, name, 'should be a domain with at least two segments separated by dots')];
  for (const l of labels) {
    const e = isDNS1123Label(l);
    if (e.length > 0) return [invalid(path, l, e.join(','))];
  }
  return [];
}
