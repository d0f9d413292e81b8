// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PANE_LIMITS } from '../store';
import { CANVAS_MIN, fitPanes, SEPARATOR_WIDTH } from './panes';
import { Separator, type SeparatorProps } from './Separator';

afterEach(cleanup);

function setup(props: Partial<SeparatorProps> = {}) {
  const onChange = vi.fn();
  render(
    <Separator
      label="Resize Manifests"
      controls="pane"
      value={400}
      min={300}
      max={600}
      defaultValue={440}
      direction={1}
      onChange={onChange}
      {...props}
    />,
  );
  return { onChange, separator: screen.getByRole('separator', { name: 'Resize Manifests' }) };
}

describe('Separator', () => {
  it('is a focusable vertical separator that reports its value', () => {
    const { separator } = setup();
    expect(separator.getAttribute('aria-orientation')).toBe('vertical');
    expect(separator.getAttribute('aria-valuenow')).toBe('400');
    expect(separator.getAttribute('aria-valuemin')).toBe('300');
    expect(separator.getAttribute('aria-valuemax')).toBe('600');
    expect(separator.tabIndex).toBe(0);
  });

  it('moves with the arrow keys, further with Shift', () => {
    const { separator, onChange } = setup();
    fireEvent.keyDown(separator, { key: 'ArrowRight' });
    fireEvent.keyDown(separator, { key: 'ArrowLeft', shiftKey: true });
    expect(onChange.mock.calls).toEqual([[416], [336]]);
  });

  it('grows a right-hand pane when moved left', () => {
    const { separator, onChange } = setup({ direction: -1 });
    fireEvent.keyDown(separator, { key: 'ArrowLeft' });
    expect(onChange).toHaveBeenCalledWith(416);
  });

  it('jumps to the limits with Home and End and never passes them', () => {
    const { separator, onChange } = setup({ value: 590 });
    fireEvent.keyDown(separator, { key: 'Home' });
    fireEvent.keyDown(separator, { key: 'End' });
    fireEvent.keyDown(separator, { key: 'ArrowRight', shiftKey: true });
    expect(onChange.mock.calls).toEqual([[300], [600], [600]]);
  });

  it('does nothing at a limit and leaves other keys alone', () => {
    const { separator, onChange } = setup({ value: 600 });
    fireEvent.keyDown(separator, { key: 'ArrowRight' });
    fireEvent.keyDown(separator, { key: 'a' });
    expect(onChange).not.toHaveBeenCalled();
  });

  it('resets to its default on double-click', () => {
    const { separator, onChange } = setup();
    fireEvent.doubleClick(separator);
    expect(onChange).toHaveBeenCalledWith(440);
  });
});

describe('fitPanes', () => {
  it('keeps the stored widths when they fit', () => {
    expect(fitPanes(1280, { editor: 384, inspector: 300 })).toMatchObject({ editor: 384, inspector: 300 });
  });

  it('squeezes the inspector first, then the editor, and keeps the canvas its minimum', () => {
    const fitted = fitPanes(1000, { editor: 500, inspector: 400 });
    expect(fitted.editor + fitted.inspector + 2 * SEPARATOR_WIDTH + CANVAS_MIN).toBeLessThanOrEqual(1000);
    expect(fitted.editor).toBe(1000 - 2 * SEPARATOR_WIDTH - CANVAS_MIN - PANE_LIMITS.inspector.min);
    expect(fitted.inspector).toBe(PANE_LIMITS.inspector.min);
  });

  it('never goes below the pane minimums', () => {
    const fitted = fitPanes(600, { editor: 500, inspector: 400 });
    expect(fitted.editor).toBe(PANE_LIMITS.editor.min);
    expect(fitted.inspector).toBe(PANE_LIMITS.inspector.min);
  });

  it('offers a maximum that leaves the canvas its minimum', () => {
    const fitted = fitPanes(1920, { editor: 576, inspector: 340 });
    expect(fitted.editorMax).toBe(Math.min(PANE_LIMITS.editor.max, 1920 - 2 * SEPARATOR_WIDTH - CANVAS_MIN - 340));
    expect(fitted.inspectorMax).toBe(PANE_LIMITS.inspector.max);
  });
});
