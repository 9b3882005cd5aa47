'use client';

import Link from 'next/link';
import { Fragment, useId, useMemo, useState } from 'react';
import type { Model, Provider } from '@/lib/catalog/schema';
import { catalogRows, filterRows, isStale, nextSort, rowFigures, sortRows, type SortKey, type SortState } from '@/lib/catalog/table';
import { CatalogCards } from './catalog-cards';
import { COLUMNS } from './catalog-columns';
import { SourceLink } from './figure-value';
import { ModelDetails } from './model-details';
import { useToday } from './use-today';

const TH = 'sticky top-0 z-20 border-b border-slate-200 bg-slate-50 px-2.5 py-2 text-xs font-semibold text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-200';

function SortButton({ label, unit, active, direction, onClick, numeric }: { label: string; unit?: string; active: boolean; direction: SortState['direction']; onClick: () => void; numeric: boolean }) {
  return (
    <button type="button" onClick={onClick} className={`inline-flex items-center gap-1 rounded px-1 py-0.5 underline-offset-2 hover:bg-slate-200/70 hover:underline dark:hover:bg-slate-800 ${numeric ? 'flex-row-reverse text-right' : 'text-left'}`}>
      {active ? (
        <span aria-hidden="true" className="text-[10px] text-blue-700 dark:text-blue-300">
          {direction === 'ascending' ? '▲' : '▼'}
        </span>
      ) : null}
      <span className="flex flex-col leading-tight">
        <span>{label}</span>
        {unit ? <span className="text-[11px] font-normal text-slate-500 dark:text-slate-400">{unit}</span> : null}
      </span>
    </button>
  );
}

/** Sort choices of the narrow-screen select (the wide table sorts by its column headers): "key:direction". */
const SORT_OPTIONS: { value: string; label: string }[] = [
  { value: 'model:ascending', label: 'Model, A–Z' },
  { value: 'provider:ascending', label: 'Provider, A–Z' },
  ...COLUMNS.flatMap((c) => [
    { value: `${c.key}:ascending`, label: `${c.label}, lowest first` },
    { value: `${c.key}:descending`, label: `${c.label}, highest first` },
  ]),
];

function parseSort(value: string): SortState | null {
  const [key, direction] = value.split(':');
  const known = SORT_OPTIONS.some((option) => option.value === value);
  return known && key && (direction === 'ascending' || direction === 'descending') ? { key: key as SortKey, direction } : null;
}

/**
 * The model catalog: filters, then a sortable table with expandable rows (from 768 px) or one card per model on a
 * phone, every figure with its source.
 */
