import { describe, expect, it } from 'vitest';
import { sha256, sha256Hex, utf8Bytes } from './sha256';

describe('sha256', () => {
  // FIPS 180-4 / NIST CAVP examples, plus padding edges (55, 56, 64 bytes) and UTF-8 text;
  // the UTF-8 and edge digests were taken from `sha256sum`.
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
    ['The quick brown fox jumps over the lazy dog', 'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592'],
    ['a'.repeat(55), '9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318'],
    ['a'.repeat(56), 'b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a'],
    ['a'.repeat(64), 'ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb'],
    ['héllo wörld', 'a1003f7d04a4115711d0b48a2eaf1359ce565d2d2a6fd65098dfcffadeeef59f'],
    ['日本語', '77710aedc74ecfa33685e33a6c7df5cc83004da1bdcef7fb280f5c2b2e97e0a5'],
    ['😀 emoji', 'c5db20e64d86b693d8e312b379cfdd211311f63f3743831e6f4139344b39d762'],
    ['ns1/svc1:p80tcp', 'bbcc3e7a1157ec9ccfee6c5ee9e7b58efac4f27785845f4433832a6750e929dd'],
  ])('sha256(%j)', (input, hex) => {
    expect(sha256Hex(input)).toBe(hex);
  });

  it('hashes a million "a" (multi-block)', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('hashes raw bytes the same as their text', () => {
    expect(sha256(Uint8Array.from([0x61, 0x62, 0x63]))).toEqual(sha256('abc'));
    expect(sha256('abc')).toHaveLength(32);
  });

  it('encodes UTF-8 as TextEncoder does', () => {
    expect([...utf8Bytes('A')]).toEqual([0x41]);
    expect([...utf8Bytes('é')]).toEqual([0xc3, 0xa9]);
    expect([...utf8Bytes('€')]).toEqual([0xe2, 0x82, 0xac]);
    expect([...utf8Bytes('😀')]).toEqual([0xf0, 0x9f, 0x98, 0x80]);
    expect([...utf8Bytes('\ud800')]).toEqual([0xef, 0xbf, 0xbd]);
  });
});
