/**
 * fast-check generators of valid Scenario v1 documents (test support only; never imported by app code).
 * Every optional field is present, so a test can push any field out of range or add an unknown key beside it.
 * Guarantees used by tests: one provider has at least one SLA credit tier, one model has a `provisioned` block
 * (the first generated; integer-like ids may sort before it), and the first chain has a `maxRetries` array.
 */
import fc from 'fast-check';
import { FAILOVER_TRIGGERS, JITTER_MODES, LATENCY_MEASURES, type Scenario } from './schema';

const ID_FIRST = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'];
const ID_REST = [...ID_FIRST, ...'._:/@+-'];

/** Ids of §3.3 (kept short: length does not matter to the schema below 128). */
export const entityIdArb = fc
  .tuple(fc.constantFrom(...ID_FIRST), fc.string({ unit: fc.constantFrom(...ID_REST), maxLength: 12 }))
  .map(([first, rest]) => first + rest);

/** A double in [min, max] (or with excluded ends), never NaN. */
const real = (min: number, max: number, options: { minExcluded?: boolean; maxExcluded?: boolean } = {}) =>
  fc.double({ min, max, noNaN: true, ...options });
const above = (min: number, max: number) => real(min, max, { minExcluded: true });
const int = (min: number, max: number) => fc.integer({ min, max });

/** `{median, p95, cap}` with p95 ≥ median (§3.2). */
const tokenDistributionArb = fc
  .record({ median: above(0, 1e7), spread: real(0, 1), cap: fc.option(real(1, 1e8), { nil: null }) })
  .map(({ median, spread, cap }) => ({ median, p95: Math.min(1e8, Math.max(median, median + spread * (1e8 - median))), cap }));

const workloadArb = fc
  .record({
    requestsPerDay: real(0, 1e10),
    monthlyGrowthPct: real(-100, 1000, { minExcluded: true }),
    peakToAvg: real(1, 24),
    peakShare: real(0, 0.999, { minExcluded: true }),
    inputTokens: tokenDistributionArb,
    outputTokens: tokenDistributionArb,
    cachedShare: real(0, 1),
    batchShare: real(0, 1),
    arrivalDispersion: real(1, 1000),
    dailyVolumeCV: real(0, 5),
    inputDriftCV: real(0, 5),
    outputDriftCV: real(0, 5),
  })
  // peakToAvg × peakHoursPerDay ≤ 24 (§3.1): H is a share of 24/P.
  .map(({ peakShare, ...w }) => ({ ...w, peakHoursPerDay: Math.max(Number.MIN_VALUE, (peakShare * 24) / w.peakToAvg) }));

const slaTierArb = fc.record({ belowPct: above(0, 100), creditPct: real(0, 100) });

const providerArb = (minTiers: number) =>
  fc.record({
    availability: real(0, 1),
    meanOutageMinutes: above(0, 1e5),
    outageDetectMs: real(0, 3.6e6),
    contractual: fc.boolean(),
    slaCredits: fc.array(slaTierArb, { minLength: minTiers, maxLength: 10 }),
    integrationHours: real(0, 1e5),
    maintenanceHoursPerMonth: real(0, 1e4),
  });

const provisionedArb = fc.record({ monthlyPrice: real(0, 1e9), capacityTPM: above(0, 1e12) });

const modelArb = (providerIds: string[], withProvisioned: boolean) =>
  fc.record({
    provider: fc.constantFrom(...providerIds),
    inputPer1M: real(0, 1e4),
    outputPer1M: real(0, 1e4),
    cachedInputPer1M: real(0, 1e4),
    batchInputPer1M: real(0, 1e4),
    batchOutputPer1M: real(0, 1e4),
    ttftMs: real(0, 6e5),
    tokensPerSec: above(0, 1e6),
    rpm: fc.option(real(0, 1e9), { nil: null }),
    tpm: fc.option(real(0, 1e12), { nil: null }),
    maxConcurrency: fc.option(int(1, 1e6), { nil: null }),
    limitWindowSec: real(1, 3600),
    transientErrorRate: real(0, 1),
    fastFailMs: real(0, 6e5),
    provisioned: withProvisioned ? provisionedArb : fc.option(provisionedArb, { nil: null }),
  });

