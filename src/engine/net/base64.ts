/**
 * Base64 (RFC 4648) over UTF-8, in plain TypeScript: the engine may not use Buffer, and atob/btoa
 * only take Latin-1. The standard alphabet (HTTP Basic credentials) and the URL-safe one without
 * padding (JWT segments).
 */
import { utf8Bytes } from './sha256';

const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function encode(bytes: Uint8Array, alphabet: string, pad: boolean): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    out += alphabet[b0 >> 2]!;
    out += alphabet[((b0 & 3) << 4) | ((b1 ?? 0) >> 4)]!;
    if (b1 === undefined) {
      if (pad) out += '==';
      break;
    }
    out += alphabet[((b1 & 15) << 2) | ((b2 ?? 0) >> 6)]!;
    if (b2 === undefined) {
      if (pad) out += '=';
      break;
    }
    out += alphabet[b2 & 63]!;
  }
  return out;
}

/** Bytes of base64 text in either alphabet, padded or not; undefined when it is not base64. */
export function base64DecodeBytes(text: string): Uint8Array | undefined {
  // Whitespace is ignored (PEM bodies and wrapped Secret values have line breaks).
  const s = text.replace(/\s+/g, '').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/_-]*$/.test(s) || s.length % 4 === 1) return undefined;
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of s) {
    const v = ch === '-' ? 62 : ch === '_' ? 63 : STD.indexOf(ch);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** Go's string(bytes) as a printable JS string: UTF-8, invalid sequences as U+FFFD. */
export function utf8Decode(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
    if (need < 0 || (b >= 0xf8 && need === 2)) {
      out += '\ufffd';
      i++;
      continue;
    }
    let cp = need === 0 ? b : b & (0x3f >> need);
    let ok = i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    const min = [0, 0x80, 0x800, 0x10000][need]!;
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

export function base64Encode(text: string | Uint8Array): string {
  return encode(typeof text === 'string' ? utf8Bytes(text) : text, STD, true);
}

export function base64UrlEncode(data: string | Uint8Array): string {
  return encode(typeof data === 'string' ? utf8Bytes(data) : data, URL_SAFE, false);
}

/** Text of base64 (either alphabet); undefined when it is not base64. */
export function base64Decode(text: string): string | undefined {
  const bytes = base64DecodeBytes(text);
  return bytes ? utf8Decode(bytes) : undefined;
}

/** Bytes as a binary (latin-1) string, in chunks: spreading a large array into fromCharCode overflows the stack. */
export function bytesToBinary(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}
