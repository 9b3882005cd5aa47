import { simulate, type EngineInput, type MonthResult } from '@/lib/engine';
import { simulatePeriod, type PeriodOutcome, type SuccessRecord } from './des';
import { intersect, measureIn, outageShares, providerDownIntervals } from './outages';
import { Sampler } from './random';
import { detectRegimes, type FigureId, type Regime } from './regimes';
import { standardError, stratifiedRatio, tToZ, type Estimate, type StratumBatches } from './stats';

/**
 * One validation case: the engine's closed forms (month 0 of `simulate`) against the discrete-event simulation of
 * the same scenario, figure by figure, as a standardized difference z = (engine - DES)/SE_DES.
 */

export interface FigureRow {
  case: number;
  figure: FigureId;
  engine: number | null;
  des: number | null;
  se: number | null;
  z: number | null;
  /** Why this row is left out of worstZ (the closed form is a stated approximation in this regime). */
  excluded?: string;
}

export interface CaseSettings {
  /** Simulated minutes per daily period. */
  minutesPerPeriod: number;
  batches: number;
  seed: number;
}

interface Stratum {
  share: number;
  outcome: PeriodOutcome;
}

/** The two daily periods of MODEL.md §6.1: level and request share. */
function periods(input: EngineInput): { level: number; share: number }[] {
  const { peakToAvg: p, peakHoursPerDay: h } = input.workload;
  const peakShare = (p * h) / 24;
  const baseLevel = (24 - p * h) / (24 - h);
  return [
    { level: p, share: peakShare },
    { level: baseLevel, share: 1 - peakShare },
  ].filter((x) => x.share > 0);
}

function ratio(strata: readonly Stratum[], num: (b: PeriodOutcome['batches'][number]) => number, den: (b: PeriodOutcome['batches'][number]) => number): Estimate {
  const batches: StratumBatches[] = strata.map((s) => ({
    share: s.share,
    numerators: s.outcome.batches.map(num),
    denominators: s.outcome.batches.map(den),
    requests: s.outcome.batches.map((b) => b.requests),
  }));
  return stratifiedRatio(batches);
}

/** Weighted share of successes with latency ≤ t (per batch), a ratio estimate of the latency CDF at t. */
function cdfAt(strata: readonly Stratum[], latency: (s: SuccessRecord) => number, t: number): Estimate {
  const batches: StratumBatches[] = strata.map((s) => {
    const below = new Array<number>(s.outcome.batches.length).fill(0);
    for (const record of s.outcome.successes) if (latency(record) <= t) below[record.batch]!++;
    return { share: s.share, numerators: below, denominators: s.outcome.batches.map((b) => b.successes), requests: s.outcome.batches.map((b) => b.requests) };
  });
  return stratifiedRatio(batches);
}

/** Weighted empirical quantile of the DES latencies (for display). */
function weightedQuantile(strata: readonly Stratum[], latency: (s: SuccessRecord) => number, p: number): number | null {
  const points: { t: number; w: number }[] = [];
  for (const s of strata) {
    const requests = s.outcome.batches.reduce((a, b) => a + b.requests, 0);
    if (requests === 0) continue;
    for (const record of s.outcome.successes) points.push({ t: latency(record), w: s.share / requests });
  }
  if (points.length === 0) return null;
  points.sort((a, b) => a.t - b.t);
  const total = points.reduce((a, x) => a + x.w, 0);
  let cumulative = 0;
  for (const point of points) {
    cumulative += point.w;
    if (cumulative >= p * total) return point.t;
  }
  return points.at(-1)!.t;
}

/**
 * Floor of the SE of a proportion p estimated from n draws over T simulated minutes whose outcomes cluster over τ
 * minutes (outage episodes, limit windows): Var ≥ p(1-p)·(1/n + 2τ/T), the variance of a time average of an
 * indicator with integrated autocorrelation time τ. With few episodes, batch means alone underestimate it.
 */
export interface ClusterScale {
  minutes: number;
  tau: number;
}

/** z of a proportion-like figure; the SE never goes below the clustered binomial SE of the engine's value. */
function zOf(engine: number, estimate: Estimate, draws: number, cluster?: ClusterScale): { z: number; se: number } {
  const n = Math.max(1, draws);
  const p = Math.min(1, Math.max(engine, 1 / n));
  const clustered = cluster ? (2 * cluster.tau) / cluster.minutes : 0;
  const floor = Math.sqrt(p * (1 - Math.min(p, 1 - 1 / n)) * (1 / n + clustered));
  const se = Math.max(estimate.se, floor);
  const diff = engine - estimate.value;
  if (Math.abs(diff) <= 1e-9 * Math.max(Math.abs(engine), Math.abs(estimate.value))) return { z: 0, se };
  return { z: tToZ(diff / se, estimate.dof), se };
}

