import { catalog as builtInCatalog } from '@/data';
import { formatIsoDate, formatUsdPer1M } from '@/lib/catalog/format';
import type { Catalog, Figure, Model, Provider, SourceRef } from '@/lib/catalog/schema';
import { planningTier } from '@/lib/catalog/to-spec';
import type { EngineInput } from '@/lib/engine/types';
import { formatAvailability, formatCount, formatDurationMs, formatMinutes, formatMoney, formatPercent } from '@/lib/format/number';
import type { ModelSpec, ProviderSpec, Scenario } from '@/lib/scenario/schema';

/**
 * Every catalog figure the report's simulation used, with where it comes from (DESIGN.md §1.1: each figure carries a
 * source and an as-of date). Values are the ones the engine ran with (the resolved EngineInput); the source is the
 * catalog figure's, or "scenario override" when the scenario sets that field, or "custom" for the scenario's own
 * models and providers.
 */

export type FigureSource =
  | { kind: 'catalog'; url: string; asOf: string; verified: boolean }
  | { kind: 'override' }
  | { kind: 'custom' }
  | { kind: 'input' };

export interface UsedFigure {
  label: string;
  value: string;
  source: FigureSource;
  /** A short qualifier shown with the source, e.g. "no batch discount listed: realtime price". */
  note?: string;
}

export interface UsedFigureGroup {
  id: string;
  title: string;
  figures: UsedFigure[];
}

function fromRef(ref: SourceRef): FigureSource {
  return { kind: 'catalog', url: ref.source, asOf: ref.asOf, verified: ref.verified };
}

const perMillion = (usd: number) => `${formatUsdPer1M(usd)} / 1M tokens`;
const perMinute = (count: number) => `${formatCount(count)} / min`;

function sameSource(a: FigureSource, b: FigureSource): boolean {
  if (a.kind !== 'catalog' || b.kind !== 'catalog') return a.kind === b.kind;
  return a.url === b.url && a.asOf === b.asOf && a.verified === b.verified;
}

/** Two figures from the same source as one row ("Input / output price"), else both rows. */
function pair(first: UsedFigure, second: UsedFigure, label: string, value: string): UsedFigure[] {
  if (!sameSource(first.source, second.source) || first.note !== second.note) return [first, second];
  return [{ label, value, source: first.source, ...(first.note ? { note: first.note } : {}) }];
}

interface ModelContext {
  id: string;
  spec: ModelSpec;
  catalogModel: Model | undefined;
  overrides: Set<string>;
  /** Token-price multiplier the scenario applies to this model (ADR 010); 1 = none. */
  priceMultiplier: number;
}

/** The model's own `priceMultiplier`, else the scenario's `costs.priceMultiplier`, else 1 (lib/scenario/resolve.ts). */
export function priceMultiplierOf(scenario: Scenario, modelId: string): number {
  const own = scenario.models && Object.hasOwn(scenario.models, modelId) ? scenario.models[modelId]?.priceMultiplier : undefined;
  return own ?? scenario.costs?.priceMultiplier ?? 1;
}

const multiplierText = (m: number) => `× ${formatCount(m)}`;

/** The source of model field `field`: override, custom model, or the given catalog figure (absent = a fallback). */
function modelSource(context: ModelContext, field: keyof ModelSpec, figure: SourceRef | undefined): FigureSource {
  if (context.overrides.has(field)) return { kind: 'override' };
  if (!context.catalogModel) return { kind: 'custom' };
  return figure ? fromRef(figure) : { kind: 'custom' };
}

