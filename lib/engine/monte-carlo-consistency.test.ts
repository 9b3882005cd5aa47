import { describe, expect, it, vi } from 'vitest';

// The exact reference path evaluates full months per trial: seconds on a shared 2-core machine.
vi.setConfig({ testTimeout: 300_000 });
import examples from './__fixtures__/model-examples.json';
import { exactMonteCarloTrials, realizedStates, sampleOutageIntervals } from './__fixtures__/exact-monte-carlo';
import { resolveExample } from './__fixtures__/resolve-example';
import { threeProviderScenario } from './__fixtures__/scenarios';
import { monteCarloTrials } from './monte-carlo';
import { OutageSampler } from './outage-sampler';
import { prepareScenario } from './prepare';
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

function meanAndStandardError(values: readonly number[]): { mean: number; se: number } {
  const n = values.length;
  const mean = values.reduce((s, x) => s + x, 0) / n;
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}

/** Share of `sorted` at or below x (empirical CDF). */
function empiricalCdf(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo / sorted.length;
}

/** DKW: P(sup |F_n - F| > ε) ≤ 2e^{-2nε²}, so ε = √(ln(2/α)/(2n)) at level α. */
const dkw = (n: number, alpha: number) => Math.sqrt(Math.log(2 / alpha) / (2 * n));

/**
 * The cost-only path against the exact per-trial path (docs/decisions/006), as independent samples (different
 * seeds): per month and for the total, the means agree within 3 combined standard errors, and at p5, p50 and p95 the
 * reference's empirical CDF at the fast path's quantile lies within p ± (ε_n + ε_m), the two samples' DKW bounds at
 * α = 1e-6 each.
 */
function expectConsistent(input: EngineInput, fastTrials: number, referenceTrials: number): void {
  const fast = monteCarloTrials(input, { trials: fastTrials, seed: 101 });
  const reference = exactMonteCarloTrials({ ...input, monteCarlo: { trials: referenceTrials, seed: 202 } }, 0, referenceTrials);
  const columns = (trials: { tco: number }[][]) => [
    ...Array.from({ length: input.horizonMonths }, (_, m) => trials.map((months) => months[m]!.tco)),
    trials.map((months) => months.reduce((s, x) => s + x.tco, 0)),
  ];
  const fastColumns = columns(fast);
  const referenceColumns = columns(reference);
  const band = dkw(fastTrials, 1e-6) + dkw(referenceTrials, 1e-6);
  fastColumns.forEach((values, c) => {
    const a = meanAndStandardError(values);
    const b = meanAndStandardError(referenceColumns[c]!);
    expect(Math.abs(a.mean - b.mean)).toBeLessThanOrEqual(3 * Math.sqrt(a.se ** 2 + b.se ** 2));
    const sortedFast = [...values].sort((x, y) => x - y);
    const sortedReference = [...referenceColumns[c]!].sort((x, y) => x - y);
    for (const p of [0.05, 0.5, 0.95]) {
      const quantile = sortedFast[Math.min(fastTrials - 1, Math.floor(p * fastTrials))]!;
      expect(Math.abs(empiricalCdf(sortedReference, quantile) - p)).toBeLessThanOrEqual(band + 1 / fastTrials);
    }
  });
}

describe('Monte Carlo cost-only path is consistent with the exact path (MODEL.md §9, docs/decisions/006)', () => {
  it('E7 (limits, retries, timeouts, correlated outages, SLA credits), 2 months: means within 3 SE, quantiles within DKW', () => {
    expectConsistent(e7(2), 2000, 2000);
  });

  it('three providers with a provisioned model, concurrency caps and failover on 429, 3 months', () => {
    expectConsistent(threeProviderScenario(), 1500, 1500);
  });

  it('with the same draws, trial-months agree to 2e-6 without length drift and to 1e-3 with it', () => {
    const base = threeProviderScenario();
    const noDrift = { ...base, workload: { ...base.workload, inputDriftCV: 0, outputDriftCV: 0 } };
    const settings = { trials: 60, seed: 9 };
    for (const [input, tolerance] of [
      // Without drift only the interpolation in ln λ differs (≈ 4e-7 here); with drift, the fixed point at the
      // deterministic lengths (≈ 3e-5 here).
      [noDrift, 2e-6],
      [base, 1e-3],
    ] as const) {
      const fast = monteCarloTrials(input, settings);
      const exact = exactMonteCarloTrials({ ...input, monteCarlo: settings }, 0, settings.trials);
      let worst = 0;
      fast.forEach((months, t) =>
        months.forEach((month, m) => {
          const reference = exact[t]![m]!;
          worst = Math.max(worst, Math.abs(month.tco - reference.tco) / Math.abs(reference.tco));
          // Realized downtime uses the same state fractions: identical up to rounding.
          expect(Math.abs(month.downtimeMinutes - reference.downtimeMinutes)).toBeLessThanOrEqual(1e-9 * Math.max(1, reference.downtimeMinutes));
        }),
      );
      expect(worst).toBeLessThanOrEqual(tolerance);
    }
  });

  it('the allocation-free outage sampler reproduces the reference timelines and state fractions', () => {
    const prepared = prepareScenario(threeProviderScenario());
    const { commonUnavailability, residualUnavailability } = prepared.outage;
    // Frequent outages so that most months hold several states.
    const residual = residualUnavailability.map((u) => Math.min(0.5, 20 * u));
    const means = prepared.providers.map((p) => p.meanOutageMinutes);
    const sampler = new OutageSampler(prepared.providers.length, 0.02, 30, residual, means);
    const a = new Sfc32(5);
    const b = new Sfc32(5);
    for (let month = 0; month < 300; month++) {
      sampler.sample(a);
      const common = sampleOutageIntervals(b, 0.02, 30);
      const states = realizedStates(
        common,
        residual.map((u, p) => sampleOutageIntervals(b, u, means[p]!)),
      );
      expect(sampler.count).toBe(states.length);
      states.forEach((state, s) => {
        expect(sampler.masks[s]).toBe(state.downMask);
        expect(Math.abs(sampler.fractions[s]! - state.probability)).toBeLessThanOrEqual(1e-12);
      });
    }
    expect(commonUnavailability).toBeGreaterThan(0);
  });
});
