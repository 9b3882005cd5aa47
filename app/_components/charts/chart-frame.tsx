import type { ReactNode } from 'react';

/**
 * A chart's accessible frame: `<figure role="figure">` with a visible title, a one-line caption and a fixed-height
 * plot area (recharts' ResponsiveContainer needs a sized parent, TOOLCHAIN.md pitfall 10). When `empty` is true the
 * plot area says why instead of showing a blank box.
 */
export function ChartFrame({
  id,
  title,
  caption,
  height = 260,
  empty = false,
  emptyText = 'No data to plot for this scenario.',
  status,
  children,
  footer,
}: {
  id: string;
  title: string;
  caption: ReactNode;
  height?: number;
  empty?: boolean;
  emptyText?: string;
  /** Small status text next to the title, e.g. "updating…". */
  status?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const titleId = `${id}-title`;
  return (
    <figure
      role="figure"
      aria-labelledby={titleId}
      className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900/60"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 id={titleId} className="text-sm font-semibold text-slate-900 dark:text-white">
          {title}
        </h3>
        {status ? <span className="text-xs text-slate-500 dark:text-slate-400">{status}</span> : null}
      </div>
      <div className="mt-3 text-slate-600 dark:text-slate-300" style={{ height }}>
        {empty ? (
          <div className="flex h-full items-center justify-center rounded-lg border border-dashed border-slate-300 px-4 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
            {emptyText}
          </div>
        ) : (
          children
        )}
      </div>
      {footer}
      <figcaption className="mt-2 text-xs leading-relaxed text-slate-500 dark:text-slate-400">{caption}</figcaption>
    </figure>
  );
}
