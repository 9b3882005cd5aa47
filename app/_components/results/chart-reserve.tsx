/**
 * Heights reserved for the charts before they exist (measured at 1280 × 800 with the default preset, rounded down so
 * that a chart never shrinks the column when it arrives): the headline figures render first and the charts' chunk
 * loads after them, without moving anything on screen (docs/decisions/007).
 */
export const CHART_RESERVE = {
  monthlyTco: 440,
  cumulativeTco: 400,
  costPerRequest: 400,
  latency: 440,
  availability: 370,
  rateLimits: 500,
  tokenLengths: 420,
} as const;

/** The charts' sections as they will be laid out, empty, while their chunk loads. */
export function ChartsPlaceholder() {
  const box = (height: number) => (
    <div aria-hidden="true" className="rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900/60" style={{ minHeight: height }} />
  );
  return (
    <div className="space-y-6">
      <section aria-labelledby="charts-cost-title" className="space-y-4">
        <h2 id="charts-cost-title" className="text-base font-semibold">Cost over time</h2>
        {box(CHART_RESERVE.monthlyTco)}
        <div className="grid gap-4 2xl:grid-cols-2">
          {box(CHART_RESERVE.cumulativeTco)}
          {box(CHART_RESERVE.costPerRequest)}
        </div>
      </section>
      <section aria-labelledby="charts-service-title" className="space-y-4">
        <h2 id="charts-service-title" className="text-base font-semibold">Latency, availability and rate limits</h2>
        {box(CHART_RESERVE.latency)}
        {box(CHART_RESERVE.availability)}
        {box(CHART_RESERVE.rateLimits)}
        {box(CHART_RESERVE.tokenLengths)}
      </section>
    </div>
  );
}
