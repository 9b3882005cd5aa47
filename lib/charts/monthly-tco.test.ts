import { describe, expect, it } from 'vitest';
import type { MonteCarloResult, Result } from '@/lib/engine/types';
import { E7_RESULT } from './fixtures/e7';
import { activeComponents, costPerThousandRows, cumulativeTcoRows, hasAnyCost, hasAnyCumulativeCost, monthlyTcoRows, TCO_COMPONENTS, type TcoComponents } from './monthly-tco';

const componentSum = (row: TcoComponents) => TCO_COMPONENTS.reduce((sum, component) => sum + row[component.key], 0);

describe('monthlyTcoRows', () => {
  const rows = monthlyTcoRows(E7_RESULT);

  it('splits every month into components that add up to TCO_m (MODEL.md §8.6)', () => {
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(componentSum(row)).toBeCloseTo(row.tco, 6);
  });

  it('puts E7 month 1 where MODEL.md §10 says', () => {
    const first = rows[0]!;
    expect(first.label).toBe('Month 1');
    // token $1,094.09 of which batch $60.96
    expect(first.tokens).toBeCloseTo(1094.0927 - 60.9616, 3);
    expect(first.batch).toBeCloseTo(60.9616, 3);
    // 40 h × 2 providers × $150 + 8 h × 2 × $150 = $12,000 + $2,400
    expect(first.engineering).toBeCloseTo(14_400, 6);
    // 8.829 min × $50
    expect(first.downtime).toBeCloseTo(441.456, 3);
    expect(first.credits).toBeLessThan(0);
    expect(first.tco).toBeCloseTo(15_935.05, 2);
    expect(first.band).toBeNull();
  });

  it('adds the Monte Carlo p5–p95 band only when it covers the same months', () => {
    const monthly = E7_RESULT.months.map((m) => ({ p5: m.tco * 0.9, p50: m.tco, p95: m.tco * 1.2 }));
    const mc: MonteCarloResult = { trials: 100, seed: 1, monthly, total: { p5: 1, p50: 2, p95: 3 } };
    const withBand = monthlyTcoRows(E7_RESULT, mc);
    expect(withBand[2]!.band).toEqual([monthly[2]!.p5, monthly[2]!.p95]);
    expect(withBand[2]!.p50).toBe(monthly[2]!.p50);
    const shorter: MonteCarloResult = { ...mc, monthly: monthly.slice(0, 3) };
    expect(monthlyTcoRows(E7_RESULT, shorter).every((row) => row.band === null)).toBe(true);
  });

  it('lists only the components that are non-zero somewhere', () => {
    expect(activeComponents(rows).map((c) => c.key)).toEqual(['tokens', 'batch', 'engineering', 'downtime', 'credits']);
  });
});

describe('cumulativeTcoRows', () => {
  it('ends at the horizon total and never decreases when every month costs something', () => {
    const rows = cumulativeTcoRows(E7_RESULT);
    expect(rows.at(-1)!.cumulativeTco).toBeCloseTo(E7_RESULT.total.tco, 6); // $36,487.33
    expect(rows.at(-1)!.cumulativeTokens).toBeCloseTo(7441.996, 3);
    expect(rows.at(-1)!.cumulativeEngineering).toBeCloseTo(26_400, 6);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.cumulativeTco).toBeGreaterThan(rows[i - 1]!.cumulativeTco);
    expect(hasAnyCumulativeCost(rows)).toBe(true);
    expect(hasAnyCumulativeCost([])).toBe(false);
  });
});

describe('costPerThousandRows', () => {
  it('divides each component by requests/1,000', () => {
    const rows = costPerThousandRows(E7_RESULT);
    const first = rows[0]!;
    // $15,935.05 / 3,043.75 thousand requests = $5.235 per 1k
    expect(first.total).toBeCloseTo(15_935.051466 / 3043.75, 6);
    expect(componentSum(first)).toBeCloseTo(first.total, 9);
  });

  it('leaves out months without requests instead of dividing by zero', () => {
    const empty: Result = {
      ...E7_RESULT,
      months: E7_RESULT.months.map((m, i) => (i === 0 ? { ...m, requests: 0 } : m)),
    };
    const rows = costPerThousandRows(empty);
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => Number.isFinite(row.total))).toBe(true);
  });
});

describe('hasAnyCost', () => {
  it('is false only when every month and component is zero', () => {
    expect(hasAnyCost(monthlyTcoRows(E7_RESULT))).toBe(true);
    const zero = monthlyTcoRows(E7_RESULT).map((row) => ({
      ...row,
      tco: 0,
      ...Object.fromEntries(TCO_COMPONENTS.map((c) => [c.key, 0])),
    }));
    expect(hasAnyCost(zero)).toBe(false);
    expect(hasAnyCost([{ ...zero[0]!, credits: -1 }])).toBe(true);
    expect(hasAnyCost([])).toBe(false);
  });
});
