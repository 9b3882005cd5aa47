'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { MAX_SCENARIOS, useScenarioStore } from '@/lib/store/scenario-store';
import { displayedEvaluation } from '@/lib/store/displayed';
import type { Result } from '@/lib/engine/types';
import { OpeningPlaceholder } from '../_components/workspace/opening-placeholder';
import { useShareState } from '../_components/workspace/share-state';
import { WorkspaceBar } from '../_components/workspace/workspace-bar';
import { scenarioLabel } from '../_components/workspace/scenario-label';
import { COMPARE_METRICS, componentDeltas, cumulativeRows, metricDelta, significantDeltas } from './compare-data';
import { formatMetric, formatMetricDelta, formatRelative } from './compare-format';
import { CumulativeCompareChart } from './cumulative-compare-chart';
import { ComponentDeltaChart } from './component-delta-chart';
import { WhyCheaper } from './why-cheaper';

const cellButton =
  'rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

/** The compare view (DESIGN.md §1.4): the working set's scenarios side by side against a chosen baseline. */
export function CompareView() {
  const router = useRouter();
  const scenarios = useScenarioStore((s) => s.scenarios);
  const baselineIndex = useScenarioStore((s) => Math.min(s.baseline, s.scenarios.length - 1));
  const setBaseline = useScenarioStore((s) => s.setBaseline);
  const setActive = useScenarioStore((s) => s.setActive);
  const duplicateScenario = useScenarioStore((s) => s.duplicateScenario);
  const active = useScenarioStore((s) => s.active);
  const opened = useShareState((s) => s.opened);

  const evaluations = scenarios.map((scenario) => displayedEvaluation(scenario));
  const results: (Result | null)[] = evaluations.map((e) => e.result);
  const names = scenarios.map((s, i) => scenarioLabel(s, i));
  const baseline = results[baselineIndex] ?? null;
  const baselineName = names[baselineIndex] ?? 'Baseline';

  const edit = (index: number) => {
    setActive(index);
    router.push('/');
  };

  return (
    <div className="mx-auto max-w-[1400px] px-4 pb-16 pt-4">
      <WorkspaceBar />
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900 dark:text-slate-50">Compare scenarios</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-300">
        Up to {MAX_SCENARIOS} scenarios side by side. Duplicate a scenario, change its routing or traffic in the{' '}
        <Link href="/" className="text-blue-700 underline dark:text-blue-300">
          simulator
        </Link>
        , and see what it changes against the baseline.
      </p>

      {!opened ? (
        <OpeningPlaceholder />
      ) : scenarios.length < 2 ? (
        <div className="mt-6 rounded-xl border border-dashed border-slate-300 p-6 text-sm text-slate-700 dark:border-slate-700 dark:text-slate-300">
          <p>There is one scenario. Duplicate it, edit the copy, and the differences appear here.</p>
          <button type="button" className={`${cellButton} mt-3 px-3 py-1.5 text-sm`} onClick={() => duplicateScenario(active)}>
            Duplicate “{names[active]}”
          </button>
        </div>
      ) : (
        <>
          <div className="mt-4 flex flex-wrap items-end gap-3">
            <label className="text-sm font-medium text-slate-700 dark:text-slate-200">
              Baseline
              <select
                value={baselineIndex}
                onChange={(event) => setBaseline(Number(event.target.value))}
                className="ml-2 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
              >
                {names.map((name, i) => (
                  <option key={i} value={i}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <p className="text-xs text-slate-500 dark:text-slate-400">Deltas are each scenario minus the baseline over its own horizon.</p>
          </div>

          <div className="mt-4 overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900/60">
            <table className="w-full min-w-[560px] border-collapse text-sm">
              <caption className="sr-only">Headline figures of each scenario with the difference from the baseline</caption>
              <thead>
                <tr className="border-b border-slate-200 dark:border-slate-800">
                  <th scope="col" className="sticky left-0 bg-white px-3 py-2 text-left font-medium text-slate-600 dark:bg-slate-900 dark:text-slate-300">
                    Figure
                  </th>
                  {names.map((name, i) => (
                    <th key={i} scope="col" className="px-3 py-2 text-right align-bottom font-semibold text-slate-900 dark:text-white">
                      <span className="block">{name}</span>
                      <span className="mt-1 flex items-center justify-end gap-2 text-xs font-normal text-slate-500 dark:text-slate-400">
                        {i === baselineIndex ? <span>baseline</span> : null}
                        {evaluations[i]?.status === 'invalid' ? <span className="text-amber-700 dark:text-amber-300">inputs invalid, last valid figures</span> : null}
                        <button type="button" className={cellButton} aria-label={`Edit ${name}`} onClick={() => edit(i)}>
                          Edit
                        </button>
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {COMPARE_METRICS.map((metric) => (
                  <tr key={metric.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800/70">
                    <th scope="row" className="sticky left-0 bg-white px-3 py-2 text-left font-normal text-slate-700 dark:bg-slate-900 dark:text-slate-200">
                      {metric.label}
                    </th>
                    {results.map((result, i) => {
                      if (!result) {
                        return (
                          <td key={i} className="px-3 py-2 text-right text-slate-500 dark:text-slate-400">
                            —
                          </td>
                        );
                      }
                      const delta = baseline && i !== baselineIndex ? metricDelta(metric, result, baseline) : null;
                      return (
                        <td key={i} className="tabular px-3 py-2 text-right" data-metric={metric.id} data-scenario={i}>
                          <span className="font-medium text-slate-900 dark:text-white">{formatMetric(metric.unit, delta?.value ?? finiteOrNull(metric.value(result)))}</span>
                          {delta && delta.verdict !== null ? (
                            <span
                              className={`block text-xs ${
                                delta.verdict === 'better' ? 'text-emerald-700 dark:text-emerald-300' : delta.verdict === 'worse' ? 'text-red-700 dark:text-red-300' : 'text-slate-500 dark:text-slate-400'
                              }`}
                            >
                              {delta.verdict === 'same' ? 'same' : `${formatMetricDelta(metric.unit, delta.absolute)} ${formatRelative(delta.relative)}`.trim()}
                              {delta.verdict === 'same' ? '' : ` · ${delta.verdict}`}
                            </span>
                          ) : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <div className="mt-6">
            <CumulativeCompareChart rows={cumulativeRows(results)} names={names} />
          </div>

          {baseline ? (
            <div className="mt-6 space-y-6">
              <h2 className="text-lg font-semibold text-slate-900 dark:text-white">What makes each scenario cheaper or dearer than {baselineName}</h2>
              {results.map((result, i) => {
                if (i === baselineIndex || !result) return null;
                const deltas = significantDeltas(componentDeltas(result, baseline));
                const name = names[i] ?? `Scenario ${i + 1}`;
                return (
                  <section key={i} aria-labelledby={`why-${i}`} className="grid grid-cols-1 gap-4 xl:grid-cols-2">
                    <WhyCheaper headingId={`why-${i}`} name={name} baselineName={baselineName} deltas={deltas} tcoDelta={result.total.tco - baseline.total.tco} />
                    <ComponentDeltaChart id={`compare-components-${i}`} deltas={deltas} name={name} baselineName={baselineName} />
                  </section>
                );
              })}
            </div>
          ) : (
            <p className="mt-6 text-sm text-slate-600 dark:text-slate-300">The baseline has no figures yet: fix its inputs in the simulator.</p>
          )}
        </>
      )}
    </div>
  );
}

function finiteOrNull(value: number | null): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
