// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { exportCanvas, ExportError, keepInImage, svgFromDataUrl, withBackground } from './exportCanvas';

describe('svgFromDataUrl', () => {
  it('reads the SVG text out of a data: URL, encoded or base64', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>web & "api"</text></svg>';
    expect(svgFromDataUrl(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`)).toBe(svg);
    expect(svgFromDataUrl(`data:image/svg+xml;base64,${btoa(svg)}`)).toBe(svg);
    expect(() => svgFromDataUrl('data:image/png;base64,AAAA')).toThrow(ExportError);
  });
});

describe('withBackground', () => {
  it('puts a full-size rect of the colour first in the SVG', () => {
    expect(withBackground('<svg width="10" height="5"><foreignObject/></svg>', 'rgb(247, 248, 251)')).toBe(
      '<svg width="10" height="5"><rect width="100%" height="100%" fill="rgb(247, 248, 251)"/><foreignObject/></svg>',
    );
    expect(withBackground('<svg><g/></svg>', 'x"><script>')).toBe('<svg><rect width="100%" height="100%" fill="xscript"/><g/></svg>');
  });
});

describe('keepInImage', () => {
  it('leaves out the packet layer, keeps the rest', () => {
    const layer = document.createElement('div');
    layer.className = 'kp-packets kp-overlay';
    const card = document.createElement('div');
    card.className = 'react-flow__node';
    expect(keepInImage(layer)).toBe(false);
    expect(keepInImage(card)).toBe(true);
    expect(keepInImage(document.createTextNode('web'))).toBe(true);
  });
});

describe('exportCanvas', () => {
  it('says so when there is no canvas on the page', async () => {
    await expect(exportCanvas('png', document.createElement('div'))).rejects.toThrow(/not on the page yet/);
  });
});