/** A record id → value with at least one entry; `first` generates the first entry, `rest` the others. */
function recordArb<T>(ids: string[], first: fc.Arbitrary<T>, rest: fc.Arbitrary<T>): fc.Arbitrary<Record<string, T>> {
  return fc.tuple(first, fc.array(rest, { minLength: ids.length - 1, maxLength: ids.length - 1 })).map(([head, tail]) => {
    const record: Record<string, T> = {};
    [head, ...tail].forEach((value, i) => Object.defineProperty(record, ids[i]!, { value, enumerable: true, writable: true, configurable: true }));
    return record;
  });
}

/** 1-8 chains over the model ids, weights k_i/Σk (sum = 1 within 1e-9), distinct models per chain. */
const chainsArb = (modelIds: string[]) =>
  fc
    .array(
      fc.record({
        share: int(1, 100),
        models: fc.shuffledSubarray(modelIds, { minLength: 1, maxLength: Math.min(5, modelIds.length) }),
        retries: fc.array(fc.option(int(0, 10), { nil: null }), { minLength: 5, maxLength: 5 }),
        withRetries: fc.boolean(),
      }),
      { minLength: 1, maxLength: 8 },
    )
    .map((chains) => {
      const total = chains.reduce((sum, c) => sum + c.share, 0);
      return chains.map((c, i) => ({
        weight: c.share / total,
        models: c.models,
        ...(i === 0 || c.withRetries ? { maxRetries: c.retries.slice(0, c.models.length) } : {}),
      }));
    });

const routingArb = (modelIds: string[]) =>
  fc.record({
    chains: chainsArb(modelIds),
    maxRetries: int(0, 10),
    timeoutMs: fc.option(above(0, 3.6e6), { nil: null }),
    backoff: fc.record({
      baseMs: real(0, 6e5),
      multiplier: real(1, 10),
      capMs: fc.option(real(0, 3.6e6), { nil: null }),
      jitter: fc.constantFrom(...JITTER_MODES),
    }),
    failoverOn: fc.subarray([...FAILOVER_TRIGGERS]),
    failoverDelayMs: real(0, 6e5),
  });

const costsArb = fc.record({
  engineeringHourlyRate: real(0, 1e4),
  aggregatorFeePct: real(0, 100),
  platformFeeMonthly: real(0, 1e9),
  downtimeCostPerMinute: real(0, 1e9),
  failedRequestCost: real(0, 1e6),
});

/** A valid Scenario v1 with every optional field present (1-8 providers, 1-16 models, 1-8 chains). */
export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    providerIds: fc.uniqueArray(entityIdArb, { minLength: 1, maxLength: 8 }),
    modelIds: fc.uniqueArray(entityIdArb, { minLength: 1, maxLength: 16 }),
  })
  .chain(({ providerIds, modelIds }) =>
    fc.record({
      version: fc.constant(1 as const),
      name: fc.string({ maxLength: 120 }),
      workload: workloadArb,
      providers: recordArb(providerIds, providerArb(1), providerArb(0)),
      models: recordArb(modelIds, modelArb(providerIds, true), modelArb(providerIds, false)),
      routing: routingArb(modelIds),
      costs: costsArb,
      outageCorrelation: real(0, 1),
      commonOutageMinutes: above(0, 1e5),
      latencyTarget: fc.record({ ms: above(0, 3.6e6), measure: fc.constantFrom(...LATENCY_MEASURES) }),
      horizonMonths: int(1, 60),
      monteCarlo: fc.record({ trials: int(1, 100000), seed: int(0, 4294967295) }),
    }),
  );
