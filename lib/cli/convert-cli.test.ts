import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '@/data';
import { parseScenario } from '@/lib/scenario/schema';
import { MAX_INTEROP_BYTES } from '@/lib/interop';
import { parseConvertArguments, runConvertCli, type ConvertCliIo } from './convert-cli';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = 'lib/interop/__fixtures__';
const read = (name: string) => readFileSync(path.join(ROOT, FIXTURES, name), 'utf8');

function io(files: Record<string, string>, stdin = ''): ConvertCliIo {
  return {
    readFile: async (p) => {
      if (!Object.hasOwn(files, p)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return files[p]!;
    },
    readStdin: async () => stdin,
    loadCatalog: async () => catalog,
    today: () => '2026-12-03',
  };
}

const run = (argv: string[], files: Record<string, string> = {}, stdin = '') => runConvertCli(argv, io(files, stdin));

describe('convert CLI arguments', () => {
  it('takes --from <format> <file> --to <format> in any order, = forms too', () => {
    expect(parseConvertArguments(['--from', 'portkey', 'a.json', '--to', 'scenario'])).toEqual({ from: 'portkey', to: 'scenario', source: 'a.json', asOf: undefined });
    expect(parseConvertArguments(['a.yaml', '--to=portkey', '--from=litellm-router'])).toMatchObject({ from: 'litellm-router', to: 'portkey' });
  });

  it('refuses unknown formats, impossible pairs and missing parts with one line', async () => {
    for (const [argv, message] of [
      [['--from', 'helm', 'x', '--to', 'scenario'], '--from: must be one of'],
      [['--from', 'portkey', 'x', '--to', 'catalog'], '--to: portkey converts to litellm-router, portkey, openrouter, scenario, not catalog'],
      [['--from', 'usage-csv', 'x'], '--to: required'],
      [['--from', 'portkey', '--to', 'scenario'], 'missing the input file'],
      [['--from', 'litellm-prices', 'x', '--to', 'catalog', '--as-of', 'today'], '--as-of: must be a date'],
      [['--bogus'], 'unknown option'],
    ] as const) {
      const out = await run([...argv]);
      expect(out.exitCode).toBe(2);
      expect(out.stderr).toContain(message);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('convert CLI', () => {
  it('litellm-router → scenario: a complete, valid Scenario on stdout, defaults on stderr', async () => {
    const out = await run(['--from', 'litellm-router', 'c.yaml', '--to', 'scenario'], { 'c.yaml': read('litellm-config.yaml') });
    expect(out.exitCode).toBe(0);
    expect(parseScenario(JSON.parse(out.stdout)).ok).toBe(true);
    expect(out.stderr).toMatch(/^default: workload: not in the config/m);
    expect(out.stderr).toMatch(/^secret: model_list\[1\]\.litellm_params\.api_key: not copied/m);
    expect(out.stdout + out.stderr).not.toMatch(/sk-live|AZURE_EU_API_KEY|sk-1234/);
  });

  it('portkey from stdin → litellm-router YAML', async () => {
    const out = await run(['--from', 'portkey', '-', '--to', 'litellm-router'], {}, read('portkey-config.json'));
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/model: openai\/gpt-4o-mini/);
    expect(out.stdout).toMatch(/num_retries: 3/);
    expect(out.stdout).not.toMatch(/NEVER/);
  });

  it('openrouter → portkey; scenario → openrouter', async () => {
    const portkey = await run(['--from', 'openrouter', 'b.json', '--to', 'portkey'], { 'b.json': read('openrouter-body.json') });
    expect(portkey.exitCode).toBe(0);
    expect(JSON.parse(portkey.stdout).strategy.mode).toBe('fallback');
    const scenario = readFileSync(path.join(ROOT, 'lib/scenario/fixtures/three-chain-12-month.json'), 'utf8');
    const body = await run(['--from', 'scenario', 's.json', '--to', 'openrouter'], { 's.json': scenario });
    expect(body.exitCode).toBe(0);
    expect(JSON.parse(body.stdout).models.length).toBeGreaterThan(0);
  });

  it('litellm-prices → catalog: dated with --as-of, each skipped entry on stderr, exit 0', async () => {
    const out = await run(['--from', 'litellm-prices', 'p.json', '--to', 'catalog', '--as-of', '2026-11-30'], { 'p.json': read('litellm-prices-hostile.json') });
    expect(out.exitCode).toBe(0);
    const parsed = JSON.parse(out.stdout) as { models: { id: string; prices: { inputPer1M: { asOf: string; note: string } } }[] };
    expect(parsed.models.find((m) => m.id === 'gpt-4o')?.prices.inputPer1M).toMatchObject({ asOf: '2026-11-30', note: 'Read from p.json.' });
    for (const key of ['sample_spec', '__proto__', 'constructor', 'negative-model', 'string-model', 'huge-model', 'text-embedding-3-small']) {
      expect(out.stderr).toMatch(new RegExp(`^skipped: ${key.replace(/[-_]/g, '.')}`, 'm'));
    }
  });

  it('openrouter-models → catalog; usage-csv → workload with the fit quality', async () => {
    const models = await run(['--from', 'openrouter-models', 'm.json', '--to', 'catalog'], { 'm.json': read('openrouter-models.json') });
    expect(models.exitCode).toBe(0);
    expect(models.stderr).toMatch(/"-1" means the price is unknown/);
    const usage = await run(['--from', 'usage-csv', 'u.csv', '--to', 'workload'], { 'u.csv': read('litellm-spend-logs.csv') });
    expect(usage.exitCode).toBe(0);
    expect(JSON.parse(usage.stdout).workload.requestsPerDay).toBeGreaterThan(100);
    expect(usage.stderr).toMatch(/^info: fit: 1,800 requests over 14 day\(s\), 14 full; growth fit R² 0\.\d+/m);
  });

  it('hostile input: exit 2, one line naming the field, no stack trace', async () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', ...Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${new Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`), 'model_list: *i'].join('\n');
    for (const [argv, files, message] of [
      [['--from', 'litellm-router', 'p.json', '--to', 'scenario'], { 'p.json': read('portkey-config.json') }, 'p.json: model_list: required (this looks like a Portkey config: use --from portkey)'],
      [['--from', 'litellm-router', 'bomb.yaml', '--to', 'scenario'], { 'bomb.yaml': bomb }, 'bomb.yaml: litellm-router: too many YAML aliases'],
      [['--from', 'portkey', 'big.json', '--to', 'scenario'], { 'big.json': ' '.repeat(MAX_INTEROP_BYTES + 1) }, 'big.json: portkey: the input is'],
      [['--from', 'scenario', 's.json', '--to', 'portkey'], { 's.json': '{"version":1}' }, 's.json: workload: required'],
      [['--from', 'portkey', 'missing.json', '--to', 'scenario'], {}, 'missing.json: cannot read: no such file'],
    ] as const) {
      const out = await run([...argv], { ...files });
      expect(out.exitCode, message).toBe(2);
      expect(out.stderr).toContain(message);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(out.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  it('runs as `npm run convert` in a real process', () => {
    const result = spawnSync('npx', ['tsx', 'lib/cli/convert.ts', '--from', 'portkey', `${FIXTURES}/portkey-config.json`, '--to', 'openrouter'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).models).toEqual(['openai/gpt-4o-mini', 'anthropic/claude-haiku-4.5']);
    const bad = spawnSync('npx', ['tsx', 'lib/cli/convert.ts', '--from', 'litellm-router', `${FIXTURES}/portkey-config.json`, '--to', 'scenario'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toMatch(/^convert: .*model_list: required/);
  }, 30_000);
});
