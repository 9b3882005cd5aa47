import { describe, expect, it, vi } from 'vitest';

// Property and sampling tests run thousands of cases; on a shared 2-core machine they need more than the 5 s default.
vi.setConfig({ testTimeout: 120_000 });
import examples from './__fixtures__/model-examples.json';
import { resolveExample } from './__fixtures__/resolve-example';
import { simulate } from './index';
import { realizedStates, sampleOutageIntervals } from './__fixtures__/exact-monte-carlo';
import { mergeMonteCarloSamples, monteCarloTrials, quantileType7, runMonteCarlo, sampleMonteCarlo, summarizeMonteCarlo } from './monte-carlo';
import { Sfc32 } from './prng';
import type { EngineInput } from './types';

// Scenario JSON patched in place (test-only): a loose type keeps the patches short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Scenario = Record<string, any>;

function e7(horizonMonths: number, patch: (s: Scenario) => void = () => {}): EngineInput {
  const source = (examples.examples as unknown as { id: string; input: Scenario }[]).find((e) => e.id === 'E7')!.input;
  const scenario = JSON.parse(JSON.stringify(source));
  scenario.horizonMonths = horizonMonths;
  patch(scenario);
  return resolveExample(scenario);
}

function meanAndStandardError(values: number[]): { mean: number; se: number } {
  const n = values.length;
  const mean = values.reduce((s, x) => s + x, 0) / n;
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}

describe('Monte Carlo (MODEL.md §9)', () => {
  it('is deterministic by seed, echoes trials and seed, and orders p5 ≤ p50 ≤ p95', () => {
    const input = e7(2);
    const first = runMonteCarlo(input, { trials: 200, seed: 11 });
    expect(runMonteCarlo(input, { trials: 200, seed: 11 })).toEqual(first);
    expect(runMonteCarlo(input, { trials: 200, seed: 12 })).not.toEqual(first);
    expect(first.trials).toBe(200);
    expect(first.seed).toBe(11);
    expect(first.monthly).toHaveLength(2);
    for (const p of [...first.monthly, first.total]) {
      expect(p.p5).toBeLessThanOrEqual(p.p50);
      expect(p.p50).toBeLessThanOrEqual(p.p95);
    }
  });

  it('any split of the trials, merged, is bit-identical to one run (trial t depends only on seed and t)', () => {
    const input = { ...e7(3), monteCarlo: { trials: 60, seed: 5 } };
    const whole = sampleMonteCarlo(input, 0, 60);
    const parts = [sampleMonteCarlo(input, 41, 19), sampleMonteCarlo(input, 0, 17), sampleMonteCarlo(input, 17, 24)];
    const merged = mergeMonteCarloSamples(parts);
    expect(merged.firstTrial).toBe(0);
    expect(merged.trials).toBe(60);
    expect(Array.from(merged.monthlyTco)).toEqual(Array.from(whole.monthlyTco));
    expect(Array.from(merged.totalTco)).toEqual(Array.from(whole.totalTco));
    expect(summarizeMonteCarlo(input.monteCarlo, merged)).toEqual(runMonteCarlo(input, input.monteCarlo));
    // Trial-major layout, and the total is the sum of the months.
    const t = 7;
    expect(whole.totalTco[t]).toBeCloseTo(whole.monthlyTco[t * 3]! + whole.monthlyTco[t * 3 + 1]! + whole.monthlyTco[t * 3 + 2]!, 6);
    expect(() => mergeMonteCarloSamples([parts[0]!, parts[1]!])).toThrow(/contiguous/);
  });

  it('simulate adds the block iff the input asks for it', () => {
    const input = e7(1);
    expect(simulate(input).monteCarlo).toBeUndefined();
    expect(simulate({ ...input, monteCarlo: { trials: 50, seed: 3 } }).monteCarlo?.trials).toBe(50);
  });

  // §9.5: with every CV = 0 and ρ = 0 the MC means of token spend and of downtime minutes must lie within 3 standard
  // errors (sample SE) of the deterministic §8 and §4.3 figures. The seed is fixed, so the check is reproducible;
  // for a random seed a consistent engine fails it with probability ≈ 0.27 % per figure (two-sided normal, |z| > 3).
  it('§9.5 consistency: token spend and downtime means within 3 SE of the deterministic engine', () => {
    const input = e7(2, (s) => {
      s.outageCorrelation = 0;
      s.workload.dailyVolumeCV = 0;
      s.workload.inputDriftCV = 0;
      s.workload.outputDriftCV = 0;
      // Outages long and frequent enough that every trial-month samples them (availability 0.99 and 0.98).
      s.providers.openai.availability = 0.99;
      s.providers.anthropic.availability = 0.98;
    });
    const deterministic = simulate(input);
    const trials = monteCarloTrials(input, { trials: 2000, seed: 2024 });
    for (let m = 0; m < 2; m++) {
      const spend = meanAndStandardError(trials.map((t) => t[m]!.tokenSpend));
      const downtime = meanAndStandardError(trials.map((t) => t[m]!.downtimeMinutes));
      expect(spend.se).toBeGreaterThan(0);
      expect(Math.abs(spend.mean - deterministic.months[m]!.tokenCost.total)).toBeLessThanOrEqual(3 * spend.se);
      expect(Math.abs(downtime.mean - deterministic.months[m]!.downtimeMinutes)).toBeLessThanOrEqual(3 * downtime.se);
    }
  });

  it('type-7 quantiles interpolate linearly', () => {
    const sorted = [1, 2, 3, 4, 5];
    // h = 4·0.05 = 0.2 → 1 + 0.2·(2 - 1).
    expect(quantileType7(sorted, 0.05)).toBeCloseTo(1.2, 15);
    expect(quantileType7(sorted, 0.5)).toBe(3);
    expect(quantileType7(sorted, 0.95)).toBeCloseTo(4.8, 15);
    expect(quantileType7([7], 0.95)).toBe(7);
  });

  it('outage timelines: state fractions sum to 1; coverage of a process is u on average (Hoeffding, α = 1e-6)', () => {
    const rng = new Sfc32(77);
    const n = 4000;
    let covered = 0;
    for (let i = 0; i < n; i++) {
      const intervals = sampleOutageIntervals(rng, 0.01, 60);
      covered += intervals.reduce((s, [a, b]) => s + b - a, 0) / 43830;
      const states = realizedStates(intervals, [sampleOutageIntervals(rng, 0.02, 30), []]);
      expect(Math.abs(states.reduce((s, x) => s + x.probability, 0) - 1)).toBeLessThan(1e-12);
    }
    // Each month's fraction lies in [0, 1]: |mean - u| ≤ √(ln(2/α)/(2n)) = 0.0594 for n = 4,000, α = 1e-6. The bound is
    // loose; the sample SE (≈ 6e-4) is far smaller, so also check a 5-SE band around u = 0.01.
    expect(Math.abs(covered / n - 0.01)).toBeLessThan(Math.sqrt(Math.log(2 / 1e-6) / (2 * n)));
    expect(Math.abs(covered / n - 0.01)).toBeLessThan(0.0035);
  });

  it('an always-down provider is down the whole month; a never-down one never', () => {
    const rng = new Sfc32(1);
    expect(sampleOutageIntervals(rng, 1, 60)).toEqual([[0, 43830]]);
    expect(sampleOutageIntervals(rng, 0, 60)).toEqual([]);
    expect(realizedStates([], [[[0, 43830]], []])).toEqual([{ downMask: 1, probability: 1 }]);
  });
});
