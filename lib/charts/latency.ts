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
