import { chainAvailabilityRows } from '@/lib/charts/availability';
import { primaryHeadroom } from '@/lib/charts/rate-limits';
import type { EngineInput, MonteCarloResult, Result } from '@/lib/engine/types';
import {
  finiteOrNull,
  formatAvailability,
  formatCount,
  formatDurationMs,
  formatMinutes,
  formatMoney,
  formatPercent,
} from '@/lib/format/number';

/**
 * The report's findings: a few short sentences a CTO reads before any chart, derived from the Result only (MODEL.md
 * §7.5, §8.6). Each states a figure and what it means; thresholds are the headline figures' (a 429 share above 1 %
 * and a latency miss above 5 % are warnings, lib/charts/headline-figures.ts).
 */

export type FindingTopic = 'cost' | 'availability' | 'latency' | 'rate-limits';

export interface Finding {
  topic: FindingTopic;
  text: string;
  /** Draws attention (a missed target, rate limits that bind). */
  warning: boolean;
}

/** 429s "bind" from this share of attempts on (the headline figure's warning level). */
export const BINDING_429_SHARE = 0.01;
/** Below this share the 429s are called negligible. */
const NOTICEABLE_429_SHARE = 0.001;
/** A latency target missed by more than this share of requests is a warning. */
const LATENCY_MISS_WARNING = 0.05;

export type ModelName = (modelId: string) => string;
export type ProviderName = (providerId: string) => string;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Money for a rate the user typed ("$25 a minute", "$0.50 a request"): no ".00" on whole dollars. */
function formatRate(usd: number): string {
  return formatMoney(usd).replace(/\.00$/, '');
}

/** A count per month in words: "about 216", "fewer than one". */
function aboutCount(count: number): string {
  return count < 0.5 ? 'fewer than one' : `about ${formatCount(Math.round(count))}`;
}

/** "a and b", "a, b and c". */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function costFindings(input: EngineInput, result: Result, monteCarlo: MonteCarloResult | null): Finding[] {
  const { total, months } = result;
  const count = months.length;
  if (count === 0) return [];
  const horizon = plural(count, 'month');
  const findings: Finding[] = [];
  const tokens = total.tokenCost.total;
  const engineering = total.engineering.integration + total.engineering.maintenance;
  const parts = [
    { name: 'tokens', value: tokens },
    { name: 'engineering', value: engineering },
    { name: 'fees', value: total.aggregatorFee + total.platformFee },
    { name: 'flat-rate capacity', value: total.flatRate },
    { name: 'downtime and failed requests', value: total.downtimeCost + total.failedRequestCost },
  ]
    .filter((part) => part.value > 0 && total.tco > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, 2)
    .map((part) => `${part.name} ${formatPercent(part.value / total.tco, { digits: 0 })}`);
  findings.push({
    topic: 'cost',
    text: `Over ${horizon} the scenario costs ${formatMoney(total.tco)}, ${formatMoney(total.tco / count)} a month on average${parts.length > 0 ? `; ${listOf(parts)} of it` : ''}.`,
    warning: false,
  });

  const first = months[0]!;
  const last = months.at(-1)!;
  if (count > 1) {
    const integration = first.engineering.integration;
    const growth = input.workload.monthlyGrowthPct;
    const growthText = growth === 0 ? 'with flat traffic' : `as traffic ${growth > 0 ? 'grows' : 'shrinks'} ${formatCount(Math.abs(growth))}% a month (${formatCount(first.requests)} requests in month 1, ${formatCount(last.requests)} in month ${count})`;
    const integrationText = integration > 0 ? ` including ${formatMoney(integration)} of one-off integration work` : '';
    findings.push({
      topic: 'cost',
      text: `Month 1 costs ${formatMoney(first.tco)}${integrationText}; month ${count} costs ${formatMoney(last.tco)} ${growthText}.`,
      warning: false,
    });
  }
  if (monteCarlo && monteCarlo.monthly.length === count) {
    findings.push({
      topic: 'cost',
      text: `In 90% of ${formatCount(monteCarlo.trials)} Monte Carlo trials (traffic, token lengths and outages drawn at random) the ${horizon} total lands between ${formatMoney(monteCarlo.total.p5)} and ${formatMoney(monteCarlo.total.p95)} (median ${formatMoney(monteCarlo.total.p50)}).`,
      warning: false,
    });
  }
  if (tokens > 0 && Math.abs(total.failoverExtraCost) >= 0.005 * tokens) {
    const cheaper = total.failoverExtraCost < 0;
    findings.push({
      topic: 'cost',
      text: `Requests answered by a fallback cost ${formatMoney(Math.abs(total.failoverExtraCost))} ${cheaper ? 'less' : 'more'} than the same tokens at the primary model.`,
      warning: false,
    });
  }
  if (tokens > 0 && total.wastedSpend >= 0.005 * tokens) {
    findings.push({
      topic: 'cost',
      text: `Attempts that time out waste ${formatMoney(total.wastedSpend)} of tokens (${formatPercent(total.wastedSpend / tokens)} of token spend): a shorter timeout or a faster model cuts it.`,
      warning: total.wastedSpend >= 0.05 * tokens,
    });
  }
  return findings;
}

