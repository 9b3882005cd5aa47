import { describe, expect, it } from 'vitest';
import type { Result } from '@/lib/engine/types';
import { E7_INPUT, E7_RESULT } from './fixtures/e7';
import { headlineFigures, safeRatio } from './headline-figures';
import { METHODOLOGY_SECTIONS } from './methodology-sections';

const byId = (figures: ReturnType<typeof headlineFigures>) => new Map(figures.map((f) => [f.id, f]));

describe('headlineFigures', () => {
  const figures = byId(headlineFigures(E7_INPUT, E7_RESULT));

  it('states the E7 totals of MODEL.md §10', () => {
    expect(figures.get('total-tco')!.value).toBe('$36,487'); // TCO $36,487.33
    expect(figures.get('total-tco')!.label).toBe('Total cost of ownership, 6 months');
    expect(figures.get('monthly-average')!.value).toBe('$6,081'); // 36,487.33 / 6
    // 36,487.33 × 1,000 / 20,743,372 requests = $1.76
    expect(figures.get('cost-per-1k')!.value).toBe('$1.76');
    expect(figures.get('availability')!.value).toBe('99.980%');
    // 52.975 min over 6 months = 8.8 min per month, 1 − 0.99979856 → 3.7 nines
    expect(figures.get('availability')!.detail).toBe('3.7 nines · 8.8 min down per month');
    expect(figures.get('p95-first-token')!.value).toBe('400 ms');
    expect(figures.get('p95-first-token')!.detail).toBe('0.66% over 500 ms target');
    expect(figures.get('rate-429')!.detail).toBe('17,723 429s over 6 months');
    expect(figures.get('wasted-spend')!.value).toBe('$0.61');
    expect(figures.get('failover-extra')!.value).toBe('$27.76');
  });

  it('links every figure to a methodology section and explains it', () => {
    const sections = new Set<string>(METHODOLOGY_SECTIONS.map((section) => section.id));
    for (const figure of figures.values()) {
      expect(figure.explanation.length).toBeGreaterThan(40);
      expect(sections.has(figure.methodology)).toBe(true);
    }
  });

  it('flags a first-token miss share above 5 % only when the target measures first tokens', () => {
    const slow: Result = {
      ...E7_RESULT,
      total: { ...E7_RESULT.total, firstToken: { ...E7_RESULT.total.firstToken, shareOverTarget: 0.2 } },
    };
    expect(byId(headlineFigures(E7_INPUT, slow)).get('p95-first-token')!.warning).toBe(true);
    const fullMeasure = { ...E7_INPUT, latencyTarget: { ms: 500, measure: 'fullResponse' as const } };
    expect(byId(headlineFigures(fullMeasure, slow)).get('p95-first-token')!.warning).toBe(false);
  });

  it('never shows a non-finite value when there are no requests and no successful request', () => {
    const zero: Result = {
      months: [],
      total: {
        ...E7_RESULT.total,
        requests: 0,
        tco: 0,
        fullResponse: { mean: null, p50: null, p95: null, p99: null, shareOverTarget: null },
        firstToken: { mean: null, p50: null, p95: null, p99: null, shareOverTarget: null },
        targetMissShare: null,
      },
    };
    for (const figure of headlineFigures(E7_INPUT, zero)) {
      expect(`${figure.value} ${figure.detail}`).not.toMatch(/NaN|Infinity|undefined|null/);
    }
    const zeroFigures = byId(headlineFigures(E7_INPUT, zero));
    expect(zeroFigures.get('cost-per-1k')!.value).toBe('—');
    expect(zeroFigures.get('p95-full-response')!.value).toBe('—');
  });
});

describe('safeRatio', () => {
  it('is null instead of dividing by zero or by a non-finite number', () => {
    expect(safeRatio(1, 0)).toBeNull();
    expect(safeRatio(1, Number.NaN)).toBeNull();
    expect(safeRatio(null, 2)).toBeNull();
    expect(safeRatio(3, 2)).toBe(1.5);
  });
});