function priceFigures(context: ModelContext, input: EngineInput): UsedFigure[] {
  const { spec, catalogModel } = context;
  const prices = catalogModel?.prices;
  const fromCatalog = (field: keyof ModelSpec) => !context.overrides.has(field) && catalogModel !== undefined;
  const inputPrice: UsedFigure = { label: 'Input price', value: perMillion(spec.inputPer1M), source: modelSource(context, 'inputPer1M', prices?.inputPer1M) };
  const outputPrice: UsedFigure = { label: 'Output price', value: perMillion(spec.outputPer1M), source: modelSource(context, 'outputPer1M', prices?.outputPer1M) };
  const figures: UsedFigure[] = pair(inputPrice, outputPrice, 'Input / output price', `${formatUsdPer1M(spec.inputPer1M)} / ${formatUsdPer1M(spec.outputPer1M)} per 1M tokens`);
  if (input.workload.cachedShare > 0) {
    const listed = prices?.cachedInputPer1M;
    figures.push({
      label: 'Cached input price',
      value: perMillion(spec.cachedInputPer1M),
      source: modelSource(context, 'cachedInputPer1M', listed ?? prices?.inputPer1M),
      ...(fromCatalog('cachedInputPer1M') && !listed ? { note: 'no cache discount listed: input price' } : {}),
    });
  }
  if (input.workload.batchShare > 0) {
    const batch = (field: 'batchInputPer1M' | 'batchOutputPer1M', label: string, listed: SourceRef | undefined, realtime: SourceRef | undefined): UsedFigure => ({
      label,
      value: perMillion(spec[field]),
      source: modelSource(context, field, listed ?? realtime),
      ...(fromCatalog(field) && !listed ? { note: 'no batch discount listed: realtime price' } : {}),
    });
    figures.push(
      ...pair(
        batch('batchInputPer1M', 'Batch input price', prices?.batchInputPer1M, prices?.inputPer1M),
        batch('batchOutputPer1M', 'Batch output price', prices?.batchOutputPer1M, prices?.outputPer1M),
        'Batch input / output price',
        `${formatUsdPer1M(spec.batchInputPer1M)} / ${formatUsdPer1M(spec.batchOutputPer1M)} per 1M tokens`,
      ),
    );
  }
  if (context.priceMultiplier !== 1) {
    // Token prices were multiplied at resolve time: the value is what the engine ran with, the source is the list price's.
    for (const figure of figures) figure.note = [`list price ${multiplierText(context.priceMultiplier)} (scenario multiplier)`, figure.note].filter(Boolean).join('; ');
  }
  if (spec.provisioned) {
    const offer = catalogModel?.provisioned;
    const matchesOffer = offer && offer.monthlyPriceUsd.value === spec.provisioned.monthlyPrice && offer.capacityTPM.value === spec.provisioned.capacityTPM;
    figures.push({
      label: 'Provisioned capacity',
      value: `${formatMoney(spec.provisioned.monthlyPrice)} / month for ${formatCount(spec.provisioned.capacityTPM)} tokens / min`,
      source: matchesOffer ? fromRef(offer.monthlyPriceUsd) : context.catalogModel ? { kind: 'override' } : { kind: 'custom' },
    });
  }
  return figures;
}

function noteUnlessOverridden(context: ModelContext, field: keyof ModelSpec, note: string | undefined): { note?: string } {
  return note && !context.overrides.has(field) ? { note } : {};
}

function limitFigures(context: ModelContext): UsedFigure[] {
  const { spec, catalogModel } = context;
  const tier = catalogModel ? planningTier(catalogModel) : undefined;
  const tierNote = tier ? `${tier.tier} limits` : undefined;
  const figures: UsedFigure[] = [];
  const noLimit = tier?.noFixedLimit;
  if (spec.rpm !== null && spec.tpm !== null) {
    // Anthropic-style ITPM + OTPM count as one TPM over input + output (lib/catalog/to-spec.ts).
    const split = tier?.itpm && tier.otpm ? `${tierNote}; tokens: input ${formatCount(tier.itpm.value)} + output ${formatCount(tier.otpm.value)}` : tierNote;
    const requests: UsedFigure = { label: 'Requests per minute', value: perMinute(spec.rpm), source: modelSource(context, 'rpm', tier?.rpm), ...noteUnlessOverridden(context, 'rpm', tierNote) };
    const tokens: UsedFigure = { label: 'Tokens per minute', value: perMinute(spec.tpm), source: modelSource(context, 'tpm', tier?.tpm ?? tier?.itpm), ...noteUnlessOverridden(context, 'tpm', tierNote) };
    const merged = pair(requests, tokens, 'Rate limit', `${formatCount(spec.rpm)} requests · ${formatCount(spec.tpm)} tokens / min`);
    figures.push(...(merged.length === 1 ? [{ ...merged[0]!, ...noteUnlessOverridden(context, 'tpm', split) }] : merged));
  } else if (spec.rpm !== null) {
    figures.push({ label: 'Requests per minute', value: perMinute(spec.rpm), source: modelSource(context, 'rpm', tier?.rpm), ...noteUnlessOverridden(context, 'rpm', tierNote) });
  } else if (spec.tpm !== null) {
    figures.push({ label: 'Tokens per minute', value: perMinute(spec.tpm), source: modelSource(context, 'tpm', tier?.tpm ?? tier?.itpm), ...noteUnlessOverridden(context, 'tpm', tierNote) });
  } else {
    figures.push({
      label: 'Rate limit',
      value: 'no fixed limit',
      source: context.overrides.has('rpm') || context.overrides.has('tpm') ? { kind: 'override' } : noLimit ? fromRef(noLimit) : modelSource(context, 'rpm', undefined),
    });
  }
  if (spec.maxConcurrency !== null) {
    figures.push({ label: 'Concurrent requests', value: formatCount(spec.maxConcurrency), source: modelSource(context, 'maxConcurrency', tier?.maxConcurrency) });
  }
  return figures;
}

