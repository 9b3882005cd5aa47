import type { Catalog, Figure, Model, RateLimitTier, Sla } from './schema';
import { planningTier, tierTokensPerMinute } from './to-spec';

/**
 * Table logic of the /catalog page: one flat, serialisable row per model, sorting, filtering and staleness.
 * No React here, so the page stays thin and this stays testable.
 */

export interface CatalogRow {
  id: string;
  displayName: string;
  providerId: string;
  providerName: string;
  creator: string;
  tags: Model['tags'];
  inputPer1M: Figure;
  outputPer1M: Figure;
  cachedInputPer1M: Figure | null;
  batchInputPer1M: Figure | null;
  batchOutputPer1M: Figure | null;
  contextWindowTokens: Figure;
  maxOutputTokens: Figure;
  ttftMs: Figure;
  tokensPerSec: Figure;
  rateTier: RateLimitTier;
  /** Token limit of the planning tier as one TPM (ITPM + OTPM summed, see to-spec.ts); null = none. */
  tokensPerMinute: number | null;
  slaCommitment: Sla['commitment'];
  slaUptimePct: Figure | null;
  /** Link shown in the row: where the realtime prices come from. */
  priceSource: string;
}

export function catalogRows(catalog: Catalog): CatalogRow[] {
  const providers = new Map(catalog.providers.map((p) => [p.id, p]));
  return catalog.models.map((m) => {
    const provider = providers.get(m.provider);
    const tier = planningTier(m);
    return {
      id: m.id,
      displayName: m.displayName,
      providerId: m.provider,
      providerName: provider?.name ?? m.provider,
      creator: m.creator,
      tags: m.tags,
      inputPer1M: m.prices.inputPer1M,
      outputPer1M: m.prices.outputPer1M,
      cachedInputPer1M: m.prices.cachedInputPer1M ?? null,
      batchInputPer1M: m.prices.batchInputPer1M ?? null,
      batchOutputPer1M: m.prices.batchOutputPer1M ?? null,
      contextWindowTokens: m.contextWindowTokens,
      maxOutputTokens: m.maxOutputTokens,
      ttftMs: m.ttftMs,
      tokensPerSec: m.tokensPerSec,
      rateTier: tier,
      tokensPerMinute: tierTokensPerMinute(tier),
      slaCommitment: provider?.sla.commitment ?? 'none-published',
      slaUptimePct: provider?.sla.uptimePct ?? null,
      priceSource: m.prices.inputPer1M.source,
    };
  });
}

export const SORT_KEYS = ['provider', 'model', 'input', 'output', 'cached', 'batchInput', 'context', 'ttft', 'tps', 'rpm', 'tpm', 'sla'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

/** The value a column sorts by; null sorts last in either direction. Unlimited rate limits sort as +∞. */
export function sortValue(row: CatalogRow, key: SortKey): number | string | null {
  switch (key) {
    case 'provider':
      return row.providerName.toLowerCase();
    case 'model':
      return row.displayName.toLowerCase();
    case 'input':
      return row.inputPer1M.value;
    case 'output':
      return row.outputPer1M.value;
    case 'cached':
      return row.cachedInputPer1M?.value ?? null;
    case 'batchInput':
      return row.batchInputPer1M?.value ?? null;
    case 'context':
      return row.contextWindowTokens.value;
    case 'ttft':
      return row.ttftMs.value;
    case 'tps':
      return row.tokensPerSec.value;
    case 'rpm':
      return row.rateTier.rpm?.value ?? (row.rateTier.noFixedLimit ? Number.POSITIVE_INFINITY : null);
    case 'tpm':
      return row.tokensPerMinute ?? (row.rateTier.noFixedLimit ? Number.POSITIVE_INFINITY : null);
    case 'sla':
      return row.slaUptimePct?.value ?? null;
  }
}

/** Stable sort by one column; rows without a value go last; ties keep catalog order. */
export function sortRows(rows: readonly CatalogRow[], sort: SortState): CatalogRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row, sort.key) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      const order = typeof a.value === 'string' && typeof b.value === 'string' ? a.value.localeCompare(b.value) : Number(a.value) - Number(b.value);
      return order === 0 || Number.isNaN(order) ? a.index - b.index : sign * order;
    })
    .map((entry) => entry.row);
}

/** Next sort state after clicking a column header: a new column starts ascending, the same column flips. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

export interface RowFilter {
  /** Free text matched against model, id, provider and creator (every word must match). */
  query: string;
  /** Provider ids to keep; empty = all. */
  providers: readonly string[];
  contractualOnly: boolean;
}

export const EMPTY_FILTER: RowFilter = { query: '', providers: [], contractualOnly: false };

export function filterRows(rows: readonly CatalogRow[], filter: RowFilter): CatalogRow[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (filter.providers.length > 0 && !filter.providers.includes(row.providerId)) return false;
    if (filter.contractualOnly && row.slaCommitment !== 'contractual') return false;
    const haystack = `${row.displayName} ${row.id} ${row.providerName} ${row.creator} ${row.tags.join(' ')}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

export const STALE_AFTER_DAYS = 90;
const MS_PER_DAY = 86_400_000;

/** Whole days from `asOf` (YYYY-MM-DD, UTC) to `today` (YYYY-MM-DD); negative if asOf is in the future. */
export function ageInDays(asOf: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`)) / MS_PER_DAY);
}

/** A figure is stale when its as-of date is more than 90 days before today. */
export function isStale(asOf: string, today: string, maxAgeDays = STALE_AFTER_DAYS): boolean {
  return ageInDays(asOf, today) > maxAgeDays;
}

/** Today's date as YYYY-MM-DD in the user's time zone. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The figures shown in a row's cells (for "n stale" counts). */
export function rowFigures(row: CatalogRow): Figure[] {
  const tier = row.rateTier;
  return [row.inputPer1M, row.outputPer1M, row.cachedInputPer1M, row.batchInputPer1M, row.contextWindowTokens, row.ttftMs, row.tokensPerSec, tier.rpm, tier.tpm, tier.itpm, tier.otpm, row.slaUptimePct].filter(
    (f): f is Figure => f !== null && f !== undefined,
  );
}
