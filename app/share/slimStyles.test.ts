// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { keptNames, withSlimStyles } from './slimStyles';

const map = (o: Record<string, string>) => new Map(Object.entries(o));

describe('keptNames', () => {
  it('drops custom properties, and values that are both the default and the parent’s', () => {
    const own = map({ '--surface': '#fff', color: 'rgb(23, 32, 45)', display: 'block', 'margin-top': '0px', 'font-size': '13px', opacity: '1' });
    const parent = map({ color: 'rgb(23, 32, 45)', display: 'flex', 'margin-top': '0px', 'font-size': '13px', opacity: '1' });
    const defaults = map({ color: 'rgb(0, 0, 0)', display: 'block', 'margin-top': '0px', 'font-size': '16px', opacity: '1' });
    // color: inherited from the parent but not the default → kept (the clone's parent may differ from the page's root);
    // display: the default but not the parent's → kept; margin-top and opacity: both → dropped.
    expect(keptNames(own, parent, defaults)).toEqual(['color', 'display', 'font-size']);
  });

  it('keeps every standard property of the root (no parent to inherit from)', () => {
    expect(keptNames(map({ '--x': '1', color: 'rgb(0, 0, 0)', opacity: '1' }), undefined, map({ color: 'rgb(0, 0, 0)', opacity: '1' }))).toEqual(['color', 'opacity']);
  });
});

describe('withSlimStyles', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('lists fewer names only while the image is made, and restores getComputedStyle', async () => {
    const native = window.getComputedStyle;
    const root = document.createElement('div');
    root.style.setProperty('--brand', 'red');
    root.style.color = 'red';
    const child = document.createElement('span');
    root.append(child);
    document.body.append(root);
    const outside = document.createElement('p');
    document.body.append(outside);

    const inside = await withSlimStyles(root, async () => {
      const s = window.getComputedStyle(child);
      const names = Array.from({ length: s.length }, (_, i) => s[i]!);
      return { names, color: s.getPropertyValue('color'), outside: window.getComputedStyle(outside) instanceof CSSStyleDeclaration };
    });
    expect(inside.names.some((n) => n.startsWith('--'))).toBe(false);
    expect(inside.names.length).toBeLessThan(native.call(window, child).length);
    expect(inside.color).toBe(native.call(window, child).getPropertyValue('color'));
    expect(inside.outside).toBe(true);
    expect(window.getComputedStyle).toBe(native);
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
  });

  it('restores getComputedStyle when making the image fails', async () => {
    const native = window.getComputedStyle;
    const root = document.createElement('div');
    document.body.append(root);
    await expect(withSlimStyles(root, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(window.getComputedStyle).toBe(native);
  });
});
