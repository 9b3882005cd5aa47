import { describe, expect, it } from 'vitest';
import type { EngineInput } from '@/lib/engine/types';
import { E7_INPUT, E7_RESULT } from './fixtures/e7';
import { hasRealtimeLoad, primaryHeadroom, ratePressure } from './rate-limits';

describe('ratePressure', () => {
  it('takes the 429 share and peak concurrency per model from each month', () => {
    const { models, rows } = ratePressure(E7_INPUT, E7_RESULT);
    expect(models.map((m) => m.modelId)).toEqual(['gpt-4o-mini', 'claude-haiku']);
    expect(new Set(models.map((m) => m.colour)).size).toBe(2);
    expect(rows).toHaveLength(6);
    expect(rows[0]!.rate429).toBeCloseTo(2.1809e-6, 9);
    expect(rows[5]!.rate429).toBeCloseTo(4.0056e-3, 7);
    // "Peak concurrency of the primary rises 16.5 → 21.1" (MODEL.md §10 E7)
    expect(rows[0]!['concurrency:gpt-4o-mini']).toBeCloseTo(16.53, 2);
    expect(rows[5]!['concurrency:gpt-4o-mini']).toBeCloseTo(21.1, 1);
  });
});

describe('primaryHeadroom', () => {
  it('compares first-attempt peak demand with the effective request limit (E7: 187.5 → 239/min vs 250)', () => {
    const [primary, ...others] = primaryHeadroom(E7_INPUT, E7_RESULT);
    expect(others).toHaveLength(0);
    expect(primary!.modelId).toBe('gpt-4o-mini');
    // min(250 rpm, ⌊2,000,000 tpm / (1,104.9 + ~393) tokens⌋ ≈ 1,335) = 250
    expect(primary!.limitPerMinute).toBe(250);
    // 100,000 × 0.9 × 3 / 1,440 = 187.5; × 1.05^5 = 239.3
    expect(primary!.peakDemandPerMinute[0]).toBeCloseTo(187.5, 9);
    expect(primary!.peakDemandPerMinute[5]).toBeCloseTo(187.5 * 1.05 ** 5, 6);
  });

  it('reports no limit as null and splits demand by chain weight', () => {
    const input: EngineInput = {
      ...E7_INPUT,
      models: { ...E7_INPUT.models, 'gpt-4o-mini': { ...E7_INPUT.models['gpt-4o-mini']!, rpm: null, tpm: null } },
      routing: {
        ...E7_INPUT.routing,
        chains: [
          { weight: 0.4, models: ['gpt-4o-mini'], maxRetries: [0] },
          { weight: 0.6, models: ['claude-haiku', 'gpt-4o-mini'], maxRetries: [0, 0] },
        ],
      },
    };
    const [mini, haiku] = primaryHeadroom(input, E7_RESULT);
    expect(mini!.limitPerMinute).toBeNull();
    expect(mini!.peakDemandPerMinute[0]).toBeCloseTo(187.5 * 0.4, 9);
    expect(haiku!.limitPerMinute).toBe(200);
    expect(haiku!.peakDemandPerMinute[0]).toBeCloseTo(187.5 * 0.6, 9);
  });
});

describe('hasRealtimeLoad', () => {
  it('is false when no model has load and nothing is rejected', () => {
    const pressure = ratePressure(E7_INPUT, E7_RESULT);
    expect(hasRealtimeLoad(pressure)).toBe(true);
    const idle = {
      ...pressure,
      rows: pressure.rows.map((row) => ({ ...row, rate429: 0, 'concurrency:gpt-4o-mini': 0, 'concurrency:claude-haiku': 0 })),
    };
    expect(hasRealtimeLoad(idle)).toBe(false);
  });
});
