/**
 * The engine's contract: its input (a resolved scenario, MODEL.md §3 with every default applied and every referenced
 * provider and model complete) and its Result (MODEL.md §7.5, §9.6). Plain types: the engine imports nothing else.
 * `null` in limits means ∞ exactly as in the Scenario JSON.
 */
import type { Jitter, FailoverTrigger, ModelSpec, ProviderSpec } from '../scenario/schema';

export type { ModelSpec, ProviderSpec, Jitter, FailoverTrigger };

export interface EngineTokenDistribution {
  median: number;
  p95: number;
  /** null = ∞ */
  cap: number | null;
}

export interface EngineWorkload {
  requestsPerDay: number;
  monthlyGrowthPct: number;
  peakToAvg: number;
  peakHoursPerDay: number;
  inputTokens: EngineTokenDistribution;
  outputTokens: EngineTokenDistribution;
  cachedShare: number;
  batchShare: number;
  arrivalDispersion: number;
  dailyVolumeCV: number;
  inputDriftCV: number;
  outputDriftCV: number;
}

export interface EngineChain {
  weight: number;
  models: string[];
  /** Retries per position, already resolved from the routing default (MODEL.md §3.5). */
  maxRetries: number[];
}

export interface EngineRouting {
  chains: EngineChain[];
  /** null = ∞ */
  timeoutMs: number | null;
  backoff: { baseMs: number; multiplier: number; capMs: number | null; jitter: Jitter };
  failoverOn: FailoverTrigger[];
  failoverDelayMs: number;
}

export interface EngineCosts {
  engineeringHourlyRate: number;
  aggregatorFeePct: number;
  platformFeeMonthly: number;
  downtimeCostPerMinute: number;
  failedRequestCost: number;
  /** Optional (ADR 011): prices in month m × (1 + d/100)^m; a provider's own value overrides it. Absent = 0. */
  priceDriftPctPerMonth?: number;
}

/** A Scenario after `resolveScenario`: every default applied, only the providers and models in scope (MODEL.md §2 order). */
export interface EngineInput {
  name?: string;
  workload: EngineWorkload;
  /** In scope only, insertion order = order of first appearance in the chains (MODEL.md §2). */
  providers: Record<string, ProviderSpec>;
  models: Record<string, ModelSpec>;
  routing: EngineRouting;
  costs: EngineCosts;
  outageCorrelation: number;
  /** Default min_p D_p over providers in scope (MODEL.md §3.6). */
  commonOutageMinutes: number;
  latencyTarget: { ms: number; measure: 'firstToken' | 'fullResponse' };
  horizonMonths: number;
  /** Present iff the scenario asked for Monte Carlo (MODEL.md §9). */
  monteCarlo?: { trials: number; seed: number };
}

// ---- Result (MODEL.md §7.5) ----------------------------------------------------------------------------------------

export interface TokenCostBreakdown {
  inputUncached: number;
  inputCached: number;
  output: number;
  batch: number;
  total: number;
}

/** All null when there is no successful realtime request (MODEL.md §7.4). */
export interface LatencySummary {
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  shareOverTarget: number | null;
}

interface PeriodFigures {
  requests: number;
  realtimeRequests: number;
  batchRequests: number;
  inputTokens: number;
  outputTokens: number;
  tokenCost: TokenCostBreakdown;
  wastedSpend: number;
  failoverExtraCost: number;
  flatRate: number;
  aggregatorFee: number;
  platformFee: number;
  engineering: { integration: number; maintenance: number };
  slaCredits: number;
  downtimeMinutes: number;
  downtimeCost: number;
  chainAvailability: number;
  requestSuccessRate: number;
  failedRequests: number;
  failedRequestCost: number;
  attempts: number;
  retries: number;
  failovers: number;
  servedByFallback: number;
  count429: number;
  rate429: number;
  count5xx: number;
  outageFailures: number;
  timeouts: number;
  fullResponse: LatencySummary;
  firstToken: LatencySummary;
  targetMissShare: number | null;
  tco: number;
}

export interface MonthResult extends PeriodFigures {
  month: number;
  requestsPerDay: number;
  /** In-flight attempts at peak, per model in scope (MODEL.md §6.4). */
  peakConcurrency: Record<string, number>;
  /** Fixed point of §6.5 with no outage; `base` absent when its share is 0. */
  rejectionProbNoOutage: { peak?: Record<string, number>; base?: Record<string, number> };
}

export type TotalResult = PeriodFigures;

export interface Percentiles {
  p5: number;
  p50: number;
  p95: number;
}

export interface MonteCarloResult {
  trials: number;
  seed: number;
  monthly: Percentiles[];
  total: Percentiles;
}

export interface Result {
  months: MonthResult[];
  total: TotalResult;
  monteCarlo?: MonteCarloResult;
}
