import { describe, expect, it } from 'vitest';
import { chainUnavailability, outageModel, scenarioAvailability } from './availability';

describe('common-shock outage model (MODEL.md §4.2-§4.3)', () => {
  const availabilities = [0.999, 0.995, 0.98];
  it.each([0, 0.3, 0.7, 1])('ρ = %s: probabilities sum to 1 and every provider keeps its marginal unavailability', (rho) => {
    const model = outageModel(availabilities, rho);
    const total = model.states.reduce((s, x) => s + x.probability, 0);
    expect(Math.abs(total - 1)).toBeLessThan(1e-15);
    availabilities.forEach((a, i) => {
      const down = model.states.filter((s) => s.downMask & (1 << i)).reduce((sum, s) => sum + s.probability, 0);
      expect(Math.abs(down - (1 - a))).toBeLessThan(1e-15);
    });
  });
  it('ρ = 0 multiplies unavailabilities; ρ = 1 gives the best provider', () => {
    // 0.001 × 0.005 × 0.02 = 1e-7.
    expect(chainUnavailability(outageModel(availabilities, 0).states, 0b111)).toBeCloseTo(1e-7, 20);
    expect(chainUnavailability(outageModel(availabilities, 1).states, 0b111)).toBeCloseTo(0.001, 15);
  });
  it('skips states with π_S = 0 (a provider that never fails)', () => {
    const model = outageModel([0.99, 1], 0);
    expect(model.states.map((s) => s.downMask)).toEqual([0, 1]);
  });
  it('weights chain availability and downtime by traffic', () => {
    const states = outageModel([0.99, 0.9], 0).states;
    // 0.5 × 0.01 + 0.5 × 0.1 = 0.055 unavailable → 0.055 × 43,830 = 2,410.65 minutes.
    const result = scenarioAvailability(states, [
      { weight: 0.5, providerMask: 0b01 },
      { weight: 0.5, providerMask: 0b10 },
    ]);
    expect(result.chainAvailability).toBeCloseTo(0.945, 14);
    expect(result.downtimeMinutesPerMonth).toBeCloseTo(2410.65, 9);
  });
});
