import { outageModel, type OutageModel } from './availability';
import { backoffMeans } from './backoff';
import { lengthCdf, lognormalFromMedianP95, partialExpectation, type LengthDistribution } from './distributions';
import { Z95 } from './constants';
import type { EngineInput, ModelSpec, ProviderSpec } from './types';

/** A model in scope with its limits as numbers (∞ for null) and its timeout threshold. */
export interface PreparedModel {
  id: string;
  index: number;
  providerIndex: number;
  spec: ModelSpec;
  rpm: number;
  tpm: number;
  maxConcurrency: number;
  outageDetectMs: number;
  /** x*_j = max(0, tps·(T - TTFT)/1000), ∞ when T = ∞ (MODEL.md §5.1). */
  timeoutTokens: number;
  hasLimits: boolean;
  /**
   * Lognormal TTFT (ADR 011): m = ttftMs, σ = ln(ttftP95Ms/ttftMs)/Z95; null = point mass (v1). `spec.ttftMs` is then
   * the median m + s, s = the prefill shift, and it is what timeouts, holding times and first-token offsets use.
   */
  ttftSpread: { medianMs: number; sigma: number } | null;
  /** Price drift d/100 per month of this model's provider (ADR 011): prices in month m × (1 + d/100)^m. */
  priceDriftPerMonth: number;
}

export interface PreparedStage {
  modelIndex: number;
  /** A = 1 + retries at this position. */
  attempts: number;
}

export interface PreparedChain {
  weight: number;
  stages: PreparedStage[];
  firstModelIndex: number;
  /** Bit i set when provider i serves a model of the chain. */
  providerMask: number;
}

/** Everything about a scenario that does not depend on the month, the period or the token-length drift. */
export interface PreparedScenario {
  input: EngineInput;
  providerIds: string[];
  providers: ProviderSpec[];
  modelIds: string[];
  models: PreparedModel[];
  chains: PreparedChain[];
  outage: OutageModel;
  /** Expected delay before retry a at index a-1 (MODEL.md §5.3). */
  backoffDelays: number[];
  timeoutMs: number;
  failoverOn429: boolean;
  failoverOn5xx: boolean;
  failoverOnTimeout: boolean;
  failoverDelayMs: number;
}

const MAX_RETRIES = 10;

/** Providers and models in order of first appearance in the chains (MODEL.md §2); limits null → ∞. */
export function prepareScenario(input: EngineInput): PreparedScenario {
  const modelIds: string[] = [];
  const providerIds: string[] = [];
  for (const chain of input.routing.chains) {
    for (const modelId of chain.models) {
      if (!modelIds.includes(modelId)) modelIds.push(modelId);
      const providerId = modelSpec(input, modelId).provider;
      if (!providerIds.includes(providerId)) providerIds.push(providerId);
    }
  }
  const providers = providerIds.map((id) => providerSpec(input, id));
  const timeoutMs = input.routing.timeoutMs ?? Infinity;
  const inputMean = lognormalFromMedianP95(input.workload.inputTokens.median, input.workload.inputTokens.p95, input.workload.inputTokens.cap).mean;
  const models = modelIds.map((id, index): PreparedModel => {
    const spec = withPrefill(modelSpec(input, id), inputMean);
    const providerIndex = providerIds.indexOf(spec.provider);
    const rpm = spec.rpm ?? Infinity;
    const tpm = spec.tpm ?? Infinity;
    const maxConcurrency = spec.maxConcurrency ?? Infinity;
    return {
      id,
      index,
      providerIndex,
      spec,
      rpm,
      tpm,
      maxConcurrency,
      outageDetectMs: providers[providerIndex]!.outageDetectMs,
      timeoutTokens: timeoutMs === Infinity ? Infinity : Math.max(0, (spec.tokensPerSec * (timeoutMs - spec.ttftMs)) / 1000),
      hasLimits: rpm !== Infinity || tpm !== Infinity || maxConcurrency !== Infinity,
      ttftSpread: ttftSpread(modelSpec(input, id)),
      priceDriftPerMonth: (providers[providerIndex]!.priceDriftPctPerMonth ?? input.costs.priceDriftPctPerMonth ?? 0) / 100,
    };
  });
  const chains = input.routing.chains.map((chain): PreparedChain => {
    const stages = chain.models.map((id, position) => ({
      modelIndex: modelIds.indexOf(id),
      attempts: 1 + (chain.maxRetries[position] ?? 0),
    }));
    let providerMask = 0;
    for (const stage of stages) providerMask |= 1 << models[stage.modelIndex]!.providerIndex;
    return { weight: chain.weight, stages, firstModelIndex: stages[0]!.modelIndex, providerMask };
  });
  const { backoff, failoverOn } = input.routing;
  return {
    input,
    providerIds,
    providers,
    modelIds,
    models,
    chains,
    outage: outageModel(
      providers.map((p) => p.availability),
      input.outageCorrelation,
    ),
    backoffDelays: backoffMeans(backoff, MAX_RETRIES, backoff.jitter),
    timeoutMs,
    failoverOn429: failoverOn.includes('429'),
    failoverOn5xx: failoverOn.includes('5xx'),
    failoverOnTimeout: failoverOn.includes('timeout'),
    failoverDelayMs: input.routing.failoverDelayMs,
  };
}

