/**
 * The cluster canvas as a PNG or an SVG file: React Flow's viewport (cards, edges, labels;
 * not the packet in flight) cloned by html-to-image at zoom 1 around the whole picture,
 * whatever the user's pan and zoom, on the theme's canvas colour. Loaded on first use
 * (html-to-image stays out of the first chunk). The SVG is the page's own markup in a
 * <foreignObject> with its computed styles inlined (only those it needs, slimStyles.ts), so
 * browsers show it as it looks here; the PNG is that SVG drawn on a canvas at twice the size
 * (less for a huge picture).
 *
 * html-to-image is pinned to 1.11.11: later releases lose React Flow's edges (their SVG
 * styles) in the image.
 */
import { toSvg } from 'html-to-image';
import { downloadBlob } from './download';
import { imageFrame, parseTranslate, type ImageFrame, type Rect } from './imageFrame';
import { withSlimStyles } from './slimStyles';

export type ImageFormat = 'png' | 'svg';

export const CANVAS_FILES: Readonly<Record<ImageFormat, string>> = {
  png: 'kubepath-cluster.png',
  svg: 'kubepath-cluster.svg',
};

/** A failure to tell the user as it is. */
export class ExportError extends Error {}

interface CanvasParts {
  flow: HTMLElement;
  viewport: HTMLElement;
}

function canvasParts(root: ParentNode): CanvasParts {
  const flow = root.querySelector<HTMLElement>('.canvas-pane .react-flow');
  const viewport = flow?.querySelector<HTMLElement>('.react-flow__viewport');
  if (!flow || !viewport) throw new ExportError('The cluster canvas is not on the page yet: wait until the cluster is drawn, then export.');
  return { flow, viewport };
}

/** Every node's box in flow coordinates (children of groups carry absolute positions). */
function nodeRects(viewport: HTMLElement): Rect[] {
  return [...viewport.querySelectorAll<HTMLElement>('.react-flow__node')].flatMap((el) => {
    const at = parseTranslate(el.style.transform);
    return at ? [{ ...at, width: el.offsetWidth, height: el.offsetHeight }] : [];
  });
}

const transparent = (c: string) => c === '' || c === 'transparent' || /^rgba\(.*,\s*0\)$/.test(c);

/** The canvas colour of the current theme (React Flow's background), else the page's. */
function backgroundOf(flow: HTMLElement): string {
  const own = getComputedStyle(flow).backgroundColor;
  if (!transparent(own)) return own;
  const page = getComputedStyle(flow.ownerDocument.body).backgroundColor;
  return transparent(page) ? '#ffffff' : page;
}

/**
 * The moving packet, its badges and the NAT pulse are drawn for the screen (sized against the
 * current zoom): the image shows the cluster itself.
 */
export function keepInImage(node: Node): boolean {
  const list = (node as Element).classList as DOMTokenList | undefined;
  return !list?.contains('kp-packets');
}

function options(frame: ImageFrame, background: string) {
  return {
    filter: keepInImage,
    width: frame.width,
    height: frame.height,
    backgroundColor: background,
    // The app draws with system fonts; embedding would fetch every @font-face (Monaco's icons).
    skipFonts: true,
    style: { width: `${frame.width}px`, height: `${frame.height}px`, transform: frame.transform, transformOrigin: '0 0' },
  };
}

/** html-to-image's SVG comes as a data: URL; the file holds the SVG text itself. */
export function svgFromDataUrl(url: string): string {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:image/svg+xml') || comma < 0) throw new ExportError('The SVG could not be made.');
  const payload = url.slice(comma + 1);
  return url.slice(0, comma).endsWith(';base64') ? atob(payload) : decodeURIComponent(payload);
}

/** The canvas colour behind the whole picture (the cloned viewport's own box moves with it). */
export function withBackground(svg: string, color: string): string {
  const safe = color.replace(/["<>&]/g, '');
  return svg.replace(/^(<svg\b[^>]*>)/, `$1<rect width="100%" height="100%" fill="${safe}"/>`);
}

/** The SVG drawn into a PNG at the frame's pixel ratio. */
async function rasterize(svg: string, frame: ImageFrame, background: string): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  try {
    await img.decode();
  } catch {
    throw new ExportError('The PNG could not be made: the browser could not draw the picture.');
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(frame.width * frame.pixelRatio);
  canvas.height = Math.round(frame.height * frame.pixelRatio);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new ExportError('The PNG could not be made: the browser gave no canvas to draw on.');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new ExportError('The PNG could not be made: the browser refused to encode the canvas.'))), 'image/png'),
  );
}

/** Makes the image of the canvas under `root` and saves it; returns the file name. */
export async function exportCanvas(format: ImageFormat, root: ParentNode = document): Promise<string> {
  const { flow, viewport } = canvasParts(root);
  const frame = imageFrame(nodeRects(viewport));
  if (!frame) throw new ExportError('The canvas is empty: apply some manifests first, then export.');
  const background = backgroundOf(flow);
  const url = await withSlimStyles(viewport, () => toSvg(viewport, options(frame, background)));
  const svg = withBackground(svgFromDataUrl(url), background);
  const name = CANVAS_FILES[format];
  const blob = format === 'svg' ? new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`], { type: 'image/svg+xml' }) : await rasterize(svg, frame, background);
  downloadBlob(blob, name);
  return name;
}