/**
 * Quantile check by inversion (order-statistic CI): the engine's q_p is consistent when F̂(q⁻) ≤ p ≤ F̂(q); z is the
 * standardized distance of p from that interval (0 inside).
 */
function quantileZ(strata: readonly Stratum[], latency: (s: SuccessRecord) => number, q: number, p: number, draws: number, clusterSe: number): { z: number; se: number } {
  const eps = 1e-9 * Math.max(1, q);
  const floored = (e: Estimate): Estimate => ({ ...e, se: Math.max(e.se, clusterSe) });
  const upper = floored(cdfAt(strata, latency, q + eps));
  const lower = floored(cdfAt(strata, latency, q - eps));
  if (upper.value < p) return zOf(p, upper, draws);
  if (lower.value > p) return zOf(p, lower, draws);
  return { z: 0, se: Math.max(upper.se, lower.se) };
}

/** 1e7 minutes, 19 years of outage timeline. */
const AVAILABILITY_MAX_MINUTES = 1e7;

/** Time-based availability Σ_c w_c (1 - time share with every provider of c down), with batch-means SE. */
function availabilityEstimate(input: EngineInput, seed: number, engineAvailability: number): Estimate {
  const providers = Object.values(input.providers);
  const longest = Math.max(input.commonOutageMinutes, ...providers.map((p) => p.meanOutageMinutes));
  const { common, residual } = outageShares({ providers, correlation: input.outageCorrelation, commonOutageMinutes: input.commonOutageMinutes });
  // Long enough for ~3,000 outages of the rarest process (capped: intervals are cheap, but not free).
  const rarest = Math.min(...[common / input.commonOutageMinutes, ...residual.map((u, i) => u / providers[i]!.meanOutageMinutes)].filter((rate) => rate > 0));
  const batches = 100;
  // ... and for ~3,000 chain-down episodes: they start at about (1 - A)·Σ_p 1/D_p per minute.
  const episodes = (1 - engineAvailability) * providers.reduce((acc, p) => acc + 1 / p.meanOutageMinutes, 1 / input.commonOutageMinutes);
  const horizon = Math.min(AVAILABILITY_MAX_MINUTES, Math.max(batches * 200 * longest, Number.isFinite(rarest) ? 3000 / rarest : 0, episodes > 0 ? 3000 / episodes : 0));
  const batchMinutes = horizon / batches;
  const down = providerDownIntervals(
    new Sampler(seed),
    { providers: providers.map((p) => ({ availability: p.availability, meanOutageMinutes: p.meanOutageMinutes })), correlation: input.outageCorrelation, commonOutageMinutes: input.commonOutageMinutes },
    horizon,
  );
  const providerIds = Object.keys(input.providers);
  const chainDown = input.routing.chains.map((chain) => {
    const indexes = [...new Set(chain.models.map((id) => providerIds.indexOf(input.models[id]!.provider)))];
    return { weight: chain.weight, down: indexes.slice(1).reduce((acc, i) => intersect(acc, down[i]!), down[indexes[0]!]!) };
  });
  const values: number[] = [];
  for (let b = 0; b < batches; b++) {
    const lo = b * batchMinutes;
    values.push(chainDown.reduce((acc, c) => acc + c.weight * (1 - measureIn(c.down, lo, lo + batchMinutes) / batchMinutes), 0));
  }
  return { value: values.reduce((a, v) => a + v, 0) / batches, se: standardError(values), dof: batches - 1 };
}

export interface CaseOutcome {
  rows: FigureRow[];
  regimes: Regime[];
  requests: number;
}