function modelGroup(id: string, input: EngineInput, scenario: Scenario, data: Catalog): UsedFigureGroup | null {
  const spec = input.models[id];
  if (!spec) return null;
  const catalogModel = data.models.find((model) => model.id === id);
  const entry = scenario.models?.[id] ?? {};
  const overrides = new Set(catalogModel ? Object.keys(entry).filter((key) => entry[key as keyof typeof entry] !== undefined) : []);
  overrides.delete('priceMultiplier');
  const context: ModelContext = { id, spec, catalogModel, overrides, priceMultiplier: priceMultiplierOf(scenario, id) };
  const providerName = data.providers.find((provider) => provider.id === spec.provider)?.name ?? spec.provider;
  const speed = (field: 'ttftMs' | 'tokensPerSec', figure: Figure | undefined) => modelSource(context, field, figure);
  return {
    id: `model-${id}`,
    title: `${catalogModel?.displayName ?? id}${catalogModel ? '' : ' (custom model)'} · ${providerName}`,
    figures: [
      ...priceFigures(context, input),
      ...limitFigures(context),
      ...pair(
        {
          label: 'Time to first token',
          value: spec.ttftP95Ms ? `${formatDurationMs(spec.ttftMs)} median · ${formatDurationMs(spec.ttftP95Ms)} p95` : formatDurationMs(spec.ttftMs),
          source: speed('ttftMs', catalogModel?.ttftMs),
        },
        { label: 'Output speed', value: `${formatCount(spec.tokensPerSec)} tokens/s`, source: speed('tokensPerSec', catalogModel?.tokensPerSec) },
        'Speed',
        `${spec.ttftP95Ms ? `${formatDurationMs(spec.ttftMs)} (p95 ${formatDurationMs(spec.ttftP95Ms)})` : formatDurationMs(spec.ttftMs)} to first token · ${formatCount(spec.tokensPerSec)} tokens/s`,
      ),
      {
        label: 'Transient error rate',
        value: formatPercent(spec.transientErrorRate, { digits: 2 }),
        source: modelSource(context, 'transientErrorRate', catalogModel?.transientErrorRate),
      },
    ],
  };
}

function providerGroup(id: string, input: EngineInput, scenario: Scenario, data: Catalog): UsedFigureGroup | null {
  const spec: ProviderSpec | undefined = input.providers[id];
  if (!spec) return null;
  const provider: Provider | undefined = data.providers.find((p) => p.id === id);
  const entry = scenario.providers?.[id] ?? {};
  const overridden = (field: keyof ProviderSpec) => provider !== undefined && entry[field] !== undefined;
  const source = (field: keyof ProviderSpec, figure: SourceRef | undefined): FigureSource =>
    overridden(field) ? { kind: 'override' } : provider && figure ? fromRef(figure) : { kind: 'custom' };
  const figures: UsedFigure[] = [
    { label: 'Planning availability', value: formatAvailability(spec.availability), source: source('availability', provider?.planningAvailability) },
  ];
  if (provider) {
    const { sla } = provider;
    const promise = sla.commitment === 'contractual' ? `${sla.uptimePct?.value ?? '—'} % uptime, contractual` : sla.commitment === 'best-effort' ? 'best effort, no uptime commitment' : 'none published';
    figures.push({ label: 'SLA', value: promise, source: overridden('contractual') || overridden('slaCredits') ? { kind: 'override' } : fromRef(sla) });
  }
  figures.push({ label: 'Mean outage', value: formatMinutes(spec.meanOutageMinutes), source: source('meanOutageMinutes', provider?.meanOutageMinutes) });
  if (input.costs.engineeringHourlyRate > 0) {
    figures.push(
      ...pair(
        { label: 'Integration', value: `${formatCount(spec.integrationHours)} h`, source: source('integrationHours', provider?.integrationHours) },
        { label: 'Maintenance', value: `${formatCount(spec.maintenanceHoursPerMonth)} h / month`, source: source('maintenanceHoursPerMonth', provider?.maintenanceHoursPerMonth) },
        'Engineering time',
        `${formatCount(spec.integrationHours)} h to integrate · ${formatCount(spec.maintenanceHoursPerMonth)} h / month`,
      ),
    );
  }
  return { id: `provider-${id}`, title: `${provider?.name ?? id}${provider ? '' : ' (custom provider)'}`, figures };
}

