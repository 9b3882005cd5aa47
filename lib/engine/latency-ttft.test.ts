import { describe, expect, it } from 'vitest';
import { lognormalFromMedianP95, lengthCdf, normalCdf, type LengthDistribution } from './distributions';
import { Z95 } from './constants';
import { simulate } from './index';
import { spreadFirstTokenCdf, spreadFullResponseCdf, fullResponseLatencyWithSpread, firstTokenLatencyWithSpread } from './latency-ttft';
import type { LatencyAtomShape } from './latency';
import { Sfc32 } from './prng';
import type { EngineInput } from './types';
import { resolveExample } from './__fixtures__/resolve-example';

/**
 * Model v2 latency (ADR 011): the lognormal-TTFT convolution against an independent reference (a 40,000-point
 * Simpson rule over the output length, and a midpoint rule over the TTFT's normal score, neither with panels) and against Monte Carlo with a DKW bound; the first-token
 * block in closed form; price drift and prefill through `simulate`.
 */

function interval(output: LengthDistribution, lo: number, hi: number) {
  const cdfLo = lengthCdf(output, lo);
  return { lo, hi, probability: lengthCdf(output, hi) - cdfLo, cdfLo, partialExpectation: 0, timesOut: [], successHoldMs: [] };
}

/**
 * Reference, integrating over X instead of the TTFT: P(d + τ + X/r ≤ t, X ∈ (lo, hi]) = ∫ F_τ(t − d − x/r) dF_X(x),
 * by Simpson's rule on X's normal score in [−9, 9] (n points), plus the cap's atom; a point-mass X in closed form.
 */
function referenceOverX(d: number, m: number, sigma: number, r: number, lo: number, hi: number, output: LengthDistribution, t: number, n = 40000): number {
  const ttftCdf = (s: number) => (s > 0 ? normalCdf(Math.log(s / m) / sigma) : 0);
  if (output.sigma === 0) {
    const x0 = Math.min(Math.exp(output.mu), output.cap);
    return lo < x0 && x0 <= hi ? ttftCdf(t - d - x0 / r) : 0;
  }
  const upperX = Math.min(hi, output.cap);
  const wLo = lo > 0 ? Math.max(-9, (Math.log(lo) - output.mu) / output.sigma) : -9;
  const wHi = Math.min(9, (Math.log(upperX) - output.mu) / output.sigma);
  let sum = 0;
  if (wHi > wLo) {
    // Composite Simpson (n even): the integrand is smooth on [wLo, wHi].
    const h = (wHi - wLo) / n;
    const f = (w: number) => ttftCdf(t - d - Math.exp(output.mu + output.sigma * w) / r) * Math.exp(-0.5 * w * w);
    for (let i = 0; i <= n; i++) sum += (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2) * f(wLo + i * h);
    sum = (sum * h) / 3 / Math.sqrt(2 * Math.PI);
  }
  if (output.cap < Infinity && lo < output.cap && output.cap <= hi) sum += (1 - lengthCdf(output, output.cap * (1 - 1e-15))) * ttftCdf(t - d - output.cap / r);
  return sum;
}

/** Reference: E_Z[H(r(t - d - m e^{σZ}))] by the midpoint rule on [-9, 9] with n points. */
function referenceCdf(d: number, m: number, sigma: number, r: number, lo: number, hi: number, output: LengthDistribution, t: number, n = 40000): number {
  const a = -9;
  const h = 18 / n;
  let sum = 0;
  const cdfLo = lengthCdf(output, lo);
  for (let i = 0; i < n; i++) {
    const z = a + (i + 0.5) * h;
    const y = r * (t - d - m * Math.exp(sigma * z));
    if (y <= lo) continue;
    sum += Math.max(0, lengthCdf(output, Math.min(y, hi)) - cdfLo) * Math.exp(-0.5 * z * z);
  }
  return (sum * h) / Math.sqrt(2 * Math.PI);
}

