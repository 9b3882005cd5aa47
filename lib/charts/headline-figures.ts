import type { EngineInput, Result } from '@/lib/engine/types';
import {
  finiteOrNull,
  formatAvailability,
  formatCount,
  formatDurationMs,
  formatMinutes,
  formatMoney,
  formatNines,
  formatPercent,
} from '@/lib/format/number';
import type { MethodologySection } from './methodology-sections';

export type { MethodologySection } from './methodology-sections';

export type FigureGroup = 'cost' | 'reliability' | 'latency';

export interface HeadlineFigure {
  id: string;
  group: FigureGroup;
  label: string;
  /** Display string, never NaN/Infinity ("—" when undefined). */
  value: string;
  /** One short line under the value (context, secondary unit). */
  detail: string;
  /** What the figure is and how it is computed, in plain words with the formula. */
  explanation: string;
  methodology: MethodologySection;
  /** Draws attention (e.g. a latency miss share above 5 %, a 429 share above 1 %). */
  warning: boolean;
}

/** x / y, or null when y is 0 or either is not finite (a figure then shows "—"). */
export function safeRatio(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  const n = finiteOrNull(numerator);
  const d = finiteOrNull(denominator);
  if (n === null || d === null || d === 0) return null;
  return n / d;
}

/** Sum of every month's value of `pick`. */
function sumMonths(result: Result, pick: (month: Result['months'][number]) => number): number {
  return result.months.reduce((sum, month) => sum + pick(month), 0);
}

/**
 * The headline figures of the simulator (issue #4), derived from the Result only (MODEL.md §7.5, §8.6):
 * averages per month divide the horizon totals by the number of months M.
 */
