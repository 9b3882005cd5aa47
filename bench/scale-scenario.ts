/**
 * Synthetic scenarios for the scale rows of `npm run bench`: `chains` chains over 5 models (one provider each unless
 * `providers` is smaller: 2^providers outage states), `months` months, limits, retries, timeouts and correlated
 * outages on, so that every part of the engine works. Resolved against an empty catalog.
 */
import type { EngineInput } from '@/lib/engine/types';
import { prepareScenario } from '@/lib/scenario/resolve';

const PROVIDER_IDS = ['openai', 'anthropic', 'google-vertex', 'mistral', 'groq'];
const MODEL_COUNT = 5;

/** The Scenario v1 document of `scaleScenario`. */
export function scaleScenarioDocument(chains: number, months: number, providers = MODEL_COUNT): Record<string, unknown> {
  const providerMap: Record<string, unknown> = {};
  PROVIDER_IDS.slice(0, providers).forEach((id, i) => {
    providerMap[id] = {
      availability: [0.999, 0.998, 0.995, 0.997, 0.996][i],
      meanOutageMinutes: 30 + 10 * i,
      integrationHours: 20,
      maintenanceHoursPerMonth: 4,
      contractual: i % 2 === 1,
      slaCredits: i % 2 === 1 ? [{ belowPct: 99.9, creditPct: 10 }] : [],
    };
  });
  const models: Record<string, unknown> = {};
  for (let j = 0; j < MODEL_COUNT; j++) {
    models[`m${j}`] = {
      provider: PROVIDER_IDS[j % providers],
      inputPer1M: 0.1 + 0.2 * j,
      outputPer1M: 0.4 + 0.8 * j,
      ttftMs: 300 + 80 * j,
      tokensPerSec: 60 + 25 * j,
      rpm: [600, 250, 400, null, 300][j],
      tpm: [3e6, 5e5, null, null, 1e6][j],
      maxConcurrency: j === 1 ? 60 : null,
      transientErrorRate: 0.002 * (j + 1),
    };
  }
  // Chain c: 2-4 distinct models starting at m_c mod 5, stepping by 1 or 2.
  const chainList = Array.from({ length: chains }, (_, c) => {
    const step = c % 2 === 0 ? 1 : 2;
    const ids = Array.from({ length: 2 + (c % 3) }, (_, k) => `m${(c + k * step) % MODEL_COUNT}`);
    return { weight: 1 / chains, models: [...new Set(ids)] };
  });
  chainList[0]!.weight += 1 - chainList.reduce((sum, chain) => sum + chain.weight, 0);
  const scenario = {
    version: 1,
    name: `scale: ${chains} chains × ${MODEL_COUNT} models × ${months} months`,
    workload: {
      requestsPerDay: 300000,
      monthlyGrowthPct: 3,
      peakToAvg: 2.5,
      peakHoursPerDay: 3,
      inputTokens: { median: 1000, p95: 4000 },
      outputTokens: { median: 300, p95: 1400, cap: 2048 },
      cachedShare: 0.3,
      batchShare: 0.05,
      arrivalDispersion: 3,
    },
    providers: providerMap,
    models,
    routing: { chains: chainList, maxRetries: 1, timeoutMs: 30000, backoff: { baseMs: 200, multiplier: 2, capMs: 2000, jitter: 'full' }, failoverOn: ['429', 'timeout'], failoverDelayMs: 50 },
    costs: { engineeringHourlyRate: 120, platformFeeMonthly: 200, downtimeCostPerMinute: 40, failedRequestCost: 0.01 },
    outageCorrelation: 0.1,
    horizonMonths: months,
  };
  return scenario;
}

export function scaleScenario(chains: number, months: number, providers = MODEL_COUNT): EngineInput {
  const resolved = prepareScenario(scaleScenarioDocument(chains, months, providers), { providers: {}, models: {} });
  if (!resolved.ok) throw new Error(`scale scenario: ${resolved.errors.join('; ')}`);
  return resolved.value;
}
