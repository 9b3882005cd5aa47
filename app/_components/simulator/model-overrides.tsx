'use client';

import { resetModelOverride, resetModelOverrides, setModelOverride } from '@/lib/scenario/edit';
import type { ModelSpec } from '@/lib/scenario/schema';
import type { ModelFacts } from '@/lib/store/model-facts';
import { NumberField } from '../ui/number-field';
import { useEditor } from './use-editor';

type NumericKey = Exclude<keyof ModelSpec, 'provider' | 'provisioned'>;

interface OverrideField {
  key: NumericKey;
  label: string;
  unit: string;
  help: string;
  scale?: number;
  /** null = ∞ allowed (limits) */
  unlimited?: boolean;
  /** Optional figure (ADR 011): what an empty field means and says. */
  optional?: { empty: 'unlimited' | 'default'; placeholder: string };
}

const FIELDS: readonly OverrideField[] = [
  { key: 'inputPer1M', label: 'Input price', unit: '$/1M', help: 'Realtime input price in USD per million tokens (your negotiated price, if any).' },
  { key: 'outputPer1M', label: 'Output price', unit: '$/1M', help: 'Realtime output price in USD per million tokens.' },
  { key: 'cachedInputPer1M', label: 'Cached input', unit: '$/1M', help: 'Price of input tokens read from the prompt cache.' },
  { key: 'batchInputPer1M', label: 'Batch input', unit: '$/1M', help: 'Batch API input price.' },
  { key: 'batchOutputPer1M', label: 'Batch output', unit: '$/1M', help: 'Batch API output price.' },
  { key: 'ttftMs', label: 'Time to first token', unit: 'ms', help: 'Typical (median) time until the first token arrives.' },
  {
    key: 'ttftP95Ms',
    label: 'TTFT p95',
    unit: 'ms',
    help: '95th percentile of the time to first token (at least the median). With it, TTFT is a lognormal and latency percentiles and the share over target include its spread; empty = always the median.',
    optional: { empty: 'unlimited', placeholder: 'same as median' },
  },
  {
    key: 'prefillTokensPerSec',
    label: 'Prompt processing',
    unit: 'tok/s',
    help: 'Input tokens the model reads per second before the first token: TTFT grows by 1,000 × mean input tokens ÷ this. Empty = TTFT does not depend on the prompt length.',
    optional: { empty: 'default', placeholder: 'not modelled' },
  },
  { key: 'tokensPerSec', label: 'Output speed', unit: 'tok/s', help: 'Output tokens per second once streaming starts.' },
  { key: 'rpm', label: 'Requests per minute', unit: 'RPM', help: 'Your account’s request limit; empty = no limit.', unlimited: true },
  { key: 'tpm', label: 'Tokens per minute', unit: 'TPM', help: 'Your account’s token limit (input + output); empty = no limit.', unlimited: true },
  { key: 'maxConcurrency', label: 'Max concurrency', unit: 'in flight', help: 'Provider-side cap on requests in flight; empty = no cap.', unlimited: true },
  { key: 'transientErrorRate', label: 'Transient errors', unit: '%', scale: 100, help: 'Share of attempts that fail with a 5xx outside outages.' },
];

/**
 * Per-scenario figures of one chain model (MODEL.md §3.0 catalog merge): for a catalog model each field overrides the
 * catalog value and is marked "overridden" with a reset; for a custom model the fields are its definition.
 */
export function ModelOverrides({ facts }: { facts: ModelFacts }) {
  const { edit, errorFor } = useEditor();
  const spec = facts.spec;
  if (!spec) return <p className="text-xs text-red-700 dark:text-red-400">This custom model is missing required figures (see Custom models).</p>;
  return (
    <div className="mt-2 space-y-2">
      <div className="grid grid-cols-2 gap-2.5">
        {FIELDS.map((field) => {
          const overridden = facts.overridden.includes(field.key);
          return (
            <NumberField
              key={field.key}
              label={field.label}
              unit={field.unit}
              help={field.help}
              scale={field.scale}
              empty={field.optional?.empty ?? (field.unlimited ? 'unlimited' : 'required')}
              placeholder={field.optional?.placeholder ?? (field.unlimited ? 'no limit' : undefined)}
              value={spec[field.key]}
              onChange={(v) => {
                if (v === undefined) {
                  if (field.optional?.empty === 'default') edit((s) => resetModelOverride(s, facts.id, field.key));
                  return;
                }
                if (v === null && !field.unlimited && field.optional?.empty !== 'unlimited') return;
                edit((s) => setModelOverride(s, facts.id, field.key, v as ModelSpec[typeof field.key]));
              }}
              error={errorFor(`models.${facts.id}.${field.key}`)}
              badge={
                overridden && !facts.custom ? (
                  <span className="ml-auto inline-flex items-center gap-1">
                    <span className="rounded bg-amber-100 px-1 py-px text-[10px] font-semibold uppercase tracking-wide text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
                      overridden
                    </span>
                    <button
                      type="button"
                      onClick={() => edit((s) => resetModelOverride(s, facts.id, field.key))}
                      className="text-[11px] font-medium text-blue-700 underline underline-offset-2 dark:text-blue-300"
                      aria-label={`Reset ${field.label} of ${facts.name} to the catalog value`}
                    >
                      reset
                    </button>
                  </span>
                ) : null
              }
            />
          );
        })}
      </div>
      {facts.overridden.length > 0 && !facts.custom ? (
        <button
          type="button"
          onClick={() => edit((s) => resetModelOverrides(s, facts.id))}
          className="text-xs font-medium text-blue-700 underline underline-offset-2 dark:text-blue-300"
        >
          Reset all {facts.name} figures to the catalog
        </button>
      ) : null}
    </div>
  );
}
