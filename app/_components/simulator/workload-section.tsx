'use client';

import { WORKLOAD_DEFAULTS } from '@/lib/scenario/defaults';
import { setWorkload } from '@/lib/scenario/edit';
import { NumberField } from '../ui/number-field';
import { Section } from '../ui/card';
import { TokenDistributionField } from './token-distribution-field';
import { useEditor } from './use-editor';

export function WorkloadSection() {
  const { scenario, edit, errorFor } = useEditor();
  const w = scenario.workload;
  return (
    <Section id="workload" title="Workload" description="Traffic and request sizes in month 1; growth compounds monthly.">
      <div className="grid grid-cols-2 gap-3">
        <NumberField
          id="requests-per-day"
          label="Requests per day"
          unit="req/day"
          help="Average requests per day in the first month, realtime and batch together."
          value={w.requestsPerDay}
          onChange={(v) => edit((s) => setWorkload(s, { requestsPerDay: v ?? undefined }))}
          error={errorFor('workload.requestsPerDay')}
          step={1000}
        />
        <NumberField
          label="Monthly growth"
          unit="%/mo"
          empty="default"
          placeholder={String(WORKLOAD_DEFAULTS.monthlyGrowthPct)}
          help="Compound growth of daily requests per month (negative for decline). Empty = 0 %."
          value={w.monthlyGrowthPct}
          onChange={(v) => edit((s) => setWorkload(s, { monthlyGrowthPct: v ?? undefined }))}
          error={errorFor('workload.monthlyGrowthPct')}
          step={1}
        />
        <NumberField
          label="Peak to average"
          unit="× avg"
          empty="default"
          placeholder="1"
          help="Traffic rate during the busy hours divided by the daily average (1 = flat). Peak × peak hours must be ≤ 24."
          value={w.peakToAvg}
          onChange={(v) => edit((s) => setWorkload(s, { peakToAvg: v ?? undefined }))}
          error={errorFor('workload.peakToAvg')}
          step={0.5}
        />
        <NumberField
          label="Peak hours"
          unit="h/day"
          empty="default"
          placeholder={String(WORKLOAD_DEFAULTS.peakHoursPerDay)}
          help="How many hours a day run at the peak rate; rate limits and concurrency are checked at the peak."
          value={w.peakHoursPerDay}
          onChange={(v) => edit((s) => setWorkload(s, { peakHoursPerDay: v ?? undefined }))}
          error={errorFor('workload.peakHoursPerDay')}
          step={1}
        />
        <NumberField
          label="Burstiness"
          unit="var/mean"
          empty="default"
          placeholder="1"
          help="Arrival dispersion: variance ÷ mean of requests per rate-limit window. 1 = Poisson (smooth); real chat traffic is often 3-20, which raises 429s."
          value={w.arrivalDispersion}
          onChange={(v) => edit((s) => setWorkload(s, { arrivalDispersion: v ?? undefined }))}
          error={errorFor('workload.arrivalDispersion')}
          step={1}
        />
        <div aria-hidden="true" />
        <NumberField
          label="Cached input"
          unit="%"
          scale={100}
          empty="default"
          placeholder="0"
          help="Share of input tokens billed at the cached-input (prompt cache hit) price."
          value={w.cachedShare}
          onChange={(v) => edit((s) => setWorkload(s, { cachedShare: v ?? undefined }))}
          error={errorFor('workload.cachedShare')}
          step={5}
        />
        <NumberField
          label="Batchable"
          unit="%"
          scale={100}
          empty="default"
          placeholder="0"
          help="Share of requests sent through the provider's Batch API at batch prices (no latency, rate limits or failover)."
          value={w.batchShare}
          onChange={(v) => edit((s) => setWorkload(s, { batchShare: v ?? undefined }))}
          error={errorFor('workload.batchShare')}
          step={5}
        />
      </div>
      <div className="mt-3 space-y-3">
        <TokenDistributionField kind="inputTokens" />
        <TokenDistributionField kind="outputTokens" />
      </div>
    </Section>
  );
}
