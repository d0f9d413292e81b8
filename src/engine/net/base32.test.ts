import { describe, expect, it } from 'vitest';
import { base32Encode } from './base32';
import { utf8Bytes } from './sha256';

describe('base32Encode (RFC 4648 StdEncoding, padded)', () => {
  // RFC 4648 section 10 test vectors.
  it.each([
    ['', ''],
    ['f', 'MY======'],
    ['fo', 'MZXQ===='],
    ['foo', 'MZXW6==='],
    ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI======'],
  ])('%j → %j', (input, out) => {
    expect(base32Encode(utf8Bytes(input))).toBe(out);
  });

  it('encodes all-ones and all-zero bytes', () => {
    expect(base32Encode(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff]))).toBe('77777777');
    expect(base32Encode(new Uint8Array(5))).toBe('AAAAAAAA');
    // A 32-byte sha256 digest is 52 characters + 4 padding.
    expect(base32Encode(new Uint8Array(32))).toBe(`${'A'.repeat(52)}====`);
  });
});