function availabilityFindings(input: EngineInput, result: Result, providerName: ProviderName): Finding[] {
  const rows = chainAvailabilityRows(input);
  const { total } = result;
  const count = result.months.length;
  const findings: Finding[] = [];
  const chains = input.routing.chains;
  const overall = rows.at(-1);
  if (!overall) return findings;
  const providersOf = (models: readonly string[]) => [...new Set(models.map((id) => input.models[id]?.provider ?? id))];
  if (chains.length === 1) {
    const providers = providersOf(chains[0]!.models);
    const firstProvider = providerName(providers[0] ?? '');
    if (providers.length === 1) {
      findings.push({
        topic: 'availability',
        text: `The chain relies on one provider, ${firstProvider}: it is down whenever ${firstProvider} is, about ${formatMinutes(overall.downtimeMinutes)} a month (${formatAvailability(overall.availability)}).`,
        warning: overall.downtimeMinutes > 60,
      });
    } else {
      findings.push({
        topic: 'availability',
        text: `The chain is down about ${formatMinutes(overall.downtimeMinutes)} a month (${formatAvailability(overall.availability)}), only when ${listOf(providers.map(providerName))} are ${providers.length === 2 ? 'both' : 'all'} down; ${firstProvider} alone would be down about ${formatMinutes(overall.primaryAloneDowntimeMinutes)} a month.`,
        warning: false,
      });
    }
  } else {
    const worst = rows.slice(0, -1).reduce((a, b) => (b.downtimeMinutes > a.downtimeMinutes ? b : a));
    findings.push({
      topic: 'availability',
      text: `Across the ${chains.length} chains, traffic sees about ${formatMinutes(overall.downtimeMinutes)} of downtime a month (${formatAvailability(overall.availability)}); the weakest, ${worst.label.toLowerCase()} (${worst.route}), is down about ${formatMinutes(worst.downtimeMinutes)} a month.`,
      warning: false,
    });
  }
  if (input.outageCorrelation > 0) {
    findings.push({
      topic: 'availability',
      text: `${formatPercent(input.outageCorrelation, { digits: 0 })} of outages are assumed to hit every provider at once (a shared cloud or network failure), which no fallback can avoid.`,
      warning: false,
    });
  }
  const success = finiteOrNull(total.requestSuccessRate);
  if (success !== null && count > 0) {
    const failedPerMonth = total.failedRequests / count;
    findings.push({
      topic: 'availability',
      text:
        failedPerMonth < 0.5
          ? `Practically every request gets an answer (${formatAvailability(success)}) after retries and failover.`
          : `${formatAvailability(success)} of requests get an answer; ${aboutCount(failedPerMonth)} a month still fail after retries and failover.`,
      warning: success < 0.99,
    });
  }
  const fallbackPerMonth = count > 0 ? total.servedByFallback / count : 0;
  if (fallbackPerMonth >= 0.5 && total.requests > 0) {
    findings.push({
      topic: 'availability',
      text: `Fallback models answer ${aboutCount(fallbackPerMonth)} requests a month (${formatPercent(total.servedByFallback / total.requests)} of traffic), when a primary is down, errors or times out.`,
      warning: false,
    });
  }
  if (input.costs.downtimeCostPerMinute > 0 && total.downtimeCost > 0) {
    findings.push({
      topic: 'availability',
      text: `At ${formatRate(input.costs.downtimeCostPerMinute)} a minute, downtime costs ${formatMoney(total.downtimeCost)} over ${plural(count, 'month')}${total.slaCredits > 0 ? `; SLA credits give back ${formatMoney(total.slaCredits)}` : ''}.`,
      warning: false,
    });
  }
  return findings;
}

