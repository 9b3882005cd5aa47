import Papa from 'papaparse';
import type { MonthResult, Percentiles, Result, TotalResult } from '@/lib/engine/types';
import { formatCents, formatQuantity } from './rounding';

/**
 * The monthly projection as CSV (DESIGN.md §4): one row per month per scenario, then a total row per scenario.
 * RFC 4180 via papaparse's `unparse`, CRLF line ends (the last record too), UTF-8 byte-order mark, money to the cent.
 *
 * Columns and what they hold (Result fields of MODEL.md §7.5):
 * - `token_cost_usd`: realtime token spend (`tokenCost.inputUncached + inputCached + output`), so that
 *   `token_cost_usd + batch_cost_usd` is the whole token spend. `wasted_spend_usd` and `failover_extra_cost_usd` are
 *   parts of it, shown separately (MODEL.md §8.6), never to be added again.
 * - `engineering_usd`: integration + maintenance, also split into `integration_usd` and `maintenance_usd`.
 * - The columns after `cumulative_tco_usd` were added later (appended, so older column positions still hold): the
 *   failed-request cost (MODEL.md §8.6, part of `tco_usd`), the engineering split, the realtime token split and the
 *   count of failed requests. `tco_usd` = token + batch + flat rate + aggregator fee + platform fee + engineering +
 *   downtime cost + failed-request cost − SLA credits. The README has the full column dictionary.
 * - The total row has `month` = `total` and the horizon sums; its `cumulative_tco_usd` is the horizon TCO.
 * - `tco_p5_usd`, `tco_p50_usd`, `tco_p95_usd` (Monte Carlo, MODEL.md §9.6) only when every scenario has them.
 */

export const CSV_COLUMNS = [
  'scenario',
  'month',
  'requests',
  'input_tokens',
  'output_tokens',
  'token_cost_usd',
  'batch_cost_usd',
  'flat_rate_usd',
  'aggregator_fee_usd',
  'platform_fee_usd',
  'engineering_usd',
  'downtime_minutes',
  'downtime_cost_usd',
  'sla_credits_usd',
  'wasted_spend_usd',
  'failover_extra_cost_usd',
  'tco_usd',
  'cumulative_tco_usd',
  'failed_request_cost_usd',
  'integration_usd',
  'maintenance_usd',
  'input_uncached_cost_usd',
  'input_cached_cost_usd',
  'output_cost_usd',
  'failed_requests',
] as const;

export const CSV_MONTE_CARLO_COLUMNS = ['tco_p5_usd', 'tco_p50_usd', 'tco_p95_usd'] as const;

export type CsvDelimiter = ',' | ';';

export interface CsvOptions {
  /** `;` is the "CSV for Excel (semicolon)" variant for comma-decimal locales: it also writes `,` as decimal mark. */
  delimiter?: CsvDelimiter;
}

export interface CsvScenarioRows {
  name: string;
  result: Result;
}

const BYTE_ORDER_MARK = '\uFEFF';
const CRLF = '\r\n';

/**
 * OWASP CSV injection: a text cell starting with `= + - @`, tab, CR, LF or NUL is prefixed with `'` (and quoted) so a
 * spreadsheet shows it as text. A cell that is exactly a plain decimal number (`-12.5`, `-12,5`) is data, not a formula:
 * it is left alone so negative figures stay numeric. papaparse's own default pattern misses LF and NUL.
 */
export const FORMULA_ESCAPE_PATTERN = /^(?!-?\d+(?:[.,]\d+)?$)[=+\-@\t\r\n\0]/;

type Cell = string;

