'use client';

import { useId } from 'react';
import { setTokenDistribution } from '@/lib/scenario/edit';
import { formatCount, formatPercent } from '@/lib/format/number';
import { previewAreaPath, tokenPreview } from '@/lib/store/token-preview';
import { NumberField } from '../ui/number-field';
import { useEditor } from './use-editor';

const PREVIEW_WIDTH = 160;
const PREVIEW_HEIGHT = 36;

/** Median, p95 and (output) cap of a token length, with a live sketch of the capped lognormal (MODEL.md §3.2). */
export function TokenDistributionField({ kind }: { kind: 'inputTokens' | 'outputTokens' }) {
  const { scenario, edit, errorFor } = useEditor();
  const legendId = useId();
  const distribution = scenario.workload[kind];
  const base = `workload.${kind}`;
  const isOutput = kind === 'outputTokens';
  const noun = isOutput ? 'Output' : 'Input';
  const preview = tokenPreview(distribution.median, distribution.p95, distribution.cap);
  const previewLabel = preview
    ? `${noun} length: mean ${formatCount(preview.mean)} tokens` +
      (preview.capShare > 0 ? `, ${formatPercent(preview.capShare)} of requests hit the cap` : '')
    : `${noun} length: no preview until the figures are valid`;

  return (
    <fieldset aria-labelledby={legendId} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700/80">
      <legend id={legendId} className="px-1 text-xs font-semibold text-slate-800 dark:text-slate-200">
        {noun} tokens per request
      </legend>
      <div className={`grid gap-3 ${isOutput ? 'grid-cols-3' : 'grid-cols-2'}`}>
        <NumberField
          label="Median"
          unit="tok"
          help={`Typical ${noun.toLowerCase()} length: half of the requests are shorter. Lengths follow a lognormal fitted to median and p95.`}
          value={distribution.median}
          onChange={(v) => edit((s) => setTokenDistribution(s, kind, { median: v ?? undefined }))}
          error={errorFor(`${base}.median`)}
          step={50}
        />
        <NumberField
          label="p95"
          unit="tok"
          help={`95 % of requests have at most this many ${noun.toLowerCase()} tokens; sets the tail. Must be at least the median (equal = every request the same).`}
          value={distribution.p95}
          onChange={(v) => edit((s) => setTokenDistribution(s, kind, { p95: v ?? undefined }))}
          error={errorFor(`${base}.p95`)}
          step={50}
        />
        {isOutput ? (
          <NumberField
            label="Cap"
            unit="tok"
            empty="unlimited"
            placeholder="none"
            help="max_tokens: longer answers are cut here (billed up to the cap). Leave empty for no cap."
            value={distribution.cap}
            onChange={(v) => edit((s) => setTokenDistribution(s, kind, { cap: v ?? undefined }))}
            error={errorFor(`${base}.cap`)}
            step={256}
          />
        ) : null}
      </div>
      <figure className="mt-2 flex items-center gap-3" aria-label={previewLabel}>
        <svg
          aria-hidden="true"
          width={PREVIEW_WIDTH}
          height={PREVIEW_HEIGHT}
          viewBox={`0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}`}
          className="shrink-0 overflow-visible text-blue-600 dark:text-blue-400"
        >
          <line x1="0" x2={PREVIEW_WIDTH} y1={PREVIEW_HEIGHT} y2={PREVIEW_HEIGHT} className="stroke-slate-300 dark:stroke-slate-600" />
          {preview ? (
            <>
              <path d={previewAreaPath(preview, PREVIEW_WIDTH, PREVIEW_HEIGHT)} fill="currentColor" fillOpacity={0.25} stroke="currentColor" strokeWidth={1} />
              {preview.cap !== null && preview.cap <= preview.maxTokens ? (
                <line x1={PREVIEW_WIDTH} x2={PREVIEW_WIDTH} y1={0} y2={PREVIEW_HEIGHT} stroke="currentColor" strokeWidth={2} strokeDasharray="2 2" />
              ) : null}
            </>
          ) : null}
        </svg>
        <figcaption className="tabular text-xs leading-snug text-slate-600 dark:text-slate-400">
          {preview ? (
            <>
              mean {formatCount(preview.mean)} tok · 0–{formatCount(preview.maxTokens)}
              {preview.capShare > 0 ? <> · {formatPercent(preview.capShare)} capped</> : null}
            </>
          ) : (
            'Fix the figures to see the distribution'
          )}
        </figcaption>
      </figure>
    </fieldset>
  );
}
