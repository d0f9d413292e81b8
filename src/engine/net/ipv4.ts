/** IPv4 addresses and CIDR blocks as unsigned 32-bit numbers. Knows nothing of Kubernetes. */

export interface Cidr {
  /** Network address as an unsigned 32-bit number. */
  base: number;
  prefix: number;
  /** Number of addresses in the block. */
  size: number;
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Parse dotted-quad text; undefined when it is not a canonical IPv4 address. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!OCTET.test(p)) return undefined;
    n = n * 256 + Number(p);
  }
  return n >>> 0;
}

export function isIPv4(text: string): boolean {
  return parseIPv4(text) !== undefined;
}

export function formatIPv4(n: number): string {
  const v = n >>> 0;
  return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIPv4(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (ip === undefined || !/^(3[0-2]|[12]?\d)$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const size = 2 ** (32 - prefix);
  const base = prefix === 0 ? 0 : (ip - (ip % size)) >>> 0;
  return { base, prefix, size };
}

export function formatCidr(c: Cidr): string {
  return `${formatIPv4(c.base)}/${c.prefix}`;
}

export function cidrContains(c: Cidr, ip: number): boolean {
  return ip >= c.base && ip < c.base + c.size;
}

/** The i-th address of the block (0 is the network address). */
export function cidrAddress(c: Cidr, i: number): number {
  return (c.base + i) >>> 0;
}

/** The i-th sub-block of the given prefix inside c (e.g. the i-th /24 of a /16). */
export function subnet(c: Cidr, prefix: number, i: number): Cidr {
  const size = 2 ** (32 - prefix);
  return { base: (c.base + i * size) >>> 0, prefix, size };
}

export function ipInCidr(ip: string, cidr: string): boolean {
  const n = parseIPv4(ip);
  const c = parseCidr(cidr);
  return n !== undefined && c !== undefined && cidrContains(c, n);
}
