/**
 * Display formatting (DESIGN.md §2: money is a float in USD inside, rounded only for display).
 * Every formatter accepts anything numeric-ish and returns "—" for null, undefined, NaN and ±Infinity, so nothing
 * non-finite can reach the screen. Locale is fixed to en-US so the screen, the CSV and the tests agree.
 */

export const MISSING = '—';

const LOCALE = 'en-US';

/** A finite number, or null for anything that must not be displayed as a number. */
export function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, options);
    cache.set(key, format);
  }
  return format;
}

/** Intl prints "-0" for negative zero and for tiny negatives rounded to zero; a user never wants to read that. */
function withoutNegativeZero(text: string): string {
  return /^-[^1-9]*$/.test(text) ? text.slice(1) : text;
}

export interface MoneyOptions {
  /** Compact notation ("$1.2M") from this absolute value up; default 1e6. Pass Infinity to never compact. */
  compactFrom?: number;
  /** Always show cents (e.g. in tables a finance reader reconciles); default: cents only below $1,000. */
  cents?: boolean;
}

/**
 * USD via Intl.NumberFormat: "$36,487", "$1,148.20", "$0.00038" (two significant digits below one cent),
 * "$1.23M" (compact from `compactFrom`), "-$27.76".
 */
export function formatMoney(value: number | null | undefined, options: MoneyOptions = {}): string {
  const v = finiteOrNull(value);
  if (v === null) return MISSING;
  const abs = Math.abs(v);
  const compactFrom = options.compactFrom ?? 1e6;
  const base: Intl.NumberFormatOptions = { style: 'currency', currency: 'USD' };
  if (abs >= compactFrom) {
    return withoutNegativeZero(numberFormat({ ...base, notation: 'compact', maximumSignificantDigits: 3 }).format(v));
  }
  if (options.cents || (abs >= 0.01 && abs < 1000)) {
    return withoutNegativeZero(numberFormat({ ...base, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v));
  }
  if (abs === 0) return '$0';
  if (abs < 0.01) return withoutNegativeZero(numberFormat({ ...base, maximumSignificantDigits: 2 }).format(v));
  return withoutNegativeZero(numberFormat({ ...base, maximumFractionDigits: 0 }).format(v));
}

/** Short money for chart axes: "$0", "$950", "$15K", "$1.2M". */
export function formatMoneyAxis(value: number | null | undefined): string {
  const v = finiteOrNull(value);
  if (v === null) return MISSING;
  if (Math.abs(v) < 1000) {
    return withoutNegativeZero(numberFormat({ style: 'currency', currency: 'USD', maximumSignificantDigits: 3 }).format(v));
  }
  return withoutNegativeZero(
    numberFormat({ style: 'currency', currency: 'USD', notation: 'compact', maximumSignificantDigits: 3 }).format(v),
  );
}

export interface PercentOptions {
  /** Fraction digits for values of 0.1 % and more; default 1. */
  digits?: number;
}

/**
 * A fraction (0-1) as a percentage: "34.3%", "0.58%"; below 0.1 % two significant digits ("0.00022%") so a small
 * but non-zero share never rounds to a misleading "0.0%". Exactly 0 prints "0%".
 */
export function formatPercent(fraction: number | null | undefined, options: PercentOptions = {}): string {
  const v = finiteOrNull(fraction);
  if (v === null) return MISSING;
  if (v === 0) return '0%';
  const digits = options.digits ?? 1;
  if (Math.abs(v) < 0.001) {
    return withoutNegativeZero(numberFormat({ style: 'percent', maximumSignificantDigits: 2 }).format(v));
  }
  return withoutNegativeZero(
    numberFormat({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v),
  );
}

/**
 * Availability as a percentage with enough digits to show the unavailability to two significant figures:
 * 0.99979856 → "99.980%", 0.99 → "99.0%", 0.999995 → "99.99950%"; 1 → "100%".
 */
export function formatAvailability(fraction: number | null | undefined): string {
  const v = finiteOrNull(fraction);
  if (v === null) return MISSING;
  const clamped = Math.min(1, Math.max(0, v));
  const unavailability = 1 - clamped;
  if (unavailability <= 0) return '100%';
  // Digits after the percent point so that the first two significant digits of 1 - a are visible.
  const digits = Math.min(6, Math.max(1, Math.ceil(-Math.log10(unavailability)) - 1));
  // Below 5e-9 even six digits would round up to "100.000000%"; never claim 100 % for an availability below 1.
  if (unavailability < 5e-9) return '>99.999999%';
  return numberFormat({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(clamped);
}

/**
 * "Nines" of availability: −log10(1 − a), to one decimal ("3.7 nines"). 0.999 → "3 nines", 0.9995 → "3.3 nines".
 * Shown as "9+ nines" from nine nines up (including a = 1, where the model predicts no downtime at all).
 */
export function formatNines(fraction: number | null | undefined): string {
  const v = finiteOrNull(fraction);
  if (v === null || v < 0 || v > 1) return MISSING;
  const unavailability = 1 - v;
  if (unavailability <= 1e-9) return '9+ nines';
  // Round the count first so 0.999 (−log10 = 2.9999999999999996 in floating point) reads "3 nines".
  const nines = Math.round(-Math.log10(unavailability) * 10) / 10;
  if (nines >= 9) return '9+ nines';
  const text = Number.isInteger(nines) ? nines.toFixed(0) : nines.toFixed(1);
  return `${text} ${nines === 1 ? 'nine' : 'nines'}`;
}

/** Milliseconds: "400 ms", "3.53 s", "29.1 s", "2.5 min". */
export function formatDurationMs(ms: number | null | undefined): string {
  const v = finiteOrNull(ms);
  if (v === null) return MISSING;
  const abs = Math.abs(v);
  if (abs < 1000) return `${withoutNegativeZero(numberFormat({ maximumFractionDigits: abs < 10 ? 1 : 0 }).format(v))} ms`;
  if (abs < 60_000) return `${numberFormat({ maximumSignificantDigits: 3 }).format(v / 1000)} s`;
  return `${numberFormat({ maximumSignificantDigits: 3 }).format(v / 60_000)} min`;
}

/** Short ms for chart axes: "400 ms", "15 s". */
export function formatDurationAxis(ms: number | null | undefined): string {
  const v = finiteOrNull(ms);
  if (v === null) return MISSING;
  if (Math.abs(v) < 1000) return `${withoutNegativeZero(numberFormat({ maximumFractionDigits: 0 }).format(v))} ms`;
  return `${numberFormat({ maximumFractionDigits: 1 }).format(v / 1000)} s`;
}

/** Minutes: "13 s", "8.8 min", "53 min", "2 h 5 min", "3 d 4 h". */
export function formatMinutes(minutes: number | null | undefined): string {
  const v = finiteOrNull(minutes);
  if (v === null) return MISSING;
  if (v < 0) return withoutNegativeZero(`-${formatMinutes(-v)}`);
  if (v === 0) return '0 min';
  if (v < 1) {
    const seconds = v * 60;
    return seconds < 1 ? `${numberFormat({ maximumSignificantDigits: 2 }).format(seconds)} s` : `${Math.round(seconds)} s`;
  }
  if (v < 10) return `${numberFormat({ maximumFractionDigits: 1 }).format(v)} min`;
  const rounded = Math.round(v);
  if (rounded < 60) return `${rounded} min`;
  if (rounded < 1440) {
    const hours = Math.floor(rounded / 60);
    const rest = rounded % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  const totalHours = Math.round(v / 60);
  const days = Math.floor(totalHours / 24);
  const hours = totalHours % 24;
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}

export interface CountOptions {
  /** Compact notation ("3.04M") from this absolute value up; default 1e6. */
  compactFrom?: number;
}

/** Counts (requests, tokens, failovers): "2,808", "3.04M"; below 100 one decimal when fractional ("16.5", "0.02"). */
export function formatCount(value: number | null | undefined, options: CountOptions = {}): string {
  const v = finiteOrNull(value);
  if (v === null) return MISSING;
  const abs = Math.abs(v);
  if (abs >= (options.compactFrom ?? 1e6)) {
    return withoutNegativeZero(numberFormat({ notation: 'compact', maximumSignificantDigits: 3 }).format(v));
  }
  if (abs > 0 && abs < 1) return withoutNegativeZero(numberFormat({ maximumSignificantDigits: 2 }).format(v));
  if (abs < 100) return withoutNegativeZero(numberFormat({ maximumFractionDigits: 1 }).format(v));
  return withoutNegativeZero(numberFormat({ maximumFractionDigits: 0 }).format(v));
}

/** Short count for chart axes: "950", "15K", "1.2M". */
export function formatCountAxis(value: number | null | undefined): string {
  const v = finiteOrNull(value);
  if (v === null) return MISSING;
  return withoutNegativeZero(numberFormat({ notation: 'compact', maximumSignificantDigits: 3 }).format(v));
}

/** Month index (0-based) as users count it: 0 → "Month 1". */
export function formatMonth(monthIndex: number): string {
  return Number.isInteger(monthIndex) && monthIndex >= 0 ? `Month ${monthIndex + 1}` : MISSING;
}
