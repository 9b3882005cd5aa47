import type { EngineInput } from '@/lib/engine';
import { prepareScenario } from '@/lib/scenario/resolve';
import type { Scenario } from '@/lib/scenario/schema';
import { Sampler } from './random';

/**
 * Random validation scenarios from a fixed seed: single models and chains of 2-3, retries, backoff with every
 * jitter, timeouts that bind, rate limits above, near and below the load (RPM or TPM, 10 s or 60 s windows),
 * over-dispersed arrivals, concurrency caps, transient errors, and outages with a higher unavailability (1-8 %) and
 * short durations (1.5-5 min), correlated by a common shock, so a few simulated days see hundreds of them.
 */

export interface GeneratedCase {
  scenario: Scenario;
  input: EngineInput;
}

export interface GeneratorOptions {
  /** Draw `ttftP95Ms` and `prefillTokensPerSec` too (model v2, ADR 011). */
  modelV2: boolean;
  /**
   * Scales requests per day (default 1). Limits and concurrency caps are drawn relative to the load, so a quick run
   * at 0.1 keeps every regime and simulates 10× the minutes, hence 10× the outage episodes, per request.
   */
  loadScale?: number;
}

const round = (x: number, digits = 3) => Number(x.toPrecision(digits));

export function generateScenario(sampler: Sampler, options: GeneratorOptions): Scenario {
  const requestsPerDay = round(sampler.logBetween(20_000, 120_000) * (options.loadScale ?? 1));
  const peakToAvg = sampler.pick([1, 1.5, 2, 3]);
  const peakHoursPerDay = sampler.pick([2, 4, 6]);
  const arrivalDispersion = sampler.chance(0.35) ? round(sampler.between(1.5, 6), 2) : 1;
  const inputMedian = round(sampler.logBetween(200, 2000));
  const outputMedian = round(sampler.logBetween(60, 500));
  const outputSpread = sampler.pick([1, 1.5, 2.5, 4]);
  const outputCap = sampler.chance(0.3) ? Math.round(outputMedian * sampler.between(1.5, 4)) : null;
  const workload: Scenario['workload'] = {
    requestsPerDay,
    peakToAvg,
    peakHoursPerDay,
    inputTokens: { median: inputMedian, p95: round(inputMedian * sampler.pick([1, 2, 3.5])) },
    outputTokens: outputCap === null ? { median: outputMedian, p95: round(outputMedian * outputSpread) } : { median: outputMedian, p95: round(outputMedian * outputSpread), cap: outputCap },
    cachedShare: sampler.chance(0.5) ? round(sampler.between(0, 0.6), 2) : 0,
    arrivalDispersion,
  };
  const peakPerMinute = (requestsPerDay * peakToAvg) / 1440;
  const meanTokens = inputMedian * 1.3 + outputMedian * 1.3;

  const chainLength = sampler.pick([1, 1, 2, 2, 3]);
  const twoChains = chainLength > 1 && sampler.chance(0.2);
  const providerCount = sampler.int(1, Math.min(3, chainLength + (twoChains ? 1 : 0)));
  const providerIds = Array.from({ length: providerCount }, (_, i) => `p${i}`);
  const providers: NonNullable<Scenario['providers']> = {};
  for (const id of providerIds) {
    providers[id] = {
      availability: round(1 - sampler.logBetween(0.01, 0.08), 4),
      meanOutageMinutes: round(sampler.between(1.5, 5), 2),
      outageDetectMs: Math.round(sampler.between(100, 1200)),
    };
  }
  const window = sampler.pick([10, 60]);
  const modelCount = chainLength + (twoChains ? 1 : 0);
  const models: NonNullable<Scenario['models']> = {};
  const modelIds = Array.from({ length: modelCount }, (_, i) => `m${i}`);
  let bindingLimit = false;
  modelIds.forEach((id, i) => {
    const ttftMs = Math.round(sampler.logBetween(150, 1500));
    const tokensPerSec = round(sampler.logBetween(40, 250));
    const model: NonNullable<Scenario['models']>[string] = {
      provider: providerIds[i % providerCount]!,
      inputPer1M: round(sampler.logBetween(0.1, 5)),
      outputPer1M: round(sampler.logBetween(0.4, 20)),
      cachedInputPer1M: round(sampler.logBetween(0.01, 0.1)),
      ttftMs,
      tokensPerSec,
      transientErrorRate: sampler.chance(0.6) ? round(sampler.logBetween(0.002, 0.05), 2) : 0,
      fastFailMs: Math.round(sampler.between(50, 400)),
      limitWindowSec: arrivalDispersion > 1 ? window : sampler.pick([10, 60]),
    };
    // Limits relative to the peak load of a first model: comfortably above, near, or below it.
    // Primaries (m0, and the second chain's first model) get binding limits; fallbacks rarely do.
    const primary = i === 0 || (twoChains && i === chainLength);
    const limitKind = primary ? sampler.pick(['none', 'none', 'above', 'near', 'below'] as const) : sampler.pick(['none', 'none', 'none', 'none', 'above'] as const);
    if (limitKind === 'near' || limitKind === 'below') bindingLimit = true;
    if (limitKind !== 'none') {
      const factor = limitKind === 'above' ? sampler.between(1.5, 3) : limitKind === 'near' ? sampler.between(0.95, 1.2) : sampler.between(0.6, 0.9);
      const perMinute = Math.max(2, peakPerMinute * factor);
      if (sampler.chance(0.7)) model.rpm = Math.round(perMinute);
      else model.tpm = Math.round(perMinute * meanTokens);
    }
    if (sampler.chance(0.15)) {
      // Mean in-flight ≈ λ·(TTFT + output time); a cap at 1-3× that.
      const inFlight = (peakPerMinute / 60) * ((ttftMs + (1000 * outputMedian * 1.3) / tokensPerSec) / 1000);
      model.maxConcurrency = Math.max(1, Math.round(inFlight * sampler.between(1, 3)));
    }
    if (options.modelV2 && sampler.chance(0.6)) model.ttftP95Ms = Math.round(ttftMs * sampler.between(1.2, 4));
    if (options.modelV2 && sampler.chance(0.25)) model.prefillTokensPerSec = round(sampler.logBetween(2000, 20000));
    models[id] = model;
  });

  const chains: Scenario['routing']['chains'] = twoChains
    ? [
        { weight: 0.7, models: modelIds.slice(0, chainLength) },
        { weight: 0.3, models: [modelIds[chainLength]!, ...modelIds.slice(1, chainLength)] },
      ]
    : [{ weight: 1, models: modelIds.slice(0, chainLength) }];

  const slowest = Math.max(...modelIds.map((id) => models[id]!.ttftMs! + (1000 * outputMedian * outputSpread) / models[id]!.tokensPerSec!));
  const timeoutMs = sampler.chance(0.45) ? Math.round(slowest * sampler.between(0.5, 1.5)) : null;
  // A binding limit is mostly failed over at once (its retries are a stated approximation regime).
  const triggers = (['429', '5xx', 'timeout'] as const).filter((t) => sampler.chance(t === '429' && bindingLimit ? 0.7 : 0.45));
  const routing: Scenario['routing'] = {
    chains,
    maxRetries: sampler.pick([0, 1, 1, 2, 3]),
    timeoutMs,
    backoff: {
      baseMs: Math.round(sampler.between(50, 300)),
      multiplier: sampler.pick([1, 2, 3]),
      capMs: sampler.chance(0.3) ? Math.round(sampler.between(200, 2000)) : null,
      jitter: sampler.pick(['none', 'full', 'equal', 'decorrelated'] as const),
    },
    failoverOn: [...triggers],
    failoverDelayMs: sampler.chance(0.5) ? Math.round(sampler.between(0, 200)) : 0,
  };
  const scenario: Scenario = {
    version: 1,
    name: 'validator case',
    workload,
    providers,
    models,
    routing,
    outageCorrelation: sampler.chance(0.5) ? round(sampler.between(0, 1), 2) : 0,
    horizonMonths: 1,
  };
  if (sampler.chance(0.3)) scenario.commonOutageMinutes = round(sampler.between(1.5, 5), 2);
  return scenario;
}

/** `count` scenarios from `seed`, each resolved against an empty catalog (they are complete). */
export function generateCases(seed: number, count: number, options: GeneratorOptions): GeneratedCase[] {
  const sampler = new Sampler(seed);
  const cases: GeneratedCase[] = [];
  while (cases.length < count) {
    const scenario = generateScenario(sampler, options);
    const resolved = prepareScenario(scenario, { providers: {}, models: {} });
    if (!resolved.ok) throw new Error(`generated scenario is invalid: ${resolved.errors.join('; ')}`);
    cases.push({ scenario, input: resolved.value });
  }
  return cases;
}
