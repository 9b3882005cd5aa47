import type { HeadlineFigure } from '@/lib/charts/headline-figures';
import type { MonteCarloResult } from '@/lib/engine/types';
import { formatCount, formatMoney } from '@/lib/format/number';
import type { Finding, FindingTopic } from './findings';
import type { ReportMonteCarlo } from './use-report-monte-carlo';

/** Headline figures shown beside the total, in reading order (ids of lib/charts/headline-figures.ts). */
const KEY_FIGURES = ['monthly-average', 'cost-per-1k', 'availability', 'success-rate', 'p95-first-token', 'p95-full-response', 'rate-429', 'failovers'] as const;

function monteCarloLine(monteCarlo: ReportMonteCarlo, months: number): string {
  switch (monteCarlo.status) {
    case 'off':
      return 'Deterministic projection (Monte Carlo is off for this scenario).';
    case 'failed':
      return 'The Monte Carlo run failed; the deterministic projection is shown.';
    case 'running':
      return `Monte Carlo range: computing ${formatCount(monteCarlo.trials)} trials…`;
    case 'ready':
      return monteCarlo.result.monthly.length === months ? monteCarloRange(monteCarlo.result) : 'Monte Carlo range unavailable for this horizon.';
  }
}

function monteCarloRange(result: MonteCarloResult): string {
  return `90% of ${formatCount(result.trials)} Monte Carlo trials: ${formatMoney(result.total.p5)} – ${formatMoney(result.total.p95)}`;
}

/** The total cost of ownership, large, with the key headline figures beside it (same values as the simulator). */
export function ReportHeadline({ figures, monteCarlo, months }: { figures: HeadlineFigure[]; monteCarlo: ReportMonteCarlo; months: number }) {
  const byId = new Map(figures.map((figure) => [figure.id, figure]));
  const total = byId.get('total-tco');
  const rest = KEY_FIGURES.map((id) => byId.get(id)).filter((figure): figure is HeadlineFigure => figure !== undefined);
  return (
    <div className="grid gap-3 sm:grid-cols-[minmax(0,15rem)_minmax(0,1fr)] print:grid-cols-[15rem_minmax(0,1fr)]">
      {total ? (
        <dl className="flex flex-col justify-center rounded-lg bg-slate-900 px-4 py-3 text-white dark:bg-slate-800">
          <dt className="text-[11px] font-medium uppercase tracking-wide text-slate-300">{total.label}</dt>
          <dd className="tabular mt-1 text-[32px] font-semibold leading-none tracking-tight" data-figure={total.id}>
            {total.value}
          </dd>
          <dd className="mt-1.5 text-[11px] leading-snug text-slate-300">{total.detail}</dd>
          <dd className="mt-1 text-[11px] leading-snug text-slate-300" data-monte-carlo={monteCarlo.status}>
            {monteCarloLine(monteCarlo, months)}
          </dd>
        </dl>
      ) : null}
      <dl className="grid grid-cols-2 gap-px overflow-hidden rounded-lg border border-slate-200 bg-slate-200 sm:grid-cols-4 print:grid-cols-4 dark:border-slate-700 dark:bg-slate-700">
        {rest.map((figure) => (
          <div key={figure.id} className="bg-white px-2.5 py-2 dark:bg-slate-900">
            <dt className="text-[10.5px] leading-tight text-slate-500 dark:text-slate-400">{figure.label}</dt>
            <dd
              className={`tabular mt-0.5 text-[15px] font-semibold leading-tight [overflow-wrap:anywhere] ${figure.warning ? 'text-amber-800 dark:text-amber-300' : 'text-slate-900 dark:text-slate-50'}`}
              data-figure={figure.id}
            >
              {figure.value}
            </dd>
            <dd className="mt-0.5 text-[10px] leading-tight text-slate-500 dark:text-slate-400">{figure.detail}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

const TOPIC_LABELS: Record<FindingTopic, string> = {
  cost: 'Cost',
  availability: 'Availability',
  latency: 'Latency',
  'rate-limits': 'Rate limits',
};

/** The findings as short sentences, grouped by topic. */
export function ReportFindings({ findings }: { findings: Finding[] }) {
  const topics = (Object.keys(TOPIC_LABELS) as FindingTopic[]).filter((topic) => findings.some((finding) => finding.topic === topic));
  return (
    <div className="grid gap-x-6 gap-y-2">
      {topics.map((topic) => (
        <div key={topic} className="grid gap-x-3 sm:grid-cols-[6.5rem_minmax(0,1fr)] print:grid-cols-[6.5rem_minmax(0,1fr)]">
          <h3 className="pt-px text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{TOPIC_LABELS[topic]}</h3>
          <ul className="space-y-1 text-[12.5px] leading-snug text-slate-800 dark:text-slate-100">
            {findings
              .filter((finding) => finding.topic === topic)
              .map((finding) => (
                <li key={finding.text} className="flex gap-2">
                  <span aria-hidden="true" className={`mt-[5px] h-1.5 w-1.5 shrink-0 rounded-full ${finding.warning ? 'bg-amber-600' : 'bg-slate-400'}`} />
                  <span>
                    {finding.warning ? <span className="sr-only">Attention: </span> : null}
                    {finding.text}
                  </span>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
