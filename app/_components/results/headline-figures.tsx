import type { HeadlineFigure } from '@/lib/charts/headline-figures';
import { InfoPopover } from './info-popover';

const GROUP_TITLES: Record<HeadlineFigure['group'], string> = {
  cost: 'Cost',
  reliability: 'Reliability and rate limits',
  latency: 'Latency',
};

/** The headline figures as stat cards, grouped by cost, reliability and latency. */
export function HeadlineFigures({ figures }: { figures: HeadlineFigure[] }) {
  const [hero, ...rest] = figures;
  const groups = (['cost', 'reliability', 'latency'] as const).map((group) => ({
    group,
    figures: rest.filter((figure) => figure.group === group),
  }));
  return (
    <section aria-labelledby="headline-figures-title" className="space-y-4">
      <h2 id="headline-figures-title" className="sr-only">
        Headline figures
      </h2>
      {hero ? <StatCard figure={hero} hero /> : null}
      {groups.map(({ group, figures: groupFigures }) =>
        groupFigures.length === 0 ? null : (
          <div key={group}>
            <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{GROUP_TITLES[group]}</h3>
            <dl className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2">
              {groupFigures.map((figure) => (
                <StatCard key={figure.id} figure={figure} />
              ))}
            </dl>
          </div>
        ),
      )}
    </section>
  );
}

function StatCard({ figure, hero = false }: { figure: HeadlineFigure; hero?: boolean }) {
  const body = (
    <>
      <dt className="flex items-start justify-between gap-2 text-sm text-slate-600 dark:text-slate-300">
        <span>{figure.label}</span>
        <InfoPopover label={figure.label} explanation={figure.explanation} href={`/methodology#${figure.methodology}`} />
      </dt>
      <dd
        className={`tabular mt-1 font-semibold tracking-tight ${hero ? 'text-4xl' : 'text-2xl'} ${
          figure.warning ? 'text-amber-700 dark:text-amber-300' : 'text-slate-900 dark:text-white'
        }`}
        data-figure={figure.id}
      >
        {figure.value}
      </dd>
      <dd className="tabular mt-1 text-xs text-slate-500 dark:text-slate-400">{figure.detail}</dd>
    </>
  );
  const cardClass = `rounded-xl border p-4 ${
    figure.warning
      ? 'border-amber-300 bg-amber-50/60 dark:border-amber-700/60 dark:bg-amber-950/30'
      : 'border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900/60'
  }`;
  // A hero card stands alone in its own <dl>; the others are <div> groups inside the grid's <dl>.
  return hero ? (
    <dl className={`${cardClass} p-5`}>{body}</dl>
  ) : (
    <div className={cardClass}>{body}</div>
  );
}
