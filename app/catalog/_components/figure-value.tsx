import type { Figure } from '@/lib/catalog/schema';
import { ageInDays, isStale } from '@/lib/catalog/table';
import { formatIsoDate } from '@/lib/catalog/format';

function host(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** One-line provenance for a tooltip: "source · as of · verified". */
export function provenance(figure: Pick<Figure, 'source' | 'asOf' | 'verified' | 'note'>, today: string | null): string {
  const parts = [`Source: ${host(figure.source)}`, `as of ${formatIsoDate(figure.asOf)}`];
  if (today && isStale(figure.asOf, today)) parts.push(`${ageInDays(figure.asOf, today)} days old`);
  if (!figure.verified) parts.push('unverified');
  const head = parts.join(' · ');
  return figure.note ? `${head}\n${figure.note}` : head;
}

/**
 * A figure in a table cell: the formatted value, a dotted underline when unverified, an amber dot when older than
 * 90 days (only once the client's date is known), and its provenance on hover. Screen readers get the same words.
 */
export function FigureValue({ figure, text, today }: { figure: Figure; text: string; today: string | null }) {
  const stale = today !== null && isStale(figure.asOf, today);
  return (
    <span title={provenance(figure, today)} className="relative inline-block">
      <span className={figure.verified ? undefined : 'underline decoration-slate-400 decoration-dotted underline-offset-4 dark:decoration-slate-500'}>{text}</span>
      {figure.verified ? null : <span className="sr-only"> (unverified)</span>}
      {stale ? (
        <>
          {/* in the cell's padding, so the marker does not widen the column */}
          <span aria-hidden="true" className="absolute -right-2 top-0 h-1.5 w-1.5 rounded-full bg-amber-500" />
          <span className="sr-only"> (stale)</span>
        </>
      ) : null}
    </span>
  );
}

/** A source link that opens in a new tab and says so. */
export function SourceLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noreferrer" className="text-blue-700 underline decoration-blue-700/40 underline-offset-2 hover:decoration-blue-700 dark:text-blue-300 dark:decoration-blue-300/40 dark:hover:decoration-blue-300">
      {children}
      <span aria-hidden="true"> ↗</span>
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

/** Badges for the detail panel: unverified and stale, in words. */
export function FigureBadges({ figure, today }: { figure: Pick<Figure, 'asOf' | 'verified'>; today: string | null }) {
  const stale = today !== null && isStale(figure.asOf, today);
  return (
    <>
      {figure.verified ? null : (
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300">Unverified</span>
      )}
      {stale && today ? (
        <span className="rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
          Stale · {ageInDays(figure.asOf, today)} days
        </span>
      ) : null}
    </>
  );
}