const MEASURE_LABEL = { firstToken: 'first-token', fullResponse: 'full-response' } as const;

function latencyFindings(input: EngineInput, result: Result, modelName: ModelName): Finding[] {
  const { measure, ms } = input.latencyTarget;
  const summary = result.total[measure];
  const other = measure === 'firstToken' ? result.total.fullResponse : result.total.firstToken;
  const miss = finiteOrNull(summary.shareOverTarget);
  const p95 = finiteOrNull(summary.p95);
  if (miss === null || p95 === null) {
    return [{ topic: 'latency', text: 'No request succeeds in this scenario, so there is no latency to report.', warning: true }];
  }
  const target = `${formatDurationMs(ms)} ${MEASURE_LABEL[measure]} target`;
  const findings: Finding[] = [];
  let text: string;
  if (miss === 0) text = `Every successful request meets the ${target}; 95% are within ${formatDurationMs(p95)}.`;
  else if (miss <= LATENCY_MISS_WARNING) text = `The ${target} is met by ${formatPercent(1 - miss, { digits: 1 })} of requests; 95% are within ${formatDurationMs(p95)}.`;
  else if (miss >= 0.995) text = `Practically no request meets the ${target}: 95% take up to ${formatDurationMs(p95)}.`;
  else text = `${formatPercent(miss, { digits: 1 })} of requests miss the ${target}; 95% are within ${formatDurationMs(p95)}.`;
  const primary = input.routing.chains[0]?.models[0];
  const primarySpec = primary ? input.models[primary] : undefined;
  if (miss > LATENCY_MISS_WARNING && measure === 'firstToken' && primary && primarySpec) {
    // The primary's own first-token time (median, and p95 when the TTFT is a distribution, MODEL.md v2).
    const p95Own = primarySpec.ttftP95Ms ?? null;
    if (p95Own !== null && p95Own > primarySpec.ttftMs && p95Own > ms) {
      text += ` ${modelName(primary)} on its own needs ${formatDurationMs(primarySpec.ttftMs)} to a first token at the median and ${formatDurationMs(p95Own)} at p95.`;
    } else if (primarySpec.ttftMs > ms) {
      text += ` ${modelName(primary)} alone takes ${formatDurationMs(primarySpec.ttftMs)} to its first token.`;
    }
  }
  findings.push({ topic: 'latency', text, warning: miss > LATENCY_MISS_WARNING });
  const otherP95 = finiteOrNull(other.p95);
  const otherP99 = finiteOrNull(other.p99);
  if (otherP95 !== null) {
    const otherLabel = measure === 'firstToken' ? 'Full responses' : 'First tokens';
    findings.push({
      topic: 'latency',
      text: `${otherLabel} take up to ${formatDurationMs(otherP95)} at p95${otherP99 !== null && otherP99 > otherP95 ? ` and ${formatDurationMs(otherP99)} at p99` : ''}, retries and failover included.`,
      warning: false,
    });
  }
  return findings;
}

