import Papa from 'papaparse';
import { WorkloadSchema, formatIssues, type Workload } from '@/lib/scenario/schema';
import { checkSize, InteropError, Notes, type Converted } from './common';

/**
 * Usage export CSV → a Scenario `workload` block (docs/decisions/010). Columns (first match wins, case-insensitive):
 * time `startTime` (LiteLLM spend logs), `start_time` (OpenAI usage), `starting_at` (Anthropic usage), `timestamp`,
 * `created_at`; input `prompt_tokens`, `input_tokens`; uncached input `uncached_input_tokens` (Anthropic, cache
 * reads and writes added to it); output `completion_tokens`, `output_tokens`; cache reads `cache_read_input_tokens`,
 * `input_cached_tokens`, `cached_tokens`; request count `num_model_requests`, `requests`, `request_count` (a row
 * is then a time bucket, not one request). Figures:
 * - requestsPerDay: mean of the last 7 full UTC days (fewer if the file has fewer);
 * - monthlyGrowthPct: least squares of ln(daily count) on the day number over full days, (e^{30.4375 b} - 1)·100,
 *   with R² and the days used as its quality;
 * - input/output median and p95 (nearest rank over requests; bucket means when rows are buckets);
 * - cachedShare = Σ cache reads / Σ input tokens;
 * - peakToAvg and peakHoursPerDay: the two-level profile (MODEL.md §6.1: H hours at P × the mean rate) closest in
 *   least squares to the mean hourly profile of full days, with its R²;
 * - arrivalDispersion: variance/mean of per-minute counts within each hour, averaged over hours with ≥ 60 requests
 *   (MODEL.md §3.1 D; 1 = Poisson), per-request rows only.
 */

export interface FitQuality {
  days: number;
  fullDays: number;
  requests: number;
  growthR2: number | null;
  profileR2: number | null;
  dispersionHours: number;
}

export interface UsageWorkload {
  workload: Workload;
  quality: FitQuality;
}

const COLUMNS = {
  time: ['starttime', 'start_time', 'starting_at', 'timestamp', 'created_at', 'created', 'time', 'date'],
  input: ['prompt_tokens', 'input_tokens'],
  uncachedInput: ['uncached_input_tokens'],
  cacheWrite: ['cache_creation_input_tokens'],
  output: ['completion_tokens', 'output_tokens'],
  cached: ['cache_read_input_tokens', 'input_cached_tokens', 'cached_tokens'],
  count: ['num_model_requests', 'requests', 'request_count', 'num_requests'],
} as const;

const MAX_ROWS = 2_000_000;
const DAY_MS = 86_400_000;

interface Row {
  time: number;
  input: number;
  output: number;
  cached: number;
  count: number;
}

function parseTime(text: string): number | undefined {
  const t = text.trim();
  if (/^\d{9,10}(\.\d+)?$/.test(t)) return Number(t) * 1000;
  if (/^\d{12,13}$/.test(t)) return Number(t);
  // "2026-11-03 12:00:00" (no zone) is read as UTC, like LiteLLM's spend log export.
  const iso = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(t) ? `${t.replace(' ', 'T')}Z` : t;
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
}

function nonNegative(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text.trim());
  return Number.isFinite(value) && value >= 0 && value <= 1e9 ? value : undefined;
}

