import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64Decode, base64DecodeBytes, base64Encode, base64UrlEncode, bytesToBinary, utf8Decode } from './base64';

describe('base64 (RFC 4648)', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foobar', 'Zm9vYmFy'],
    ['user:password', 'dXNlcjpwYXNzd29yZA=='],
    ['é€😀', 'w6nigqzwn5iA'],
  ])('%j ↔ %s', (text, b64) => {
    expect(base64Encode(text)).toBe(b64);
    expect(base64Decode(b64)).toBe(text);
  });

  it('URL-safe without padding (JWT segments), and either alphabet decodes', () => {
    expect(base64UrlEncode(Uint8Array.from([0xfb, 0xff]))).toBe('-_8');
    expect([...base64DecodeBytes('-_8')!]).toEqual([0xfb, 0xff]);
    expect([...base64DecodeBytes('+/8=')!]).toEqual([0xfb, 0xff]);
  });

  it('ignores line breaks (PEM bodies) and refuses what is not base64', () => {
    expect(base64Decode('Zm9v\nYmFy\r\n')).toBe('foobar');
    expect(base64DecodeBytes('not base64!')).toBeUndefined();
    expect(base64DecodeBytes('A')).toBeUndefined();
  });

  it('round-trips any bytes; large arrays turn into text without overflowing the stack', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect([...base64DecodeBytes(base64Encode(bytes))!]).toEqual([...bytes]);
      }),
    );
    expect(bytesToBinary(new Uint8Array(300_000).fill(65)).length).toBe(300_000);
  });

  it('decodes invalid UTF-8 as U+FFFD', () => {
    expect(utf8Decode(Uint8Array.from([0x66, 0xff, 0x6f]))).toBe('f\ufffdo');
    expect(utf8Decode([0xed, 0xa0, 0x80])).toBe('\ufffd\ufffd\ufffd');
  });
});
