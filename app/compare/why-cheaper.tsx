import type { ComponentDelta } from './compare-data';
import { formatMetricDelta, formatUsd } from './compare-format';

/** "Why is B cheaper": the TCO difference in one sentence, then the cost lines behind it, largest first. */
export function WhyCheaper({
  headingId,
  name,
  baselineName,
  deltas,
  tcoDelta,
}: {
  headingId: string;
  name: string;
  baselineName: string;
  deltas: ComponentDelta[];
  tcoDelta: number;
}) {
  const cents = Math.round(tcoDelta * 100);
  const verdict =
    cents === 0
      ? `${name} costs the same as ${baselineName} over the horizon.`
      : `${name} costs ${formatUsd(Math.abs(tcoDelta))} ${cents < 0 ? 'less' : 'more'} than ${baselineName} over the horizon.`;
  const cheaper = deltas.filter((d) => d.delta < 0);
  const dearer = deltas.filter((d) => d.delta > 0);
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900/60">
      <h3 id={headingId} className="text-sm font-semibold text-slate-900 dark:text-white">
        {cents < 0 ? `Why ${name} is cheaper` : cents > 0 ? `Why ${name} costs more` : `${name} vs ${baselineName}`}
      </h3>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-200">
        {verdict}
        {cheaper[0] ? ` It saves most on ${cheaper[0].label.toLowerCase()} (${formatMetricDelta('usd', cheaper[0].delta)}).` : ''}
        {dearer[0] ? ` It costs more on ${dearer[0].label.toLowerCase()} (${formatMetricDelta('usd', dearer[0].delta)}).` : ''}
      </p>
      {deltas.length > 0 ? (
        <table className="mt-3 w-full border-collapse text-sm">
          <caption className="sr-only">
            Cost lines of {name} and {baselineName} over the horizon, largest difference first
          </caption>
          <thead>
            <tr className="border-b border-slate-200 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-300">
              <th scope="col" className="py-1 text-left font-medium">
                Cost line
              </th>
              <th scope="col" className="py-1 pl-3 text-right font-medium">
                {baselineName}
              </th>
              <th scope="col" className="py-1 pl-3 text-right font-medium">
                {name}
              </th>
              <th scope="col" className="py-1 pl-3 text-right font-medium">
                Difference
              </th>
            </tr>
          </thead>
          <tbody>
            {deltas.map((d) => (
              <tr key={d.key} className="border-b border-slate-100 last:border-0 dark:border-slate-800/70">
                <th scope="row" className="py-1 text-left font-normal text-slate-700 dark:text-slate-200">
                  {d.label}
                </th>
                <td className="tabular py-1 pl-3 text-right">{formatUsd(d.baseline)}</td>
                <td className="tabular py-1 pl-3 text-right">{formatUsd(d.value)}</td>
                <td className={`tabular py-1 pl-3 text-right font-medium ${d.delta < 0 ? 'text-emerald-700 dark:text-emerald-300' : 'text-red-700 dark:text-red-300'}`} data-component={d.key}>
                  {formatMetricDelta('usd', d.delta)} {d.delta < 0 ? 'cheaper' : 'dearer'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
