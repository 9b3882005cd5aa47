import { describe, expect, it } from 'vitest';
import { PLAIN_MONTH, resultOf, tcoOf, type MonthFigures } from '@/lib/export/result-fixtures';
import { COMPARE_METRICS, componentDeltas, cumulativeRows, metricDelta, significantDeltas } from './compare-data';

const metric = (id: string) => COMPARE_METRICS.find((m) => m.id === id)!;

const baselineMonth: MonthFigures = { ...PLAIN_MONTH, failoverExtraCost: 0 };
// B: cheaper tokens, more engineering, an SLA credit and some failed-request cost.
const cheaperMonth: MonthFigures = { ...baselineMonth, inputUncached: 50, output: 150, maintenance: 300, slaCredits: 10, failedRequestCost: 5 };

describe('metricDelta', () => {
  const a = resultOf([baselineMonth, baselineMonth]);
  const b = resultOf([cheaperMonth, cheaperMonth]);

  it('gives absolute and relative deltas of money rounded to the cent, and says which is better', () => {
    const delta = metricDelta(metric('total-tco'), b, a);
    // per month: A = tcoOf(baseline); B − A = (50 − 100.004) + (150 − 300.125) + (300 − 240) − 10 + 5 = −145.129
    const aTotal = 2 * tcoOf(baselineMonth);
    const bTotal = 2 * tcoOf(cheaperMonth);
    expect(delta.value).toBe(Math.round(bTotal * 100) / 100);
    expect(delta.absolute).toBe(-290.26); // 2 × −145.129 = −290.258
    expect(delta.relative).toBeCloseTo(-290.26 / aTotal, 4);
    expect(delta.verdict).toBe('better');
    expect(metricDelta(metric('total-tco'), a, b).verdict).toBe('worse');
    expect(metricDelta(metric('total-tco'), a, a)).toMatchObject({ absolute: 0, relative: 0, verdict: 'same' });
  });

  it('treats higher availability as better and a zero baseline as not relative', () => {
    const up = resultOf([baselineMonth]);
    up.total.chainAvailability = 0.9999;
    const down = resultOf([baselineMonth]);
    down.total.chainAvailability = 0.999;
    expect(metricDelta(metric('availability'), up, down).verdict).toBe('better');
    const zeroBase = resultOf([baselineMonth]);
    zeroBase.total.failovers = 0;
    const some = resultOf([baselineMonth]);
    some.total.failovers = 30;
    expect(metricDelta(metric('failovers'), some, zeroBase)).toMatchObject({ absolute: 30, relative: null, verdict: 'worse' });
  });

  it('returns nulls when a figure is missing (no successful request, no latency)', () => {
    expect(metricDelta(metric('p95-first-token'), a, a)).toEqual({ value: null, absolute: null, relative: null, verdict: null });
  });
});

describe('componentDeltas', () => {
  it('explains the TCO delta line by line; the lines sum to it', () => {
    const a = resultOf([baselineMonth]);
    const b = resultOf([cheaperMonth]);
    const deltas = componentDeltas(b, a);
    const byKey = Object.fromEntries(deltas.map((d) => [d.key, d.delta]));
    expect(byKey.tokens).toBeCloseTo(-200.129, 9); // (50 + 20.5 + 150) − (100.004 + 20.5 + 300.125)
    expect(byKey.engineering).toBeCloseTo(60, 9); // 2400 + 300 − (2400 + 240)
    expect(byKey.credits).toBeCloseTo(-10, 9);
    expect(byKey.failedRequests).toBeCloseTo(5, 9);
    expect(byKey.batch).toBe(0);
    const sum = deltas.reduce((s, d) => s + d.delta, 0);
    expect(sum).toBeCloseTo(b.total.tco - a.total.tco, 9);
    expect(significantDeltas(deltas).map((d) => d.key)).toEqual(['tokens', 'engineering', 'credits', 'failedRequests']);
  });
});

describe('cumulativeRows', () => {
  it('accumulates each scenario up to its own horizon', () => {
    const a = resultOf([baselineMonth, baselineMonth]);
    const b = resultOf([cheaperMonth]);
    const rows = cumulativeRows([a, b, null]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({ month: 1, s0: tcoOf(baselineMonth), s1: tcoOf(cheaperMonth) });
    expect(rows[1]).toEqual({ month: 2, s0: tcoOf(baselineMonth) * 2 });
    expect(rows[1]?.s0).toBeCloseTo(a.total.tco, 9);
  });
});
