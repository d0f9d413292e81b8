import { describe, expect, it } from 'vitest';
import { movedIndex, openingIndex, typedIndex } from './menuKeys';

describe('openingIndex', () => {
  it('Enter, Space and ↓ open on the first item, ↑ on the last', () => {
    expect(openingIndex('Enter', 4)).toBe(0);
    expect(openingIndex(' ', 4)).toBe(0);
    expect(openingIndex('ArrowDown', 4)).toBe(0);
    expect(openingIndex('ArrowUp', 4)).toBe(3);
    expect(openingIndex('a', 4)).toBeUndefined();
    expect(openingIndex('Enter', 0)).toBeUndefined();
  });
});

describe('movedIndex', () => {
  it('arrows move and wrap; Home and End jump', () => {
    expect(movedIndex('ArrowDown', 0, 4)).toBe(1);
    expect(movedIndex('ArrowDown', 3, 4)).toBe(0);
    expect(movedIndex('ArrowUp', 0, 4)).toBe(3);
    expect(movedIndex('ArrowUp', 2, 4)).toBe(1);
    expect(movedIndex('Home', 2, 4)).toBe(0);
    expect(movedIndex('End', 0, 4)).toBe(3);
    expect(movedIndex('Escape', 0, 4)).toBeUndefined();
  });
});

describe('typedIndex', () => {
  const labels = ['Open YAML files…', 'Download manifests', 'Export canvas as PNG', 'Export canvas as SVG'];
  it('moves to the next item starting with the character', () => {
    expect(typedIndex('d', 0, labels)).toBe(1);
    expect(typedIndex('E', 1, labels)).toBe(2);
    expect(typedIndex('e', 2, labels)).toBe(3);
    expect(typedIndex('e', 3, labels)).toBe(2);
    expect(typedIndex('z', 0, labels)).toBeUndefined();
    expect(typedIndex(' ', 0, labels)).toBeUndefined();
  });
});
