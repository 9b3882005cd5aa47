import { latencyCdf } from '@/lib/engine/latency-cdf';
import type { EngineInput, MonteCarloResult, Result } from '@/lib/engine/types';
import { chainAvailabilityRows, type ChainAvailabilityRow } from './availability';
import { headlineFigures, type HeadlineFigure } from './headline-figures';
import { latencyChartData, type LatencyChartData } from './latency';
import { logTicks } from './log-ticks';
import {
  costPerThousandRows,
  cumulativeTcoRows,
  monthlyTcoRows,
  type CostPerThousandRow,
  type CumulativeTcoRow,
  type MonthlyTcoRow,
} from './monthly-tco';
import { primaryHeadroom, ratePressure, type PrimaryHeadroom, type RatePressure } from './rate-limits';
import { tokenLengthRows, tokenLengthSummary, type TokenLengthRow, type TokenLengthSummary } from './token-lengths';

/** Everything the results column plots that depends only on the deterministic input and Result. */
export interface DeterministicCharts {
  figures: HeadlineFigure[];
  cumulativeTco: CumulativeTcoRow[];
  costPerThousand: CostPerThousandRow[];
  latency: LatencyChartData | null;
  availability: ChainAvailabilityRow[];
  ratePressure: RatePressure;
  headroom: PrimaryHeadroom[];
  tokenLengths: { rows: TokenLengthRow[]; ticks: number[]; input: TokenLengthSummary; output: TokenLengthSummary };
}

/** All deterministic chart data of one evaluation (the latency CDF re-walks the months, so memoise by input). */
export function deterministicCharts(input: EngineInput, result: Result): DeterministicCharts {
  const { workload } = input;
  const tokenRows = tokenLengthRows(workload.inputTokens, workload.outputTokens);
  return {
    figures: headlineFigures(input, result),
    cumulativeTco: cumulativeTcoRows(result),
    costPerThousand: costPerThousandRows(result),
    latency: latencyChartData(latencyCdf(input), input.latencyTarget.ms),
    availability: chainAvailabilityRows(input),
    ratePressure: ratePressure(input, result),
    headroom: primaryHeadroom(input, result),
    tokenLengths: {
      rows: tokenRows,
      ticks: logTicks(tokenRows[0]?.tokens ?? 0, tokenRows.at(-1)?.tokens ?? 0, 7),
      input: tokenLengthSummary(workload.inputTokens),
      output: tokenLengthSummary(workload.outputTokens),
    },
  };
}

/** The monthly TCO rows, with the Monte Carlo band when a result for the same horizon is at hand. */
export function monthlyTcoChartRows(result: Result, monteCarlo: MonteCarloResult | null): MonthlyTcoRow[] {
  return monthlyTcoRows(result, monteCarlo);
}
