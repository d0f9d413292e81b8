import { PANE_LIMITS, type PaneSizes } from '../store';

/** Width of each draggable separator, in CSS pixels. */
export const SEPARATOR_WIDTH = 7;
/** The canvas never gets narrower than this while the side panes can still give way. */
export const CANVAS_MIN = 360;

export interface FittedPanes {
  /** Widths actually shown (the stored ones, squeezed when the window is too small). */
  editor: number;
  inspector: number;
  /** Largest width each side pane may take right now. */
  editorMax: number;
  inspectorMax: number;
}

/**
 * Fits the stored pane widths into a workspace `width` pixels wide: the canvas keeps at least
 * CANVAS_MIN, the inspector gives way first, and nothing goes below its minimum.
 */
export function fitPanes(width: number, panes: PaneSizes): FittedPanes {
  const { editor: e, inspector: i } = PANE_LIMITS;
  const room = Math.max(0, width - 2 * SEPARATOR_WIDTH - CANVAS_MIN);
  const inspector = Math.max(i.min, Math.min(panes.inspector, room - panes.editor));
  const editor = Math.max(e.min, Math.min(panes.editor, room - inspector));
  return {
    editor: Math.round(editor),
    inspector: Math.round(inspector),
    editorMax: Math.max(e.min, Math.min(e.max, Math.floor(room - inspector))),
    inspectorMax: Math.max(i.min, Math.min(i.max, Math.floor(room - editor))),
  };
}