const outputs: [string, LengthDistribution][] = [
  ['conversation lengths (129, 451)', lognormalFromMedianP95(129, 451, null)],
  ['capped at 300', lognormalFromMedianP95(250, 1200, 300)],
  ['narrow (200, 210)', lognormalFromMedianP95(200, 210, null)],
  ['point mass 200', lognormalFromMedianP95(200, 200, null)],
];
const ttfts = [
  { medianMs: 400, sigma: Math.log(1000 / 400) / Z95 },
  { medianMs: 800, sigma: Math.log(820 / 800) / Z95 },
  { medianMs: 300, sigma: Math.log(3000 / 300) / Z95 },
];

describe('full-response CDF with a lognormal TTFT', () => {
  for (const [label, output] of outputs) {
    it(`matches independent 40,000-point integrations to 1e-9 (${label})`, () => {
      for (const spread of ttfts) {
        for (const [lo, hi] of [[0, Infinity], [0, 180], [180, Infinity]] as const) {
          const iv = interval(output, lo, hi);
          for (const t of [500, 1500, 3000, 6000, 12000, 40000]) {
            const engine = spreadFullResponseCdf(250, spread, 0.08, iv.lo, iv.hi, iv.cdfLo, iv.probability, output, t);
            const reference = referenceOverX(250, spread.medianMs, spread.sigma, 0.08, lo, hi, output, t);
            expect(Math.abs(engine - reference), `${label} σ=${spread.sigma} (${lo}, ${hi}] t=${t}`).toBeLessThan(1e-9);
            // The same over the TTFT's normal score (no jumps in H when X is continuous below its cap).
            if (output.sigma > 0 && output.cap === Infinity && lo === 0 && hi === Infinity) expect(Math.abs(engine - referenceCdf(250, spread.medianMs, spread.sigma, 0.08, lo, hi, output, t))).toBeLessThan(1e-9);
          }
        }
      }
    });
  }

  it('first-token CDF is Φ((ln(t − d) − ln m)/σ)', () => {
    const spread = ttfts[0]!;
    expect(spreadFirstTokenCdf(100, spread, 100 + 400)).toBeCloseTo(0.5, 12);
    expect(spreadFirstTokenCdf(100, spread, 1100)).toBeCloseTo(0.95, 9);
    expect(spreadFirstTokenCdf(100, spread, 90)).toBe(0);
  });
});

function shape(firstTokenMs: number, tokensPerMs: number, output: LengthDistribution, spread?: { medianMs: number; sigma: number }): LatencyAtomShape {
  const iv = interval(output, 0, Infinity);
  const s: LatencyAtomShape = { firstTokenMs, tokensPerMs, interval: { ...iv, partialExpectation: output.mean } };
  if (spread) s.ttftSpread = spread;
  return s;
}

