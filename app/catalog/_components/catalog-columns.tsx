import type { ReactNode } from 'react';
import { formatCompact, formatNumber, formatPct, formatUsdPer1M } from '@/lib/catalog/format';
import type { CatalogRow, SortKey } from '@/lib/catalog/table';
import { FigureValue } from './figure-value';

/** The catalog's figure columns, shared by the wide table and the per-model cards of a narrow screen. */
export interface Column {
  key: SortKey;
  label: string;
  /** Unit shown under the label. */
  unit?: string;
  numeric: boolean;
  cell: (row: CatalogRow, today: string | null) => ReactNode;
}

const dash = <span className="text-slate-400 dark:text-slate-500" aria-label="not offered">—</span>;

function TokenLimit({ row, today }: { row: CatalogRow; today: string | null }) {
  const { tpm, itpm, otpm, noFixedLimit } = row.rateTier;
  if (tpm) return <FigureValue figure={tpm} text={formatCompact(tpm.value)} today={today} />;
  if (itpm && otpm) {
    return (
      <span className="inline-flex flex-col items-end leading-tight">
        <FigureValue figure={itpm} text={`${formatCompact(itpm.value)} in`} today={today} />
        <FigureValue figure={otpm} text={`${formatCompact(otpm.value)} out`} today={today} />
      </span>
    );
  }
  if (noFixedLimit) return <span title={noFixedLimit.reason}>shared</span>;
  return dash;
}

export const COLUMNS: Column[] = [
  { key: 'input', label: 'Input', unit: '$/1M', numeric: true, cell: (r, t) => <FigureValue figure={r.inputPer1M} text={formatUsdPer1M(r.inputPer1M.value)} today={t} /> },
  { key: 'output', label: 'Output', unit: '$/1M', numeric: true, cell: (r, t) => <FigureValue figure={r.outputPer1M} text={formatUsdPer1M(r.outputPer1M.value)} today={t} /> },
  { key: 'cached', label: 'Cached', unit: '$/1M', numeric: true, cell: (r, t) => (r.cachedInputPer1M ? <FigureValue figure={r.cachedInputPer1M} text={formatUsdPer1M(r.cachedInputPer1M.value)} today={t} /> : dash) },
  {
    key: 'batchInput',
    label: 'Batch in / out',
    unit: '$/1M',
    numeric: true,
    cell: (r, t) =>
      r.batchInputPer1M && r.batchOutputPer1M ? (
        <span className="inline-flex gap-2.5">
          <FigureValue figure={r.batchInputPer1M} text={formatUsdPer1M(r.batchInputPer1M.value)} today={t} />
          <span aria-hidden="true" className="text-slate-400">/</span>
          <span className="sr-only">and</span>
          <FigureValue figure={r.batchOutputPer1M} text={formatUsdPer1M(r.batchOutputPer1M.value)} today={t} />
        </span>
      ) : (
        dash
      ),
  },
  { key: 'context', label: 'Context', unit: 'tokens', numeric: true, cell: (r, t) => <FigureValue figure={r.contextWindowTokens} text={formatCompact(r.contextWindowTokens.value)} today={t} /> },
  { key: 'ttft', label: 'TTFT', unit: 'ms', numeric: true, cell: (r, t) => <FigureValue figure={r.ttftMs} text={formatNumber(r.ttftMs.value)} today={t} /> },
  { key: 'tps', label: 'Speed', unit: 'tok/s', numeric: true, cell: (r, t) => <FigureValue figure={r.tokensPerSec} text={formatNumber(r.tokensPerSec.value)} today={t} /> },
  {
    key: 'rpm',
    label: 'RPM',
    unit: 'req/min',
    numeric: true,
    cell: (r, t) => (r.rateTier.rpm ? <FigureValue figure={r.rateTier.rpm} text={formatCompact(r.rateTier.rpm.value)} today={t} /> : r.rateTier.noFixedLimit ? <span title={r.rateTier.noFixedLimit.reason}>shared</span> : dash),
  },
  { key: 'tpm', label: 'TPM', unit: 'tokens/min', numeric: true, cell: (r, t) => <TokenLimit row={r} today={t} /> },
  {
    key: 'sla',
    label: 'SLA',
    unit: 'uptime',
    numeric: true,
    cell: (r, t) =>
      r.slaUptimePct ? (
        <span className="inline-flex flex-col items-end leading-tight">
          <FigureValue figure={r.slaUptimePct} text={formatPct(r.slaUptimePct.value)} today={t} />
          <span className="text-[11px] text-slate-600 dark:text-slate-400">{r.slaCommitment === 'contractual' ? 'contractual' : 'best effort'}</span>
        </span>
      ) : (
        <span className="text-xs text-slate-600 dark:text-slate-400">{r.slaCommitment === 'best-effort' ? 'best effort' : 'none'}</span>
      ),
  },
];
