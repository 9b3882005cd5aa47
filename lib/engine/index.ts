/**
 * The pure simulation engine (MODEL.md). `simulate` is deterministic; it adds the Monte Carlo block (§9) when the
 * input asks for it. No I/O, no clock, no Math.random: everything arrives as arguments.
 */
import { simulateDeterministic } from './aggregate';
import { runMonteCarlo } from './monte-carlo';
import { saturateInfinities } from './saturate';
import type { EngineInput, Result } from './types';

export type * from './types';
export { runMonteCarlo, sampleMonteCarlo, mergeMonteCarloSamples, summarizeMonteCarlo } from './monte-carlo';
export type { MonteCarloSamples } from './monte-carlo';
export { outageModel, chainUnavailability, scenarioAvailability } from './availability';
export type { OutageModel, OutageState } from './availability';
export { backoffMeans } from './backoff';
export { expectedExcess, effectiveRequestLimitPerMinute, rateLimitRejectedShare } from './rate-limits';
export { erlangB, erlangC, erlangCMeanWaitMs, offeredLoadErlangs } from './concurrency';
export { normalCdf, lnGamma, lognormalFromMedianP95, lengthCdf, partialExpectation } from './distributions';
export type { LengthDistribution } from './distributions';
export { DAYS_PER_MONTH, MIN_PER_MONTH, Z95 } from './constants';

/** Simulate a resolved scenario (MODEL.md §4-§8, plus §9 iff `input.monteCarlo` is set). */
export function simulate(input: EngineInput): Result {
  const { months, total } = simulateDeterministic(input);
  const result: Result = input.monteCarlo ? { months, total, monteCarlo: runMonteCarlo(input, input.monteCarlo) } : { months, total };
  return saturateInfinities(result);
}
