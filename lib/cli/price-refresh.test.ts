import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalog, providerFiles } from '@/data';
import { Notes } from '@/lib/interop/common';
import { runCatalogCommand, type CatalogCliIo } from './catalog-command';
import { diffLitellmPrices, rewriteModelPrices } from './price-refresh';

const ROOT = path.resolve(__dirname, '../..');
const reference = readFileSync(path.join(ROOT, 'data/reference/litellm-model-prices.json'), 'utf8');

/** The catalog's own reference copy with Claude Haiku 4.5 20 % dearer on input and a cheaper cached read. */
function newerMap(): string {
  const map = JSON.parse(reference) as Record<string, Record<string, number>>;
  map['claude-haiku-4-5']!.input_cost_per_token = 0.0000012;
  map['claude-haiku-4-5']!.cache_read_input_token_cost = 8e-8;
  map['gpt-4o-mini']!.output_cost_per_token = 5e-7;
  return JSON.stringify(map);
}

const modelFiles: Record<string, string> = {};
for (const [file, data] of Object.entries(providerFiles)) for (const model of data.models) modelFiles[model.id] = file;

describe('price diff against the built-in catalog', () => {
  it('lists each changed LiteLLM-sourced price with old, new and %', () => {
    const changes = diffLitellmPrices(catalog, newerMap(), new Notes());
    expect(changes).toEqual([
      { modelId: 'gpt-4o-mini', litellmKey: 'gpt-4o-mini', field: 'outputPer1M', old: 0.6, new: 0.5, pct: -16.67, deliberate: false },
      { modelId: 'claude-haiku-4-5', litellmKey: 'claude-haiku-4-5', field: 'inputPer1M', old: 1, new: 1.2, pct: 20, deliberate: false },
      { modelId: 'claude-haiku-4-5', litellmKey: 'claude-haiku-4-5', field: 'cachedInputPer1M', old: 0.1, new: 0.08, pct: -20, deliberate: false },
    ]);
  });

  it('the catalog\u2019s own reference copy changes nothing', () => {
    expect(diffLitellmPrices(catalog, reference, new Notes())).toEqual([]);
  });

  it('rewrites one model\u2019s litellmPrices call and leaves the others alone', () => {
    const source = "      id: 'a',\n      prices: litellmPrices({ input: 1, output: 5 }),\n    },\n    {\n      id: 'b',\n      prices: litellmPrices({ input: 1, output: 5 }),\n";
    const change = { modelId: 'b', litellmKey: 'b', field: 'inputPer1M' as const, old: 1, new: 1.5, pct: 50, deliberate: false };
    const once = rewriteModelPrices(source, 'b', [change], '2026-12-03');
    expect(once.ok).toBe(true);
    expect(once.text).toContain("id: 'a',\n      prices: litellmPrices({ input: 1, output: 5 }),");
    expect(once.text).toContain("litellmPrices({ input: 1.5, output: 5 }, '2026-12-03')");
    // A second refresh replaces the date instead of adding another.
    const twice = rewriteModelPrices(once.text, 'b', [{ ...change, new: 2 }], '2027-01-05');
    expect(twice.text).toContain("litellmPrices({ input: 2, output: 5 }, '2027-01-05')");
    expect(rewriteModelPrices(source, 'missing', [change], '2026-12-03').ok).toBe(false);
  });
});

describe('npm run catalog -- --diff-litellm <file> [--apply] (on a temporary copy of data/)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'routecost-prices-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const dataDir = path.join(dir, 'data');
  cpSync(path.join(ROOT, 'data/providers'), path.join(dataDir, 'providers'), { recursive: true });
  cpSync(path.join(ROOT, 'data/reference'), path.join(dataDir, 'reference'), { recursive: true });
  const mapPath = path.join(dir, 'newer.json');
  writeFileSync(mapPath, newerMap());
  const realAnthropic = readFileSync(path.join(ROOT, 'data/providers/anthropic.ts'), 'utf8');
  const io: CatalogCliIo = { readFile: (p) => readFile(p, 'utf8'), writeFile: (p, t) => writeFile(p, t, 'utf8'), dataDir, modelFiles, today: () => '2026-12-03' };

  it('prints the table without touching any file', async () => {
    const out = await runCatalogCommand(['--diff-litellm', mapPath], catalog, io);
    expect(out.exitCode).toBe(0);
    expect(out.stdout.split('\n')[0]).toMatch(/^model\s+field\s+old \$\/1M\s+new \$\/1M\s+%$/);
    expect(out.stdout).toMatch(/claude-haiku-4-5\s+inputPer1M\s+1\s+1\.2\s+\+20\.0 %/);
    expect(out.stdout).toMatch(/gpt-4o-mini\s+outputPer1M\s+0\.6\s+0\.5\s+-16\.7 %/);
    expect(readFileSync(path.join(dataDir, 'providers/anthropic.ts'), 'utf8')).toBe(realAnthropic);
  });

  it('--apply rewrites the provider files and the reference copy, with the as-of date; the repo data stays as it was', async () => {
    const out = await runCatalogCommand(['--diff-litellm', mapPath, '--apply', '--as-of', '2026-12-01'], catalog, io);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/Applied 3 price change\(s\) to 2 data file\(s\) \(LiteLLM, as of 2026-12-01\)/);
    const anthropic = readFileSync(path.join(dataDir, 'providers/anthropic.ts'), 'utf8');
    expect(anthropic).toContain("litellmPrices({ input: 1.2, output: 5, cachedInput: 0.08, cacheWrite: 1.25, cacheWrite1h: 2 }, '2026-12-01')");
    // Claude Sonnet 4.6 did not change.
    expect(anthropic).toContain('litellmPrices({ input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6 }),');
    expect(readFileSync(path.join(dataDir, 'providers/openai.ts'), 'utf8')).toMatch(/litellmPrices\(\{ input: 0\.15, output: 0\.5, [^}]*\}, '2026-12-01'\)/);
    const ref = JSON.parse(readFileSync(path.join(dataDir, 'reference/litellm-model-prices.json'), 'utf8')) as Record<string, Record<string, number>>;
    expect(ref['claude-haiku-4-5']?.input_cost_per_token).toBe(0.0000012);
    expect(readFileSync(path.join(ROOT, 'data/providers/anthropic.ts'), 'utf8')).toBe(realAnthropic);
    // The rewritten reference carries the new prices (the in-memory catalog still has the old ones).
    expect(diffLitellmPrices(catalog, JSON.stringify(ref), new Notes())).toHaveLength(3);
  });

  it('bad arguments and files: exit 2 with one line', async () => {
    for (const argv of [['--apply'], ['--diff-litellm'], ['--diff-litellm', mapPath, '--as-of', 'soon'], ['--diff-litellm', mapPath, '--format', 'csv'], ['--diff-litellm', path.join(dir, 'none.json')]]) {
      const out = await runCatalogCommand(argv, catalog, io);
      expect(out.exitCode, argv.join(' ')).toBe(2);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
    }
    writeFileSync(path.join(dir, 'bad.json'), '{"model_list": []}');
    const proxy = await runCatalogCommand(['--diff-litellm', path.join(dir, 'bad.json')], catalog, io);
    expect(proxy.stderr).toMatch(/proxy config/);
  });
});
