import type { ReactNode } from 'react';
import type { Figure, Model, Provider, SourceRef } from '@/lib/catalog/schema';
import { formatCompact, formatFraction, formatIsoDate, formatNumber, formatPct, formatUsd, formatUsdPer1M } from '@/lib/catalog/format';
import { FigureBadges, SourceLink } from './figure-value';

const SLA_LABEL = { contractual: 'Contractual', 'best-effort': 'Best effort', 'none-published': 'None published' } as const;

function Provenance({ source, today }: { source: SourceRef; today: string | null }) {
  return (
    <div className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
      <SourceLink href={source.source}>source</SourceLink>
      <span>as of {formatIsoDate(source.asOf)}</span>
      <FigureBadges figure={source} today={today} />
    </div>
  );
}

function Item({ label, value, source, today }: { label: string; value: ReactNode; source: SourceRef; today: string | null }) {
  return (
    <div className="py-1.5">
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd>
        <span className="tabular font-medium text-slate-900 dark:text-slate-100">{value}</span>
        <Provenance source={source} today={today} />
        {source.note ? <p className="mt-0.5 max-w-prose text-xs text-slate-600 dark:text-slate-400">{source.note}</p> : null}
      </dd>
    </div>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="min-w-0">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</h3>
      <dl className="mt-1 divide-y divide-slate-200 dark:divide-slate-800">{children}</dl>
    </section>
  );
}

const PRICE_LABELS: [keyof Model['prices'], string][] = [
  ['inputPer1M', 'Input'],
  ['outputPer1M', 'Output'],
  ['cachedInputPer1M', 'Cached input (read)'],
  ['cacheWritePer1M', 'Cache write (5 min)'],
  ['cacheWrite1hPer1M', 'Cache write (1 h)'],
  ['batchInputPer1M', 'Batch input'],
  ['batchOutputPer1M', 'Batch output'],
  ['priorityInputPer1M', 'Priority input'],
  ['priorityOutputPer1M', 'Priority output'],
  ['flexInputPer1M', 'Flex input'],
  ['flexOutputPer1M', 'Flex output'],
];

