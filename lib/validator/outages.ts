import type { Sampler } from './random';

/**
 * Outages as on/off processes (MODEL.md §4.2, §9.1c): a common shock with unavailability c = ρ·min_p u_p and mean
 * duration `commonOutageMinutes` takes every provider down at once; each provider's residual process has
 * u'_p = 1 - (1 - u_p)/(1 - c) and mean duration D_p. Each process: Poisson starts at rate λ = -ln(1-u)/D per minute
 * over [-20D, horizon), exponential durations of mean D (coverage 1 - e^{-λD} = u, M/G/∞). Times in minutes.
 */

/** Sorted, disjoint [start, end) intervals. */
export type Intervals = Float64Array;

export interface OutageSettings {
  /** Per provider, in scope order: availability a_p and mean outage minutes D_p. */
  providers: { availability: number; meanOutageMinutes: number }[];
  correlation: number;
  commonOutageMinutes: number;
}

/** The common-shock and residual unavailabilities of §4.2. */
export function outageShares(settings: OutageSettings): { common: number; residual: number[] } {
  const u = settings.providers.map((p) => 1 - p.availability);
  const common = settings.correlation * Math.min(...u);
  const residual = u.map((up) => (common >= 1 ? 0 : 1 - (1 - up) / (1 - common)));
  return { common, residual };
}

/** One on/off process over [0, horizon): the union of its intervals, merged. */
function processIntervals(sampler: Sampler, unavailability: number, meanMinutes: number, horizon: number): number[] {
  if (!(unavailability > 0)) return [];
  if (unavailability >= 1) return [0, horizon];
  const rate = -Math.log(1 - unavailability) / meanMinutes;
  const raw: [number, number][] = [];
  let t = -20 * meanMinutes;
  for (;;) {
    t += sampler.exponential(1 / rate);
    if (t >= horizon) break;
    const end = t + sampler.exponential(meanMinutes);
    if (end > 0) raw.push([Math.max(0, t), Math.min(horizon, end)]);
  }
  return mergeIntervals(raw);
}

function mergeIntervals(raw: [number, number][]): number[] {
  raw.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of raw) {
    if (e <= s) continue;
    const last = out.length - 1;
    if (last >= 1 && s <= out[last]!) out[last] = Math.max(out[last]!, e);
    else out.push(s, e);
  }
  return out;
}

/** Down intervals per provider (residual ∪ common), over [0, horizon) minutes. */
export function providerDownIntervals(sampler: Sampler, settings: OutageSettings, horizon: number): Intervals[] {
  const { common, residual } = outageShares(settings);
  const commonIntervals = processIntervals(sampler, common, settings.commonOutageMinutes, horizon);
  return settings.providers.map((p, i) => {
    const own = processIntervals(sampler, residual[i]!, p.meanOutageMinutes, horizon);
    const pairs: [number, number][] = [];
    for (let k = 0; k < own.length; k += 2) pairs.push([own[k]!, own[k + 1]!]);
    for (let k = 0; k < commonIntervals.length; k += 2) pairs.push([commonIntervals[k]!, commonIntervals[k + 1]!]);
    return Float64Array.from(mergeIntervals(pairs));
  });
}

/** Intersection of two interval lists. */
export function intersect(a: Intervals, b: Intervals): Intervals {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]!, b[j]!);
    const e = Math.min(a[i + 1]!, b[j + 1]!);
    if (e > s) out.push(s, e);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return Float64Array.from(out);
}

/** Measure of the intervals inside [lo, hi). */
export function measureIn(list: Intervals, lo: number, hi: number): number {
  let total = 0;
  for (let k = 0; k < list.length; k += 2) {
    const s = Math.max(lo, list[k]!);
    const e = Math.min(hi, list[k + 1]!);
    if (e > s) total += e - s;
  }
  return total;
}

/** Answers "is this provider down at t?" for non-decreasing t (a pointer per provider). */
export class DownCursor {
  private at = 0;
  constructor(private readonly list: Intervals) {}

  isDown(t: number): boolean {
    const list = this.list;
    while (this.at < list.length && list[this.at + 1]! <= t) this.at += 2;
    return this.at < list.length && list[this.at]! <= t;
  }
}