function rateLimitFindings(input: EngineInput, result: Result, modelName: ModelName): Finding[] {
  const findings: Finding[] = [];
  const { months } = result;
  if (months.length === 0) return findings;
  for (const headroom of primaryHeadroom(input, result)) {
    const name = modelName(headroom.modelId);
    const peak = Math.max(...headroom.peakDemandPerMinute);
    const peakMonth = headroom.peakDemandPerMinute.indexOf(peak) + 1;
    if (headroom.limitPerMinute === null) {
      findings.push({
        topic: 'rate-limits',
        text: `${name} has no fixed request limit in the catalog; it receives up to ${formatCount(peak)} requests a minute at peak (month ${peakMonth}).`,
        warning: false,
      });
      continue;
    }
    const limit = headroom.limitPerMinute;
    const over = headroom.peakDemandPerMinute.findIndex((demand) => demand > limit);
    findings.push(
      over === -1
        ? {
            topic: 'rate-limits',
            text: `At peak ${name} receives up to ${formatCount(peak)} requests a minute (month ${peakMonth}), ${formatPercent(peak / limit, { digits: 0 })} of its limit of ${formatCount(limit)} a minute.`,
            warning: false,
          }
        : {
            topic: 'rate-limits',
            text: `Peak demand passes ${name}'s limit of ${formatCount(limit)} requests a minute in month ${over + 1} (${formatCount(headroom.peakDemandPerMinute[over])} a minute): raise the tier or spread traffic.`,
            warning: true,
          },
    );
  }
  const shares = months.map((month) => month.rate429);
  const worst = Math.max(...shares);
  const worstMonth = shares.indexOf(worst) + 1;
  const binding = shares.findIndex((share) => share >= BINDING_429_SHARE);
  if (binding !== -1) {
    findings.push({
      topic: 'rate-limits',
      text: `429s start to bind in month ${binding + 1}: ${formatPercent(shares[binding], { digits: 1 })} of attempts are rate-limited${worstMonth - 1 > binding ? `, rising to ${formatPercent(worst, { digits: 1 })} in month ${worstMonth}` : ''}.`,
      warning: true,
    });
  } else if (worst >= NOTICEABLE_429_SHARE) {
    findings.push({
      topic: 'rate-limits',
      text: `429s stay below 1% of attempts but reach ${formatPercent(worst, { digits: 2 })} in month ${worstMonth}; retries${input.routing.failoverOn.includes('429') ? ' and the fallback' : ''} absorb them.`,
      warning: false,
    });
  } else {
    findings.push({
      topic: 'rate-limits',
      text:
        worst === 0
          ? 'No attempt is rate-limited (429) in any month.'
          : worst < 1e-6
            ? 'Rate limits do not bind: fewer than one attempt in a million gets a 429 in any month.'
            : `429s are negligible: at most ${formatPercent(worst, { digits: 2 })} of attempts in any month.`,
      warning: false,
    });
  }
  for (const [modelId, spec] of Object.entries(input.models)) {
    if (spec.maxConcurrency === null) continue;
    const peak = Math.max(...months.map((month) => month.peakConcurrency[modelId] ?? 0));
    if (peak >= 0.8 * spec.maxConcurrency) {
      findings.push({
        topic: 'rate-limits',
        text: `${modelName(modelId)} runs up to ${formatCount(peak)} requests at once at peak, against a cap of ${formatCount(spec.maxConcurrency)} concurrent requests.`,
        warning: peak >= spec.maxConcurrency,
      });
    }
  }
  return findings;
}

/** Findings in reading order: cost, availability, latency, rate limits. */
export function reportFindings(
  input: EngineInput,
  result: Result,
  monteCarlo: MonteCarloResult | null,
  names: { model: ModelName; provider: ProviderName },
): Finding[] {
  return [
    ...costFindings(input, result, monteCarlo),
    ...availabilityFindings(input, result, names.provider),
    ...latencyFindings(input, result, names.model),
    ...rateLimitFindings(input, result, names.model),
  ];
}