/** Everything the catalog knows about one model and its provider, each figure with its source and date. */
export function ModelDetails({ model, provider, today }: { model: Model; provider: Provider; today: string | null }) {
  const { sla } = provider;
  const long = model.prices.longContext;
  const perMinute = (f: Figure | undefined, label: string, unit: string) => (f ? <Item key={label} label={label} value={`${formatCompact(f.value)} ${unit}`} source={f} today={today} /> : null);
  return (
    <div className="grid gap-6 p-4 text-sm sm:grid-cols-2 xl:grid-cols-4">
      <Group title="Prices per 1M tokens">
        {PRICE_LABELS.map(([key, label]) => {
          const figure = model.prices[key];
          return figure && 'value' in figure ? <Item key={key} label={label} value={formatUsdPer1M(figure.value)} source={figure} today={today} /> : null;
        })}
        {long ? (
          <Item label={`Above ${formatCompact(long.aboveInputTokens)} input tokens`} value={`${formatUsdPer1M(long.inputPer1M.value)} in / ${formatUsdPer1M(long.outputPer1M.value)} out`} source={long.inputPer1M} today={today} />
        ) : null}
        {model.priceNote ? (
          <div className="py-1.5">
            <dt className="text-xs text-slate-600 dark:text-slate-400">Price note</dt>
            <dd className="text-xs text-slate-700 dark:text-slate-300">{model.priceNote}</dd>
          </div>
        ) : null}
      </Group>

      <Group title="Speed and size">
        <Item label="Time to first token" value={`${formatNumber(model.ttftMs.value)} ms`} source={model.ttftMs} today={today} />
        <Item label="Output speed" value={`${formatNumber(model.tokensPerSec.value)} tokens/s`} source={model.tokensPerSec} today={today} />
        <Item label="Context window" value={`${formatCompact(model.contextWindowTokens.value)} tokens`} source={model.contextWindowTokens} today={today} />
        <Item label="Max output" value={`${formatCompact(model.maxOutputTokens.value)} tokens`} source={model.maxOutputTokens} today={today} />
        <Item label="Transient error rate (default)" value={formatFraction(model.transientErrorRate.value)} source={model.transientErrorRate} today={today} />
      </Group>

      <Group title="Rate limits">
        {model.rateLimits.map((tier, i) => (
          <div key={tier.tier} className="py-1.5">
            <dt className="font-medium text-slate-900 dark:text-slate-100">
              {tier.tier}
              {i === 0 ? <span className="ml-2 rounded bg-blue-50 px-1.5 py-0.5 text-[11px] font-medium text-blue-800 dark:bg-blue-900/40 dark:text-blue-200">used by the simulator</span> : null}
            </dt>
            <dd>
              {tier.qualification ? <p className="text-xs text-slate-600 dark:text-slate-400">{tier.qualification}</p> : null}
              <dl>
                {perMinute(tier.rpm, 'Requests per minute', 'RPM')}
                {perMinute(tier.tpm, 'Tokens per minute', 'TPM')}
                {perMinute(tier.itpm, 'Input tokens per minute', 'ITPM')}
                {perMinute(tier.otpm, 'Output tokens per minute', 'OTPM')}
                {tier.maxConcurrency ? <Item label="Concurrent requests" value={formatNumber(tier.maxConcurrency.value)} source={tier.maxConcurrency} today={today} /> : null}
                {tier.limitWindowSec ? <Item label="Enforcement window" value={`${formatNumber(tier.limitWindowSec.value)} s`} source={tier.limitWindowSec} today={today} /> : null}
                {tier.noFixedLimit ? <Item label="No fixed limit" value={tier.noFixedLimit.reason} source={tier.noFixedLimit} today={today} /> : null}
              </dl>
            </dd>
          </div>
        ))}
        {model.provisioned ? (
          <div className="py-1.5">
            <dt className="font-medium text-slate-900 dark:text-slate-100">{model.provisioned.name}</dt>
            <dd>
              <p className="text-xs text-slate-600 dark:text-slate-400">{model.provisioned.unit}. {model.provisioned.terms}</p>
              <dl>
                <Item label="Monthly price" value={formatUsd(model.provisioned.monthlyPriceUsd.value)} source={model.provisioned.monthlyPriceUsd} today={today} />
                <Item label="Capacity" value={`${formatCompact(model.provisioned.capacityTPM.value)} TPM`} source={model.provisioned.capacityTPM} today={today} />
              </dl>
            </dd>
          </div>
        ) : null}
      </Group>

      <Group title={`${provider.name}: SLA and operations`}>
        <div className="py-1.5">
          <dt className="text-xs text-slate-600 dark:text-slate-400">SLA</dt>
          <dd>
            <span className="font-medium text-slate-900 dark:text-slate-100">
              {SLA_LABEL[sla.commitment]}
              {sla.uptimePct ? `, ${formatPct(sla.uptimePct.value)} uptime` : ''}
            </span>
            <p className="text-xs text-slate-600 dark:text-slate-400">Who: {sla.qualifies}</p>
            <p className="text-xs text-slate-600 dark:text-slate-400">Scope: {sla.scope}</p>
            {sla.credits ? (
              <p className="text-xs text-slate-600 dark:text-slate-400">
                Credits: {sla.credits.tiers.map((t) => `below ${formatPct(t.belowPct)} → ${formatPct(t.creditPct)}`).join('; ')}
              </p>
            ) : null}
            <Provenance source={sla.uptimePct ?? sla} today={today} />
            {sla.note ? <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{sla.note}</p> : null}
          </dd>
        </div>
        <Item label="Availability to plan with" value={formatFraction(provider.planningAvailability.value)} source={provider.planningAvailability} today={today} />
        <Item label="Integration effort" value={`${formatNumber(provider.integrationHours.value)} h once, ${formatNumber(provider.maintenanceHoursPerMonth.value)} h/month`} source={provider.integrationHours} today={today} />
        <Item label="Mean outage duration" value={`${formatNumber(provider.meanOutageMinutes.value)} min`} source={provider.meanOutageMinutes} today={today} />
      </Group>

      {model.notes || provider.notes ? (
        <section className="sm:col-span-2 xl:col-span-4">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Notes</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-xs text-slate-700 dark:text-slate-300">
            {[...(model.notes ?? []), ...(provider.notes ?? [])].map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
