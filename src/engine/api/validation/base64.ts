/**
 * Standard base64 (RFC 4648, with padding) as Go's encoding/base64.StdEncoding, which decodes the
 * `data` of a Secret and the `binaryData` of a ConfigMap.
 */
import { utf8Bytes as utf8BytesOf } from '../../net/sha256';
import { base64Encode } from '../../net/base64';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** UTF-8 bytes of a string (one encoder for the engine: net/sha256). */
export function utf8Bytes(s: string): number[] {
  return [...utf8BytesOf(s)];
}

export function encodeBase64(bytes: readonly number[]): string {
  return base64Encode(Uint8Array.from(bytes));
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