export function readUsageCsv(text: string): Converted<UsageWorkload> {
  checkSize(text, 'usage-csv');
  const notes = new Notes();
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim().toLowerCase() });
  const headers = parsed.meta.fields ?? [];
  const find = (names: readonly string[]) => names.find((n) => headers.includes(n));
  const columns = {
    time: find(COLUMNS.time),
    input: find(COLUMNS.input),
    uncachedInput: find(COLUMNS.uncachedInput),
    cacheWrite: find(COLUMNS.cacheWrite),
    output: find(COLUMNS.output),
    cached: find(COLUMNS.cached),
    count: find(COLUMNS.count),
  };
  if (!columns.time) throw new InteropError('usage-csv', `no time column (one of ${COLUMNS.time.join(', ')})`);
  if (!columns.input && !columns.uncachedInput) throw new InteropError('usage-csv', `no input token column (one of ${[...COLUMNS.input, ...COLUMNS.uncachedInput].join(', ')})`);
  if (!columns.output) throw new InteropError('usage-csv', `no output token column (one of ${COLUMNS.output.join(', ')})`);
  if (columns.uncachedInput && !columns.count) {
    throw new InteropError('usage-csv', 'this is an aggregated usage report without a request count column (num_model_requests, requests): export per-request logs, or add a requests column');
  }
  if (parsed.data.length > MAX_ROWS) throw new InteropError('usage-csv', `has ${parsed.data.length} rows; at most ${MAX_ROWS} are read`);

  const rows: Row[] = [];
  let badRows = 0;
  let firstBad = '';
  parsed.data.forEach((record, i) => {
    const line = i + 2;
    const time = parseTime(record[columns.time!] ?? '');
    const cachedValue = columns.cached ? (nonNegative(record[columns.cached]) ?? 0) : 0;
    let input = columns.input ? nonNegative(record[columns.input]) : undefined;
    if (columns.uncachedInput) {
      const uncached = nonNegative(record[columns.uncachedInput]);
      const writes = columns.cacheWrite ? (nonNegative(record[columns.cacheWrite]) ?? 0) : 0;
      input = uncached === undefined ? undefined : uncached + writes + cachedValue;
    }
    const output = nonNegative(record[columns.output!]);
    const count = columns.count ? nonNegative(record[columns.count]) : 1;
    if (time === undefined || input === undefined || output === undefined || count === undefined) {
      badRows++;
      if (!firstBad) firstBad = `line ${line}: ${time === undefined ? columns.time : input === undefined ? (columns.input ?? columns.uncachedInput) : output === undefined ? columns.output : columns.count} is not valid`;
      return;
    }
    if (count === 0) return;
    rows.push({ time, input, output, cached: Math.min(cachedValue, input), count });
  });
  if (badRows > 0) notes.add('skipped', `usage-csv: ${badRows} row(s) skipped (first: ${firstBad})`);
  if (rows.length === 0) throw new InteropError('usage-csv', 'no usable row');
  const bucketed = Boolean(columns.count);
  if (bucketed) notes.add('approximated', 'usage-csv: rows are time buckets; token percentiles come from bucket means, and arrivalDispersion is left at its default');

  // ---- daily counts and growth ----
  const byDay = new Map<number, number>();
  let first = Infinity;
  let last = -Infinity;
  for (const row of rows) {
    const day = Math.floor(row.time / DAY_MS);
    byDay.set(day, (byDay.get(day) ?? 0) + row.count);
    first = Math.min(first, row.time);
    last = Math.max(last, row.time);
  }
  const firstDay = Math.floor(first / DAY_MS);
  const lastDay = Math.floor(last / DAY_MS);
  // A first or last day is full only if the log starts in its first hour or ends in its last hour.
  const startsFull = first - firstDay * DAY_MS < 3_600_000;
  const endsFull = (lastDay + 1) * DAY_MS - last <= 3_600_000;
  const fullDays: number[] = [];
  for (let d = firstDay; d <= lastDay; d++) {
    if ((d === firstDay && !startsFull) || (d === lastDay && !endsFull)) continue;
    fullDays.push(d);
  }
  const days = fullDays.length > 0 ? fullDays : [...byDay.keys()].sort((a, b) => a - b);
  if (fullDays.length === 0) notes.add('approximated', 'usage-csv: no full day in the file; partial days used');
  const recent = days.slice(-7);
  const requestsPerDay = recent.reduce((sum, d) => sum + (byDay.get(d) ?? 0), 0) / recent.length;
  if (recent.length < 7) notes.add('approximated', `requestsPerDay: mean of ${recent.length} day(s) (fewer than 7 full days in the file)`);

  const growth = logLinearGrowth(days.map((d) => ({ x: d - days[0]!, y: byDay.get(d) ?? 0 })));
  const workload: Workload = {
    requestsPerDay: round(requestsPerDay, 4),
    inputTokens: tokenFigures(rows, (r) => r.input, 'inputTokens', notes),
    outputTokens: tokenFigures(rows, (r) => r.output, 'outputTokens', notes),
  };
  if (growth) {
    const pct = Math.min(1000, Math.max(-99, (Math.exp(growth.slope * 30.4375) - 1) * 100));
    workload.monthlyGrowthPct = round(pct, 3);
  } else notes.add('default', 'monthlyGrowthPct: fewer than 3 days with traffic; 0 % (no trend fitted)');

  const totalInput = rows.reduce((sum, r) => sum + r.input, 0);
  const totalCached = rows.reduce((sum, r) => sum + r.cached, 0);
  if (columns.cached && totalInput > 0) workload.cachedShare = round(totalCached / totalInput, 4);

  const profile = peakProfile(rows, new Set(days), notes);
  if (profile) {
    workload.peakToAvg = profile.peakToAvg;
    workload.peakHoursPerDay = profile.hours;
  }
  const dispersion = bucketed ? undefined : arrivalDispersion(rows);
  if (dispersion) workload.arrivalDispersion = dispersion.value;

  const checked = WorkloadSchema.safeParse(workload);
  if (!checked.success) throw new InteropError(`workload.${formatIssues(checked.error)[0] ?? 'invalid'}`, 'the fitted figures are outside the Scenario ranges');
  const quality: FitQuality = {
    days: byDay.size,
    fullDays: fullDays.length,
    requests: rows.reduce((sum, r) => sum + r.count, 0),
    growthR2: growth ? round(growth.r2, 4) : null,
    profileR2: profile ? round(profile.r2, 4) : null,
    dispersionHours: dispersion?.hours ?? 0,
  };
  return { value: { workload: checked.data, quality }, notes: notes.list };
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/** Nearest-rank percentile of request-weighted values (MODEL.md §3.1 median and p95). */
function percentile(sorted: readonly { value: number; weight: number }[], total: number, p: number): number {
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const item of sorted) {
    seen += item.weight;
    if (seen >= rank) return item.value;
  }
  return sorted[sorted.length - 1]!.value;
}

