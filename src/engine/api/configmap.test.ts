import { describe, expect, it } from 'vitest';
import { defaultConfigMap, validateConfigMap } from './configmap';
import { DEFAULT_VALIDATION_CONTEXT as ctx } from './context';
import { formatFieldError } from './field';
import type { ConfigMapObject } from './objects';

const cm = (body: Record<string, unknown>): ConfigMapObject =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, ...body }) as ConfigMapObject;
const errs = (c: ConfigMapObject, old?: ConfigMapObject): string[] => validateConfigMap(defaultConfigMap(c), ctx, old && defaultConfigMap(old)).map(formatFieldError);

describe('ConfigMap', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['valid', { data: { 'app.properties': 'a=b', KEY: 'v' }, binaryData: { 'logo.png': 'iVBORw0KGgo=' } }, []],
    [
      'keys',
      { data: { 'conf/app': 'x' } },
      [
        "data[conf/app]: Invalid value: \"conf/app\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
      ],
    ],
    ['key in both', { data: { a: 'x' }, binaryData: { a: 'eA==' } }, ['data[a]: Invalid value: "a": duplicate of key present in binaryData']],
    ['1 MiB in total', { data: { a: 'x'.repeat(1024 * 1024 + 1) } }, ['Too long: may not be more than 1048576 bytes']],
    ['values must be strings', { data: { port: 8080 } }, ['data[port]: Invalid value: 8080: must be of type string']],
  ])('%s', (_name, body, want) => expect(errs(cm(body))).toEqual(want));

  it('refuses changes to an immutable ConfigMap', () => {
    const old = cm({ data: { a: 'x' }, immutable: true });
    expect(errs(cm({ data: { a: 'y' }, immutable: true }), old)).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
    expect(errs(cm({ data: { a: 'x' } }), old)).toEqual(['immutable: Forbidden: field is immutable when `immutable` is set']);
    expect(errs(cm({ data: { a: 'y' } }), cm({ data: { a: 'x' } }))).toEqual([]);
  });
});
