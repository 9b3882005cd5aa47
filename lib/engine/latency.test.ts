import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

// Property and sampling tests run thousands of cases; on a shared 2-core machine they need more than the 5 s default.
vi.setConfig({ testTimeout: 120_000 });
import { lengthCdf, lognormalFromMedianP95 } from './distributions';
import { firstTokenLatency, fullResponseLatency, smallestTimeReaching, type LatencyAtomShape } from './latency';
import type { LengthInterval } from './prepare';

const output = lognormalFromMedianP95(250, 1200, null);
const whole: LengthInterval = { lo: 0, hi: Infinity, probability: 1, cdfLo: 0, partialExpectation: output.mean, timesOut: [], successHoldMs: [] };

describe('full-response latency (MODEL.md §7.2)', () => {
  it('one atom: p50 = TTFT + 1000·median/tps, the 1e-12 tie shift included (E1)', () => {
    const shapes: LatencyAtomShape[] = [{ firstTokenMs: 400, tokensPerMs: 0.08, interval: whole }];
    const summary = fullResponseLatency(shapes, Float64Array.of(1), output, 5000);
    // 400 + 250/0.08 = 3,525 ms; the goal (0.5 - 1e-12) moves it 7.5e-9 ms lower.
    expect(Math.abs(summary.p50! - 3524.999999992529)).toBeLessThan(1e-8);
    expect(Math.abs(summary.p95! - 15399.999999861293)).toBeLessThan(1e-7);
    expect(summary.shareOverTarget).toBeCloseTo(0.342587131306755, 12);
  });
  it('is null without successful requests', () => {
    expect(fullResponseLatency([{ firstTokenMs: 400, tokensPerMs: 0.08, interval: whole }], Float64Array.of(0), output, 5000).p50).toBeNull();
  });
});

describe('bracketed percentile search', () => {
  it('agrees with 200 halvings on random lognormal mixtures (fast-check, 1,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ shift: fc.double({ min: 0, max: 20000, noNaN: true }), rate: fc.double({ min: 0.01, max: 1, noNaN: true }), weight: fc.double({ min: 0.001, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(0.5, 0.95, 0.99),
        (atoms, p) => {
          const total = atoms.reduce((s, a) => s + a.weight, 0);
          const cdf = (t: number) => atoms.reduce((s, a) => s + a.weight * lengthCdf(output, (t - a.shift) * a.rate), 0);
          const goal = (p - 1e-12) * total;
          const upper = Math.max(...atoms.map((a) => a.shift + 2e6 / a.rate));
          let lo = 0;
          let hi = upper;
          for (let k = 0; k < 200; k++) {
            const mid = (lo + hi) / 2;
            if (cdf(mid) >= goal) hi = mid;
            else lo = mid;
          }
          const start = Math.max(Math.min(...atoms.map((a) => a.shift)), upper * 1e-12);
          const found = smallestTimeReaching(cdf, goal, start, upper).time;
          expect(Math.abs(found - hi)).toBeLessThanOrEqual(1e-10 * hi);
          // Newton steps with the mixture's slope in ln t, from a start anywhere in the bracket, land on the same point.
          let lastT = 0;
          const slope = () =>
            atoms.reduce((s, a) => {
              const y = (lastT - a.shift) * a.rate;
              if (!(y > 0)) return s;
              const z = (Math.log(y) - output.mu) / output.sigma;
              return s + (a.weight * lastT * a.rate * Math.exp(-0.5 * z * z)) / (y * output.sigma * Math.sqrt(2 * Math.PI));
            }, 0);
          const tracked = (t: number) => {
            lastT = t;
            return cdf(t);
          };
          const newton = smallestTimeReaching(cdf, goal, start, upper, { cdf: tracked, slope }, Math.sqrt(start * upper)).time;
          expect(Math.abs(newton - hi)).toBeLessThanOrEqual(1e-10 * hi);
        },
      ),
      { numRuns: 1000, seed: 7 },
    );
  });
});

