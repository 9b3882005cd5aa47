/** Display formatting for catalog figures (Intl, en-US; display only, never fed back into calculations). */

const usdCents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 3 });
const usdSmall = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumSignificantDigits: 3 });
const usdWhole = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** USD per 1M tokens: $0.15, $2.50, $0.0028 (three significant digits below one cent). */
export function formatUsdPer1M(value: number): string {
  if (value === 0) return '$0';
  return value < 0.01 ? usdSmall.format(value) : usdCents.format(value);
}

/** Whole dollars for monthly prices: $13,000. */
export function formatUsd(value: number): string {
  return usdWhole.format(value);
}

/** Token counts and per-minute limits: 128K, 1.05M. */
export function formatCompact(value: number): string {
  return Number.isFinite(value) ? compact.format(value) : 'no limit';
}

/** Plain grouped number: 1,239; 94.4. */
export function formatNumber(value: number): string {
  return grouped.format(value);
}

/** A 0-100 percentage: 99.5%. */
export function formatPct(value: number): string {
  return `${percent.format(value)}%`;
}

/** A 0-1 fraction as a percentage: 0.995 → 99.5%. */
export function formatFraction(value: number): string {
  return formatPct(value * 100);
}

/** 2026-07-24 → 24 Jul 2026 (UTC, so every time zone shows the same date). */
export function formatIsoDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
