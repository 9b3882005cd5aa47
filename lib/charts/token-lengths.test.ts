import { describe, expect, it } from 'vitest';
import { lengthCdf, lognormalFromMedianP95 } from '@/lib/engine/distributions';
import { tokenLengthRows, tokenLengthsAt, tokenLengthSummary } from './token-lengths';

const INPUT = { median: 800, p95: 3000, cap: null };
const OUTPUT = { median: 250, p95: 1200, cap: 4096 };

/** Linear interpolation of a CDF column at x (rows sorted by tokens). */
function cdfAt(rows: ReturnType<typeof tokenLengthRows>, column: 'input' | 'output', x: number): number {
  const upper = rows.findIndex((row) => row.tokens >= x);
  const hi = rows[upper]!;
  const lo = rows[upper - 1]!;
  return lo[column] + ((hi[column] - lo[column]) * Math.log(x / lo.tokens)) / Math.log(hi.tokens / lo.tokens);
}

describe('tokenLengthRows', () => {
  const rows = tokenLengthRows(INPUT, OUTPUT);

  it('is a non-decreasing CDF on an increasing grid', () => {
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.tokens).toBeGreaterThan(rows[i - 1]!.tokens);
      expect(rows[i]!.input).toBeGreaterThanOrEqual(rows[i - 1]!.input);
      expect(rows[i]!.output).toBeGreaterThanOrEqual(rows[i - 1]!.output);
    }
    expect(rows[0]!.input).toBeLessThan(0.01);
    expect(rows.at(-1)!.output).toBe(1);
  });

  it('passes through the median and the p95 it was built from (MODEL.md §3.2)', () => {
    expect(cdfAt(rows, 'input', 800)).toBeCloseTo(0.5, 2);
    expect(cdfAt(rows, 'input', 3000)).toBeCloseTo(0.95, 2);
    expect(cdfAt(rows, 'output', 250)).toBeCloseTo(0.5, 2);
    expect(cdfAt(rows, 'output', 1200)).toBeCloseTo(0.95, 2);
  });

  it('draws the cap as a jump to 1', () => {
    const atCap = rows.find((row) => row.tokens === 4096)!;
    const justBelow = rows.filter((row) => row.tokens < 4096).at(-1)!;
    expect(atCap.output).toBe(1);
    expect(justBelow.output).toBeLessThan(1);
    expect(justBelow.output).toBeGreaterThan(0.99);
  });

  it('handles a point mass (p95 = median)', () => {
    const pointRows = tokenLengthRows({ median: 200, p95: 200, cap: null }, { median: 200, p95: 200, cap: null });
    expect(pointRows.every((row) => Number.isFinite(row.tokens) && Number.isFinite(row.output))).toBe(true);
    // exp(ln 200) may differ from 200 in the last bit: compare with a relative tolerance
    expect(pointRows.filter((row) => row.tokens >= 200 * (1 + 1e-12)).every((row) => row.output === 1)).toBe(true);
    expect(pointRows.filter((row) => row.tokens <= 200 * (1 - 1e-12)).every((row) => row.output === 0)).toBe(true);
    expect(pointRows.some((row) => Math.abs(row.tokens / 200 - 1) < 1e-9 && row.output === 1)).toBe(true);
  });
});

describe('tokenLengthSummary', () => {
  it('gives the capped mean and the share truncated at max_tokens', () => {
    // E1: E[out] = 250·e^{0.4547} = 393.93 uncapped; a 4,096 cap trims a little
    const uncapped = tokenLengthSummary({ median: 250, p95: 1200, cap: null });
    expect(uncapped.mean).toBeCloseTo(393.93496, 4);
    expect(uncapped.cappedShare).toBe(0);
    const capped = tokenLengthSummary(OUTPUT);
    expect(capped.mean).toBeLessThan(uncapped.mean);
    expect(capped.cappedShare).toBeGreaterThan(0);
    expect(capped.cappedShare).toBeLessThan(0.01);
    expect(capped.p95).toBeCloseTo(1200, 6);
    expect(tokenLengthSummary({ median: 250, p95: 1200, cap: 1000 }).p95).toBe(1000);
  });
});

describe('tokenLengthsAt', () => {
  it('reads the curves at the ticks within a hair of the exact CDF, and 1 past the cap', () => {
    const rows = tokenLengthRows(INPUT, OUTPUT);
    const read = tokenLengthsAt(rows, [100, 1000, 4096, 10_000]);
    const input = lognormalFromMedianP95(INPUT.median, INPUT.p95, null);
    const output = lognormalFromMedianP95(OUTPUT.median, OUTPUT.p95, OUTPUT.cap);
    for (const row of read.slice(0, 2)) {
      expect(row.input).toBeCloseTo(lengthCdf(input, row.tokens), 2);
      expect(row.output).toBeCloseTo(lengthCdf(output, row.tokens), 2);
    }
    expect(read[2]!.output).toBe(1);
    expect(read[3]!.output).toBe(1);
    expect(tokenLengthsAt([], [10])).toEqual([{ tokens: 10, input: 0, output: 0 }]);
  });
});