/** Runs one case: engine month 0 vs the DES over both daily periods. */
export function validateCase(caseIndex: number, input: EngineInput, settings: CaseSettings): CaseOutcome {
  const oneMonth: EngineInput = { ...input, horizonMonths: 1 };
  delete oneMonth.monteCarlo;
  const month: MonthResult = simulate(oneMonth).months[0]!;
  const realtimePerMinute = (input.workload.requestsPerDay * (1 - input.workload.batchShare)) / 1440;
  const strata: Stratum[] = periods(input).map((period, i) => ({
    share: period.share,
    outcome: simulatePeriod(input, { arrivalsPerMinute: realtimePerMinute * period.level, minutes: settings.minutesPerPeriod, batches: settings.batches, seed: (settings.seed + 7919 * (i + 1)) >>> 0 }),
  }));
  const requests = strata.reduce((a, s) => a + s.outcome.batches.reduce((x, b) => x + b.requests, 0), 0);
  const attempts = strata.reduce((a, s) => a + s.outcome.batches.reduce((x, b) => x + b.attempts, 0), 0);
  const successes = strata.reduce((a, s) => a + s.outcome.successes.length, 0);
  const retriedShare = successes > 0 ? strata.reduce((a, s) => a + s.outcome.successes.filter((x) => x.retried).length, 0) / successes : 0;
  const regimes = detectRegimes(input, month, retriedShare);
  const rows: FigureRow[] = [];
  const push = (figure: FigureId, engine: number | null, des: number | null, result: { z: number; se: number } | null) => {
    const row: FigureRow = { case: caseIndex, figure, engine, des, se: result ? result.se : null, z: result ? result.z : null };
    const regime = regimes.find((r) => r.figures.includes(figure));
    if (regime) row.excluded = `${regime.id}: ${regime.reason}`;
    rows.push(row);
  };

  // Outcomes cluster over outage episodes (mean durations) and limit windows.
  const simulatedMinutes = strata.length * settings.minutesPerPeriod;
  const tau = Math.max(input.outageCorrelation > 0 ? input.commonOutageMinutes : 0, ...Object.values(input.providers).map((p) => p.meanOutageMinutes), ...Object.values(input.models).map((m) => m.limitWindowSec / 60));
  const cluster: ClusterScale = { minutes: simulatedMinutes, tau };

  // Cost: a minute with some provider down (share ≤ Σ u_p) can change a request's cost by up to all of it, so
  // Var ≥ c̄²·min(1, Σ u_p)·2τ/T besides the batch-means variance.
  const cost = ratio(strata, (b) => b.cost, (b) => b.requests);
  const costEngine = month.realtimeRequests > 0 ? month.tokenCost.total / month.realtimeRequests : 0;
  const downShare = Math.min(1, Object.values(input.providers).reduce((acc, p) => acc + (1 - p.availability), 0));
  const costFloor = Math.max(costEngine, cost.value) * Math.max(1e-12, Math.sqrt((downShare * 2 * tau) / simulatedMinutes));
  const costSe = Math.max(cost.se, costFloor);
  const costDiff = costEngine - cost.value;
  push('costPerRequest', costEngine, cost.value, { se: costSe, z: Math.abs(costDiff) <= 1e-9 * Math.abs(costEngine) ? 0 : tToZ(costDiff / costSe, cost.dof) });
  const success = ratio(strata, (b) => b.successes, (b) => b.requests);
  push('successRate', month.requestSuccessRate, success.value, zOf(1 - month.requestSuccessRate, { ...success, value: 1 - success.value }, requests, cluster));

  const rate429 = ratio(strata, (b) => b.rejected429, (b) => b.attempts);
  push('rate429', month.rate429, rate429.value, zOf(month.rate429, rate429, attempts, cluster));

  const availability = availabilityEstimate(input, (settings.seed ^ 0x5bd1e995) >>> 0, month.chainAvailability);
  const availabilityDiff = month.chainAvailability - availability.value;
  const availabilitySe = Math.max(availability.se, 1e-12);
  push('availability', month.chainAvailability, availability.value, { se: availabilitySe, z: Math.abs(availabilityDiff) <= 1e-12 ? 0 : tToZ(availabilityDiff / availabilitySe, availability.dof) });

  const latencyFigures: [FigureId, 'firstToken' | 'fullResponse', 'p50' | 'p95', number, (s: SuccessRecord) => number][] = [
    ['firstTokenP50', 'firstToken', 'p50', 0.5, (s) => s.firstTokenMs],
    ['firstTokenP95', 'firstToken', 'p95', 0.95, (s) => s.firstTokenMs],
    ['fullResponseP50', 'fullResponse', 'p50', 0.5, (s) => s.fullResponseMs],
    ['fullResponseP95', 'fullResponse', 'p95', 0.95, (s) => s.fullResponseMs],
  ];
  // Retried and failed-over successes come in outage episodes: their share r moves the CDF by up to r, clustered
  // over τ, so the CDF's SE is floored at √(r(1 − r)·2τ/T).
  const latencyClusterSe = Math.sqrt((retriedShare * (1 - retriedShare) * 2 * tau) / simulatedMinutes);
  for (const [figure, block, key, p, latency] of latencyFigures) {
    const q = month[block][key];
    const desQuantile = weightedQuantile(strata, latency, p);
    if (q === null || desQuantile === null) {
      push(figure, q, desQuantile, null);
      continue;
    }
    push(figure, q, desQuantile, quantileZ(strata, latency, q, p, successes, latencyClusterSe));
  }
  return { rows, regimes, requests };
}