/** Full CSV file text (BOM, header, rows, CRLF) for one or more scenarios' Results. */
export function resultToCsv(rows: readonly CsvScenarioRows[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const decimalMark = delimiter === ';' ? ',' : '.';
  const withMonteCarlo = rows.length > 0 && rows.every((row) => row.result.monteCarlo !== undefined);
  const header: string[] = [...CSV_COLUMNS, ...(withMonteCarlo ? CSV_MONTE_CARLO_COLUMNS : [])];

  const money = (value: number, field: string): Cell => withDecimalMark(formatCents(checkFinite(value, field)), decimalMark);
  const quantity = (value: number, field: string): Cell => withDecimalMark(formatQuantity(checkFinite(value, field)), decimalMark);

  const data: Cell[][] = [];
  for (const { name, result } of rows) {
    let cumulativeTco = 0;
    result.months.forEach((month, index) => {
      cumulativeTco += month.tco;
      const where = `${name} month ${index + 1}`;
      const percentiles = withMonteCarlo ? result.monteCarlo?.monthly[index] : undefined;
      data.push([
        name,
        String(index + 1),
        ...figureCells(month, cumulativeTco, where, money, quantity),
        ...(withMonteCarlo ? percentileCells(percentiles, where, money) : []),
      ]);
    });
    const where = `${name} total`;
    data.push([
      name,
      'total',
      ...figureCells(result.total, result.total.tco, where, money, quantity),
      ...(withMonteCarlo ? percentileCells(result.monteCarlo?.total, where, money) : []),
    ]);
  }

  const body = Papa.unparse(
    { fields: header, data },
    { delimiter, newline: CRLF, quotes: false, escapeFormulae: FORMULA_ESCAPE_PATTERN, header: true },
  );
  return `${BYTE_ORDER_MARK}${body}${CRLF}`;
}

type CellWriter = (value: number, field: string) => Cell;

function figureCells(figures: MonthResult | TotalResult, cumulativeTco: number, where: string, money: CellWriter, quantity: CellWriter): Cell[] {
  const field = (column: string) => `${where}: ${column}`;
  const { tokenCost } = figures;
  return [
    quantity(figures.requests, field('requests')),
    quantity(figures.inputTokens, field('input_tokens')),
    quantity(figures.outputTokens, field('output_tokens')),
    money(tokenCost.inputUncached + tokenCost.inputCached + tokenCost.output, field('token_cost_usd')),
    money(tokenCost.batch, field('batch_cost_usd')),
    money(figures.flatRate, field('flat_rate_usd')),
    money(figures.aggregatorFee, field('aggregator_fee_usd')),
    money(figures.platformFee, field('platform_fee_usd')),
    money(figures.engineering.integration + figures.engineering.maintenance, field('engineering_usd')),
    quantity(figures.downtimeMinutes, field('downtime_minutes')),
    money(figures.downtimeCost, field('downtime_cost_usd')),
    money(figures.slaCredits, field('sla_credits_usd')),
    money(figures.wastedSpend, field('wasted_spend_usd')),
    money(figures.failoverExtraCost, field('failover_extra_cost_usd')),
    money(figures.tco, field('tco_usd')),
    money(cumulativeTco, field('cumulative_tco_usd')),
    money(figures.failedRequestCost, field('failed_request_cost_usd')),
    money(figures.engineering.integration, field('integration_usd')),
    money(figures.engineering.maintenance, field('maintenance_usd')),
    money(tokenCost.inputUncached, field('input_uncached_cost_usd')),
    money(tokenCost.inputCached, field('input_cached_cost_usd')),
    money(tokenCost.output, field('output_cost_usd')),
    quantity(figures.failedRequests, field('failed_requests')),
  ];
}

function percentileCells(percentiles: Percentiles | undefined, where: string, money: CellWriter): Cell[] {
  if (!percentiles) throw new RangeError(`${where}: Monte Carlo percentiles are missing`);
  return [
    money(percentiles.p5, `${where}: tco_p5_usd`),
    money(percentiles.p50, `${where}: tco_p50_usd`),
    money(percentiles.p95, `${where}: tco_p95_usd`),
  ];
}

/** NaN, Infinity or a missing figure never reaches the file (DESIGN.md §5): fail loudly, naming the cell. */
function checkFinite(value: number, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`${field} is not a finite number (${String(value)})`);
  return value;
}

function withDecimalMark(text: string, decimalMark: '.' | ','): string {
  return decimalMark === '.' ? text : text.replace('.', ',');
}
