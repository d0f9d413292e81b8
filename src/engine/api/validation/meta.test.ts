import { describe, expect, it } from 'vitest';
import { formatFieldError } from '../field';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta';
import { nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain } from './names';

const fmt = (errs: ReturnType<typeof validateObjectMeta>): string[] => errs.map(formatFieldError);

describe('validateObjectMeta', () => {
  it('requires a name unless generateName is set', () => {
    expect(fmt(validateObjectMeta({}, true, nameIsDNSSubdomain))).toEqual(['metadata.name: Required value: name or generateName is required']);
    expect(fmt(validateObjectMeta({ generateName: 'web-' }, true, nameIsDNSSubdomain))).toEqual([]);
    expect(fmt(validateObjectMeta({ generateName: 'Web-' }, true, nameIsDNSSubdomain))[0]).toMatch(/^metadata\.generateName: Invalid value: "Web-": a lowercase RFC 1123 subdomain/);
  });

  it('checks the name with the kind rule', () => {
    expect(fmt(validateObjectMeta({ name: 'my.svc' }, true, nameIsDNS1035Label))[0]).toMatch(/^metadata\.name: Invalid value: "my\.svc": a DNS-1035 label must consist/);
    expect(fmt(validateObjectMeta({ name: 'team.a' }, false, nameIsDNSLabel))).toEqual(['metadata.name: Invalid value: "team.a": must not contain dots']);
    expect(fmt(validateObjectMeta({ name: 'a.b.c' }, true, nameIsDNSSubdomain))).toEqual([]);
  });

  it('checks namespace, labels, annotations and finalizers', () => {
    expect(
      fmt(validateObjectMeta({ name: 'x', namespace: 'Prod', labels: { app: 'a b' }, annotations: { 'a b': '' }, finalizers: ['custom'] }, true, nameIsDNSSubdomain)),
    ).toEqual([
      expect.stringMatching(/^metadata\.namespace: Invalid value: "Prod": a lowercase RFC 1123 label/),
      expect.stringMatching(/^metadata\.labels: Invalid value: "a b": a valid label must be/),
      expect.stringMatching(/^metadata\.annotations: Invalid value: "a b": name part must consist/),
      'metadata.finalizers[0]: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
    ]);
    expect(fmt(validateObjectMeta({ name: 'x', finalizers: ['kubernetes', 'example.com/cleanup'] }, true, nameIsDNSSubdomain))).toEqual([]);
  });

  it('leaves the namespace to the caller', () => {
    expect(validateObjectMeta({ name: 'x' }, true, nameIsDNSSubdomain)).toEqual([]);
    expect(validateObjectMeta({ name: 'x', namespace: 'whatever' }, false, nameIsDNSSubdomain)).toEqual([]);
  });
});

it('refuses renames on update', () => {
  expect(fmt(validateObjectMetaUpdate({ name: 'b' }, { name: 'a' }))).toEqual(['metadata.name: Invalid value: "b": field is immutable']);
  expect(validateObjectMetaUpdate({ name: 'a', labels: { x: 'y' } }, { name: 'a' })).toEqual([]);
});
