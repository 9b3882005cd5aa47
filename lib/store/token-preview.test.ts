import { describe, expect, it } from 'vitest';
import { previewAreaPath, tokenPreview } from './token-preview';

const total = (shares: { share: number }[]) => shares.reduce((s, b) => s + b.share, 0);

describe('tokenPreview', () => {
  it('uncapped: bins cover up to the 99.5th percentile and the mean is the lognormal mean (MODEL.md E1)', () => {
    const preview = tokenPreview(250, 1200, null);
    expect(preview).not.toBeNull();
    if (!preview) return;
    // E1: E[out] = 250·e^{σ²/2} with σ = ln 4.8/Z95 → 393.93496
    expect(preview.mean).toBeCloseTo(393.93496, 4);
    expect(total(preview.bins)).toBeCloseTo(0.995, 10);
    expect(preview.capShare).toBe(0);
    expect(tokenPreview(250, 1200, 1e6)?.maxTokens).toBe(preview.maxTokens); // a far cap does not stretch the plot
    // the 99.5th percentile: 250·exp(2.5758·0.95365) = 2,922 tokens
    expect(preview.maxTokens).toBeCloseTo(250 * Math.exp(2.5758293035489004 * (Math.log(4.8) / 1.6448536269514722)), 6);
  });

  it('a cap near the tail: the plot ends at the cap and bins + cap mass sum to 1', () => {
    const preview = tokenPreview(150, 450, 1024);
    if (!preview) throw new Error('expected a preview');
    expect(preview.maxTokens).toBe(1024);
    expect(preview.capShare).toBeGreaterThan(0);
    expect(total(preview.bins) + preview.capShare).toBeCloseTo(1, 12);
    // the cap lowers the mean below the uncapped 150·e^{σ²/2}
    const sigma = Math.log(3) / 1.6448536269514722;
    expect(preview.mean).toBeLessThan(150 * Math.exp((sigma * sigma) / 2));
  });

  it('p95 = median is a point mass in one bin', () => {
    const preview = tokenPreview(200, 200, null, 10);
    if (!preview) throw new Error('expected a preview');
    expect(preview.bins.filter((b) => b.share > 0)).toHaveLength(1);
    expect(total(preview.bins)).toBe(1);
    expect(preview.mean).toBeCloseTo(200, 9);
  });

  it('a point mass above the cap sits entirely at the cap', () => {
    const preview = tokenPreview(500, 500, 300);
    if (!preview) throw new Error('expected a preview');
    expect(preview.capShare).toBe(1);
    expect(total(preview.bins)).toBe(0);
    expect(preview.mean).toBe(300);
  });

  it('returns null for figures that are not a distribution', () => {
    expect(tokenPreview(0, 100, null)).toBeNull();
    expect(tokenPreview(100, 50, null)).toBeNull();
    expect(tokenPreview(Number.NaN, 100, null)).toBeNull();
    expect(tokenPreview(100, 200, 0)).toBeNull();
  });

  it('draws a closed area path with finite coordinates inside the box', () => {
    const preview = tokenPreview(1200, 4000, null);
    if (!preview) throw new Error('expected a preview');
    const path = previewAreaPath(preview, 120, 32);
    expect(path.startsWith('M0 32')).toBe(true);
    expect(path.endsWith('Z')).toBe(true);
    const numbers = path.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
    expect(numbers.every((n) => Number.isFinite(n) && n >= 0 && n <= 120)).toBe(true);
    expect(numbers).toContain(0); // the tallest bin reaches y = 0
  });
});
