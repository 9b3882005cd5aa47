'use client';

import Link from 'next/link';
import type { Model, Provider } from '@/lib/catalog/schema';
import type { CatalogRow } from '@/lib/catalog/table';
import { COLUMNS } from './catalog-columns';
import { SourceLink } from './figure-value';
import { ModelDetails } from './model-details';

const BUTTON =
  'inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

/**
 * The catalog on a narrow screen: one card per model with every column of the table as a labelled figure, so a
 * phone reads it without sideways scrolling. Same rows, order, sources and detail panel as the table.
 */
export function CatalogCards({
  rows,
  idPrefix,
  expanded,
  onToggle,
  modelById,
  providerById,
  today,
}: {
  rows: readonly CatalogRow[];
  idPrefix: string;
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
  modelById: ReadonlyMap<string, Model>;
  providerById: ReadonlyMap<string, Provider>;
  today: string | null;
}) {
  if (rows.length === 0) {
    return <p className="mt-2 rounded-xl border border-slate-200 px-3 py-10 text-center text-slate-600 dark:border-slate-800 dark:text-slate-400">No model matches these filters.</p>;
  }
  return (
    <ul className="mt-2 space-y-3" aria-label="Models">
      {rows.map((row) => {
        const open = expanded.has(row.id);
        const model = modelById.get(row.id);
        const owner = providerById.get(row.providerId);
        const safeId = row.id.replace(/[^A-Za-z0-9_-]/g, '_');
        const nameId = `${idPrefix}-c-${safeId}`;
        const detailId = `${idPrefix}-cd-${safeId}`;
        return (
          <li key={row.id} data-model-id={row.id}>
            <article aria-labelledby={nameId} className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900/60">
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <h3 id={nameId} className="font-semibold text-slate-900 dark:text-slate-100">
                    {row.displayName}
                  </h3>
                  <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
                    <span className="font-mono [overflow-wrap:anywhere]">{row.id}</span> · {row.providerName}
                  </p>
                </div>
              </div>
              <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-[13px]">
                {COLUMNS.map((column) => (
                  <div key={column.key} className="min-w-0">
                    <dt className="text-[11px] text-slate-600 dark:text-slate-400">
                      {column.label}
                      {column.unit ? <span className="text-slate-500 dark:text-slate-400">, {column.unit}</span> : null}
                    </dt>
                    {/* table cells right-align their stacked figures; a card reads left to right */}
                    <dd className="tabular font-medium text-slate-900 dark:text-slate-100 [&_.items-end]:items-start">{column.cell(row, today)}</dd>
                  </div>
                ))}
              </dl>
              <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-slate-100 pt-2 text-xs dark:border-slate-800">
                <button type="button" aria-expanded={open} aria-controls={open ? detailId : undefined} onClick={() => onToggle(row.id)} className={BUTTON}>
                  <span aria-hidden="true" className={`text-[10px] transition-transform ${open ? 'rotate-90' : ''}`}>
                    ▶
                  </span>
                  All figures and sources
                  <span className="sr-only"> for {row.displayName}</span>
                </button>
                <SourceLink href={row.priceSource}>
                  <span className="sr-only">Price </span>Source<span className="sr-only"> for {row.displayName}</span>
                </SourceLink>
                <Link href={`/?model=${encodeURIComponent(row.id)}`} className="font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">
                  Use in simulator<span className="sr-only">: {row.displayName}</span>
                </Link>
              </div>
              {open && model && owner ? (
                <div id={detailId} className="-mx-3 -mb-3 mt-3 rounded-b-xl border-t border-slate-200 bg-slate-50/80 dark:border-slate-800 dark:bg-slate-900/60">
                  <ModelDetails model={model} provider={owner} today={today} />
                </div>
              ) : null}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
