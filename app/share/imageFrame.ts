/**
 * Where the picture is, in the canvas's own coordinates, and how big the exported image is.
 * React Flow places every node (children of a group too) with an inline
 * `transform: translate(Xpx, Ypx)` in flow coordinates; their union, with a margin, is the
 * picture, whatever the user's pan and zoom.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ImageFrame {
  /** The image's size in CSS pixels (the picture at zoom 1, plus the margin). */
  width: number;
  height: number;
  /** Device pixels per CSS pixel: 2 for a sharp image, less when the picture is huge. */
  pixelRatio: number;
  /** The transform that puts the picture's top-left corner at the margin. */
  transform: string;
}

/** Margin around the picture, in CSS pixels. */
export const MARGIN = 32;
/** Longest side of the PNG in device pixels (browsers cap canvases near 16,384). */
export const MAX_SIDE = 8192;
const SHARP = 2;

/** "translate(12px, -3.5px)" → {x: 12, y: -3.5}; undefined for anything else. */
export function parseTranslate(transform: string): { x: number; y: number } | undefined {
  const m = /translate\(\s*(-?[\d.]+(?:e-?\d+)?)px\s*,\s*(-?[\d.]+(?:e-?\d+)?)px\s*\)/.exec(transform);
  if (!m) return undefined;
  const x = Number(m[1]);
  const y = Number(m[2]);
  return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : undefined;
}

export function unionOf(rects: readonly Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const r of rects) {
    left = Math.min(left, r.x);
    top = Math.min(top, r.y);
    right = Math.max(right, r.x + r.width);
    bottom = Math.max(bottom, r.y + r.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The image for a picture made of `rects`; undefined when there is nothing to draw. */
export function imageFrame(rects: readonly Rect[], margin = MARGIN): ImageFrame | undefined {
  const box = unionOf(rects.filter((r) => r.width > 0 && r.height > 0));
  if (!box) return undefined;
  const width = Math.ceil(box.width + 2 * margin);
  const height = Math.ceil(box.height + 2 * margin);
  const pixelRatio = Math.min(SHARP, MAX_SIDE / Math.max(width, height));
  const tx = Math.round((margin - box.x) * 100) / 100;
  const ty = Math.round((margin - box.y) * 100) / 100;
  return { width, height, pixelRatio, transform: `translate(${tx}px, ${ty}px) scale(1)` };
}
