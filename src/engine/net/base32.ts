/**
 * Base32 as RFC 4648 section 6 defines it ("StdEncoding" in Go's encoding/base32): the
 * alphabet A-Z2-7, five bits per character, '=' padding to a multiple of eight characters.
 * kube-proxy encodes its chain-name hashes this way (pkg/proxy/iptables/proxier.go).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}
