import { lengthCdf, type LengthDistribution } from './distributions';
import type { LatencyAtomShape } from './latency';
import { fullResponseLatencyWithSpread, hasTtftSpread, spreadMixtureShares } from './latency-ttft';
import { dailyPeriods } from './load';
import { AtomTable, EvaluationCache, evaluateMonth } from './month-model';
import { lengthModel, prepareScenario } from './prepare';
import type { EngineInput } from './types';

export interface LatencyCdfPoint {
  ms: number;
  /** Cumulative share of successful realtime requests with latency ≤ ms, over the horizon. */
  share: number;
}

export interface LatencyCdf {
  firstToken: LatencyCdfPoint[];
  fullResponse: LatencyCdfPoint[];
}

/** Success atoms over the horizon with their weights: months weighted by RT_m (MODEL.md §7.4), as `simulate` does. */
interface HorizonAtoms {
  shapes: readonly LatencyAtomShape[];
  weights: Float64Array;
  output: LengthDistribution;
  /** G∞ = Σ w·p_I. */
  total: number;
}

function horizonAtoms(input: EngineInput): HorizonAtoms {
  const prepared = prepareScenario(input);
  const lengths = lengthModel(prepared);
  const atoms = new AtomTable(prepared, lengths);
  const settings = {
    prepared,
    lengths,
    periods: dailyPeriods(input.workload),
    states: prepared.outage.states,
    cache: new EvaluationCache(prepared, lengths, true, atoms),
    atoms,
    reportRejection: false,
  };
  const { workload } = input;
  const evaluations = Array.from({ length: input.horizonMonths }, (_, m) =>
    evaluateMonth(settings, workload.requestsPerDay * (1 + workload.monthlyGrowthPct / 100) ** m),
  );
  const largest = Math.max(0, ...evaluations.map((e) => e.realtimeRequests));
  const weights = new Float64Array(atoms.shapes.length);
  if (largest > 0) {
    for (const evaluation of evaluations) {
      const scale = evaluation.realtimeRequests / largest;
      evaluation.atomWeights.forEach((w, i) => {
        weights[i] = weights[i]! + scale * w;
      });
    }
  }
  let total = 0;
  atoms.shapes.forEach((shape, i) => {
    total += weights[i]! * shape.interval.probability;
  });
  return { shapes: atoms.shapes, weights, output: lengths.output, total };
}

/** Full-response mixture CDF G(t)/G∞ with G(t) = Σ w·[F(min(hi, y)) − F(lo)]⁺, y = (t − oh − TTFT)·tps/1000 (MODEL.md §7.2). */
function fullResponseShare(atoms: HorizonAtoms, t: number): number {
  let sum = 0;
  atoms.shapes.forEach((shape, i) => {
    const w = atoms.weights[i]!;
    if (!(w > 0)) return;
    const y = (t - shape.firstTokenMs) * shape.tokensPerMs;
    const { lo, hi } = shape.interval;
    if (y <= lo) return;
    sum += y >= hi ? w * shape.interval.probability : w * Math.max(0, lengthCdf(atoms.output, y) - shape.interval.cdfLo);
  });
  return Math.min(1, Math.max(0, sum / atoms.total));
}

