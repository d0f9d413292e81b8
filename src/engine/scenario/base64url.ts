/**
 * Strict base64url (RFC 4648 §5, no padding) for shared links. Encoding reuses net/base64; the
 * decoder here is stricter than net/base64's (which is lenient for PEM and Secret values): only
 * the URL-safe alphabet, no whitespace, and it says where the first bad character is, so a
 * damaged link can be reported precisely.
 */
import { base64UrlEncode } from '../net/base64';

export { base64UrlEncode };

export type Base64UrlResult =
  | { ok: true; bytes: Uint8Array }
  /** `position`: 1-based index of the first character that is not base64url. */
  | { ok: false; reason: 'bad-character'; position: number; character: string }
  /** One character left over at the end: 6 bits cannot make a byte, so text is missing. */
  | { ok: false; reason: 'bad-length' };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

/**
 * Bytes of unpadded base64url text. Trailing `=` padding is tolerated (some encoders add it);
 * non-zero bits left over in the last character are ignored, as most decoders do.
 */
export function base64UrlDecode(text: string): Base64UrlResult {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */ && text.length - end < 2) end--;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || VALUES[c]! < 0) {
      return { ok: false, reason: 'bad-character', position: i + 1, character: String.fromCodePoint(text.codePointAt(i)!) };
    }
  }
  if (end % 4 === 1) return { ok: false, reason: 'bad-length' };
  const bytes = new Uint8Array(Math.floor((end * 3) / 4));
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < end; i++) {
    acc = ((acc << 6) | VALUES[text.charCodeAt(i)]!) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[n++] = (acc >> bits) & 0xff;
    }
  }
  return { ok: true, bytes };
}
