/**
 * Option values as iptables writes them: addresses (`10.0.0.0/8` or `10.1.2.3`), ports and
 * ranges (`80`, `30000:32767`), marks (`0x4000/0x4000`), probabilities, `ip[:port]`.
 * Each parser returns the value or an error message; none throws.
 */
import { parseCidr, parseIPv4, type Cidr } from '../../net/ipv4';
import type { PortRange } from './types';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** `-s`/`-d`: a single address is a /32; a mask may be a prefix length or a dotted mask. */
export function parseAddress(text: string): Parsed<Cidr> {
  const slash = text.indexOf('/');
  if (slash < 0) {
    const ip = parseIPv4(text);
    return ip === undefined ? fail(`invalid address "${text}"`) : ok({ base: ip, prefix: 32, size: 1 });
  }
  const maskText = text.slice(slash + 1);
  if (maskText.includes('.')) {
    const mask = parseIPv4(maskText);
    const prefix = mask === undefined ? -1 : prefixOfMask(mask);
    if (prefix < 0) return fail(`invalid netmask "${maskText}"`);
    return parseAddress(`${text.slice(0, slash)}/${prefix}`);
  }
  const cidr = parseCidr(text);
  return cidr === undefined ? fail(`invalid address "${text}"`) : ok(cidr);
}

function prefixOfMask(mask: number): number {
  let prefix = 0;
  let m = mask >>> 0;
  while (prefix < 32 && m & 0x80000000) {
    prefix++;
    m = (m << 1) >>> 0;
  }
  return m === 0 ? prefix : -1;
}

export function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= 65535 ? n : undefined;
}

/** `80`, `1000:2000`, `:1024` (0-1024), `1024:` (1024-65535). */
export function parsePortRange(text: string): Parsed<PortRange> {
  const colon = text.indexOf(':');
  if (colon < 0) {
    const p = parsePort(text);
    return p === undefined ? fail(`invalid port "${text}"`) : ok({ min: p, max: p });
  }
  const lo = colon === 0 ? 0 : parsePort(text.slice(0, colon));
  const hi = colon === text.length - 1 ? 65535 : parsePort(text.slice(colon + 1));
  if (lo === undefined || hi === undefined || lo > hi) return fail(`invalid port range "${text}"`);
  return ok({ min: lo, max: hi });
}

/** multiport: a comma-separated list of ports and ranges. */
export function parsePortList(text: string): Parsed<PortRange[]> {
  const out: PortRange[] = [];
  for (const part of text.split(',')) {
    const r = parsePortRange(part);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return ok(out);
}

/** A 32-bit number in decimal or 0x hex. */
export function parseU32(text: string): number | undefined {
  const n = /^0x[0-9a-f]{1,8}$/i.test(text) ? Number.parseInt(text.slice(2), 16) : /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff ? n >>> 0 : undefined;
}

/** `value[/mask]`; the mask defaults to all ones. */
export function parseMarkMask(text: string): Parsed<{ value: number; mask: number }> {
  const slash = text.indexOf('/');
  const value = parseU32(slash < 0 ? text : text.slice(0, slash));
  const mask = slash < 0 ? 0xffffffff : parseU32(text.slice(slash + 1));
  if (value === undefined || mask === undefined) return fail(`invalid mark "${text}"`);
  return ok({ value, mask });
}

export function parseProbability(text: string): Parsed<number> {
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text)) return fail(`invalid probability "${text}"`);
  const p = Number(text);
  return p >= 0 && p <= 1 ? ok(p) : fail(`probability "${text}" is not between 0 and 1`);
}

/** DNAT/SNAT `ip[:port]`. Address and port ranges are not supported. */
export function parseIpPort(text: string): Parsed<{ ip: string; port?: number }> {
  const colon = text.indexOf(':');
  const ipText = colon < 0 ? text : text.slice(0, colon);
  if (parseIPv4(ipText) === undefined) {
    return fail(ipText.includes('-') ? `address ranges are not supported ("${text}")` : `invalid address "${text}"`);
  }
  if (colon < 0) return ok({ ip: ipText });
  const port = parsePort(text.slice(colon + 1));
  if (port === undefined || port === 0) {
    return fail(text.slice(colon + 1).includes('-') ? `port ranges are not supported ("${text}")` : `invalid port in "${text}"`);
  }
  return ok({ ip: ipText, port });
}

/** A non-negative integer of at most 10 digits. */
export function parseCount(text: string): number | undefined {
  return /^\d{1,10}$/.test(text) ? Number(text) : undefined;
}
