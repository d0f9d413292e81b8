import { describe, expect, it } from 'vitest';
import { imageFrame, MAX_SIDE, parseTranslate, unionOf } from './imageFrame';

describe('parseTranslate', () => {
  it("reads React Flow's node transform", () => {
    expect(parseTranslate('translate(120px, -40.5px)')).toEqual({ x: 120, y: -40.5 });
    expect(parseTranslate('translate(0px,0px) scale(1)')).toEqual({ x: 0, y: 0 });
    expect(parseTranslate('none')).toBeUndefined();
    expect(parseTranslate('')).toBeUndefined();
  });
});

describe('unionOf', () => {
  it('is the box around every rect', () => {
    expect(unionOf([])).toBeUndefined();
    expect(unionOf([{ x: 10, y: 20, width: 100, height: 50 }, { x: -30, y: 60, width: 20, height: 40 }])).toEqual({ x: -30, y: 20, width: 140, height: 80 });
  });
});

describe('imageFrame', () => {
  it('frames the picture at zoom 1 with a margin, sharp (2 device pixels per pixel)', () => {
    const frame = imageFrame([{ x: 100, y: 50, width: 400, height: 300 }, { x: 600, y: -10, width: 200, height: 80 }], 20);
    expect(frame).toEqual({ width: 740, height: 400, pixelRatio: 2, transform: 'translate(-80px, 30px) scale(1)' });
  });

  it('lowers the pixel ratio so a huge picture stays under the canvas limit', () => {
    const frame = imageFrame([{ x: 0, y: 0, width: 10_000, height: 2_000 }], 0)!;
    expect(frame.pixelRatio * frame.width).toBeCloseTo(MAX_SIDE);
    expect(frame.pixelRatio).toBeLessThan(1);
  });

  it('is undefined when nothing is drawn (zero-size elements do not count)', () => {
    expect(imageFrame([])).toBeUndefined();
    expect(imageFrame([{ x: 5, y: 5, width: 0, height: 0 }])).toBeUndefined();
  });
});
