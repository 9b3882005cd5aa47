import { describe, expect, it } from 'vitest';
import type { EngineInput } from '@/lib/engine/types';
import { chainAvailabilityRows } from './availability';
import { E7_INPUT, E7_RESULT } from './fixtures/e7';

describe('chainAvailabilityRows', () => {
  it('reproduces the Result’s chain availability and downtime for E7 (ρ = 0.2)', () => {
    const rows = chainAvailabilityRows(E7_INPUT);
    expect(rows).toHaveLength(1); // one chain: no separate all-traffic row
    const chain = rows[0]!;
    expect(chain.route).toBe('gpt-4o-mini → claude-haiku');
    expect(chain.availability).toBeCloseTo(E7_RESULT.months[0]!.chainAvailability, 12); // 0.99979856
    expect(chain.downtimeMinutes).toBeCloseTo(E7_RESULT.months[0]!.downtimeMinutes, 9); // 8.829 min
    // OpenAI alone at 99.9 %: 0.001 × 43,830 = 43.83 min
    expect(chain.primaryAloneDowntimeMinutes).toBeCloseTo(43.83, 9);
  });

  it('gives each chain its own availability and weights the all-traffic row (MODEL.md §4.3, E2 numbers)', () => {
    const input: EngineInput = {
      ...E7_INPUT,
      providers: {
        openai: { ...E7_INPUT.providers.openai!, availability: 0.999 },
        anthropic: { ...E7_INPUT.providers.anthropic!, availability: 0.995 },
      },
      outageCorrelation: 0,
      routing: {
        ...E7_INPUT.routing,
        chains: [
          { weight: 0.75, models: ['gpt-4o-mini', 'claude-haiku'], maxRetries: [1, 1] },
          { weight: 0.25, models: ['claude-haiku'], maxRetries: [1] },
        ],
      },
    };
    const [both, single, all] = chainAvailabilityRows(input);
    // E2, ρ = 0: 1 - 0.001 × 0.005 = 0.999995, downtime 0.21915 min
    expect(both!.availability).toBeCloseTo(0.999995, 12);
    expect(both!.downtimeMinutes).toBeCloseTo(0.21915, 9);
    expect(single!.availability).toBeCloseTo(0.995, 12);
    expect(all!.label).toBe('All traffic');
    expect(all!.availability).toBeCloseTo(0.75 * 0.999995 + 0.25 * 0.995, 12);
    expect(all!.downtimeMinutes).toBeCloseTo(0.75 * 0.21915 + 0.25 * 0.005 * 43_830, 9);
  });

  it('caps a chain at its best provider when outages are fully correlated (E2, ρ = 1)', () => {
    const input: EngineInput = {
      ...E7_INPUT,
      providers: {
        openai: { ...E7_INPUT.providers.openai!, availability: 0.999 },
        anthropic: { ...E7_INPUT.providers.anthropic!, availability: 0.995 },
      },
      outageCorrelation: 1,
    };
    expect(chainAvailabilityRows(input)[0]!.availability).toBeCloseTo(0.999, 12);
  });
});
