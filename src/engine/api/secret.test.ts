import { describe, expect, it } from 'vitest';
import { DEFAULT_VALIDATION_CONTEXT as ctx } from './context';
import { formatFieldError } from './field';
import type { SecretObject } from './objects';
import { defaultSecret, validateSecret } from './secret';
import { decodeBase64, encodeBase64, utf8Bytes } from './validation/base64';

const secret = (body: Record<string, unknown>): SecretObject =>
  ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, ...body }) as SecretObject;
const errs = (s: SecretObject, old?: SecretObject): string[] => validateSecret(defaultSecret(s), ctx, old && defaultSecret(old)).map(formatFieldError);

describe('base64', () => {
  it.each([
    ['', ''],
    ['a', 'YQ=='],
    ['ab', 'YWI='],
    ['abc', 'YWJj'],
    ['héllo', 'aMOpbGxv'],
  ])('%j ↔ %j', (text, b64) => {
    expect(encodeBase64(utf8Bytes(text))).toBe(b64);
    expect(decodeBase64(b64)).toEqual({ bytes: utf8Bytes(text) });
  });
  it('reports bad input like Go', () => {
    expect(decodeBase64('hunter2!')).toEqual({ error: 'illegal base64 data at input byte 7' });
    expect(decodeBase64('YQ=a')).toEqual({ error: 'illegal base64 data at input byte 2' });
  });
});

describe('Secret', () => {
  it('defaults type to Opaque and folds stringData into data', () => {
    const s = defaultSecret(secret({ data: { a: 'YQ==' }, stringData: { password: 'hunter2', a: 'b' } }));
    expect(s.type).toBe('Opaque');
    expect(s.data).toEqual({ a: 'Yg==', password: 'aHVudGVyMg==' });
    expect((s as unknown as Record<string, unknown>).stringData).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['valid', { data: { password: 'aHVudGVyMg==' } }, []],
    ['plain text in data', { data: { password: 'hunter2' } }, ['data[password]: Invalid value: "<secret contents redacted>": illegal base64 data at input byte 4']],
    ['TLS needs tls.crt and tls.key', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } }, ['data[tls.key]: Required value']],
    ['TLS from stringData', { type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'c', 'tls.key': 'k' } }, []],
    ['keys', { stringData: { 'a b': 'x' } }, [expect.stringMatching(/^data\[a b\]: Invalid value: "a b": a valid config key/) as unknown as string]],
    ['basic-auth', { type: 'kubernetes.io/basic-auth' }, ['data[username]: Required value', 'data[password]: Required value']],
    ['dockerconfigjson', { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': 'eA==' } }, [
      'data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": invalid character looking for beginning of value',
    ]],
  ])('%s', (_name, body, want) => expect(errs(secret(body))).toEqual(want));

  it('keeps type and immutable data on update', () => {
    expect(errs(secret({ type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'c', 'tls.key': 'k' } }), secret({}))).toEqual([
      'type: Invalid value: "kubernetes.io/tls": field is immutable',
    ]);
    expect(errs(secret({ data: { a: 'eQ==' }, immutable: true }), secret({ data: { a: 'eA==' }, immutable: true }))).toEqual([
      'data: Forbidden: field is immutable when `immutable` is set',
    ]);
  });
});
