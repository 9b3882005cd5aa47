'use client';

import { setBackoff, setFailoverTrigger, setRouting } from '@/lib/scenario/edit';
import { FAILOVER_TRIGGERS, JITTER_MODES, ROUTING_DEFAULTS } from '@/lib/scenario/defaults';
import type { FailoverTrigger, Jitter } from '@/lib/scenario/schema';
import { Section } from '../ui/card';
import { InfoTip } from '../ui/info-tip';
import { NumberField } from '../ui/number-field';
import { SelectField } from '../ui/select-field';
import { ChainBuilder } from './chain-builder';
import { useEditor } from './use-editor';

const TRIGGER_LABELS: Record<FailoverTrigger, string> = { '429': '429 rate limited', '5xx': '5xx / outage', timeout: 'Timeout' };
const JITTER_LABELS: Record<Jitter, string> = {
  none: 'None',
  full: 'Full',
  equal: 'Equal',
  decorrelated: 'Decorrelated',
};

export function RoutingSection() {
  const { scenario, edit, errorFor } = useEditor();
  const routing = scenario.routing;
  const backoff = routing.backoff ?? {};
  const failoverOn = routing.failoverOn ?? [];
  return (
    <Section id="routing" title="Routing" description="Models are tried in order; a failure retries, then fails over to the next.">
      <ChainBuilder />
      <div className="mt-4 grid grid-cols-2 gap-3">
        <NumberField
          label="Retries per model"
          unit="retries"
          empty="default"
          placeholder={String(ROUTING_DEFAULTS.maxRetries)}
          help="Retries of a failed attempt at the same model before failing over (unless the failure type fails over at once)."
          value={routing.maxRetries}
          onChange={(v) => edit((s) => setRouting(s, { maxRetries: v ?? undefined }))}
          error={errorFor('routing.maxRetries')}
          step={1}
        />
        <NumberField
          label="Timeout per attempt"
          unit="ms"
          empty="unlimited"
          placeholder="none"
          help="The client gives up on an attempt after this long (billed for the tokens generated so far). Empty = no timeout."
          value={routing.timeoutMs}
          onChange={(v) => edit((s) => setRouting(s, { timeoutMs: v }))}
          error={errorFor('routing.timeoutMs')}
          step={1000}
        />
        <NumberField
          label="Backoff base"
          unit="ms"
          empty="default"
          placeholder={String(ROUTING_DEFAULTS.backoff.baseMs)}
          help="Delay before the first retry; each further retry multiplies it."
          value={backoff.baseMs}
          onChange={(v) => edit((s) => setBackoff(s, { baseMs: v ?? undefined }))}
          error={errorFor('routing.backoff.baseMs')}
          step={50}
        />
        <NumberField
          label="Backoff multiplier"
          unit="times"
          empty="default"
          placeholder={String(ROUTING_DEFAULTS.backoff.multiplier)}
          help="Each retry waits this many times longer than the previous one (1-10)."
          value={backoff.multiplier}
          onChange={(v) => edit((s) => setBackoff(s, { multiplier: v ?? undefined }))}
          error={errorFor('routing.backoff.multiplier')}
          step={0.5}
        />
        <NumberField
          label="Backoff cap"
          unit="ms"
          empty="unlimited"
          placeholder="none"
          help="Longest wait between retries. Empty = no cap."
          value={backoff.capMs}
          onChange={(v) => edit((s) => setBackoff(s, { capMs: v }))}
          error={errorFor('routing.backoff.capMs')}
          step={500}
        />
        <SelectField<Jitter>
          label="Jitter"
          help="Randomises retry delays so clients do not retry in lockstep (AWS, 'Exponential backoff and jitter'). Full: random 0…delay; equal: half the delay plus random; decorrelated: random up to 3× the previous delay. Latency uses the mean delay."
          value={backoff.jitter ?? ROUTING_DEFAULTS.backoff.jitter}
          options={JITTER_MODES.map((mode) => ({ value: mode, label: JITTER_LABELS[mode] }))}
          onChange={(jitter) => edit((s) => setBackoff(s, { jitter }))}
          error={errorFor('routing.backoff.jitter')}
        />
        <NumberField
          label="Failover delay"
          unit="ms"
          empty="default"
          placeholder="0"
          help="Extra time before each move to the next model (detection, client switch)."
          value={routing.failoverDelayMs}
          onChange={(v) => edit((s) => setRouting(s, { failoverDelayMs: v ?? undefined }))}
          error={errorFor('routing.failoverDelayMs')}
          step={50}
        />
      </div>
      <fieldset className="mt-4">
        <legend className="mb-1.5 flex items-center gap-1.5 text-xs font-medium text-slate-700 dark:text-slate-300">
          Fail over at once on
          <InfoTip label="Immediate failover">
            A failure of a ticked type moves to the next model without retrying; unticked types are retried first. Retrying a timeout on the same
            model usually times out again, so tick Timeout when you set one.
          </InfoTip>
        </legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1.5">
          {FAILOVER_TRIGGERS.map((trigger) => (
            <label key={trigger} className="inline-flex items-center gap-1.5 text-sm text-slate-800 dark:text-slate-200">
              <input
                type="checkbox"
                checked={failoverOn.includes(trigger)}
                onChange={(event) => edit((s) => setFailoverTrigger(s, trigger, event.target.checked))}
                className="h-4 w-4 accent-blue-700 dark:accent-blue-400"
              />
              {TRIGGER_LABELS[trigger]}
            </label>
          ))}
        </div>
        {errorFor('routing.failoverOn') ? <p className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">{errorFor('routing.failoverOn')}</p> : null}
      </fieldset>
    </Section>
  );
}