export function CatalogBrowser({ models, providers }: { models: Model[]; providers: Provider[] }) {
  const today = useToday();
  const ids = useId();
  const [query, setQuery] = useState('');
  const [provider, setProvider] = useState('');
  const [contractualOnly, setContractualOnly] = useState(false);
  const [sort, setSort] = useState<SortState | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const rows = useMemo(() => catalogRows({ models, providers, aggregators: [] }), [models, providers]);
  const modelById = useMemo(() => new Map(models.map((m) => [m.id, m])), [models]);
  const providerById = useMemo(() => new Map(providers.map((p) => [p.id, p])), [providers]);
  const filtered = filterRows(rows, { query, providers: provider ? [provider] : [], contractualOnly });
  const visible = sort ? sortRows(filtered, sort) : filtered;
  const staleCount = today ? rows.reduce((n, r) => n + rowFigures(r).filter((f) => isStale(f.asOf, today)).length, 0) : null;
  const figureCount = rows.reduce((n, r) => n + rowFigures(r).length, 0);

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const sortBy = (key: SortKey) => setSort((current) => (current ? nextSort(current, key) : { key, direction: 'ascending' }));
  const ariaSort = (key: SortKey) => (sort?.key === key ? sort.direction : 'none');
  const colSpan = COLUMNS.length + 3;

  return (
    <section aria-labelledby={`${ids}-models`} className="mt-6">
      <h2 id={`${ids}-models`} className="sr-only">
        Models
      </h2>
      <div className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:flex-row sm:flex-wrap sm:items-end dark:border-slate-800 dark:bg-slate-900/60">
        <div className="flex min-w-0 flex-1 flex-col gap-1 sm:min-w-64">
          <label htmlFor={`${ids}-q`} className="text-xs font-medium text-slate-700 dark:text-slate-300">
            Search
          </label>
          <input
            id={`${ids}-q`}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Model, provider or maker, e.g. haiku, code, llama"
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm placeholder:text-slate-500 dark:border-slate-600 dark:bg-slate-950 dark:placeholder:text-slate-400"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${ids}-p`} className="text-xs font-medium text-slate-700 dark:text-slate-300">
            Provider
          </label>
          <select id={`${ids}-p`} value={provider} onChange={(e) => setProvider(e.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-950">
            <option value="">All providers ({providers.length})</option>
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1 md:hidden">
          <label htmlFor={`${ids}-s`} className="text-xs font-medium text-slate-700 dark:text-slate-300">
            Sort by
          </label>
          <select
            id={`${ids}-s`}
            value={sort ? `${sort.key}:${sort.direction}` : ''}
            onChange={(e) => setSort(parseSort(e.target.value))}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-950"
          >
            <option value="">Catalog order</option>
            {SORT_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 py-1.5 text-sm text-slate-800 dark:text-slate-200">
          <input type="checkbox" checked={contractualOnly} onChange={(e) => setContractualOnly(e.target.checked)} className="h-4 w-4 accent-blue-700" />
          Contractual SLA only
        </label>
        <p className="text-sm text-slate-600 sm:ml-auto dark:text-slate-400" aria-live="polite">
          Showing <span className="tabular font-semibold text-slate-900 dark:text-slate-100">{visible.length}</span> of {rows.length} models
        </p>
      </div>

      <p className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        <span className="hidden md:inline">Click a column header to sort. Hover a figure for its source and date; open a row for every figure with links.</span>
        <span className="md:hidden">Open a model for every figure with its source and date.</span>
        <span>
          <span className="underline decoration-slate-400 decoration-dotted underline-offset-4">Dotted</span> = unverified (secondary source or estimate)
        </span>
        <span>RPM and TPM: the planning tier (open a model for every tier).</span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-1.5 w-1.5 rounded-full bg-amber-500" /> = older than 90 days
          {staleCount !== null ? ` (${staleCount} of ${figureCount} figures)` : ''}
        </span>
      </p>

      <div className="md:hidden">
        <CatalogCards rows={visible} idPrefix={ids} expanded={expanded} onToggle={toggle} modelById={modelById} providerById={providerById} today={today} />
      </div>

      <div className="relative mt-2 hidden max-h-[calc(100vh-9rem)] overflow-auto rounded-xl border border-slate-200 md:block dark:border-slate-800" role="region" aria-label="Model table" tabIndex={0}>
        <table className="w-full border-separate border-spacing-0 text-[13px]">
          <caption className="sr-only">LLM models with prices, context, latency, rate limits and provider SLA. Column headers sort.</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort('model')} className={`${TH} left-0 z-30 min-w-40 text-left`}>
                <SortButton label="Model" active={sort?.key === 'model'} direction={sort?.direction ?? 'ascending'} onClick={() => sortBy('model')} numeric={false} />
              </th>
              <th scope="col" aria-sort={ariaSort('provider')} className={`${TH} text-left`}>
                <SortButton label="Provider" active={sort?.key === 'provider'} direction={sort?.direction ?? 'ascending'} onClick={() => sortBy('provider')} numeric={false} />
              </th>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" aria-sort={ariaSort(c.key)} className={`${TH} whitespace-nowrap text-right`}>
                  <SortButton label={c.label} unit={c.unit} active={sort?.key === c.key} direction={sort?.direction ?? 'ascending'} onClick={() => sortBy(c.key)} numeric />
                </th>
              ))}
              <th scope="col" className={`${TH} text-left`}>
                Links
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.length === 0 ? (
              <tr>
                <td colSpan={colSpan} className="px-3 py-10 text-center text-slate-600 dark:text-slate-400">
                  No model matches these filters.
                </td>
              </tr>
            ) : null}
            {visible.map((row) => {
              const open = expanded.has(row.id);
              const model = modelById.get(row.id);
              const owner = providerById.get(row.providerId);
              const detailId = `${ids}-d-${row.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
              const cellBg = open ? 'bg-blue-50/60 dark:bg-slate-800/60' : 'bg-white group-hover:bg-slate-50 dark:bg-[#0b0f17] dark:group-hover:bg-slate-900';
              return (
                <Fragment key={row.id}>
                  <tr className="group" data-model-id={row.id}>
                    <th scope="row" className={`sticky left-0 z-10 border-b border-slate-100 px-2.5 py-2 text-left font-normal dark:border-slate-800 ${cellBg}`}>
                      <button type="button" aria-expanded={open} aria-controls={open ? detailId : undefined} onClick={() => toggle(row.id)} className="group/btn flex items-start gap-1.5 rounded text-left">
                        <span aria-hidden="true" className={`mt-0.5 text-xs text-slate-500 transition-transform ${open ? 'rotate-90' : ''}`}>
                          ▶
                        </span>
                        <span className="flex flex-col">
                          <span className="font-medium text-slate-900 group-hover/btn:underline dark:text-slate-100">{row.displayName}</span>
                          <span className="font-mono text-[11px] text-slate-500 dark:text-slate-400">{row.id}</span>
                        </span>
                        <span className="sr-only">{open ? ', hide details' : ', show details'}</span>
                      </button>
                    </th>
                    <td className={`whitespace-nowrap border-b border-slate-100 px-2.5 py-2 text-slate-700 dark:border-slate-800 dark:text-slate-300 ${cellBg}`}>{row.providerName}</td>
                    {COLUMNS.map((c) => (
                      <td key={c.key} className={`tabular whitespace-nowrap border-b border-slate-100 px-2.5 py-2 text-right dark:border-slate-800 ${cellBg}`}>
                        {c.cell(row, today)}
                      </td>
                    ))}
                    <td className={`whitespace-nowrap border-b border-slate-100 px-2.5 py-2 text-xs dark:border-slate-800 ${cellBg}`}>
                      <span className="flex flex-col gap-0.5">
                        <SourceLink href={row.priceSource}>
                          <span className="sr-only">Price </span>Source<span className="sr-only"> for {row.displayName}</span>
                        </SourceLink>
                        <Link href={`/?model=${encodeURIComponent(row.id)}`} className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">
                          Use in simulator<span className="sr-only">: {row.displayName}</span>
                        </Link>
                      </span>
                    </td>
                  </tr>
                  {open && model && owner ? (
                    <tr id={detailId}>
                      <td colSpan={colSpan} className="border-b border-slate-200 bg-slate-50/80 dark:border-slate-800 dark:bg-slate-900/60">
                        <div className="sticky left-0 w-[min(calc(100vw-2.25rem),1366px)]">
                          <ModelDetails model={model} provider={owner} today={today} />
                        </div>
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