describe('latency blocks with a lognormal TTFT', () => {
  const output = lognormalFromMedianP95(129, 451, null);
  // Two atoms: the primary with a TTFT spread (d = 0), a failover at d = 1,300 ms with a point-mass TTFT of 600 ms.
  const shapes = [shape(400, 0.08, output, ttfts[0]), shape(1900, 0.1, output)];
  const weights = Float64Array.from([0.97, 0.03]);

  it('percentiles agree with the reference mixture CDF to 1e-6 relative, mean in closed form', () => {
    const block = fullResponseLatencyWithSpread(shapes, weights, output, 3000);
    const referenceMixture = (t: number) =>
      0.97 * referenceCdf(0, 400, ttfts[0]!.sigma, 0.08, 0, Infinity, output, t, 20000) + 0.03 * lengthCdf(output, (t - 1900) * 0.1);
    for (const [p, q] of [[0.5, block.p50!], [0.95, block.p95!], [0.99, block.p99!]] as const) {
      // q solves G(q) = p: the reference CDF just below and above q straddles p.
      expect(referenceMixture(q * (1 - 1e-6))).toBeLessThan(p);
      expect(referenceMixture(q * (1 + 1e-6))).toBeGreaterThan(p);
    }
    const mean = 0.97 * (400 * Math.exp(ttfts[0]!.sigma ** 2 / 2) + output.mean / 0.08) + 0.03 * (1900 + output.mean / 0.1);
    expect(block.mean!).toBeCloseTo(mean, 9);
    expect(block.shareOverTarget!).toBeCloseTo(1 - referenceMixture(3000), 8);
  });

  it('agrees with Monte Carlo within the DKW bound (n = 200,000, α = 1e-6)', () => {
    const rng = new Sfc32(42);
    const n = 200000;
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = Math.exp(output.mu + output.sigma * rng.normal());
      if (rng.uniform() < 0.97) samples.push(400 * Math.exp(ttfts[0]!.sigma * rng.normal()) + x / 0.08);
      else samples.push(1900 + x / 0.1);
    }
    samples.sort((a, b) => a - b);
    const epsilon = Math.sqrt(Math.log(2 / 1e-6) / (2 * n));
    const block = fullResponseLatencyWithSpread(shapes, weights, output, 3000);
    for (const [p, q] of [[0.5, block.p50!], [0.95, block.p95!], [0.99, block.p99!]] as const) {
      let below = 0;
      while (below < n && samples[below]! <= q) below++;
      expect(Math.abs(below / n - p)).toBeLessThan(epsilon);
    }
  });

  it('first token: exact lognormal quantiles, point atoms as steps, share over target', () => {
    const block = firstTokenLatencyWithSpread(shapes, weights, 500);
    // G(t) = 0.97·Φ(ln(t/400)/σ) + 0.03·1{t ≥ 1900}: p50 solves 0.97·Φ = 0.5.
    const sigma = ttfts[0]!.sigma;
    const p50 = 400 * Math.exp(sigma * inverse(0.5 / 0.97));
    expect(Math.abs(block.p50! / p50 - 1)).toBeLessThan(1e-9);
    expect(block.shareOverTarget!).toBeCloseTo(0.97 * (1 - normalCdf(Math.log(500 / 400) / sigma)) + 0.03, 12);
    expect(block.mean!).toBeCloseTo(0.97 * 400 * Math.exp(sigma ** 2 / 2) + 0.03 * 1900, 9);
  });
});

