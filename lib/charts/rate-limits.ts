import { lognormalFromMedianP95 } from '@/lib/engine/distributions';
import { effectiveRequestLimitPerMinute } from '@/lib/engine/rate-limits';
import type { EngineInput, Result } from '@/lib/engine/types';
import { formatMonth } from '@/lib/format/number';
import { seriesColour } from './palette';

export interface ModelSeries {
  modelId: string;
  /** Key of this model's value in the rows. */
  key: string;
  colour: string;
  /** Provider-side in-flight cap c_j; null = none. */
  maxConcurrency: number | null;
}

export interface RatePressureRow {
  month: number;
  label: string;
  /** 429s ÷ attempts in the month (MODEL.md §7.1). */
  rate429: number;
  /** Peak-period in-flight attempts per model (`concurrency:<modelId>`), MODEL.md §6.4. */
  [concurrencyKey: `concurrency:${string}`]: number;
}

export interface RatePressure {
  models: ModelSeries[];
  rows: RatePressureRow[];
}

/** Models in scope (MODEL.md §2 order), their colours and concurrency caps. */
export function modelSeries(input: EngineInput): ModelSeries[] {
  return Object.keys(input.models).map((modelId, index) => ({
    modelId,
    key: `concurrency:${modelId}`,
    colour: seriesColour(index),
    maxConcurrency: input.models[modelId]?.maxConcurrency ?? null,
  }));
}

/** 429 share and peak concurrency per model, by month, straight from the Result. */
export function ratePressure(input: EngineInput, result: Result): RatePressure {
  const models = modelSeries(input);
  const rows = result.months.map((month) => {
    const row: RatePressureRow = { month: month.month, label: formatMonth(month.month), rate429: month.rate429 };
    for (const model of models) row[`concurrency:${model.modelId}`] = month.peakConcurrency[model.modelId] ?? 0;
    return row;
  });
  return { models, rows };
}

export interface PrimaryHeadroom {
  modelId: string;
  /** L_j = min(rpm, ⌊tpm / (E[in] + E[out])⌋) in requests/min; null = no limit (MODEL.md §6.2). */
  limitPerMinute: number | null;
  /** First-attempt requests/min at peak in each month: R_m·(1 − b)·P/1440 × Σ w_c over chains that start at this model. */
  peakDemandPerMinute: number[];
}

/**
 * Peak demand against each primary model's request limit, by month (MODEL.md §6.1–§6.2). Demand counts first
 * attempts only: retries and failover traffic add to it, which is what the 429 share in the Result includes.
 */
export function primaryHeadroom(input: EngineInput, result: Result): PrimaryHeadroom[] {
  const { workload } = input;
  const tokensPerRequest =
    lognormalFromMedianP95(workload.inputTokens.median, workload.inputTokens.p95, workload.inputTokens.cap).mean +
    lognormalFromMedianP95(workload.outputTokens.median, workload.outputTokens.p95, workload.outputTokens.cap).mean;
  const weightByPrimary = new Map<string, number>();
  for (const chain of input.routing.chains) {
    const first = chain.models[0];
    if (first) weightByPrimary.set(first, (weightByPrimary.get(first) ?? 0) + chain.weight);
  }
  return [...weightByPrimary].map(([modelId, weight]) => {
    const model = input.models[modelId];
    const limit = model ? effectiveRequestLimitPerMinute(model.rpm, model.tpm, tokensPerRequest) : Infinity;
    return {
      modelId,
      limitPerMinute: Number.isFinite(limit) ? limit : null,
      // Peak level of the two-level daily profile is P (MODEL.md §6.1).
      peakDemandPerMinute: result.months.map(
        (month) => (month.requestsPerDay * (1 - workload.batchShare) * workload.peakToAvg * weight) / 1440,
      ),
    };
  });
}

/** Whether any month has realtime load at a model (in-flight attempts or 429s); otherwise the chart says so. */
export function hasRealtimeLoad({ models, rows }: RatePressure): boolean {
  return rows.some((row) => row.rate429 > 0 || models.some((model) => (row[`concurrency:${model.modelId}`] ?? 0) > 0));
}
