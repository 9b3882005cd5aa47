import { describe, expect, it } from 'vitest';
import { tooltipPosition } from './tooltip-position';

describe('tooltipPosition', () => {
  it('opens below the anchor, starting just left of it', () => {
    expect(tooltipPosition({ left: 100, top: 50, bottom: 66 }, { width: 1280, height: 800 })).toEqual({ left: 92, width: 288, top: 72 });
  });

  it('stays inside the right edge and, on a phone, spans the screen minus margins', () => {
    expect(tooltipPosition({ left: 1250, top: 50, bottom: 66 }, { width: 1280, height: 800 }).left).toBe(1280 - 16 - 288);
    expect(tooltipPosition({ left: 350, top: 50, bottom: 66 }, { width: 300, height: 800 })).toEqual({ left: 16, width: 268, top: 72 });
  });

  it('opens above the anchor near the bottom of the screen', () => {
    expect(tooltipPosition({ left: 100, top: 760, bottom: 776 }, { width: 1280, height: 800 })).toEqual({ left: 92, width: 288, bottom: 46 });
  });
});