/** Φ⁻¹ by bisection on normalCdf (test helper). */
function inverse(p: number): number {
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** A v1 scenario through the test resolver, then the v2 fields set on the EngineInput (as resolve.ts passes them). */
function engineInput(model: Record<string, unknown>, extra: Record<string, unknown> = {}, providers: Record<string, unknown> = {}): EngineInput {
  const { ttftP95Ms, prefillTokensPerSec, ...v1Model } = model;
  const { costs, ...v1Extra } = extra as { costs?: { priceDriftPctPerMonth?: number } };
  const { priceDriftPctPerMonth: providerDrift, ...v1Provider } = providers;
  const input = resolveExample({
    version: 1,
    workload: { requestsPerDay: 10000, inputTokens: { median: 1000, p95: 1000 }, outputTokens: { median: 200, p95: 600 } },
    providers: { p: { availability: 1, ...v1Provider } },
    models: { m: { provider: 'p', inputPer1M: 1, outputPer1M: 4, ttftMs: 400, tokensPerSec: 100, ...v1Model } },
    routing: { chains: [{ weight: 1, models: ['m'] }] },
    latencyTarget: { ms: 800, measure: 'firstToken' },
    horizonMonths: 4,
    ...v1Extra,
  });
  const m = input.models.m!;
  if (ttftP95Ms !== undefined) m.ttftP95Ms = ttftP95Ms as number | null;
  if (prefillTokensPerSec !== undefined) m.prefillTokensPerSec = prefillTokensPerSec as number;
  if (costs?.priceDriftPctPerMonth !== undefined) input.costs.priceDriftPctPerMonth = costs.priceDriftPctPerMonth;
  if (providerDrift !== undefined) input.providers.p!.priceDriftPctPerMonth = providerDrift as number;
  return input;
}

describe('simulate with model v2 fields', () => {
  it('a TTFT p95 gives a real share over target: first token p50 = ttftMs, p95 = ttftP95Ms', () => {
    const result = simulate(engineInput({ ttftP95Ms: 1200 }));
    const ft = result.months[0]!.firstToken;
    expect(ft.p50!).toBeCloseTo(400, 6);
    expect(ft.p95!).toBeCloseTo(1200, 5);
    const sigma = Math.log(3) / Z95;
    expect(ft.shareOverTarget!).toBeCloseTo(1 - normalCdf(Math.log(2) / sigma), 9);
    expect(result.months[0]!.targetMissShare).toBe(ft.shareOverTarget);
  });

  it('null and absent TTFT p95, and a drift of 0, give byte-identical Results', () => {
    const base = JSON.stringify(simulate(engineInput({})));
    expect(JSON.stringify(simulate(engineInput({ ttftP95Ms: null })))).toBe(base);
    expect(JSON.stringify(simulate(engineInput({ ttftP95Ms: 400 })))).toBe(base);
    expect(JSON.stringify(simulate(engineInput({}, { costs: { priceDriftPctPerMonth: 0 } })))).toBe(base);
  });

  it('prefill adds 1000·E[in]/prefill to every first token and moves the timeout threshold', () => {
    const result = simulate(engineInput({ prefillTokensPerSec: 5000 }));
    expect(result.months[0]!.firstToken.p50).toBeCloseTo(400 + 200, 9);
    // Timeout 3,000 ms: x* = 100·(3,000 − 600)/1,000 = 240 tokens instead of 260.
    const withTimeout = simulate(engineInput({ prefillTokensPerSec: 5000 }, { routing: { chains: [{ weight: 1, models: ['m'] }], timeoutMs: 3000 } }));
    const output = lognormalFromMedianP95(200, 600, null);
    expect(withTimeout.months[0]!.timeouts / withTimeout.months[0]!.realtimeRequests).toBeCloseTo(1 - lengthCdf(output, 240), 12);
  });

  it('price drift multiplies month m token spend by (1 + d/100)^m; a provider override wins', () => {
    const flat = simulate(engineInput({}));
    const drift = simulate(engineInput({}, { costs: { priceDriftPctPerMonth: -5 } }));
    drift.months.forEach((month, m) => {
      expect(month.tokenCost.total).toBeCloseTo(flat.months[m]!.tokenCost.total * 0.95 ** m, 9);
    });
    const provider = simulate(engineInput({}, { costs: { priceDriftPctPerMonth: -5 } }, { priceDriftPctPerMonth: 10 }));
    expect(provider.months[3]!.tokenCost.total).toBeCloseTo(flat.months[3]!.tokenCost.total * 1.1 ** 3, 9);
    const provisioned = simulate(engineInput({ provisioned: { monthlyPrice: 1000, capacityTPM: 1e9 } }, { costs: { priceDriftPctPerMonth: -10 } }));
    expect(provisioned.months[2]!.flatRate).toBeCloseTo(1000 * 0.9 ** 2, 9);
  });
});

describe('Monte Carlo with price drift', () => {
  it('prices every trial-month with the drift: the median total falls by the deterministic factor', async () => {
    const { runMonteCarlo } = await import('./monte-carlo');
    const flat = engineInput({});
    const drift = engineInput({}, { costs: { priceDriftPctPerMonth: -20 } });
    const settings = { trials: 200, seed: 3 };
    const a = runMonteCarlo(flat, settings);
    const b = runMonteCarlo(drift, settings);
    // Same draws, prices × 0.8^m: month m's percentiles scale exactly (TCO is all tokens here).
    a.monthly.forEach((month, m) => expect(b.monthly[m]!.p50).toBeCloseTo(month.p50 * 0.8 ** m, 6));
  });
});

describe('latency chart data with a lognormal TTFT', () => {
  it('draws the first-token CDF as a curve (not a step) that reaches 0.5 at the median', async () => {
    const { latencyCdf } = await import('./latency-cdf');
    const curve = latencyCdf(engineInput({ ttftP95Ms: 1200 })).firstToken;
    expect(new Set(curve.map((p) => p.share.toFixed(6))).size).toBeGreaterThan(50);
    const at = curve.find((p) => p.ms >= 400)!;
    expect(at.share).toBeGreaterThan(0.45);
    expect(at.share).toBeLessThan(0.6);
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.share).toBeGreaterThanOrEqual(curve[i - 1]!.share);
  });
});
