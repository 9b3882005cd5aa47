import type { LatencyCdf, LatencyCdfPoint } from '@/lib/engine/latency-cdf';

export interface LatencyChartData {
  firstToken: LatencyCdfPoint[];
  fullResponse: LatencyCdfPoint[];
  /** [min, max] of the plotted times, ms (a log axis needs min > 0). */
  domain: [number, number];
  targetMs: number;
  /** Whether the target line falls inside the plotted range (otherwise the caption says where it is). */
  targetInRange: boolean;
}

/**
 * Plot data for the latency CDF chart: both curves on one time axis that also shows the target. Curves that stop
 * before the end of the axis are extended flat, so a reader never mistakes the end of a line for a drop.
 */
export function latencyChartData(cdf: LatencyCdf, targetMs: number): LatencyChartData | null {
  const all = [...cdf.firstToken, ...cdf.fullResponse].filter((p) => Number.isFinite(p.ms) && Number.isFinite(p.share));
  if (all.length === 0) return null;
  const min = Math.max(0.1, Math.min(...all.map((p) => p.ms)));
  const dataMax = Math.max(...all.map((p) => p.ms));
  const targetInRange = targetMs >= min && targetMs <= dataMax * 1.5;
  const max = targetInRange ? Math.max(dataMax, targetMs * 1.1) : dataMax;
  const extend = (curve: LatencyCdfPoint[]): LatencyCdfPoint[] => {
    const finite = curve.filter((p) => Number.isFinite(p.ms) && Number.isFinite(p.share) && p.ms >= min);
    const last = finite.at(-1);
    return last && last.ms < max ? [...finite, { ms: max, share: last.share }] : finite;
  };
  return {
    firstToken: extend(cdf.firstToken),
    fullResponse: extend(cdf.fullResponse),
    domain: [min, max],
    targetMs,
    targetInRange,
  };
}
