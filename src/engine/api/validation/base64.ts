/**
 * Standard base64 (RFC 4648, with padding) as Go's encoding/base64.StdEncoding, which decodes the
 * `data` of a Secret and the `binaryData` of a ConfigMap.
 */
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** UTF-8 bytes of a string. */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

export function encodeBase64(bytes: readonly number[]): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    const n = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    s += alphabet[(n >> 18) & 63] ?? '';
    s += alphabet[(n >> 12) & 63] ?? '';
    s += b1 === undefined ? '=' : (alphabet[(n >> 6) & 63] ?? '');
    s += b2 === undefined ? '=' : (alphabet[n & 63] ?? '');
  }
  return s;
}

/**
 * Decodes base64; on failure returns Go's error text ("illegal base64 data at input byte 4").
 * Like Go, newlines are ignored.
 */
export function decodeBase64(input: string): { bytes: number[] } | { error: string } {
  const s = input.replace(/[\r\n]/g, '');
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  let pad = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? '';
    if (ch === '=') {
      // Padding is only valid at the end, completing a 4-character group.
      if (s.length % 4 !== 0 || i < s.length - 2 || (i === s.length - 2 && s[i + 1] !== '=')) return { error: `illegal base64 data at input byte ${i}` };
      pad++;
      continue;
    }
    const v = alphabet.indexOf(ch);
    if (v < 0 || pad > 0) return { error: `illegal base64 data at input byte ${i}` };
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  // An unfinished last group: Go reports the offset where that group starts.
  if (s.length % 4 !== 0) return { error: `illegal base64 data at input byte ${s.length - (s.length % 4)}` };
  return { bytes };
}
