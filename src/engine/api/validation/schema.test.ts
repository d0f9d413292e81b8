import { describe, expect, it } from 'vitest';
import { formatFieldError, required } from '../field';
import { arr, checked, map, obj, typecheck, withoutBadPaths } from './schema';

const schema = obj({
  name: 'string',
  port: 'int32',
  target: 'intOrString',
  on: 'bool',
  labels: map('string'),
  ports: arr(obj({ port: 'int32' })),
});

describe('typecheck', () => {
  it('reports each mistyped field at its path and drops it from the clean copy', () => {
    const r = typecheck({ name: 5, port: '80', target: 1.5, on: 'yes', labels: { a: 1 }, ports: ['80', { port: 80 }], extra: { x: 1 } }, schema, 'spec');
    expect(r.errors.map(formatFieldError)).toEqual([
      'spec.name: Invalid value: 5: must be of type string',
      'spec.port: Invalid value: "80": must be of type int32',
      'spec.target: Invalid value: 1.5: must be of type integer or string',
      'spec.on: Invalid value: "yes": must be of type boolean',
      'spec.labels[a]: Invalid value: 1: must be of type string',
      'spec.ports[0]: Invalid value: "80": must be of type object',
    ]);
    // Mistyped list items become the zero value so indexes stay put; unknown fields pass through.
    expect(r.value).toEqual({ labels: {}, ports: [{}, { port: 80 }], extra: { x: 1 } });
  });

  it('treats null as absent and rejects out-of-range int32', () => {
    const r = typecheck({ name: null, port: 2 ** 31 }, schema);
    expect(r.errors.map(formatFieldError)).toEqual(['port: Invalid value: 2147483648: must be of type int32']);
    expect(r.value).toEqual({});
  });

  it('does not throw on exotic values', () => {
    expect(() => typecheck([1, 2], schema)).not.toThrow();
    expect(() => typecheck('x', schema)).not.toThrow();
    expect(typecheck(undefined, schema).errors).toEqual([]);
  });
});

describe('filtering', () => {
  it('drops errors at or below a mistyped path', () => {
    const errs = [required('spec.ports', ''), required('spec.ports[0].port', ''), required('spec.portsX', '')];
    expect(withoutBadPaths(errs, ['spec.ports']).map((e) => e.path)).toEqual(['spec.portsX']);
  });

  it('checked() runs validation on the clean copy only', () => {
    const errs = checked<{ port?: number }>({ port: 'x' }, schema, (c) => (c.port === undefined ? [required('port', '')] : []));
    expect(errs.map(formatFieldError)).toEqual(['port: Invalid value: "x": must be of type int32']);
  });
});

it('drops Required errors above a mistyped path', () => {
  const errs = [required('spec.defaultBackend', 'port name or number is required'), required('spec.other', '')];
  expect(withoutBadPaths(errs, ['spec.defaultBackend.service.port.number']).map((e) => e.path)).toEqual(['spec.other']);
});
