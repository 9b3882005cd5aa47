import { describe, expect, it } from 'vitest';
import { catalog } from '@/data';
import { parseCatalog } from './parse-catalog';
import { SRC, f, modelInput, providerInput } from './fixtures.test-helpers';
import { EMPTY_FILTER, ageInDays, catalogRows, filterRows, isStale, localIsoDate, nextSort, rowFigures, sortRows } from './table';
import { formatCompact, formatFraction, formatIsoDate, formatUsdPer1M } from './format';

const small = parseCatalog(
  {
    'a.ts': {
      provider: providerInput({ id: 'acme', name: 'Acme' }),
      models: [
        modelInput({ id: 'a-cheap', displayName: 'Cheap', prices: { inputPer1M: f(0.1), outputPer1M: f(0.4) } }),
        modelInput({ id: 'a-dear', displayName: 'Dear', tags: ['code'], prices: { inputPer1M: f(3), outputPer1M: f(15), cachedInputPer1M: f(0.3) } }),
      ],
    },
    'b.ts': {
      provider: providerInput({ id: 'beta', name: 'Beta', sla: { ...providerInput().sla, commitment: 'best-effort' } }),
      models: [
        modelInput({ id: 'b-mid', provider: 'beta', displayName: 'Mid', prices: { inputPer1M: f(1), outputPer1M: f(5) }, rateLimits: [{ tier: 'Shared', noFixedLimit: { ...SRC, reason: 'shared pool' } }] }),
      ],
    },
  },
  [],
);
const rows = catalogRows(small);
const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('sortRows', () => {
  it('sorts numerically both ways and keeps catalog order on ties', () => {
    expect(ids(sortRows(rows, { key: 'output', direction: 'ascending' }))).toEqual(['a-cheap', 'b-mid', 'a-dear']);
    expect(ids(sortRows(rows, { key: 'output', direction: 'descending' }))).toEqual(['a-dear', 'b-mid', 'a-cheap']);
    expect(ids(sortRows(rows, { key: 'ttft', direction: 'descending' }))).toEqual(['a-cheap', 'a-dear', 'b-mid']);
  });

  it('puts missing values last in either direction and unlimited limits above any number', () => {
    expect(ids(sortRows(rows, { key: 'cached', direction: 'ascending' }))).toEqual(['a-dear', 'a-cheap', 'b-mid']);
    expect(ids(sortRows(rows, { key: 'cached', direction: 'descending' }))).toEqual(['a-dear', 'a-cheap', 'b-mid']);
    expect(ids(sortRows(rows, { key: 'rpm', direction: 'descending' }))[0]).toBe('b-mid');
  });

  it('sorts text columns alphabetically', () => {
    expect(ids(sortRows(rows, { key: 'model', direction: 'ascending' }))).toEqual(['a-cheap', 'a-dear', 'b-mid']);
    expect(ids(sortRows(rows, { key: 'provider', direction: 'descending' }))).toEqual(['b-mid', 'a-cheap', 'a-dear']);
  });

  it('sorts the real catalog by output price without NaN surprises', () => {
    const sorted = sortRows(catalogRows(catalog), { key: 'output', direction: 'ascending' }).map((r) => r.outputPer1M.value);
    expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
  });

  it('starts a new column ascending and flips the same column', () => {
    expect(nextSort({ key: 'input', direction: 'ascending' }, 'output')).toEqual({ key: 'output', direction: 'ascending' });
    expect(nextSort({ key: 'output', direction: 'ascending' }, 'output')).toEqual({ key: 'output', direction: 'descending' });
    expect(nextSort({ key: 'output', direction: 'descending' }, 'output')).toEqual({ key: 'output', direction: 'ascending' });
  });
});

describe('filterRows', () => {
  it('matches every word of the query against name, id, provider, creator and tags', () => {
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, query: 'dear' }))).toEqual(['a-dear']);
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, query: 'ACME code' }))).toEqual(['a-dear']);
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, query: '  ' }))).toEqual(['a-cheap', 'a-dear', 'b-mid']);
    expect(filterRows(rows, { ...EMPTY_FILTER, query: 'nothing-like-this' })).toEqual([]);
  });

  it('keeps only the chosen providers and, optionally, contractual SLAs', () => {
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, providers: ['beta'] }))).toEqual(['b-mid']);
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, contractualOnly: true }))).toEqual(['a-cheap', 'a-dear']);
  });
});

describe('staleness', () => {
  it('counts whole days and flags figures older than 90 days', () => {
    expect(ageInDays('2026-07-24', '2026-11-24')).toBe(123);
    expect(isStale('2026-08-26', '2026-11-24')).toBe(false); // 90 days: not yet stale
    expect(isStale('2026-08-25', '2026-11-24')).toBe(true); // 91 days
    expect(isStale('2026-12-01', '2026-11-24')).toBe(false); // future date
  });

  it('formats a local date as YYYY-MM-DD', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('lists the figures shown in a row', () => {
    const row = rows.find((r) => r.id === 'a-dear');
    // input, output, cached, context, ttft, tps, rpm, tpm, SLA %
    expect(row && rowFigures(row)).toHaveLength(9);
  });
});

describe('format', () => {
  it('formats money, compact numbers and dates for display', () => {
    expect(formatUsdPer1M(0.15)).toBe('$0.15');
    expect(formatUsdPer1M(2.5)).toBe('$2.50');
    expect(formatUsdPer1M(0.075)).toBe('$0.075');
    expect(formatUsdPer1M(0.0028)).toBe('$0.0028');
    expect(formatUsdPer1M(0)).toBe('$0');
    expect(formatCompact(1_048_576)).toBe('1.05M');
    expect(formatCompact(Number.POSITIVE_INFINITY)).toBe('no limit');
    expect(formatFraction(0.995)).toBe('99.5%');
    expect(formatIsoDate('2026-07-24')).toBe('24 Jul 2026');
  });
});
