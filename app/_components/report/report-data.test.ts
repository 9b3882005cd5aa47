import { describe, expect, it } from 'vitest';
import { resultToCsv } from '@/lib/export/csv';
import { formatCents } from '@/lib/export/rounding';
import type { MonteCarloResult } from '@/lib/engine/types';
import { PRESET_IDS, presetScenario } from '@/lib/scenario/presets';
import type { Scenario } from '@/lib/scenario/schema';
import { evaluateScenario } from '@/lib/store/evaluate';
import { figuresUsed, sourceHost, type UsedFigure } from './figures-used';
import { reportFindings } from './findings';
import { reportTable } from './monthly-table-rows';
import { catalogNames } from './names';
import '@/lib/store/scenario-validator'; // the store's zod validator (lib/store/evaluate.ts)

const names = catalogNames();

function evaluated(scenario: Scenario) {
  const evaluation = evaluateScenario(scenario);
  if (!evaluation.input || !evaluation.result) throw new Error(`invalid scenario: ${JSON.stringify(evaluation.errors)}`);
  return { input: evaluation.input, result: evaluation.result };
}

function figureNamed(groups: ReturnType<typeof figuresUsed>, group: string, label: string): UsedFigure {
  const found = groups.find((g) => g.title.startsWith(group))?.figures.find((f) => f.label === label);
  if (!found) throw new Error(`no figure "${label}" in "${group}"`);
  return found;
}

describe('reportTable', () => {
  it.each(PRESET_IDS)('%s: every row’s components add up to its TCO, and the total row is the CSV’s to the cent', (id) => {
    const { result } = evaluated(presetScenario(id));
    const table = reportTable(result);
    for (const row of [...table.months, table.total]) {
      const sum = Object.values(row.costs).reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - row.tco)).toBeLessThan(1e-6 * Math.max(1, row.tco));
    }
    expect(table.months.at(-1)!.cumulativeTco).toBeCloseTo(result.total.tco, 6);
    // The CSV's total-row tco_usd is the same figure, rounded the same way.
    const csv = resultToCsv([{ name: 'x', result }]).split('\r\n');
    const header = csv[0]!.replace(/^\uFEFF/, '').split(',');
    const totalRow = csv.find((line) => line.startsWith('x,total,'))!.split(',');
    expect(totalRow[header.indexOf('tco_usd')]).toBe(formatCents(table.total.tco));
    expect(totalRow[header.indexOf('token_cost_usd')]).toBe(formatCents(table.total.costs.tokens));
    // Every component is either a column or named as zero under the table.
    expect(table.columns.length + table.zeroColumns.length).toBe(9);
  });

  it('adds the Monte Carlo band only when the run covers the same months', () => {
    const { result } = evaluated(presetScenario('support-chatbot'));
    const p = { p5: 1, p50: 2, p95: 3 };
    const matching: MonteCarloResult = { trials: 10, seed: 1, monthly: result.months.map(() => p), total: { p5: 10, p50: 20, p95: 30 } };
    expect(reportTable(result, matching).total.band).toEqual([10, 30]);
    expect(reportTable(result, matching).months[0]!.band).toEqual([1, 3]);
    expect(reportTable(result, { ...matching, monthly: [p] }).hasBand).toBe(false);
  });
});