/**
 * Prompt-length TTFT (ADR 011): with `prefillTokensPerSec` the model's TTFT grows by s = 1000·E[in]/prefill ms, E[in]
 * the scenario's mean input tokens (MODEL.md §3.2); the spec's `ttftMs` becomes the shifted median. Without it the
 * spec is returned as is (v1).
 */
function withPrefill(spec: ModelSpec, inputMean: number): ModelSpec {
  if (spec.prefillTokensPerSec === undefined) return spec;
  return { ...spec, ttftMs: spec.ttftMs + (1000 * inputMean) / spec.prefillTokensPerSec };
}

/** σ = ln(p95/median)/Z95 of the TTFT lognormal, or null (absent, null or equal p95, or a zero median). */
function ttftSpread(spec: ModelSpec): { medianMs: number; sigma: number } | null {
  const p95 = spec.ttftP95Ms;
  if (p95 === undefined || p95 === null || !(spec.ttftMs > 0) || !(p95 > spec.ttftMs)) return null;
  return { medianMs: spec.ttftMs, sigma: Math.log(p95 / spec.ttftMs) / Z95 };
}

function modelSpec(input: EngineInput, id: string): ModelSpec {
  const spec = input.models[id];
  if (!spec) throw new Error(`routing refers to unknown model "${id}" (resolveScenario must reject this)`);
  return spec;
}

function providerSpec(input: EngineInput, id: string): ProviderSpec {
  const spec = input.providers[id];
  if (!spec) throw new Error(`a model refers to unknown provider "${id}" (resolveScenario must reject this)`);
  return spec;
}

/** An interval (lo, hi] of the output length X between consecutive timeout thresholds (MODEL.md §5.5). */
export interface LengthInterval {
  lo: number;
  hi: number;
  /** p_I = F(hi) - F(lo). */
  probability: number;
  /** F(lo). */
  cdfLo: number;
  /** PE(lo, hi) = E[X·1{X ∈ I}]. */
  partialExpectation: number;
  /** timesOut[j]: every X in I exceeds x*_j. */
  timesOut: boolean[];
  /** Mean holding time (ms) of a success at model j given X ∈ I: TTFT_j + 1000·PE(I)/(p_I·tps_j) (MODEL.md §6.4). */
  successHoldMs: number[];
}

/** Holding times are capped at 1e200 ms (extreme inputs only) so that load and concurrency stay finite. */
const MAX_HOLD_MS = 1e200;

/** Token-length dependent quantities; recomputed per Monte Carlo trial when the lengths drift. */
export interface LengthModel {
  input: LengthDistribution;
  output: LengthDistribution;
  /** Intervals with p_I > 0, in increasing order. */
  intervals: LengthInterval[];
  /** E[in] + E[out], the tokens per request of the TPM limit (MODEL.md §6.2). */
  tokensPerRequest: number;
}

/** Partition X by the sorted distinct thresholds x*_j in (0, K) (MODEL.md §5.5). */
export function lengthModel(prepared: PreparedScenario, inputMuShift = 0, outputMuShift = 0): LengthModel {
  const { workload } = prepared.input;
  const input = lognormalFromMedianP95(workload.inputTokens.median, workload.inputTokens.p95, workload.inputTokens.cap, inputMuShift);
  const output = lognormalFromMedianP95(workload.outputTokens.median, workload.outputTokens.p95, workload.outputTokens.cap, outputMuShift);
  const thresholds = [...new Set(prepared.models.map((m) => m.timeoutTokens))]
    .filter((x) => x > 0 && x < output.cap)
    .sort((a, b) => a - b);
  const bounds = [0, ...thresholds, Infinity];
  const intervals: LengthInterval[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const lo = bounds[i]!;
    const hi = bounds[i + 1]!;
    const cdfLo = lengthCdf(output, lo);
    const probability = lengthCdf(output, hi) - cdfLo;
    if (!(probability > 0)) continue;
    const pe = partialExpectation(output, lo, hi);
    intervals.push({
      lo,
      hi,
      probability,
      cdfLo,
      partialExpectation: pe,
      timesOut: prepared.models.map((m) => lo >= m.timeoutTokens),
      successHoldMs: prepared.models.map((m) => Math.min(MAX_HOLD_MS, m.spec.ttftMs + (1000 * pe) / (probability * m.spec.tokensPerSec))),
    });
  }
  return { input, output, intervals, tokensPerRequest: input.mean + output.mean };
}
