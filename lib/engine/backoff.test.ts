import { describe, expect, it } from 'vitest';
import { backoffMeans } from './backoff';

describe('expected backoff delays (MODEL.md §5.3)', () => {
  const backoff = { baseMs: 100, multiplier: 2, capMs: 1000 };
  it('follows the E3 table', () => {
    expect(backoffMeans(backoff, 4, 'none')).toEqual([100, 200, 400, 800]);
    expect(backoffMeans(backoff, 4, 'full')).toEqual([50, 100, 200, 400]);
    expect(backoffMeans(backoff, 4, 'equal')).toEqual([75, 150, 300, 600]);
    expect(backoffMeans(backoff, 4, 'decorrelated')).toEqual([200, 350, 575, 912.5]);
  });
  it('caps every jitter at capMs', () => {
    expect(backoffMeans(backoff, 6, 'none')).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffMeans(backoff, 6, 'full').at(-1)).toBe(500);
    // d_5 = min(1000, (100 + 3·912.5)/2) = 1000.
    expect(backoffMeans(backoff, 6, 'decorrelated').slice(4)).toEqual([1000, 1000]);
    expect(backoffMeans({ ...backoff, capMs: null }, 6, 'none').at(-1)).toBe(3200);
  });
});
