/**
 * Test-only: turns a Scenario v1 JSON of model-examples.json into an EngineInput by applying the defaults of
 * MODEL.md §3 against an empty catalog (§11). Deliberately independent of lib/scenario/resolve.ts, so the golden
 * tests check the engine alone; it trusts its input (the examples are valid).
 */
import type { EngineInput, ModelSpec, ProviderSpec } from '../types';

type Json = Record<string, unknown>;

const obj = (value: unknown): Json => (value && typeof value === 'object' ? (value as Json) : {});
function pick<T>(source: Json, key: string, fallback: T): T {
  return key in source ? (source[key] as T) : fallback;
}

export function resolveExample(scenario: unknown): EngineInput {
  const s = obj(scenario);
  const w = obj(s.workload);
  const routing = obj(s.routing);
  const backoff = obj(routing.backoff);
  const costs = obj(s.costs);
  const target = obj(s.latencyTarget);
  const routingRetries = pick(routing, 'maxRetries', 0);
  const chains = (routing.chains as Json[]).map((chain) => {
    const models = chain.models as string[];
    const retries = (chain.maxRetries as (number | null)[] | undefined) ?? models.map(() => null);
    return { weight: chain.weight as number, models, maxRetries: retries.map((r) => r ?? routingRetries) };
  });
  const tokens = (t: Json) => ({ median: t.median as number, p95: t.p95 as number, cap: pick<number | null>(t, 'cap', null) });

  const modelIds: string[] = [];
  for (const chain of chains) for (const id of chain.models) if (!modelIds.includes(id)) modelIds.push(id);
  const models: Record<string, ModelSpec> = {};
  const providerIds: string[] = [];
  for (const id of modelIds) {
    const m = obj(obj(s.models)[id]);
    const inputPer1M = m.inputPer1M as number;
    const outputPer1M = m.outputPer1M as number;
    models[id] = {
      provider: m.provider as string,
      inputPer1M,
      outputPer1M,
      cachedInputPer1M: pick(m, 'cachedInputPer1M', inputPer1M),
      batchInputPer1M: pick(m, 'batchInputPer1M', 0.5 * inputPer1M),
      batchOutputPer1M: pick(m, 'batchOutputPer1M', 0.5 * outputPer1M),
      ttftMs: m.ttftMs as number,
      tokensPerSec: m.tokensPerSec as number,
      rpm: pick(m, 'rpm', null),
      tpm: pick(m, 'tpm', null),
      maxConcurrency: pick(m, 'maxConcurrency', null),
      limitWindowSec: pick(m, 'limitWindowSec', 60),
      transientErrorRate: pick(m, 'transientErrorRate', 0),
      fastFailMs: pick(m, 'fastFailMs', 200),
      provisioned: pick(m, 'provisioned', null),
    };
    if (!providerIds.includes(m.provider as string)) providerIds.push(m.provider as string);
  }
  const providers: Record<string, ProviderSpec> = {};
  for (const id of providerIds) {
    const p = obj(obj(s.providers)[id]);
    providers[id] = {
      availability: p.availability as number,
      meanOutageMinutes: pick(p, 'meanOutageMinutes', 60),
      outageDetectMs: pick(p, 'outageDetectMs', 1000),
      contractual: pick(p, 'contractual', false),
      slaCredits: pick(p, 'slaCredits', []),
      integrationHours: pick(p, 'integrationHours', 0),
      maintenanceHoursPerMonth: pick(p, 'maintenanceHoursPerMonth', 0),
    };
  }
  const input: EngineInput = {
    workload: {
      requestsPerDay: w.requestsPerDay as number,
      monthlyGrowthPct: pick(w, 'monthlyGrowthPct', 0),
      peakToAvg: pick(w, 'peakToAvg', 1),
      peakHoursPerDay: pick(w, 'peakHoursPerDay', 2),
      inputTokens: tokens(obj(w.inputTokens)),
      outputTokens: tokens(obj(w.outputTokens)),
      cachedShare: pick(w, 'cachedShare', 0),
      batchShare: pick(w, 'batchShare', 0),
      arrivalDispersion: pick(w, 'arrivalDispersion', 1),
      dailyVolumeCV: pick(w, 'dailyVolumeCV', 0.1),
      inputDriftCV: pick(w, 'inputDriftCV', 0.05),
      outputDriftCV: pick(w, 'outputDriftCV', 0.1),
    },
    providers,
    models,
    routing: {
      chains,
      timeoutMs: pick(routing, 'timeoutMs', null),
      backoff: {
        baseMs: pick(backoff, 'baseMs', 100),
        multiplier: pick(backoff, 'multiplier', 2),
        capMs: pick(backoff, 'capMs', null),
        jitter: pick(backoff, 'jitter', 'none'),
      },
      failoverOn: pick(routing, 'failoverOn', []),
      failoverDelayMs: pick(routing, 'failoverDelayMs', 0),
    },
    costs: {
      engineeringHourlyRate: pick(costs, 'engineeringHourlyRate', 0),
      aggregatorFeePct: pick(costs, 'aggregatorFeePct', 0),
      platformFeeMonthly: pick(costs, 'platformFeeMonthly', 0),
      downtimeCostPerMinute: pick(costs, 'downtimeCostPerMinute', 0),
      failedRequestCost: pick(costs, 'failedRequestCost', 0),
    },
    outageCorrelation: pick(s, 'outageCorrelation', 0),
    commonOutageMinutes: pick(s, 'commonOutageMinutes', Math.min(...Object.values(providers).map((p) => p.meanOutageMinutes))),
    latencyTarget: { ms: pick(target, 'ms', 500), measure: pick(target, 'measure', 'firstToken') },
    horizonMonths: pick(s, 'horizonMonths', 6),
  };
  if (s.monteCarlo) {
    const mc = obj(s.monteCarlo);
    input.monteCarlo = { trials: pick(mc, 'trials', 2000), seed: pick(mc, 'seed', 1) };
  }
  if (typeof s.name === 'string') input.name = s.name;
  return input;
}
