import type { LatencyCdf, LatencyCdfPoint } from '@/lib/engine/latency-cdf';
import { logTicks } from './log-ticks';

export interface LatencyChartData {
  firstToken: LatencyCdfPoint[];
  fullResponse: LatencyCdfPoint[];
  /** [min, max] of the plotted times, ms (a log axis needs min > 0). */
  domain: [number, number];
  /** Readable log-axis ticks inside the domain. */
  ticks: number[];
  targetMs: number;
  /** Whether the target line falls inside the plotted range (otherwise the caption says where it is). */
  targetInRange: boolean;
}

/** A target this far outside the data (on the log axis) is not drawn: it would squash the curves. */
const TARGET_REACH = 20;

/**
 * Plot data for the latency CDF chart: both curves on one log time axis that also shows the target when it is within
 * reach. Curves are extended flat to both ends of the axis (share 0 before their first point, their last share
 * after), so a reader never mistakes the end of a line for a drop.
 */
export function latencyChartData(cdf: LatencyCdf, targetMs: number): LatencyChartData | null {
  const clean = (curve: LatencyCdfPoint[]) => curve.filter((p) => Number.isFinite(p.ms) && Number.isFinite(p.share) && p.ms > 0);
  const firstToken = clean(cdf.firstToken);
  const fullResponse = clean(cdf.fullResponse);
  const all = [...firstToken, ...fullResponse];
  if (all.length === 0) return null;
  const dataMin = Math.min(...all.map((p) => p.ms));
  const dataMax = Math.max(...all.map((p) => p.ms));
  const targetInRange = targetMs > 0 && targetMs >= dataMin / TARGET_REACH && targetMs <= dataMax * TARGET_REACH;
  const min = targetInRange ? Math.min(dataMin, targetMs / 1.25) : dataMin;
  const max = targetInRange ? Math.max(dataMax, targetMs * 1.25) : dataMax;
  const extend = (curve: LatencyCdfPoint[]): LatencyCdfPoint[] => {
    const first = curve[0];
    const last = curve.at(-1);
    if (!first || !last) return curve;
    return [
      ...(first.ms > min ? [{ ms: min, share: 0 }] : []),
      ...curve,
      ...(last.ms < max ? [{ ms: max, share: last.share }] : []),
    ];
  };
  return {
    firstToken: extend(firstToken),
    fullResponse: extend(fullResponse),
    domain: [min, max],
    ticks: logTicks(min, max, 7),
    targetMs,
    targetInRange,
  };
}

/** Share of a step curve at t: the last point at or before t (the curve jumps at each point). */
function stepShareAt(curve: readonly LatencyCdfPoint[], ms: number): number {
  let share = 0;
  for (const point of curve) {
    if (point.ms > ms) break;
    share = point.share;
  }
  return share;
}

/** Share of a curve drawn straight between points on the log axis, at t (as the chart draws it). */
function logLinearShareAt(curve: readonly LatencyCdfPoint[], ms: number): number {
  const after = curve.findIndex((point) => point.ms >= ms);
  if (after < 0) return curve.at(-1)?.share ?? 0;
  const hi = curve[after]!;
  const lo = curve[after - 1];
  if (!lo || hi.ms === ms) return after === 0 && hi.ms > ms ? 0 : hi.share;
  const fraction = Math.log(ms / lo.ms) / Math.log(hi.ms / lo.ms);
  return lo.share + fraction * (hi.share - lo.share);
}

export interface LatencyTableRow {
  ms: number;
  /** Share of successful requests with the first token within ms. */
  firstToken: number;
  /** Share of successful requests with the full response within ms. */
  fullResponse: number;
  isTarget: boolean;
}

/**
 * The curves read at the axis ticks and at the target, for the chart's "Show the numbers" table: the first-token
 * curve is a step function (exact), the full-response curve is read the way it is drawn (straight on the log axis).
 */
export function latencyTableRows(data: LatencyChartData): LatencyTableRow[] {
  const times = new Set(data.ticks);
  if (data.targetInRange) times.add(data.targetMs);
  return [...times]
    .sort((a, b) => a - b)
    .map((ms) => ({
      ms,
      firstToken: stepShareAt(data.firstToken, ms),
      fullResponse: logLinearShareAt(data.fullResponse, ms),
      isTarget: data.targetInRange && ms === data.targetMs,
    }));
}
