'use client';

import { useMemo, type ReactNode } from 'react';
import { deterministicCharts, monthlyTcoChartRows } from '@/lib/charts/results-data';
import type { EngineInput, Result } from '@/lib/engine/types';
import type { Scenario } from '@/lib/scenario/schema';
import { figuresUsed } from './figures-used';
import { reportFindings } from './findings';
import { reportTable } from './monthly-table-rows';
import { catalogNames } from './names';
import { ModelAssumptions, RoutingAssumptions, WorkloadAssumptions } from './report-assumptions';
import { CumulativeTcoReportChart, LatencyReportChart, MonthlyTcoReportChart, REPORT_HALF_CHART_WIDTH } from './report-charts';
import { ReportFigures } from './report-figures';
import { ReportMonthlyTable } from './report-monthly-table';
import { ReportFindings, ReportHeadline } from './report-summary';
import type { ReportMonteCarlo } from './use-report-monte-carlo';
import styles from './report.module.css';

const names = catalogNames();

function Section({ id, title, children, className = '' }: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={`${id}-title`} className={`mt-7 print:mt-5 ${className}`}>
      <h2 id={`${id}-title`} className="mb-2.5 border-b border-slate-200 pb-1 text-[14px] font-semibold tracking-tight text-slate-900 break-after-avoid dark:border-slate-700 dark:text-slate-50">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Subsection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="break-inside-avoid">
      <h3 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</h3>
      {children}
    </div>
  );
}

export interface ReportDocumentProps {
  scenario: Scenario;
  input: EngineInput;
  result: Result;
  monteCarlo: ReportMonteCarlo;
  /** The absolute simulator link with the same fragment. */
  simulatorLink: string;
  /** Where the scenario came from, for the header line. */
  from: 'link' | 'autosave';
  generatedAt: string;
}

/** The printable stakeholder report of one scenario: what it costs, how reliable and fast it is, and on what figures. */
export function ReportDocument({ scenario, input, result, monteCarlo, simulatorLink, from, generatedAt }: ReportDocumentProps) {
  const mc = monteCarlo.status === 'ready' && monteCarlo.result.monthly.length === result.months.length ? monteCarlo.result : null;
  const charts = useMemo(() => deterministicCharts(input, result), [input, result]);
  const monthlyRows = useMemo(() => monthlyTcoChartRows(result, mc), [result, mc]);
  const table = useMemo(() => reportTable(result, mc), [result, mc]);
  const findings = useMemo(() => reportFindings(input, result, mc, names), [input, result, mc]);
  const figures = useMemo(() => figuresUsed(scenario, input), [scenario, input]);
  const months = result.months.length;
  const title = scenario.name?.trim() || 'Untitled scenario';
  const linkText = simulatorLink.length > 72 ? `${simulatorLink.slice(0, 60)}…` : simulatorLink;

  return (
    <article
      aria-labelledby="report-title"
      data-report-ready="true"
      className={`${styles.paper} mx-auto w-full max-w-[820px] rounded-sm bg-white px-5 py-8 text-slate-900 shadow-[0_1px_3px_rgba(15,23,42,0.12),0_12px_32px_-12px_rgba(15,23,42,0.25)] sm:px-12 sm:py-11 dark:bg-slate-900 dark:text-slate-100 dark:shadow-none dark:ring-1 dark:ring-slate-800 print:max-w-none print:rounded-none print:p-0 print:shadow-none`}
    >
      <header className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2 border-b-2 border-slate-900 pb-3 dark:border-slate-200">
        <div className="min-w-0">
          <p className="text-[11px] font-semibold uppercase tracking-[0.14em] text-blue-800 dark:text-blue-300">RouteCost · Scenario report</p>
          <h1 id="report-title" className="mt-1 text-[24px] font-semibold leading-tight tracking-tight [overflow-wrap:anywhere]">
            {title}
          </h1>
          <p className="mt-1 text-[12px] text-slate-600 dark:text-slate-300">
            {months}-month projection of cost, availability, rate limits and latency · {input.routing.chains.map((chain) => chain.models.map(names.model).join(' → ')).join(' | ')}
          </p>
        </div>
        <p className="text-[11px] leading-snug text-slate-500 sm:text-right dark:text-slate-400 print:text-right">
          Generated {generatedAt}
          <br />
          {from === 'link' ? 'from a scenario link' : 'from the scenario autosaved in this browser'}
        </p>
      </header>

      <Section id="report-summary" title="Summary" className="mt-5">
        <ReportHeadline figures={charts.figures} monteCarlo={monteCarlo} months={months} />
        <div className="mt-4">
          <ReportFindings findings={findings} />
        </div>
      </Section>

      <Section id="report-charts" title="Cost and latency">
        <MonthlyTcoReportChart rows={monthlyRows} />
        <div className="mt-5 grid gap-5 sm:grid-cols-2 print:grid-cols-2">
          <CumulativeTcoReportChart rows={charts.cumulativeTco} width={REPORT_HALF_CHART_WIDTH} />
          {charts.latency ? (
            <LatencyReportChart data={charts.latency} width={REPORT_HALF_CHART_WIDTH} />
          ) : (
            <p className="self-center text-[12px] text-slate-600 dark:text-slate-300">No request succeeds in this scenario, so there is no latency to plot.</p>
          )}
        </div>
      </Section>

      <Section id="report-monthly" title="Month by month">
        <ReportMonthlyTable table={table} />
      </Section>

      <Section id="report-assumptions" title="Assumptions">
        <div className="grid gap-x-8 gap-y-4 md:grid-cols-2 print:grid-cols-2">
          <Subsection title="Workload">
            <WorkloadAssumptions input={input} />
          </Subsection>
          <div className="space-y-4">
            <Subsection title="Routing">
              <RoutingAssumptions input={input} modelName={names.model} />
            </Subsection>
            <Subsection title="Horizon and targets">
              <ModelAssumptions input={input} />
            </Subsection>
          </div>
        </div>
      </Section>

      <Section id="report-figures" title="Prices and figures used">
        <p className="mb-1 text-[11px] leading-snug text-slate-500 dark:text-slate-400">
          The figures the simulation ran with, from the RouteCost catalog unless marked as a scenario override or input.
          † Not confirmed on a primary source (a secondary page or a planning estimate); the catalog says why.
        </p>
        <ReportFigures groups={figures} />
      </Section>

      <footer className="mt-8 border-t border-slate-200 pt-3 text-[11px] leading-relaxed text-slate-500 break-inside-avoid dark:border-slate-700 dark:text-slate-400 print:mt-6">
        <p>
          Open this scenario in the simulator:{' '}
          <a href={simulatorLink} className="font-medium text-blue-800 underline underline-offset-2 [overflow-wrap:anywhere] dark:text-blue-300">
            {linkText}
          </a>
        </p>
        <p>
          Generated {generatedAt} by RouteCost. Every formula is on the methodology page; figures change as providers
          publish new prices and limits.
        </p>
      </footer>
    </article>
  );
}
