'use client';

import { setHorizonMonths, setLatencyTarget, setMonteCarlo, setOutageCorrelation } from '@/lib/scenario/edit';
import { SCENARIO_DEFAULTS } from '@/lib/scenario/defaults';
import { Section } from '../ui/card';
import { NumberField } from '../ui/number-field';
import { SelectField } from '../ui/select-field';
import { Toggle } from '../ui/toggle';
import { useEditor } from './use-editor';

type Measure = 'firstToken' | 'fullResponse';

export function HorizonSection() {
  const { scenario, edit, errorFor } = useEditor();
  const target = scenario.latencyTarget ?? {};
  const monteCarlo = scenario.monteCarlo;
  return (
    <Section id="horizon" title="Horizon, targets and uncertainty">
      <div className="grid grid-cols-2 gap-3">
        <NumberField
          label="Horizon"
          unit="months"
          empty="default"
          placeholder={String(SCENARIO_DEFAULTS.horizonMonths)}
          help="How many months to project (1-60)."
          value={scenario.horizonMonths}
          onChange={(v) => edit((s) => setHorizonMonths(s, v ?? undefined))}
          error={errorFor('horizonMonths')}
          step={1}
        />
        <NumberField
          label="Outage correlation"
          unit="ρ 0-1"
          empty="default"
          placeholder="0"
          help="How often providers fail together (shared cloud, DNS, a common upstream). 0 = independent; 1 = a fallback never helps beyond the best provider."
          value={scenario.outageCorrelation}
          onChange={(v) => edit((s) => setOutageCorrelation(s, v ?? undefined))}
          error={errorFor('outageCorrelation')}
          step={0.1}
        />
        <NumberField
          label="Latency target"
          unit="ms"
          empty="default"
          placeholder={String(SCENARIO_DEFAULTS.latencyTarget.ms)}
          help="The response time you promise; the results report the share of requests slower than this."
          value={target.ms}
          onChange={(v) => edit((s) => setLatencyTarget(s, { ms: v ?? undefined }))}
          error={errorFor('latencyTarget.ms')}
          step={100}
        />
        <SelectField<Measure>
          label="Measured at"
          help="First token: when the reply starts streaming (chat). Full response: when the last token arrives (short outputs, pipelines)."
          value={target.measure ?? SCENARIO_DEFAULTS.latencyTarget.measure}
          options={[
            { value: 'firstToken', label: 'First token' },
            { value: 'fullResponse', label: 'Full response' },
          ]}
          onChange={(measure) => edit((s) => setLatencyTarget(s, { measure }))}
          error={errorFor('latencyTarget.measure')}
        />
      </div>
      <div className="mt-4 space-y-3">
        <Toggle
          label="Monte Carlo uncertainty band"
          help="Samples daily volume, token-length drift and outage timelines to give p5-p95 of monthly cost. Runs after a short pause in typing."
          checked={monteCarlo !== undefined}
          onChange={(on) => edit((s) => setMonteCarlo(s, on ? { trials: 1000, seed: SCENARIO_DEFAULTS.monteCarlo.seed } : null))}
        />
        {monteCarlo ? (
          <div className="grid grid-cols-2 gap-3">
            <NumberField
              label="Trials"
              unit="runs"
              empty="default"
              placeholder={String(SCENARIO_DEFAULTS.monteCarlo.trials)}
              help="Number of simulated futures; more trials give a steadier band but take longer."
              value={monteCarlo.trials}
              onChange={(v) => edit((s) => setMonteCarlo(s, { trials: v ?? undefined }))}
              error={errorFor('monteCarlo.trials')}
              step={100}
            />
            <NumberField
              label="Seed"
              unit="int"
              empty="default"
              placeholder={String(SCENARIO_DEFAULTS.monteCarlo.seed)}
              help="Random seed: the same seed gives the same band, so a shared link shows the same numbers."
              value={monteCarlo.seed}
              onChange={(v) => edit((s) => setMonteCarlo(s, { seed: v ?? undefined }))}
              error={errorFor('monteCarlo.seed')}
              step={1}
            />
          </div>
        ) : null}
      </div>
    </Section>
  );
}
