import type { ReactNode } from 'react';
import type { EngineInput, EngineTokenDistribution } from '@/lib/engine/types';
import { formatCount, formatDurationMs, formatMinutes, formatPercent } from '@/lib/format/number';
import type { ModelName } from './findings';

/** The scenario's inputs as the engine ran them (every default applied, MODEL.md §3), in words. */

function tokens(distribution: EngineTokenDistribution): string {
  const cap = distribution.cap === null ? '' : `, capped at ${formatCount(distribution.cap)}`;
  return `median ${formatCount(distribution.median)}, p95 ${formatCount(distribution.p95)} tokens${cap}`;
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex gap-3 border-t border-slate-100 py-[3px] first:border-t-0 dark:border-slate-800">
      <dt className="w-36 shrink-0 text-slate-500 dark:text-slate-400">{term}</dt>
      <dd className="min-w-0 text-slate-800 dark:text-slate-100">{children}</dd>
    </div>
  );
}

const TRIGGER_LABELS = { '429': '429 (rate limited)', '5xx': '5xx errors', timeout: 'timeouts' } as const;

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function WorkloadAssumptions({ input }: { input: EngineInput }) {
  const { workload } = input;
  const growth = workload.monthlyGrowthPct;
  return (
    <dl className="text-[11.5px] leading-snug">
      <Item term="Requests per day">{formatCount(workload.requestsPerDay, { compactFrom: Infinity })} in month 1</Item>
      <Item term="Growth">{growth === 0 ? 'none (flat traffic)' : `${formatCount(growth)}% a month`}</Item>
      <Item term="Peak">
        {workload.peakToAvg === 1 ? 'flat through the day' : `${formatCount(workload.peakToAvg)}× the daily average for ${formatCount(workload.peakHoursPerDay)} h a day`}
      </Item>
      <Item term="Arrivals">
        {workload.arrivalDispersion === 1 ? 'Poisson (no bursts)' : `bursty: variance ${formatCount(workload.arrivalDispersion)}× the mean per window`}
      </Item>
      <Item term="Input per request">{tokens(workload.inputTokens)}</Item>
      <Item term="Output per request">{tokens(workload.outputTokens)}</Item>
      <Item term="Prompt cache">{workload.cachedShare === 0 ? 'not used' : `${formatPercent(workload.cachedShare, { digits: 0 })} of input tokens read from the cache`}</Item>
      <Item term="Batch">{workload.batchShare === 0 ? 'none (all realtime)' : `${formatPercent(workload.batchShare, { digits: 0 })} of requests through the batch API`}</Item>
    </dl>
  );
}

export function RoutingAssumptions({ input, modelName }: { input: EngineInput; modelName: ModelName }) {
  const { routing } = input;
  const { backoff } = routing;
  const triggers = routing.failoverOn.map((trigger) => TRIGGER_LABELS[trigger]);
  const jitter = backoff.jitter === 'none' ? 'no jitter' : `${backoff.jitter} jitter`;
  return (
    <dl className="text-[11.5px] leading-snug">
      {routing.chains.map((chain, index) => {
        const sameRetries = chain.maxRetries.every((retries) => retries === chain.maxRetries[0]);
        return (
          <Item key={index} term={routing.chains.length === 1 ? 'Chain' : `Chain ${index + 1} (${formatPercent(chain.weight, { digits: 0 })})`}>
            {chain.models.map((id, position) => (
              <span key={id}>
                {position > 0 ? <span aria-hidden="true"> → </span> : null}
                {position > 0 ? <span className="sr-only">then </span> : null}
                <span className="font-medium">{modelName(id)}</span>
                {sameRetries ? null : <span className="text-slate-500 dark:text-slate-400"> ({chain.maxRetries[position]} retries)</span>}
              </span>
            ))}
            {sameRetries ? <span className="text-slate-500 dark:text-slate-400">; {chain.maxRetries[0] === 1 ? '1 retry' : `${chain.maxRetries[0]} retries`} per model</span> : null}
          </Item>
        );
      })}
      <Item term="Timeout">{routing.timeoutMs === null ? 'none' : `${formatDurationMs(routing.timeoutMs)} per attempt`}</Item>
      <Item term="Backoff">
        {formatDurationMs(backoff.baseMs)} × {formatCount(backoff.multiplier)} per retry{backoff.capMs === null ? '' : `, at most ${formatDurationMs(backoff.capMs)}`}, {jitter}
      </Item>
      <Item term="Failover">
        {triggers.length === 0 ? 'never (retries only)' : `to the next model on ${listOf(triggers)}`}
        {routing.failoverDelayMs > 0 ? `, after ${formatDurationMs(routing.failoverDelayMs)}` : ''}
      </Item>
    </dl>
  );
}

export function ModelAssumptions({ input }: { input: EngineInput }) {
  const target = input.latencyTarget;
  return (
    <dl className="text-[11.5px] leading-snug">
      <Item term="Horizon">{input.horizonMonths === 1 ? '1 month' : `${input.horizonMonths} months`}</Item>
      <Item term="Latency target">
        {target.measure === 'firstToken' ? 'first token' : 'full response'} within {formatDurationMs(target.ms)}
      </Item>
      <Item term="Shared outages">
        {input.outageCorrelation === 0
          ? 'none: providers fail independently'
          : `${formatPercent(input.outageCorrelation, { digits: 0 })} of outages hit every provider at once (lasting ${formatMinutes(input.commonOutageMinutes)})`}
      </Item>
      {input.monteCarlo ? (
        <Item term="Monte Carlo">
          {formatCount(input.monteCarlo.trials)} trials, seed {input.monteCarlo.seed}; daily volume varies {formatPercent(input.workload.dailyVolumeCV, { digits: 0 })}, token lengths
          drift {formatPercent(input.workload.inputDriftCV, { digits: 0 })} (input) and {formatPercent(input.workload.outputDriftCV, { digits: 0 })} (output)
        </Item>
      ) : (
        <Item term="Monte Carlo">off (deterministic figures only)</Item>
      )}
    </dl>
  );
}
