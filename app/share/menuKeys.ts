/**
 * Keys of a menu button and its menu (WAI-ARIA menu button pattern): which item gets focus.
 */

/** On the closed menu's button: the item to open the menu on, or undefined for other keys. */
export function openingIndex(key: string, count: number): number | undefined {
  if (count === 0) return undefined;
  if (key === 'Enter' || key === ' ' || key === 'ArrowDown') return 0;
  if (key === 'ArrowUp') return count - 1;
  return undefined;
}

/** Inside the open menu: the item to move to (wrapping), or undefined when the key does not move. */
export function movedIndex(key: string, index: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return index >= count - 1 ? 0 : index + 1;
    case 'ArrowUp':
      return index <= 0 ? count - 1 : index - 1;
    case 'Home':
    case 'PageUp':
      return 0;
    case 'End':
    case 'PageDown':
      return count - 1;
    default:
      return undefined;
  }
}

/** Type-ahead: the next item after `index` whose label starts with the typed character. */
export function typedIndex(char: string, index: number, labels: readonly string[]): number | undefined {
  if (char.length !== 1 || !/\S/.test(char)) return undefined;
  const c = char.toLowerCase();
  for (let step = 1; step <= labels.length; step++) {
    const i = (index + step) % labels.length;
    if (labels[i]!.toLowerCase().startsWith(c)) return i;
  }
  return undefined;
}
