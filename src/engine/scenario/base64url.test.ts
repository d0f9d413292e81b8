import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64UrlDecode, base64UrlEncode } from './base64url';

describe('base64url (strict, for links)', () => {
  it.each([
    ['', []],
    ['Zg', [0x66]],
    ['Zm8', [0x66, 0x6f]],
    ['Zm9v', [0x66, 0x6f, 0x6f]],
    ['-_8', [0xfb, 0xff]],
    ['-_8=', [0xfb, 0xff]],
  ])('%s decodes', (text, bytes) => {
    expect(base64UrlDecode(text)).toEqual({ ok: true, bytes: Uint8Array.from(bytes) });
  });

  it('says where the first character outside the URL-safe alphabet is', () => {
    expect(base64UrlDecode('abc!!!')).toEqual({ ok: false, reason: 'bad-character', position: 4, character: '!' });
    expect(base64UrlDecode('+/8')).toMatchObject({ ok: false, position: 1 });
    expect(base64UrlDecode('ab cd')).toMatchObject({ ok: false, position: 3 });
    expect(base64UrlDecode('Zm9v😀')).toMatchObject({ ok: false, position: 5, character: '😀' });
    expect(base64UrlDecode('Zg===')).toMatchObject({ ok: false, position: 3 });
  });

  it('refuses a length that cannot be whole bytes (one character left over)', () => {
    expect(base64UrlDecode('Zm9vY')).toEqual({ ok: false, reason: 'bad-length' });
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = base64UrlEncode(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(base64UrlDecode(text)).toEqual({ ok: true, bytes });
      }),
      { seed: 10, numRuns: 300 },
    );
  });
});