describe('figuresUsed', () => {
  it('gives each catalog figure its source and as-of date', () => {
    const scenario = presetScenario('support-chatbot');
    const groups = figuresUsed(scenario, evaluated(scenario).input);
    expect(groups.map((g) => g.title)).toEqual(['Claude Haiku 4.5 · Anthropic', 'GPT-4o mini · OpenAI', 'Anthropic', 'OpenAI', 'Your cost inputs']);
    const price = figureNamed(groups, 'Claude Haiku 4.5', 'Input / output price');
    expect(price.value).toBe('$1.00 / $5.00 per 1M tokens');
    expect(price.source).toMatchObject({ kind: 'catalog', url: expect.stringContaining('litellm'), asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    // The preset caches 40 % of input: the cached price is listed too.
    expect(figureNamed(groups, 'Claude Haiku 4.5', 'Cached input price').value).toBe('$0.10 / 1M tokens');
    expect(figureNamed(groups, 'Anthropic', 'Planning availability').source.kind).toBe('catalog');
    expect(figureNamed(groups, 'Your cost inputs', 'Engineering rate')).toMatchObject({ value: '$120.00 / h', source: { kind: 'input' } });
  });

  it('marks scenario overrides, custom models and price multipliers', () => {
    const base = presetScenario('support-chatbot');
    const scenario: Scenario = {
      ...base,
      models: {
        'claude-haiku-4-5': { outputPer1M: 4 },
        'gpt-4o-mini': { priceMultiplier: 1.1 },
        'my-model': { provider: 'openai', inputPer1M: 0.5, outputPer1M: 1, ttftMs: 300, tokensPerSec: 100 },
      },
      routing: { ...base.routing, chains: [{ weight: 1, models: ['claude-haiku-4-5', 'gpt-4o-mini', 'my-model'] }] },
    };
    const groups = figuresUsed(scenario, evaluated(scenario).input);
    // Input (catalog) and output (override) have different sources, so they are two rows.
    expect(figureNamed(groups, 'Claude Haiku 4.5', 'Input price').source.kind).toBe('catalog');
    expect(figureNamed(groups, 'Claude Haiku 4.5', 'Output price')).toMatchObject({ value: '$4.00 / 1M tokens', source: { kind: 'override' } });
    // 0.15 × 1.1 = 0.165, 0.60 × 1.1 = 0.66: the value the engine ran with, the list price's source, and a note.
    const multiplied = figureNamed(groups, 'GPT-4o mini', 'Input / output price');
    expect(multiplied).toMatchObject({ value: '$0.165 / $0.66 per 1M tokens', source: { kind: 'catalog' }, note: expect.stringContaining('× 1.1') });
    expect(figureNamed(groups, 'my-model (custom model)', 'Input / output price').source.kind).toBe('custom');
  });

  it('shortens a source URL to host and path', () => {
    expect(sourceHost('https://www.example.com/docs/pricing/')).toBe('example.com/docs/pricing');
    expect(sourceHost('not a url')).toBe('not a url');
  });
});

describe('reportFindings', () => {
  it('states the support preset’s availability, latency and rate limits as sentences', () => {
    const { input, result } = evaluated(presetScenario('support-chatbot'));
    const text = reportFindings(input, result, null, names).map((f) => f.text);
    // 1 − 0.999975 of 43,830 min = 1.1 min a month; Anthropic alone: 0.005 × 43,830 = 219 min = 3 h 39 min.
    expect(text).toContain('The chain is down about 1.1 min a month (99.9975%), only when Anthropic and OpenAI are both down; Anthropic alone would be down about 3 h 39 min a month.');
    // First-token time is a lognormal per model (median 800 ms, p95 1.92 s for Haiku): most requests miss 500 ms.
    expect(text.some((t) => /^\d+\.\d% of requests miss the 500 ms first-token target; 95% are within [\d.]+ s\. Claude Haiku 4\.5 on its own needs 800 ms/.test(t))).toBe(true);
    expect(text.some((t) => /^At peak Claude Haiku 4\.5 receives up to 111 requests a minute \(month 6\)/.test(t))).toBe(true);
  });

  it('says in which month 429s start to bind', () => {
    const base = presetScenario('support-chatbot');
    // 50,000 req/day × 2.5 peak / 1,440 = 86.8 req/min at peak in month 1; × 1.05² = 95.7 in month 3, above 95 RPM.
    // Bursty arrivals (dispersion 3) already get 429s in month 1.
    const scenario: Scenario = { ...base, models: { 'claude-haiku-4-5': { rpm: 95 } } };
    const { input, result } = evaluated(scenario);
    const findings = reportFindings(input, result, null, names);
    const binding = findings.find((f) => f.text.startsWith('429s start to bind in month'));
    expect(binding?.warning).toBe(true);
    expect(findings.some((f) => f.text.startsWith("Peak demand passes Claude Haiku 4.5's limit of 95 requests a minute in month 3 (95.7 a minute)"))).toBe(true);
    expect(binding?.text).toMatch(/^429s start to bind in month 1: \d\.\d% of attempts are rate-limited, rising to \d\.\d% in month 6\.$/);
  });

  it.each(PRESET_IDS)('%s: never shows a non-finite figure, with and without Monte Carlo', (id) => {
    const { input, result } = evaluated(presetScenario(id));
    const monteCarlo: MonteCarloResult = { trials: 5, seed: 1, monthly: result.months.map(() => ({ p5: 1, p50: 2, p95: 3 })), total: { p5: 4, p50: 5, p95: 6 } };
    for (const findings of [reportFindings(input, result, null, names), reportFindings(input, result, monteCarlo, names)]) {
      expect(findings.length).toBeGreaterThan(5);
      for (const finding of findings) expect(finding.text).not.toMatch(/NaN|Infinity|undefined|null|—/);
    }
  });

  it('handles a scenario without traffic', () => {
    const { input, result } = evaluated({ ...presetScenario('cost-sensitive'), workload: { ...presetScenario('cost-sensitive').workload, requestsPerDay: 0 } });
    for (const finding of reportFindings(input, result, null, names)) expect(finding.text).not.toMatch(/NaN|Infinity|undefined/);
  });
});
