/**
 * HS256 JSON Web Tokens as github.com/dgrijalva/jwt-go (v2, what kelseyhightower/app vendors)
 * makes and checks them: header {"alg":"HS256","typ":"JWT"}, claims marshalled by Go's
 * encoding/json (map keys sorted), base64url without padding, HMAC-SHA256 with the secret.
 */
import { sha256, utf8Bytes } from '../../net/sha256';
import { base64Decode, base64UrlEncode } from '../../net/base64';

const BLOCK = 64;

export function hmacSha256(key: string | Uint8Array, message: string | Uint8Array): Uint8Array {
  let k = typeof key === 'string' ? utf8Bytes(key) : key;
  if (k.length > BLOCK) k = sha256(k);
  const msg = typeof message === 'string' ? utf8Bytes(message) : message;
  const inner = new Uint8Array(BLOCK + msg.length);
  const outer = new Uint8Array(BLOCK + 32);
  for (let i = 0; i < BLOCK; i++) {
    const b = k[i] ?? 0;
    inner[i] = b ^ 0x36;
    outer[i] = b ^ 0x5c;
  }
  inner.set(msg, BLOCK);
  outer.set(sha256(inner), BLOCK);
  return sha256(outer);
}

/** Go's json.Marshal of a map[string]interface{}: keys in sorted order, no spaces. */
function goJson(claims: Record<string, string | number>): string {
  const keys = Object.keys(claims).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(claims[k])}`).join(',')}}`;
}

const HEADER = '{"alg":"HS256","typ":"JWT"}';

export function signJwt(claims: Record<string, string | number>, secret: string): string {
  const signing = `${base64UrlEncode(HEADER)}.${base64UrlEncode(goJson(claims))}`;
  return `${signing}.${base64UrlEncode(hmacSha256(secret, signing))}`;
}

export type JwtCheck = { ok: true; claims: Record<string, unknown> } | { ok: false; reason: string };

/**
 * jwt.Parse with a key function returning the secret: three segments, a JSON header whose alg
 * is HS256, JSON claims, and a matching signature. (jwt-go also rejects an expired `exp`;
 * kubepath has no wall clock, so a token stays valid.)
 */
export function verifyJwt(token: string, secret: string): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'token contains an invalid number of segments' };
  const [h, c, s] = parts as [string, string, string];
  let header: unknown;
  let claims: unknown;
  try {
    header = JSON.parse(base64Decode(h) ?? '');
    claims = JSON.parse(base64Decode(c) ?? '');
  } catch {
    return { ok: false, reason: 'illegal base64 data or malformed JSON' };
  }
  if (typeof header !== 'object' || header === null || (header as { alg?: unknown }).alg !== 'HS256') {
    return { ok: false, reason: 'signing method (alg) is unavailable' };
  }
  if (base64UrlEncode(hmacSha256(secret, `${h}.${c}`)) !== s.replace(/=+$/, '')) return { ok: false, reason: 'signature is invalid' };
  return { ok: true, claims: (claims ?? {}) as Record<string, unknown> };
}
