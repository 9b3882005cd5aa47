'use client';

import { formatAvailability, formatCount, formatDurationMs, formatMoney } from '@/lib/format/number';
import { moveChainModel, removeChainModel, setChainModel, setChainRetries } from '@/lib/scenario/edit';
import type { Chain } from '@/lib/scenario/schema';
import type { ModelFacts, ProviderOptionGroup } from '@/lib/store/model-facts';
import { iconButtonClassName } from '../ui/card';
import { NumberField } from '../ui/number-field';
import { selectClassName } from '../ui/select-field';
import { ModelOptions } from './model-select';
import { ModelOverrides } from './model-overrides';
import { useEditor } from './use-editor';

function limit(value: number | null, unit: string): string {
  return value === null ? `no ${unit} limit` : `${formatCount(value)} ${unit}`;
}

/** The figures a reader needs to judge a model in place: prices, SLA and availability, limits, speed. */
export function ModelFactsLine({ facts }: { facts: ModelFacts }) {
  const spec = facts.spec;
  if (!spec) return null;
  const marked = (key: keyof typeof spec, text: string) =>
    facts.overridden.includes(key) ? (
      <span className="font-semibold text-amber-800 dark:text-amber-300" title="Overridden in this scenario">
        {text}*
      </span>
    ) : (
      text
    );
  return (
    <p className="tabular mt-1 text-[11px] leading-relaxed text-slate-600 dark:text-slate-400">
      {marked('inputPer1M', formatMoney(spec.inputPer1M, { cents: true }))} in · {marked('outputPer1M', formatMoney(spec.outputPer1M, { cents: true }))} out
      {' · '}
      {marked('cachedInputPer1M', formatMoney(spec.cachedInputPer1M, { cents: true }))} cached per 1M
      <br />
      {facts.slaLabel} · plan {facts.availability === null ? '—' : formatAvailability(facts.availability)} up · {marked('rpm', limit(spec.rpm, 'RPM'))} ·{' '}
      {marked('tpm', limit(spec.tpm, 'TPM'))} · TTFT {marked('ttftMs', formatDurationMs(spec.ttftMs))} · {marked('tokensPerSec', `${formatCount(spec.tokensPerSec)} tok/s`)}
    </p>
  );
}

export function ChainModelRow({
  chain,
  chainIndex,
  position,
  facts,
  groups,
  defaultRetries,
}: {
  chain: Chain;
  chainIndex: number;
  position: number;
  facts: ModelFacts;
  groups: readonly ProviderOptionGroup[];
  defaultRetries: number;
}) {
  const { edit, errorFor } = useEditor();
  const role = position === 0 ? 'Primary' : `Fallback ${position}`;
  const selectId = `chain-${chainIndex}-model-${position}`;
  const modelError = errorFor(`routing.chains[${chainIndex}].models[${position}]`);
  const last = chain.models.length - 1;
  const inCatalogGroups = groups.some((g) => g.models.some((m) => m.id === facts.id));

  return (
    <li className="rounded-lg border border-slate-200 bg-white p-2.5 dark:border-slate-700 dark:bg-slate-900">
      <div className="mb-1 flex items-center justify-between gap-2">
        <label htmlFor={selectId} className="text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
          {role}
          <span className="sr-only"> model of chain {chainIndex + 1}</span>
          <span className="ml-1.5 font-normal normal-case tracking-normal">· {facts.providerName}</span>
        </label>
        <div className="-my-1 flex shrink-0">
          <button type="button" className={iconButtonClassName} disabled={position === 0} aria-label={`Move ${facts.name} up in chain ${chainIndex + 1}`} onClick={() => edit((s) => moveChainModel(s, chainIndex, position, position - 1))}>
            <span aria-hidden="true">↑</span>
          </button>
          <button type="button" className={iconButtonClassName} disabled={position === last} aria-label={`Move ${facts.name} down in chain ${chainIndex + 1}`} onClick={() => edit((s) => moveChainModel(s, chainIndex, position, position + 1))}>
            <span aria-hidden="true">↓</span>
          </button>
          <button type="button" className={iconButtonClassName} disabled={chain.models.length <= 1} aria-label={`Remove ${facts.name} from chain ${chainIndex + 1}`} onClick={() => edit((s) => removeChainModel(s, chainIndex, position))}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </div>
      <select
        id={selectId}
        value={facts.id}
        aria-invalid={modelError ? true : undefined}
        aria-describedby={modelError ? `${selectId}-error` : undefined}
        onChange={(event) => edit((s) => setChainModel(s, chainIndex, position, event.target.value))}
        className={selectClassName}
      >
        {inCatalogGroups ? null : <option value={facts.id}>{facts.id} (unknown)</option>}
        <ModelOptions groups={groups} />
      </select>
      {modelError ? (
        <p id={`${selectId}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
          {modelError}
        </p>
      ) : null}
      <div>
        <ModelFactsLine facts={facts} />
        <details className="group mt-1.5">
          <summary className="cursor-pointer select-none text-xs font-medium text-blue-700 hover:underline dark:text-blue-300">
            Retries and figures{facts.overridden.length > 0 ? ` (${facts.overridden.length} overridden)` : ''}
          </summary>
          <div className="mt-2 max-w-[12rem]">
            <NumberField
              label="Retries at this model"
              unit="retries"
              empty="default"
              placeholder={`${defaultRetries} (routing)`}
              help="Retries of a failed attempt at this model before failing over; empty = the routing-wide value."
              value={chain.maxRetries?.[position] ?? undefined}
              onChange={(v) => edit((s) => setChainRetries(s, chainIndex, position, v ?? null))}
              error={errorFor(`routing.chains[${chainIndex}].maxRetries[${position}]`)}
              step={1}
            />
          </div>
          <ModelOverrides facts={facts} />
        </details>
      </div>
    </li>
  );
}