/** Smallest t with G(t) ≥ p·G∞, by halving [0, upper] (as §7.2 does for the percentiles). */
function fullResponseQuantile(atoms: HorizonAtoms, p: number, upper: number): number {
  let lo = 0;
  let hi = upper;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (fullResponseShare(atoms, mid) >= p) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Latency CDFs of successful realtime requests over the horizon (MODEL.md §7.2–§7.4), for plotting: the first-token
 * distribution is discrete (a step at every atom oh + TTFT_j, §7.3); the full-response curve is sampled on `points`
 * log-spaced times from just below the earliest first token to its 99.9th percentile (or `maxMs`), plus the ends of
 * each atom's support so jumps (point masses, max_tokens caps) are drawn as steps. Both curves start at that same
 * time with share 0, so they plot on a log axis. Both are empty when no request succeeds.
 */
export function latencyCdf(input: EngineInput, options: { points?: number; maxMs?: number } = {}): LatencyCdf {
  const atoms = horizonAtoms(input);
  if (!(atoms.total > 0)) return { firstToken: [], fullResponse: [] };
  if (hasTtftSpread(atoms.shapes, atoms.weights)) return spreadLatencyCdf(atoms, options);
  const active = atoms.shapes.map((shape, i) => ({ shape, w: atoms.weights[i]! })).filter((a) => a.w > 0);

  // Bracket for the quantile search: the largest finite end of any atom's support (x_hi as in §7.2).
  const searchX = Math.min(atoms.output.cap, Math.exp(atoms.output.mu + 8.5 * atoms.output.sigma));
  let upper = 0;
  for (const { shape } of active) {
    const xHi = shape.interval.hi === Infinity ? searchX : Math.min(shape.interval.hi, searchX);
    upper = Math.max(upper, shape.firstTokenMs + xHi / shape.tokensPerMs);
  }
  const maxMs = options.maxMs ?? Math.max(fullResponseQuantile(atoms, 0.999, upper), 1);
  const points = Math.max(2, Math.floor(options.points ?? 160));
  // Latencies below the earliest first token have share 0 in both curves; start just below it (≥ 0.1 ms).
  const earliest = Math.min(...active.map(({ shape }) => shape.firstTokenMs));
  const startMs = Math.min(Math.max(0.1, earliest * 0.8), maxMs / 2);

  const times = new Set<number>();
  for (let i = 0; i < points; i++) times.add(startMs * (maxMs / startMs) ** (i / (points - 1)));
  for (const { shape } of active) {
    const ends = [shape.firstTokenMs + shape.interval.lo / shape.tokensPerMs];
    const xEnd = Math.min(shape.interval.hi, atoms.output.cap);
    if (Number.isFinite(xEnd)) ends.push(shape.firstTokenMs + xEnd / shape.tokensPerMs);
    for (const t of ends) {
      if (t > startMs && t <= maxMs) {
        times.add(t * (1 - 1e-9));
        times.add(t);
      }
    }
  }
  const fullResponse = [...times].sort((a, b) => a - b).map((ms) => ({ ms, share: fullResponseShare(atoms, ms) }));

  // First token: cumulative mass of the atoms located at or below t (§7.3), one step per distinct location.
  const masses = new Map<number, number>();
  for (const { shape, w } of active) {
    masses.set(shape.firstTokenMs, (masses.get(shape.firstTokenMs) ?? 0) + w * shape.interval.probability);
  }
  const steps = [...masses].sort((a, b) => a[0] - b[0]);
  let cumulative = 0;
  // Atoms at or before the start (a zero TTFT) are already counted in the first point.
  while (steps.length > 0 && steps[0]![0] <= startMs) cumulative += steps.shift()![1];
  const firstToken: LatencyCdfPoint[] = [{ ms: startMs, share: Math.min(1, cumulative / atoms.total) }];
  for (const [ms, mass] of steps) {
    cumulative += mass;
    firstToken.push({ ms, share: Math.min(1, cumulative / atoms.total) });
  }
  const lastFirstToken = firstToken.at(-1)!;
  if (lastFirstToken.ms < maxMs) firstToken.push({ ms: maxMs, share: lastFirstToken.share });
  return { firstToken, fullResponse };
}

/**
 * The same curves when a model has a lognormal TTFT (ADR 011): both are continuous where a spread atom has mass, so
 * both are sampled on the log grid from just below the earliest first token to the full response's p99.9 (the
 * point-mass atoms' steps get a point on each side).
 */
function spreadLatencyCdf(atoms: HorizonAtoms, options: { points?: number; maxMs?: number }): LatencyCdf {
  const shares = spreadMixtureShares(atoms.shapes, atoms.weights, atoms.output);
  const active = atoms.shapes.filter((_, i) => atoms.weights[i]! > 0);
  const maxMs = options.maxMs ?? Math.max(spreadQuantile999(atoms), 1);
  const points = Math.max(2, Math.floor(options.points ?? 160));
  const earliest = Math.min(...active.map((shape) => (shape.ttftSpread ? shape.firstTokenMs - shape.ttftSpread.medianMs + shape.ttftSpread.medianMs * Math.exp(-4 * shape.ttftSpread.sigma) : shape.firstTokenMs)));
  const startMs = Math.min(Math.max(0.1, earliest * 0.8), maxMs / 2);
  const times = new Set<number>();
  for (let i = 0; i < points; i++) times.add(startMs * (maxMs / startMs) ** (i / (points - 1)));
  for (const shape of active) {
    if (shape.ttftSpread) continue;
    const t = shape.firstTokenMs;
    if (t > startMs && t <= maxMs) {
      times.add(t * (1 - 1e-9));
      times.add(t);
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    firstToken: sorted.map((ms) => ({ ms, share: shares.firstToken(ms) })),
    fullResponse: sorted.map((ms) => ({ ms, share: shares.fullResponse(ms) })),
  };
}

/** p99.9 of the full response, by the exact search of latency-ttft.ts with p99.9 in place of p99. */
function spreadQuantile999(atoms: HorizonAtoms): number {
  const shares = spreadMixtureShares(atoms.shapes, atoms.weights, atoms.output);
  // Bracket from the p99 of the block, then halve up to a generous upper end.
  const p99 = fullResponseLatencyWithSpread(atoms.shapes, atoms.weights, atoms.output, 1).p99 ?? 1;
  let lo = p99;
  let hi = p99 * 2;
  while (shares.fullResponse(hi) < 0.999 && hi < 1e300) hi *= 2;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (shares.fullResponse(mid) >= 0.999) hi = mid;
    else lo = mid;
  }
  return hi;
}
