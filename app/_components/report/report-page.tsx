'use client';

import { useMemo, useState } from 'react';
// The report opens links and autosaves, never only a preset: it validates with the store's validator from the start.
import '@/lib/store/scenario-validator';
import { evaluateScenario } from '@/lib/store/selectors';
import { ReportDocument } from './report-document';
import { ReportLinkProblem, ReportMessage } from './report-messages';
import { useReportMonteCarlo } from './use-report-monte-carlo';
import { useReportSource, type ReportSource } from './use-report-source';

const toolbarButton =
  'inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';
const primaryButton =
  'inline-flex items-center gap-1.5 rounded-md bg-blue-700 px-3.5 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-blue-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50';

/** "3 December 2026, 09:14 UTC": the moment the report was opened, in UTC so every reader sees the same text. */
function generationDate(): string {
  const now = new Date();
  const date = now.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const time = now.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${date}, ${time} UTC`;
}

function simulatorLinkOf(fragment: string): string {
  return `${window.location.origin}/#${fragment}`;
}

/** /report: the stakeholder report of the scenario in the link fragment (or the autosave), ready to print. */
export function ReportPage() {
  const source = useReportSource();
  return (
    <div className="min-h-[calc(100vh-3.5rem)] bg-slate-100 px-3 pb-16 pt-4 sm:px-6 dark:bg-[#070a10] print:min-h-0 print:bg-white print:p-0">
      <ReportContent source={source} />
    </div>
  );
}

function ReportContent({ source }: { source: ReportSource }) {
  switch (source.status) {
    case 'loading':
      return <ReportMessage tone="status" title="Opening the report…" />;
    case 'none':
      return <ReportMessage tone="info" title="There is no scenario to report on yet" text={`${source.reason} Open the simulator, pick a preset or build a scenario, then choose “Print report”.`} />;
    case 'link-error':
      return <ReportLinkProblem error={source.error} rawLink={source.rawLink} />;
    case 'ok':
      return <WorkingSetReport key={source.fragment} source={source} />;
  }
}

function WorkingSetReport({ source }: { source: Extract<ReportSource, { status: 'ok' }> }) {
  const { scenarios, active } = source.workingSet;
  const [index, setIndex] = useState(active);
  const [generatedAt] = useState(generationDate);
  const scenario = scenarios[index] ?? scenarios[0]!;
  const evaluation = evaluateScenario(scenario);
  const monteCarlo = useReportMonteCarlo(evaluation.input);
  const simulatorLink = useMemo(() => simulatorLinkOf(source.fragment), [source.fragment]);

  return (
    <>
      <div className="mx-auto mb-4 flex w-full max-w-[820px] flex-wrap items-center justify-between gap-2 print:hidden">
        <a href={simulatorLink} className={toolbarButton}>
          <span aria-hidden="true">←</span> Back to the simulator
        </a>
        <div className="flex flex-wrap items-center gap-2">
          {scenarios.length > 1 ? (
            <label className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-200">
              Scenario
              <select
                value={index}
                onChange={(event) => setIndex(Number(event.target.value))}
                className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-800"
              >
                {scenarios.map((s, i) => (
                  <option key={i} value={i}>
                    {s.name?.trim() || `Scenario ${i + 1}`}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="button" className={primaryButton} onClick={() => window.print()} disabled={evaluation.status !== 'ok'}>
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
              <path d="M5 2h10v5H5zM3 8h14a2 2 0 0 1 2 2v5h-4v3H5v-3H1v-5a2 2 0 0 1 2-2zm4 6v2h6v-2z" />
            </svg>
            Print
          </button>
        </div>
      </div>
      {source.migratedFrom !== undefined ? (
        <p role="status" className="mx-auto mb-3 max-w-[820px] rounded-lg border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900 dark:border-blue-800 dark:bg-blue-950/40 dark:text-blue-100 print:hidden">
          This link was made with scenario schema v{source.migratedFrom}; the report shows it updated to the current version.
        </p>
      ) : null}
      {evaluation.status === 'ok' && evaluation.input && evaluation.result ? (
        <ReportDocument
          scenario={scenario}
          input={evaluation.input}
          result={evaluation.result}
          monteCarlo={monteCarlo}
          simulatorLink={simulatorLink}
          from={source.from}
          generatedAt={generatedAt}
        />
      ) : (
        <ReportMessage
          tone="error"
          title="This scenario cannot be simulated"
          text="Fix these inputs in the simulator, then print the report again."
          issues={evaluation.errors.map((error) => `${error.path}: ${error.message}`)}
          simulatorLink={simulatorLink}
        />
      )}
    </>
  );
}