export function headlineFigures(input: EngineInput, result: Result): HeadlineFigure[] {
  const total = result.total;
  const months = result.months.length;
  const horizon = `${months} month${months === 1 ? '' : 's'}`;
  const target = input.latencyTarget;
  const tokenSpend = total.tokenCost.total;
  const perThousand = safeRatio(total.tco * 1000, total.requests);
  const tokenPerThousand = safeRatio(tokenSpend * 1000, total.requests);
  const downtimePerMonth = safeRatio(total.downtimeMinutes, months);
  const failoversPerMonth = safeRatio(total.failovers, months);
  const fallbackPerMonth = safeRatio(total.servedByFallback, months);
  const engineering = sumMonths(result, (m) => m.engineering.integration + m.engineering.maintenance);
  const firstTokenMiss = total.firstToken.shareOverTarget;
  const fullMiss = total.fullResponse.shareOverTarget;
  const targetText = formatDurationMs(target.ms);

  return [
    {
      id: 'total-tco',
      group: 'cost',
      label: `Total cost of ownership, ${horizon}`,
      value: formatMoney(total.tco),
      detail: `${formatMoney(engineering)} of it engineering, ${formatMoney(tokenSpend)} tokens`,
      explanation:
        'Everything you pay over the horizon: token spend (after provisioned capacity), flat-rate commitments, aggregator and platform fees, integration and maintenance hours, the cost of downtime and failed requests, minus SLA credits. TCO = Σ months (tokens + flat + fees + engineering + downtime + failed requests − credits).',
      methodology: 'costs',
      warning: false,
    },
    {
      id: 'monthly-average',
      group: 'cost',
      label: 'Average per month',
      value: formatMoney(safeRatio(total.tco, months)),
      detail: `last month ${formatMoney(result.months.at(-1)?.tco)}`,
      explanation: `Total cost of ownership divided by the ${horizon} of the horizon. Month 1 carries the one-off integration hours, so later months are usually lower unless traffic grows.`,
      methodology: 'costs',
      warning: false,
    },
    {
      id: 'cost-per-1k',
      group: 'cost',
      label: 'Cost per 1,000 requests',
      value: formatMoney(perThousand),
      detail: `${formatMoney(tokenPerThousand)} of it tokens`,
      explanation:
        'All-in cost per 1,000 requests: total cost of ownership × 1,000 ÷ total requests (realtime and batch). The token-only part is token spend × 1,000 ÷ requests, the figure to compare with a provider price sheet.',
      methodology: 'costs',
      warning: false,
    },
    {
      id: 'availability',
      group: 'reliability',
      label: 'Availability',
      value: formatAvailability(total.chainAvailability),
      detail: `${formatNines(total.chainAvailability)} · ${formatMinutes(downtimePerMonth)} down per month`,
      explanation:
        'Share of time at least one model of your chain has its provider up, weighted by each chain’s traffic share: A = Σ w_c·(1 − P(all of chain c’s providers down)), with correlated outages through a common shock. Downtime per month = (1 − A) × 43,830 minutes. “Nines” = −log10(1 − A).',
      methodology: 'availability',
      warning: false,
    },
    {
      id: 'success-rate',
      group: 'reliability',
      label: 'Requests that succeed',
      value: formatAvailability(total.requestSuccessRate),
      detail: `${formatCount(total.failedRequests)} failed over ${horizon}`,
      explanation:
        'Share of realtime requests that get an answer after retries and failovers, counting outages, rate limits (429), transient errors (5xx) and timeouts: Σ months RT_m × success rate_m ÷ Σ RT_m.',
      methodology: 'request-model',
      warning: (finiteOrNull(total.requestSuccessRate) ?? 1) < 0.99,
    },
    {
      id: 'p95-first-token',
      group: 'latency',
      label: 'p95 first token',
      value: formatDurationMs(total.firstToken.p95),
      detail: `${formatPercent(firstTokenMiss, { digits: 2 })} over ${targetText} target`,
      explanation:
        '95 % of successful requests see their first token within this time, retries, backoff and failover included: the first token arrives at (time spent on failed attempts) + TTFT of the model that answers.',
      methodology: 'latency',
      warning: target.measure === 'firstToken' && (finiteOrNull(firstTokenMiss) ?? 0) > 0.05,
    },
    {
      id: 'p95-full-response',
      group: 'latency',
      label: 'p95 full response',
      value: formatDurationMs(total.fullResponse.p95),
      detail: `${formatPercent(fullMiss, { digits: 2 })} over ${targetText} target`,
      explanation:
        '95 % of successful requests are complete within this time: overhead of failed attempts + TTFT + 1,000 × output tokens ÷ tokens per second of the model that answers, over the output-length distribution.',
      methodology: 'latency',
      warning: target.measure === 'fullResponse' && (finiteOrNull(fullMiss) ?? 0) > 0.05,
    },
    {
      id: 'rate-429',
      group: 'reliability',
      label: 'Rate-limited attempts (429)',
      value: formatPercent(total.rate429, { digits: 2 }),
      detail: `${formatCount(total.count429)} 429s over ${horizon}`,
      explanation:
        '429 responses ÷ attempts. Per window, arrivals N are Poisson (or negative binomial when bursty) and the rejected share is E[(N − L)⁺] ÷ E[N] for the limit L = min(RPM, TPM ÷ tokens per request); retries add load, solved as a fixed point.',
      methodology: 'rate-limits',
      warning: (finiteOrNull(total.rate429) ?? 0) > 0.01,
    },
    {
      id: 'failovers',
      group: 'reliability',
      label: 'Failovers per month',
      value: formatCount(failoversPerMonth),
      detail: `${formatCount(fallbackPerMonth)} requests/month answered by a fallback`,
      explanation:
        'Expected number of times a request moves to the next model of its chain, per month (total failovers ÷ months). A request that fails over twice counts twice.',
      methodology: 'request-model',
      warning: false,
    },
    {
      id: 'wasted-spend',
      group: 'cost',
      label: 'Wasted spend',
      value: formatMoney(total.wastedSpend),
      detail: `${formatPercent(safeRatio(total.wastedSpend, tokenSpend))} of token spend`,
      explanation:
        'Tokens billed for attempts that timed out: their input plus the output generated until the client gave up (x* = tokens/s × (timeout − TTFT)). Already inside token spend, shown separately.',
      methodology: 'costs',
      warning: false,
    },
    {
      id: 'failover-extra',
      group: 'cost',
      label: 'Failover extra cost',
      value: formatMoney(total.failoverExtraCost),
      detail: 'vs the same tokens at the primary',
      explanation:
        'What requests answered by a fallback cost beyond the same tokens at their chain’s first model (negative when the fallback is cheaper). Already inside token spend, shown separately.',
      methodology: 'costs',
      warning: false,
    },
  ];
}