/** Fee and cost inputs of the scenario; an aggregator fee matching a catalog offer cites that offer. */
function costGroup(scenario: Scenario, input: EngineInput, data: Catalog): UsedFigureGroup {
  const { costs } = input;
  const figures: UsedFigure[] = [{ label: 'Engineering rate', value: `${formatMoney(costs.engineeringHourlyRate)} / h`, source: { kind: 'input' } }];
  const multiplier = scenario.costs?.priceMultiplier;
  if (multiplier !== undefined && multiplier !== 1) {
    const offer = data.aggregators.flatMap((a) => a.fees.map((fee) => ({ a, fee }))).find(({ fee }) => fee.model === 'price-multiplier' && fee.priceMultiplier === multiplier);
    figures.push({
      label: 'Token price multiplier',
      value: `${multiplierText(multiplier)} on every model`,
      source: offer ? fromRef(offer.fee) : { kind: 'input' },
      ...(offer ? { note: offer.a.name } : {}),
    });
  }
  // Optional price drift (ADR 011): prices above are month 1's; month m pays × (1 + d/100)^m.
  const drift = (scenario.costs as Record<string, unknown> | undefined)?.priceDriftPctPerMonth;
  if (typeof drift === 'number' && drift !== 0) {
    figures.push({ label: 'Price drift', value: `${drift > 0 ? '+' : ''}${formatCount(drift)}% a month on token prices`, source: { kind: 'input' }, note: 'the prices above are month 1’s' });
  }
  if (costs.aggregatorFeePct > 0) {
    const offer = data.aggregators.flatMap((a) => a.fees.map((fee) => ({ a, fee }))).find(({ fee }) => fee.model === 'percent-of-spend' && fee.percentOfSpend === costs.aggregatorFeePct);
    figures.push({
      label: 'Aggregator fee',
      value: `${costs.aggregatorFeePct} % of token spend`,
      source: offer ? fromRef(offer.fee) : { kind: 'input' },
      ...(offer ? { note: offer.a.name } : {}),
    });
  }
  if (costs.platformFeeMonthly > 0) {
    const offer = data.aggregators.flatMap((a) => a.fees.map((fee) => ({ a, fee }))).find(({ fee }) => fee.model === 'monthly-plan' && fee.monthlyUsd === costs.platformFeeMonthly);
    figures.push({
      label: 'Platform fee',
      value: `${formatMoney(costs.platformFeeMonthly)} / month`,
      source: offer ? fromRef(offer.fee) : { kind: 'input' },
      ...(offer ? { note: offer.a.name } : {}),
    });
  }
  if (costs.downtimeCostPerMinute > 0) figures.push({ label: 'Cost of a minute down', value: formatMoney(costs.downtimeCostPerMinute), source: { kind: 'input' } });
  if (costs.failedRequestCost > 0) figures.push({ label: 'Cost of a failed request', value: formatMoney(costs.failedRequestCost), source: { kind: 'input' } });
  return { id: 'costs', title: 'Your cost inputs', figures };
}

/** Groups in scope order (MODEL.md §2): each model, then each provider, then the cost inputs. */
export function figuresUsed(scenario: Scenario, input: EngineInput, data: Catalog = builtInCatalog): UsedFigureGroup[] {
  const groups: UsedFigureGroup[] = [];
  for (const id of Object.keys(input.models)) {
    const group = modelGroup(id, input, scenario, data);
    if (group) groups.push(group);
  }
  for (const id of Object.keys(input.providers)) {
    const group = providerGroup(id, input, scenario, data);
    if (group) groups.push(group);
  }
  groups.push(costGroup(scenario, input, data));
  return groups;
}

/** A source URL without scheme and `www.` ("anthropic.com/pricing"); the report truncates it to one line. */
export function sourceHost(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname === '/' ? '' : parsed.pathname.replace(/\/$/, '');
    const text = `${parsed.hostname.replace(/^www\./, '')}${path}`;
    return text;
  } catch {
    return url;
  }
}

export function sourceDate(asOf: string): string {
  return formatIsoDate(asOf);
}

export const SOURCE_LABELS = { override: 'Scenario override', custom: 'Scenario (custom)', input: 'Scenario input' } as const;
