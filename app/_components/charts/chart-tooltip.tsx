'use client';

import type { ReactNode } from 'react';

export interface TooltipEntry {
  name?: ReactNode;
  value?: unknown;
  color?: string;
  dataKey?: unknown;
  payload?: unknown;
}

/**
 * Tooltip body for recharts' `content` prop: the label, then one line per series with its colour swatch and the value
 * formatted by `formatValue` (lib/format), so no raw float reaches the screen.
 */
export function ChartTooltip({
  active,
  payload,
  label,
  formatValue,
  formatLabel = (value) => String(value ?? ''),
  footer,
}: {
  active?: boolean;
  payload?: readonly TooltipEntry[];
  label?: unknown;
  formatValue: (value: unknown, entry: TooltipEntry) => string;
  formatLabel?: (label: unknown) => string;
  footer?: (payload: readonly TooltipEntry[]) => ReactNode;
}) {
  if (!active || !payload || payload.length === 0) return null;
  return (
    <div className="rounded-lg border border-slate-200 bg-white/95 px-3 py-2 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900/95">
      <p className="mb-1 font-semibold text-slate-900 dark:text-white">{formatLabel(label)}</p>
      <ul className="space-y-0.5">
        {payload.map((entry, index) => (
          <li key={`${String(entry.dataKey)}-${index}`} className="flex items-center justify-between gap-4">
            <span className="flex items-center gap-1.5 text-slate-600 dark:text-slate-300">
              <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: entry.color }} />
              {entry.name}
            </span>
            <span className="tabular font-medium text-slate-900 dark:text-white">{formatValue(entry.value, entry)}</span>
          </li>
        ))}
      </ul>
      {footer ? <div className="mt-1 border-t border-slate-200 pt-1 dark:border-slate-700">{footer(payload)}</div> : null}
    </div>
  );
}
