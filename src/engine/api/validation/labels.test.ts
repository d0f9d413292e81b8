import { describe, expect, it } from 'vitest';
import { formatFieldError } from '../field';
import {
  isQualifiedName,
  isValidLabelValue,
  selectorMatches,
  selectorParses,
  selectorValue,
  validateAnnotations,
  validateLabels,
  validateLabelSelector,
} from './labels';

const fmt = (errs: Parameters<typeof formatFieldError>[0][]): string[] => errs.map(formatFieldError);
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('isQualifiedName (label keys)', () => {
  it.each([
    ['app', []],
    ['app.kubernetes.io/name', []],
    ['kubernetes.io/service-name', []],
    ['my app', [NAME_PART]],
    ['/app', ['prefix part must be non-empty']],
    ['Example.com/app', [expect.stringMatching(/^prefix part a lowercase RFC 1123 subdomain/)]],
    ['app/', ['name part must be non-empty', NAME_PART]],
    ['a/b/c', [expect.stringMatching(/^a valid label key must consist of .* with an optional DNS subdomain prefix and '\/' \(e.g. 'example.com\/MyName'\)$/)]],
    ['a'.repeat(64), ['name part must be no more than 63 bytes']],
  ])('%j', (v, want) => expect(isQualifiedName(v)).toEqual(want));
});

describe('isValidLabelValue', () => {
  it.each([
    ['', []],
    ['v1.2_3', []],
    ['has space', [expect.stringContaining("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.'")]],
    ['-a', [expect.stringContaining("(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")]],
    ['a'.repeat(64), ['must be no more than 63 bytes']],
  ])('%j', (v, want) => expect(isValidLabelValue(v)).toEqual(want));
});

it('reports labels at the map path, as upstream does', () => {
  expect(fmt(validateLabels({ 'my app': 'x y' }, 'metadata.labels'))).toEqual([
    `metadata.labels: Invalid value: "my app": ${NAME_PART}`,
    expect.stringMatching(/^metadata\.labels: Invalid value: "x y": a valid label must be/),
  ]);
});

it('caps annotations at 256 KiB in total', () => {
  expect(validateAnnotations({ a: 'x'.repeat(256 * 1024) }, 'metadata.annotations')).toHaveLength(1);
  expect(fmt(validateAnnotations({ a: 'x'.repeat(256 * 1024) }, 'metadata.annotations'))).toEqual([
    'metadata.annotations: Too long: may not be more than 262144 bytes',
  ]);
  expect(validateAnnotations({ a: 'x'.repeat(256 * 1024 - 1) }, 'metadata.annotations')).toEqual([]);
  // Keys compare case-insensitively.
  expect(validateAnnotations({ 'Example.COM/Key': 'v' }, 'metadata.annotations')).toEqual([]);
});

describe('label selectors', () => {
  it('validates requirements', () => {
    expect(
      fmt(
        validateLabelSelector(
          {
            matchExpressions: [
              { key: 'a', operator: 'In', values: [] },
              { key: 'b', operator: 'Exists', values: ['x'] },
              { key: 'c', operator: 'Equals' },
            ],
          },
          'spec.selector',
        ),
      ),
    ).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector.matchExpressions[2].operator: Invalid value: "Equals": not a valid selector operator',
    ]);
  });

  it.each([
    [{ matchLabels: { app: 'web' } }, { app: 'web', tier: 'x' }, true],
    [{ matchLabels: { app: 'web' } }, { app: 'api' }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }, { tier: 'b' }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] }, {}, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, { tier: '' }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, { tier: '' }, false],
    [{}, {}, true],
  ])('matches %j against %j → %j', (sel, labels, want) => expect(selectorMatches(sel, labels)).toBe(want));

  it('knows what LabelSelectorAsSelector refuses', () => {
    expect(selectorParses({ matchLabels: { app: 'web' } })).toBe(true);
    expect(selectorParses({ matchLabels: { 'bad key': 'web' } })).toBe(false);
    expect(selectorParses({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toBe(false);
  });

  it('prints a selector as JSON with sorted keys and omitempty fields', () => {
    expect(JSON.stringify(selectorValue({ matchLabels: { tier: 'b', app: 'a' }, matchExpressions: [] }))).toBe('{"matchLabels":{"app":"a","tier":"b"}}');
    expect(JSON.stringify(selectorValue({}))).toBe('{}');
    expect(selectorValue(undefined)).toBeNull();
  });
});