function tokenFigures(rows: readonly Row[], pick: (r: Row) => number, field: string, notes: Notes): Workload['inputTokens'] {
  const values = rows.map((r) => ({ value: pick(r) / r.count, weight: r.count })).sort((a, b) => a.value - b.value);
  const total = values.reduce((sum, v) => sum + v.weight, 0);
  let median = percentile(values, total, 0.5);
  const p95 = percentile(values, total, 0.95);
  if (median <= 0) {
    notes.add('approximated', `${field}.median: 0 tokens in the file; 1 used (the schema needs a positive median)`);
    median = 1;
  }
  return { median: round(median, 2), p95: round(Math.max(p95, median), 2) };
}

/** Least squares of ln y on x over days with traffic: slope per day and R². */
function logLinearGrowth(points: readonly { x: number; y: number }[]): { slope: number; r2: number } | undefined {
  const usable = points.filter((p) => p.y > 0);
  if (usable.length < 3) return undefined;
  const n = usable.length;
  const mx = usable.reduce((s, p) => s + p.x, 0) / n;
  const my = usable.reduce((s, p) => s + Math.log(p.y), 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of usable) {
    const dx = p.x - mx;
    const dy = Math.log(p.y) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, r2 };
}

/** Two-level fit of the mean hourly profile over full days: H hours at P × mean rate (MODEL.md §6.1). */
function peakProfile(rows: readonly Row[], days: ReadonlySet<number>, notes: Notes): { peakToAvg: number; hours: number; r2: number } | undefined {
  const hourly = new Array<number>(24).fill(0);
  for (const row of rows) {
    if (!days.has(Math.floor(row.time / DAY_MS))) continue;
    hourly[new Date(row.time).getUTCHours()]! += row.count;
  }
  const total = hourly.reduce((s, v) => s + v, 0);
  if (total === 0) return undefined;
  const rate = hourly.map((v) => (v / total) * 24); // relative to the daily mean rate
  const sorted = [...rate].sort((a, b) => b - a);
  const mean = 1;
  const sst = rate.reduce((s, r) => s + (r - mean) ** 2, 0);
  let best = { hours: 1, peak: sorted[0]!, sse: Infinity };
  for (let h = 1; h <= 23; h++) {
    const peak = sorted.slice(0, h).reduce((s, v) => s + v, 0) / h;
    const baseRate = sorted.slice(h).reduce((s, v) => s + v, 0) / (24 - h);
    const sse = sorted.reduce((s, v, i) => s + (v - (i < h ? peak : baseRate)) ** 2, 0);
    if (sse < best.sse - 1e-12) best = { hours: h, peak, sse };
  }
  const flat = sst < 1e-9;
  if (flat) notes.add('info', 'peakToAvg: the hourly profile is flat; 1');
  const peakToAvg = flat ? 1 : Math.min(24 / best.hours, Math.max(1, round(best.peak, 3)));
  return { peakToAvg: Math.floor(peakToAvg * 1000) / 1000, hours: best.hours, r2: flat ? 1 : 1 - best.sse / sst };
}

/** Mean variance/mean of per-minute counts within each hour with ≥ 60 requests (1 = Poisson arrivals). */
function arrivalDispersion(rows: readonly Row[]): { value: number; hours: number } | undefined {
  const perHour = new Map<number, Map<number, number>>();
  for (const row of rows) {
    const minute = Math.floor(row.time / 60_000);
    const hour = Math.floor(minute / 60);
    const minutes = perHour.get(hour) ?? new Map<number, number>();
    minutes.set(minute, (minutes.get(minute) ?? 0) + 1);
    perHour.set(hour, minutes);
  }
  let sum = 0;
  let hours = 0;
  for (const minutes of perHour.values()) {
    let count = 0;
    for (const c of minutes.values()) count += c;
    if (count < 60) continue;
    const mean = count / 60;
    let variance = 0;
    let seen = 0;
    for (const c of minutes.values()) {
      variance += (c - mean) ** 2;
      seen++;
    }
    variance += (60 - seen) * mean * mean; // minutes with no request
    variance /= 59;
    sum += variance / mean;
    hours++;
  }
  if (hours === 0) return undefined;
  return { value: round(Math.min(1000, Math.max(1, sum / hours)), 3), hours };
}

/** One line for stderr / the preview: the fit's quality next to the figures. */
export function describeFit(quality: FitQuality): string {
  const parts = [`${quality.requests.toLocaleString('en-US')} requests over ${quality.days} day(s), ${quality.fullDays} full`];
  parts.push(quality.growthR2 === null ? 'growth: not fitted' : `growth fit R² ${quality.growthR2}`);
  parts.push(quality.profileR2 === null ? 'peak profile: not fitted' : `peak profile fit R² ${quality.profileR2}`);
  parts.push(quality.dispersionHours > 0 ? `dispersion from ${quality.dispersionHours} busy hour(s)` : 'dispersion: not measured');
  return `fit: ${parts.join('; ')}`;
}
