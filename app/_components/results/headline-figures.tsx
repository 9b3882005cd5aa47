'use client';

import Link from 'next/link';
import { memo, useId, useState } from 'react';
import type { HeadlineFigure } from '@/lib/charts/headline-figures';

const GROUP_TITLES: Record<HeadlineFigure['group'], string> = {
  cost: 'Cost',
  reliability: 'Reliability and rate limits',
  latency: 'Latency',
};

/**
 * The headline figures as stat cards: the total first, then latency (is the tail within target?), cost, and
 * reliability, so that cost, p95 latency and its share over target all fit in the first screen of a laptop.
 */
export const HeadlineFigures = memo(function HeadlineFigures({ figures }: { figures: HeadlineFigure[] }) {
  const [hero, ...rest] = figures;
  const groups = (['latency', 'cost', 'reliability'] as const).map((group) => ({
    group,
    figures: rest.filter((figure) => figure.group === group),
  }));
  return (
    <section aria-labelledby="headline-figures-title" className="space-y-4">
      <h2 id="headline-figures-title" className="sr-only">
        Headline figures
      </h2>
      {hero ? (
        <dl>
          <StatCard figure={hero} hero />
        </dl>
      ) : null}
      {groups.map(({ group, figures: groupFigures }) =>
        groupFigures.length === 0 ? null : (
          <div key={group}>
            <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{GROUP_TITLES[group]}</h3>
            <dl className="grid grid-cols-2 gap-2 sm:gap-3">
              {groupFigures.map((figure) => (
                <StatCard key={figure.id} figure={figure} />
              ))}
            </dl>
          </div>
        ),
      )}
    </section>
  );
});

/**
 * One figure. The (i) button discloses, inside the card, what the figure is and how it is computed, with a link to
 * its methodology section; in-flow rather than floating so it never leaves a narrow screen. Escape closes it.
 */
function StatCard({ figure, hero = false }: { figure: HeadlineFigure; hero?: boolean }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div
      className={`min-w-0 rounded-xl border ${hero ? 'p-5' : 'p-3 sm:p-4'} ${
        figure.warning
          ? 'border-amber-300 bg-amber-50/60 dark:border-amber-700/60 dark:bg-amber-950/30'
          : 'border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900/60'
      }`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) setOpen(false);
      }}
    >
      <dt className="flex items-start justify-between gap-2 text-sm text-slate-600 dark:text-slate-300">
        <span>{figure.label}</span>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={`How “${figure.label}” is computed`}
          onClick={() => setOpen((value) => !value)}
          className="-m-1 inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-slate-500 hover:bg-slate-100 hover:text-slate-800 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
            <path
              fillRule="evenodd"
              d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm.75-11.5a.75.75 0 1 1-1.5 0 .75.75 0 0 1 1.5 0ZM9.25 9a.75.75 0 0 1 1.5 0v4.25a.75.75 0 0 1-1.5 0V9Z"
              clipRule="evenodd"
            />
          </svg>
        </button>
      </dt>
      <dd
        className={`tabular mt-1 font-semibold tracking-tight ${hero ? 'text-4xl' : 'text-xl sm:text-2xl'} ${
          figure.warning ? 'text-amber-700 dark:text-amber-300' : 'text-slate-900 dark:text-white'
        }`}
        data-figure={figure.id}
      >
        {figure.value}
      </dd>
      <dd className="tabular mt-1 text-xs text-slate-500 dark:text-slate-400">{figure.detail}</dd>
      <dd
        id={panelId}
        hidden={!open}
        className="mt-2 border-t border-slate-200 pt-2 text-xs leading-relaxed text-slate-700 dark:border-slate-700 dark:text-slate-200"
      >
        {figure.explanation}{' '}
        <Link href={`/methodology#${figure.methodology}`} className="font-medium text-blue-700 underline underline-offset-2 dark:text-blue-300">
          Methodology
        </Link>
      </dd>
    </div>
  );
}
