/**
 * Reading an X.509 certificate from PEM, enough to check it as curl does: subject and issuer
 * (CN, O), subjectAltName DNS names and IP addresses (RFC 5280 §4.2.1.6), whether it is
 * self-signed (issuer = subject). DER is walked as ASN.1 TLV; signatures are not verified
 * (kubepath trusts by issuer name, which is what the lesson is about).
 */

import { base64DecodeBytes } from '../../net/base64';

export interface Certificate {
  subject: Record<string, string>;
  issuer: Record<string, string>;
  dnsNames: string[];
  ipAddresses: string[];
  selfSigned: boolean;
  /** The PEM the certificate came from. */
  pem: string;
}

interface Tlv {
  tag: number;
  start: number;
  end: number;
  /** Offset of the first content byte. */
  body: number;
}

const OIDS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
};
const SAN_OID = '2.5.29.17';

function readTlv(b: Uint8Array, at: number, limit: number): Tlv | undefined {
  if (at + 2 > limit) return undefined;
  const tag = b[at]!;
  let len = b[at + 1]!;
  let body = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || body + n > limit) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[body + i]!;
    body += n;
  }
  const end = body + len;
  return end > limit ? undefined : { tag, start: at, end, body };
}

function children(b: Uint8Array, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = t.body; at < t.end; ) {
    const c = readTlv(b, at, t.end);
    if (!c) break;
    out.push(c);
    at = c.end;
  }
  return out;
}

function oid(b: Uint8Array, t: Tlv): string {
  const parts: number[] = [];
  const first = b[t.body]!;
  parts.push(Math.floor(first / 40), first % 40);
  let v = 0;
  for (let i = t.body + 1; i < t.end; i++) {
    v = v * 128 + (b[i]! & 0x7f);
    if (!(b[i]! & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

function text(b: Uint8Array, t: Tlv): string {
  // Names in the certificates kubepath reads are ASCII (PrintableString, IA5String, UTF8 ASCII).
  let s = '';
  for (let i = t.body; i < t.end; i++) s += String.fromCharCode(b[i]!);
  return s;
}

function names(b: Uint8Array, t: Tlv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rdn of children(b, t)) {
    for (const atv of children(b, rdn)) {
      const [type, value] = children(b, atv);
      if (!type || !value) continue;
      const key = OIDS[oid(b, type)] ?? oid(b, type);
      out[key] = text(b, value);
    }
  }
  return out;
}

function same(b: Uint8Array, x: Tlv, y: Tlv): boolean {
  if (x.end - x.start !== y.end - y.start) return false;
  for (let i = 0; i < x.end - x.start; i++) if (b[x.start + i] !== b[y.start + i]) return false;
  return true;
}

/** The first certificate in a PEM text, or undefined when there is none or it is not DER. */
export function parseCertificate(pem: string): Certificate | undefined {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem);
  if (!m) return undefined;
  const b = base64DecodeBytes(m[1]!);
  if (!b) return undefined;
  const cert = readTlv(b, 0, b.length);
  if (!cert || cert.tag !== 0x30) return undefined;
  const tbs = children(b, cert)[0];
  if (!tbs || tbs.tag !== 0x30) return undefined;
  let fields = children(b, tbs);
  if (fields[0]?.tag === 0xa0) fields = fields.slice(1); // [0] version
  // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, [3] extensions
  const [, , issuer, , subject] = fields;
  if (!issuer || !subject) return undefined;
  const dnsNames: string[] = [];
  const ipAddresses: string[] = [];
  const ext = fields.find((f) => f.tag === 0xa3);
  for (const e of ext ? children(b, children(b, ext)[0] ?? ext) : []) {
    const parts = children(b, e);
    if (!parts[0] || oid(b, parts[0]) !== SAN_OID) continue;
    const value = parts.at(-1)!;
    const seq = readTlv(b, value.body, value.end);
    for (const gn of seq ? children(b, seq) : []) {
      if (gn.tag === 0x82) dnsNames.push(text(b, gn));
      if (gn.tag === 0x87 && gn.end - gn.body === 4) ipAddresses.push([...b.subarray(gn.body, gn.end)].join('.'));
    }
  }
  return { subject: names(b, subject), issuer: names(b, issuer), dnsNames, ipAddresses, selfSigned: same(b, issuer, subject), pem };
}

/** RFC 6125 matching as curl does it: SANs when there are any (one left-most wildcard label), else the subject CN. */
export function matchesHost(cert: Certificate, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (/^\d+\.\d+\.\d+\.\d+$/.test(h)) return cert.ipAddresses.includes(h) || (cert.dnsNames.length === 0 && cert.ipAddresses.length === 0 && cert.subject.CN === h);
  const pattern = (p: string) => {
    const n = p.toLowerCase().replace(/\.$/, '');
    if (n.startsWith('*.')) return h.includes('.') && h.slice(h.indexOf('.') + 1) === n.slice(2);
    return n === h;
  };
  if (cert.dnsNames.length > 0 || cert.ipAddresses.length > 0) return cert.dnsNames.some(pattern);
  return cert.subject.CN !== undefined && pattern(cert.subject.CN);
}
