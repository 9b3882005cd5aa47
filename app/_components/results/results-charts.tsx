'use client';

import { startTransition, useEffect, useMemo, useState } from 'react';
import { deterministicCharts, monthlyTcoChartRows } from '@/lib/charts/results-data';
import type { EngineInput, MonteCarloResult, Result } from '@/lib/engine/types';
import { AvailabilityChart } from '../charts/availability-chart';
import { CostPerRequestChart } from '../charts/cost-per-request-chart';
import { CumulativeTcoChart } from '../charts/cumulative-tco-chart';
import { LatencyCdfChart } from '../charts/latency-cdf-chart';
import { MonthlyTcoChart } from '../charts/monthly-tco-chart';
import { RateLimitChart } from '../charts/rate-limit-chart';
import { TokenLengthChart } from '../charts/token-length-chart';
import { ChartSlot } from './chart-slot';
import { CHART_RESERVE } from './chart-reserve';

/** Quiet time after the last change before the charts redraw (a burst of changes redraws them once). */
const CHARTS_PAUSE_MS = 50;
/**
 * While keys are pressed the charts wait this long after the last one: a number typed at any speed redraws them once,
 * and no chart render lands between two keystrokes. A click, a pasted value or a Monte Carlo band waits CHARTS_PAUSE_MS.
 */
const TYPING_PAUSE_MS = 300;

let lastKeyAt = Number.NEGATIVE_INFINITY;
if (typeof document !== 'undefined') {
  document.addEventListener('keydown', () => (lastKeyAt = performance.now()), { capture: true, passive: true });
}

/** Milliseconds until the charts may redraw. */
function chartsPause(): number {
  return Math.max(CHARTS_PAUSE_MS, lastKeyAt + TYPING_PAUSE_MS - performance.now());
}

/** What the charts need: one evaluation and its Monte Carlo view (see results-view.tsx). */
export interface ResultsChartsProps {
  input: EngineInput;
  result: Result;
  monteCarloStatus: 'idle' | 'updating' | 'refining' | 'ready';
  monteCarlo: MonteCarloResult | null;
}

/**
 * The seven charts of the results column, loaded after the headline figures (their own chunk, with recharts) and
 * updated one step behind them: a new evaluation reaches the charts in a transition once edits pause, after the
 * headline figures have been committed, so a keystroke never waits for chart data or SVG (docs/decisions/007).
 */
export function ResultsCharts(props: ResultsChartsProps) {
  // The charts follow the headline figures once edits pause (chartsPause), in a transition: typing a number
  // re-renders the inputs and the headline figures only, never the charts' data or SVG.
  const [current, setCurrent] = useState(props);
  useEffect(() => {
    if (current.input === props.input && current.result === props.result && current.monteCarlo === props.monteCarlo && current.monteCarloStatus === props.monteCarloStatus) return;
    let timer = 0;
    const redraw = () => {
      // A key pressed since (an arrow key, Tab) that did not change the scenario still means the user is typing.
      const wait = chartsPause();
      if (wait > CHARTS_PAUSE_MS) timer = window.setTimeout(redraw, wait);
      else startTransition(() => setCurrent(props));
    };
    timer = window.setTimeout(redraw, chartsPause());
    return () => window.clearTimeout(timer);
  }, [props, current]);
  const upToDate = current.input === props.input && current.result === props.result && current.monteCarlo === props.monteCarlo && current.monteCarloStatus === props.monteCarloStatus;
  const { input, result, monteCarlo, monteCarloStatus } = current;

  const charts = useMemo(() => deterministicCharts(input, result), [input, result]);
  const monthly = useMemo(
    () => ({
      rows: monthlyTcoChartRows(result, monteCarlo),
      // The chart knows idle / updating / ready; a first band still refining reads "updating".
      status: monteCarloStatus === 'refining' ? ('updating' as const) : monteCarloStatus,
      trials: monteCarlo?.trials ?? null,
    }),
    [result, monteCarlo, monteCarloStatus],
  );
  const monteCarloTotal = monteCarlo && monteCarlo.monthly.length === result.months.length ? monteCarlo.total : null;
  const cumulative = useMemo(() => ({ rows: charts.cumulativeTco, total: monteCarloTotal }), [charts, monteCarloTotal]);
  const latency = useMemo(() => ({ data: charts.latency, firstToken: result.total.firstToken, fullResponse: result.total.fullResponse }), [charts, result]);
  const availability = useMemo(() => ({ rows: charts.availability, correlation: input.outageCorrelation }), [charts, input]);

  return (
    <div className="space-y-6" data-charts-current={upToDate}>
      <section aria-labelledby="charts-cost-title" className="space-y-4">
        <h2 id="charts-cost-title" className="text-base font-semibold">Cost over time</h2>
        <ChartSlot
          label="monthly-tco"
          value={monthly}
          reserve={CHART_RESERVE.monthlyTco}
          render={(v) => <MonthlyTcoChart rows={v.rows} monteCarloStatus={v.status} trials={v.trials} />}
        />
        <div className="grid gap-4 2xl:grid-cols-2">
          <ChartSlot
            label="cumulative-tco"
            value={cumulative}
            reserve={CHART_RESERVE.cumulativeTco}
            render={(v) => <CumulativeTcoChart rows={v.rows} monteCarloTotal={v.total} />}
          />
          <ChartSlot label="cost-per-request" value={charts.costPerThousand} reserve={CHART_RESERVE.costPerRequest} render={(v) => <CostPerRequestChart rows={v} />} />
        </div>
      </section>
      <section aria-labelledby="charts-service-title" className="space-y-4">
        <h2 id="charts-service-title" className="text-base font-semibold">Latency, availability and rate limits</h2>
        <ChartSlot
          label="latency"
          value={latency}
          reserve={CHART_RESERVE.latency}
          render={(v) => <LatencyCdfChart data={v.data} firstToken={v.firstToken} fullResponse={v.fullResponse} />}
        />
        <ChartSlot
          label="availability"
          value={availability}
          reserve={CHART_RESERVE.availability}
          render={(v) => <AvailabilityChart rows={v.rows} correlation={v.correlation} />}
        />
        <ChartSlot
          label="rate-limits"
          value={charts}
          reserve={CHART_RESERVE.rateLimits}
          render={(v) => <RateLimitChart pressure={v.ratePressure} headroom={v.headroom} />}
        />
        <ChartSlot
          label="token-lengths"
          value={charts.tokenLengths}
          reserve={CHART_RESERVE.tokenLengths}
          render={(v) => <TokenLengthChart rows={v.rows} ticks={v.ticks} input={v.input} output={v.output} />}
        />
      </section>
    </div>
  );
}