describe('full-response percentiles with caps and point masses (MODEL.md §7.2)', () => {
  // Reference: q_p = the upper end after 200 halvings of [0, Tmax] of G(t) ≥ (p - 1e-12)·G∞, G as written in §7.2.
  const reference = (shapes: LatencyAtomShape[], weights: number[], distribution: ReturnType<typeof lognormalFromMedianP95>, p: number): number => {
    const g = (t: number) =>
      shapes.reduce((s, shape, i) => {
        const y = (t - shape.firstTokenMs) * shape.tokensPerMs;
        const { hi, cdfLo } = shape.interval;
        return s + weights[i]! * Math.max(0, lengthCdf(distribution, Math.min(hi, y)) - cdfLo);
      }, 0);
    const total = shapes.reduce((s, shape, i) => s + weights[i]! * shape.interval.probability, 0);
    const xHi = Math.min(distribution.cap, Math.exp(distribution.mu + 8.5 * distribution.sigma));
    let hi = Math.max(...shapes.map((shape) => shape.firstTokenMs + Math.min(shape.interval.hi, xHi) / shape.tokensPerMs));
    let lo = 0;
    for (let k = 0; k < 200; k++) {
      const mid = (lo + hi) / 2;
      if (g(mid) >= (p - 1e-12) * total) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  it('agree with 200 halvings, with and without a previous answer as hint (fast-check, 300 runs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ firstTokenMs: fc.double({ min: 50, max: 5000, noNaN: true }), tps: fc.double({ min: 10, max: 300, noNaN: true }), weight: fc.double({ min: 0.001, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 8 }),
        fc.record({ median: fc.double({ min: 50, max: 500, noNaN: true }), spread: fc.constantFrom(1, 1.5, 4), cap: fc.constantFrom(null, 300, 800, 2048), threshold: fc.double({ min: 100, max: 3000, noNaN: true }) }),
        fc.double({ min: -0.02, max: 0.02, noNaN: true }),
        (atoms, lengths, hintShift) => {
          const distribution = lognormalFromMedianP95(lengths.median, lengths.median * lengths.spread, lengths.cap);
          const bounds = distribution.cap > lengths.threshold ? [0, lengths.threshold, Infinity] : [0, Infinity];
          const intervals: LengthInterval[] = [];
          for (let i = 0; i + 1 < bounds.length; i++) {
            const cdfLo = lengthCdf(distribution, bounds[i]!);
            const probability = lengthCdf(distribution, bounds[i + 1]!) - cdfLo;
            if (probability > 0) intervals.push({ lo: bounds[i]!, hi: bounds[i + 1]!, probability, cdfLo, partialExpectation: 0, timesOut: [], successHoldMs: [] });
          }
          const shapes = atoms.map((a, i): LatencyAtomShape => ({ firstTokenMs: a.firstTokenMs, tokensPerMs: a.tps / 1000, interval: intervals[i % intervals.length]! }));
          const weights = atoms.map((a) => a.weight);
          const expected = [0.5, 0.95, 0.99].map((p) => reference(shapes, weights, distribution, p));
          const plain = fullResponseLatency(shapes, Float64Array.from(weights), distribution, 1000);
          const exactHint = fullResponseLatency(shapes, Float64Array.from(weights), distribution, 1000, plain);
          const shifted = { ...plain, p50: plain.p50! * (1 + hintShift), p95: plain.p95! * (1 + hintShift), p99: plain.p99! * (1 + hintShift) };
          const nearHint = fullResponseLatency(shapes, Float64Array.from(weights), distribution, 1000, shifted);
          for (const summary of [plain, exactHint, nearHint]) {
            [summary.p50!, summary.p95!, summary.p99!].forEach((q, i) => expect(Math.abs(q - expected[i]!)).toBeLessThanOrEqual(1e-10 * expected[i]!));
          }
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe('first-token latency (MODEL.md §7.3)', () => {
  it('resolves a tie at exactly 99 % of mass to that atom (E3)', () => {
    const shapes: LatencyAtomShape[] = [
      { firstTokenMs: 400, tokensPerMs: 0.08, interval: whole },
      { firstTokenMs: 1300, tokensPerMs: 0.1, interval: whole },
    ];
    const summary = firstTokenLatency(shapes, Float64Array.of(0.99, 0.01), 1000);
    // 0.99·400 + 0.01·1300 = 409 ms.
    expect(summary.mean).toBeCloseTo(409, 12);
    expect([summary.p50, summary.p95, summary.p99]).toEqual([400, 400, 400]);
    expect(summary.shareOverTarget).toBeCloseTo(0.01, 15);
  });
});
