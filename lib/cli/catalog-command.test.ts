import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { catalog } from '@/data';
import { CatalogSchema } from '@/lib/catalog/schema';
import { CSV_COLUMNS, runCatalogCli } from './catalog-command';

describe('catalog CLI', () => {
  it('prints the whole catalog as JSON by default, with ids and sources, and it re-validates', () => {
    const out = runCatalogCli([], catalog);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe('');
    const parsed = JSON.parse(out.stdout) as unknown;
    const result = CatalogSchema.safeParse(parsed);
    expect(result.success).toBe(true);
    expect(result.data?.models).toHaveLength(catalog.models.length);
    expect(result.data?.models[0]?.prices.inputPer1M.source).toMatch(/^https:\/\//);
    expect(runCatalogCli(['--format', 'json'], catalog).stdout).toBe(out.stdout);
  });

  it('prints one RFC 4180 CSV row per model with CRLF line ends', () => {
    const out = runCatalogCli(['--format=csv'], catalog);
    expect(out.exitCode).toBe(0);
    expect(out.stdout.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(out.stdout.trimEnd(), { header: true, newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(catalog.models.length);
    const mini = parsed.data.find((r) => r.id === 'gpt-4o-mini');
    expect(mini).toMatchObject({ provider: 'openai', input_per_1m_usd: '0.15', output_per_1m_usd: '0.6', cached_input_per_1m_usd: '0.075', rpm: '500', tpm: '200000' });
    // Anthropic's ITPM + OTPM are summed into the engine TPM column (4,000,000 + 800,000)
    expect(parsed.data.find((r) => r.id === 'claude-haiku-4-5')).toMatchObject({ itpm: '4000000', otpm: '800000', tpm: '4800000' });
    // a display name with a comma is quoted
    expect(out.stdout).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('exits 2 with one line on a bad flag or format', () => {
    for (const argv of [['--fromat', 'csv'], ['--format', 'xml'], ['--format'], ['extra']]) {
      const out = runCatalogCli(argv, catalog);
      expect(out.exitCode, argv.join(' ')).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(out.stderr).toMatch(/^catalog: /);
    }
  });
});
