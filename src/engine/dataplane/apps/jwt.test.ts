import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hmacSha256, signJwt, verifyJwt } from './jwt';
import { base64Decode, base64Encode, base64UrlEncode } from '../../net/base64';

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

describe('HMAC-SHA256 (RFC 4231 test vectors)', () => {
  it.each([
    ['case 1', new Uint8Array(20).fill(0x0b), 'Hi There', 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
    ['case 2', 'Jefe', 'what do ya want for nothing?', '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
    ['case 6 (a key longer than the block)', new Uint8Array(131).fill(0xaa), 'Test Using Larger Than Block-Size Key - Hash Key First', '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54'],
  ])('%s', (_n, key, msg, want) => {
    expect(hex(hmacSha256(key, msg))).toBe(want);
  });
});

describe('base64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['user:password', 'dXNlcjpwYXNzd29yZA=='],
    ['한글', '7ZWc6riA'],
  ])('%j ↔ %j (RFC 4648)', (text, b64) => {
    expect(base64Encode(text)).toBe(b64);
    expect(base64Decode(b64)).toBe(text);
  });

  it('round-trips any text in both alphabets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(base64Decode(base64Encode(s))).toBe(s);
        expect(base64Decode(base64UrlEncode(s))).toBe(s);
      }),
    );
  });

  it('refuses what is not base64', () => {
    expect(base64Decode('a')).toBeUndefined();
    expect(base64Decode('a*b=')).toBeUndefined();
  });
});

describe('HS256 tokens as jwt-go makes them', () => {
  const claims = { email: 'user@example.com', exp: 1460987197, iat: 1460727997, iss: 'auth.service', sub: 'user' };

  it('reproduces the token in kelseyhightower/app\'s README (secret "secret")', () => {
    expect(signJwt(claims, 'secret')).toBe(
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJlbWFpbCI6InVzZXJAZXhhbXBsZS5jb20iLCJleHAiOjE0NjA5ODcxOTcsImlhdCI6MTQ2MDcyNzk5NywiaXNzIjoiYXV0aC5zZXJ2aWNlIiwic3ViIjoidXNlciJ9.x3oFhRhWk5CGYfGcrNctPGWCENEsXpUuKPDQU2ZOLCY',
    );
  });

  it('verifies with the same secret only', () => {
    const t = signJwt(claims, 's3');
    expect(verifyJwt(t, 's3')).toEqual({ ok: true, claims });
    expect(verifyJwt(t, 'secret')).toEqual({ ok: false, reason: 'signature is invalid' });
    expect(verifyJwt('abc', 's3').ok).toBe(false);
    expect(verifyJwt('a.b.c', 's3').ok).toBe(false);
    const [h, , s] = t.split('.');
    expect(verifyJwt(`${h}.${base64UrlEncode('{"sub":"admin"}')}.${s}`, 's3').ok).toBe(false);
  });

  it('any claims signed with any secret verify', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())), fc.string(), (c, secret) => {
        expect(verifyJwt(signJwt(c, secret), secret).ok).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
