import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

export interface SeparatorProps {
  /** Accessible name, e.g. "Resize Manifests". */
  label: string;
  /** id of the pane this separator resizes. */
  controls: string;
  value: number;
  min: number;
  max: number;
  /** Width to return to on double-click. */
  defaultValue: number;
  /** 1 when moving the separator right grows the pane (a left pane), -1 when it shrinks it. */
  direction: 1 | -1;
  onChange: (value: number) => void;
  /** Pixels per arrow key press; Shift multiplies by 4. */
  step?: number;
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/**
 * A vertical window splitter (WAI-ARIA "separator", focusable and with a value): drag it, or focus it and
 * use ←/→ (Shift for bigger steps), Home/End for the pane's minimum/maximum.
 */
export function Separator(props: SeparatorProps) {
  const { label, controls, value, min, max, defaultValue, direction, onChange, step = 16 } = props;
  const drag = useRef<{ x: number; value: number } | null>(null);

  const set = (next: number) => {
    const v = clamp(Math.round(next), min, max);
    if (v !== value) onChange(v);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const amount = e.shiftKey ? step * 4 : step;
    switch (e.key) {
      case 'ArrowLeft':
        set(value - amount * direction);
        break;
      case 'ArrowRight':
        set(value + amount * direction);
        break;
      case 'Home':
        set(min);
        break;
      case 'End':
        set(max);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, value };
    e.currentTarget.dataset.dragging = 'true';
    e.preventDefault();
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (start) set(start.value + (e.clientX - start.x) * direction);
  };

  const endDrag = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    drag.current = null;
    delete e.currentTarget.dataset.dragging;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };

  return (
    // A focusable separator with a value is a widget (WAI-ARIA window splitter); <hr> is the
    // static kind, so linters treat it as non-interactive.
    <div
      // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className="separator"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onDoubleClick={() => set(defaultValue)}
    />
  );
}
