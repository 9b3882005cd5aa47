import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import type { Result } from '@/lib/engine/types';
import { CSV_COLUMNS, CSV_MONTE_CARLO_COLUMNS } from '@/lib/export/csv';
import { prepareScenario } from '@/lib/scenario/resolve';
import type { ModelSpec, SpecCatalog } from '@/lib/scenario/schema';
import { loadBuiltInSpecCatalog } from './built-in-catalog';
import examples from './__fixtures__/model-examples.json';
import { parseArguments, runSimulateCli, type SimulateCliIo } from './simulate-cli';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE_PATH = 'lib/scenario/fixtures/three-chain-12-month.json';
const FIXTURE_TEXT = readFileSync(path.join(ROOT, FIXTURE_PATH), 'utf8');

const acmeModel: ModelSpec = {
  provider: 'acme',
  inputPer1M: 0.5,
  outputPer1M: 1.5,
  cachedInputPer1M: 0.25,
  batchInputPer1M: 0.25,
  batchOutputPer1M: 0.75,
  ttftMs: 300,
  tokensPerSec: 100,
  rpm: null,
  tpm: null,
  maxConcurrency: null,
  limitWindowSec: 60,
  transientErrorRate: 0.001,
  fastFailMs: 200,
  provisioned: null,
};
const CATALOG: SpecCatalog = {
  providers: {
    acme: { availability: 0.999, meanOutageMinutes: 30, outageDetectMs: 1000, contractual: false, slaCredits: [], integrationHours: 10, maintenanceHoursPerMonth: 2 },
  },
  models: { 'acme-large': acmeModel },
};

/** A scenario that names a catalog model only. */
const CATALOG_SCENARIO = {
  version: 1,
  workload: { requestsPerDay: 5000, inputTokens: { median: 400, p95: 1600 }, outputTokens: { median: 150, p95: 600 } },
  routing: { chains: [{ weight: 1, models: ['acme-large'] }] },
  horizonMonths: 2,
};

function fakeIo(files: Record<string, string>, stdin = ''): SimulateCliIo {
  return {
    readFile: async (filePath) => {
      if (!Object.hasOwn(files, filePath)) throw Object.assign(new Error(`ENOENT: ${filePath}`), { code: 'ENOENT' });
      return files[filePath]!;
    },
    readStdin: async () => stdin,
    loadBuiltInCatalog: async () => CATALOG,
  };
}

function simulated(input: unknown, catalog: SpecCatalog): Result {
  const prepared = prepareScenario(input, catalog);
  if (!prepared.ok) throw new Error(prepared.errors.join('\n'));
  return simulate(prepared.value);
}

/** Conformance of MODEL.md §11: 1e-9 relative, 1e-12 absolute near zero; nulls and key sets equal. */
function expectConforms(actual: unknown, expected: unknown, at = 'result'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, at).toBe('number');
    const tolerance = Math.max(1e-12, 1e-9 * Math.abs(expected));
    expect(Math.abs((actual as number) - expected), `${at}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(tolerance);
  } else if (expected === null || typeof expected !== 'object') {
    expect(actual, at).toEqual(expected);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual) && actual.length, at).toBe(expected.length);
    expected.forEach((item, i) => expectConforms((actual as unknown[])[i], item, `${at}[${i}]`));
  } else {
    expect(Object.keys(actual as object).sort(), at).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) expectConforms((actual as Record<string, unknown>)[key], value, `${at}.${key}`);
  }
}

describe('parseArguments', () => {
  it('has the documented defaults', () => {
    expect(parseArguments(['s.json'])).toEqual({ source: 's.json', format: 'json', trials: undefined, seed: undefined, useCatalog: true });
  });

  it('reads every option, in both spellings', () => {
    expect(parseArguments(['--format', 'csv', '--trials=500', '--seed', '0', '--no-catalog', '-'])).toEqual({
      source: '-',
      format: 'csv',
      trials: 500,
      seed: 0,
      useCatalog: false,
    });
    expect(parseArguments(['--', '-odd-name.json'])).toMatchObject({ source: '-odd-name.json' });
    expect(parseArguments(['--seed', '4294967295', 'x'])).toMatchObject({ seed: 4294967295 });
    expect(parseArguments(['x', '--help'])).toBe('help');
  });

  it.each([
    [['s.json', '--fromat', 'csv'], 'unknown option "--fromat"'],
    [['s.json', '-x'], 'unknown option "-x"'],
    [['s.json', '--format', 'xml'], '--format: must be json or csv (got "xml")'],
    [['s.json', '--format'], '--format: needs a value'],
    [['s.json', '--trials', '--seed', '1'], '--trials: needs a value'],
    [['s.json', '--trials', '0'], '--trials: must be an integer from 1 to 100000 (got "0")'],
    [['s.json', '--trials', '100001'], '--trials: must be an integer from 1 to 100000 (got "100001")'],
    [['s.json', '--trials', '1.5'], '--trials: must be an integer from 1 to 100000 (got "1.5")'],
    [['s.json', '--trials', '1e3'], '--trials: must be an integer from 1 to 100000 (got "1e3")'],
    [['s.json', '--trials', ''], '--trials: must be an integer from 1 to 100000 (got "")'],
    [['s.json', '--seed', '-1'], '--seed: must be an integer from 0 to 4294967295 (got "-1")'],
    [['s.json', '--seed', '4294967296'], '--seed: must be an integer from 0 to 4294967295 (got "4294967296")'],
    [['s.json', '--trials', '5', '--trials', '6'], '--trials: given more than once'],
    [['s.json', '--no-catalog=yes'], '--no-catalog: takes no value'],
    [[], 'missing the scenario file (a path, or - for standard input)'],
    [['a.json', 'b.json'], 'expected one scenario file, got 2: "a.json" "b.json"'],
  ])('rejects %j', (argv, message) => {
    expect(parseArguments(argv)).toBe(message);
  });
});

describe('runSimulateCli', () => {
  it('prints the Result of the resolved scenario as 2-space JSON and nothing else', async () => {
    const outcome = await runSimulateCli([FIXTURE_PATH], fakeIo({ [FIXTURE_PATH]: FIXTURE_TEXT }));
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stderr).toBe('');
    const expected = simulated(JSON.parse(FIXTURE_TEXT), CATALOG);
    expect(JSON.parse(outcome.stdout)).toEqual(expected);
    expect(outcome.stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    expect(expected.months).toHaveLength(12);
  });

  it('resolves ids against the built-in catalog unless --no-catalog', async () => {
    const io = fakeIo({ 's.json': JSON.stringify(CATALOG_SCENARIO) });
    const withCatalog = await runSimulateCli(['s.json'], io);
    expect(withCatalog.exitCode).toBe(0);
    expect(JSON.parse(withCatalog.stdout)).toEqual(simulated(CATALOG_SCENARIO, CATALOG));

    const without = await runSimulateCli(['s.json', '--no-catalog'], io);
    expect(without).toEqual({ exitCode: 2, stdout: '', stderr: 's.json: routing.chains[0].models[0]: unknown model "acme-large"\n' });
  });

  it('reads standard input for -', async () => {
    const outcome = await runSimulateCli(['-', '--no-catalog'], fakeIo({}, FIXTURE_TEXT));
    expect(outcome.exitCode).toBe(0);
    expect(JSON.parse(outcome.stdout)).toEqual(simulated(JSON.parse(FIXTURE_TEXT), { providers: {}, models: {} }));
  });

  it('accepts a file with a UTF-8 byte-order mark', async () => {
    const outcome = await runSimulateCli(['s.json'], fakeIo({ 's.json': `\uFEFF${JSON.stringify(CATALOG_SCENARIO)}` }));
    expect(outcome.exitCode).toBe(0);
  });

  const simulateExamples = examples.examples.flatMap((e): [string, unknown, unknown][] => {
    const input = e.input as Record<string, unknown>;
    const output = e.output as Record<string, unknown>;
    if (e.id === 'E3') return [['E3', input.scenario, output.result]];
    if (e.id === 'E8') return [['E8 provisioned', input.provisioned, output.provisioned], ['E8 payg', input.payg, output.payg]];
    return e.fn === 'simulate' ? [[e.id, input, output]] : [];
  });

  it('covers the six simulate examples', () => {
    expect(simulateExamples.map(([id]) => id)).toEqual(['E1', 'E3', 'E6', 'E7', 'E8 provisioned', 'E8 payg']);
  });

  it.each(simulateExamples)('reproduces worked example %s with --no-catalog (MODEL.md §11)', async (_, input, expected) => {
    const outcome = await runSimulateCli(['example.json', '--no-catalog'], fakeIo({ 'example.json': JSON.stringify(input) }));
    expect(outcome.stderr).toBe('');
    expectConforms(JSON.parse(outcome.stdout), expected);
  });

  it('adds Monte Carlo with --trials (seed 1 by default) and --seed alone (2,000 trials)', async () => {
    const io = fakeIo({ 's.json': JSON.stringify(CATALOG_SCENARIO) });
    const trialsOnly = JSON.parse((await runSimulateCli(['s.json', '--trials', '40'], io)).stdout) as Result;
    expect(trialsOnly.monteCarlo).toMatchObject({ trials: 40, seed: 1 });
    expect(trialsOnly.monteCarlo?.monthly).toHaveLength(2);

    const seedOnly = JSON.parse((await runSimulateCli(['s.json', '--seed', '9'], io)).stdout) as Result;
    expect(seedOnly.monteCarlo).toMatchObject({ trials: 2000, seed: 9 });

    const plain = JSON.parse((await runSimulateCli(['s.json'], io)).stdout) as Result;
    expect(plain).not.toHaveProperty('monteCarlo');
  });

  it("lets the flags override the scenario's own monteCarlo block", async () => {
    const io = fakeIo({ 's.json': JSON.stringify({ ...CATALOG_SCENARIO, monteCarlo: { trials: 30, seed: 4 } }) });
    const own = JSON.parse((await runSimulateCli(['s.json'], io)).stdout) as Result;
    expect(own.monteCarlo).toMatchObject({ trials: 30, seed: 4 });
    const overridden = JSON.parse((await runSimulateCli(['s.json', '--seed', '5'], io)).stdout) as Result;
    expect(overridden.monteCarlo).toMatchObject({ trials: 30, seed: 5 });
  });

  it('writes the CSV of DESIGN.md §4 with --format csv', async () => {
    const outcome = await runSimulateCli([FIXTURE_PATH, '--format', 'csv'], fakeIo({ [FIXTURE_PATH]: FIXTURE_TEXT }));
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout.startsWith('\uFEFF')).toBe(true);
    const rows = outcome.stdout.slice(1).split('\r\n').filter((line) => line !== '');
    expect(rows[0]).toBe(CSV_COLUMNS.join(','));
    expect(rows).toHaveLength(1 + 12 + 1); // header, 12 months, total
    // The name has commas, so RFC 4180 quotes it.
    expect(rows[1]!.startsWith('"Support assistant: three chains, three providers, 12 months",1,')).toBe(true);
    expect(rows[13]!.startsWith('"Support assistant: three chains, three providers, 12 months",total,')).toBe(true);
  });

  it('adds the Monte Carlo columns to the CSV when Monte Carlo ran', async () => {
    const outcome = await runSimulateCli(['s.json', '--format=csv', '--trials', '20'], fakeIo({ 's.json': JSON.stringify(CATALOG_SCENARIO) }));
    const header = outcome.stdout.slice(1).split('\r\n')[0];
    expect(header).toBe([...CSV_COLUMNS, ...CSV_MONTE_CARLO_COLUMNS].join(','));
    // Unnamed scenario: the file name names the rows.
    expect(outcome.stdout.split('\r\n')[1]!.startsWith('s,1,')).toBe(true);
  });
});

describe('runSimulateCli: invalid input exits 2 with one line naming the problem', () => {
  const cases: [string, string[], Record<string, string>, string][] = [
    ['a schema error', ['s.json'], { 's.json': JSON.stringify({ ...CATALOG_SCENARIO, horizonMonths: 0 }) }, 's.json: horizonMonths: must be >= 1'],
    [
      'a missing required field',
      ['s.json'],
      { 's.json': JSON.stringify({ ...CATALOG_SCENARIO, workload: { ...CATALOG_SCENARIO.workload, requestsPerDay: undefined } }) },
      's.json: workload.requestsPerDay: required',
    ],
    ['an unknown field', ['s.json'], { 's.json': JSON.stringify({ ...CATALOG_SCENARIO, latencyTargetMs: 500 }) }, 's.json: latencyTargetMs: unknown field'],
    [
      'a resolve error',
      ['s.json'],
      { 's.json': JSON.stringify({ ...CATALOG_SCENARIO, models: { foo: { provider: 'acme', inputPer1M: 1 } } }) },
      's.json: models.foo.outputPer1M: required; models.foo.ttftMs: required; models.foo.tokensPerSec: required',
    ],
    ['bad JSON', ['s.json'], { 's.json': '{"version": 1,' }, 's.json: invalid JSON: '],
    ['a missing file', ['nope.json'], {}, 'nope.json: cannot read: no such file'],
    ['an unknown flag', ['s.json', '--csv'], {}, 'unknown option "--csv" (see --help)'],
    ['a bad --trials', ['s.json', '--trials', 'many'], {}, '--trials: must be an integer from 1 to 100000 (got "many") (see --help)'],
  ];

  it.each(cases)('%s', async (_, argv, files, message) => {
    const outcome = await runSimulateCli(argv, fakeIo(files));
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr.startsWith(message)).toBe(true);
    expect(outcome.stderr.indexOf('\n')).toBe(outcome.stderr.length - 1);
  });

  it('keeps a key containing newlines on one line and caps the list of errors', async () => {
    const hostile: Record<string, unknown> = { ...CATALOG_SCENARIO };
    for (let i = 0; i < 8; i++) hostile[`bad\nkey\r${i}`] = 1;
    const outcome = await runSimulateCli(['-'], fakeIo({}, JSON.stringify(hostile)));
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toBe(
      '<stdin>: bad\\nkey\\r0: unknown field; bad\\nkey\\r1: unknown field; bad\\nkey\\r2: unknown field; ' +
        'bad\\nkey\\r3: unknown field; bad\\nkey\\r4: unknown field; and 3 more\n',
    );
  });

  it('prints the usage on --help', async () => {
    const outcome = await runSimulateCli(['--help'], fakeIo({}));
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout).toContain('usage: npm run --silent simulate -- <scenario.json | -> [options]');
  });
});

describe('simulate.ts end to end (spawned through tsx)', () => {
  // node_modules/.bin/tsx is what `npx tsx` runs, without npx's own warnings on stderr.
  const run = (args: string[], input?: string) =>
    spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['lib/cli/simulate.ts', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });

  it('prints the same Result as the engine called in-process, with the built-in catalog', async () => {
    const child = run([FIXTURE_PATH, '--trials', '100', '--seed', '7']);
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const prepared = prepareScenario(JSON.parse(FIXTURE_TEXT), await loadBuiltInSpecCatalog());
    if (!prepared.ok) throw new Error(prepared.errors.join('\n'));
    expect(JSON.parse(child.stdout)).toEqual(simulate({ ...prepared.value, monteCarlo: { trials: 100, seed: 7 } }));
  }, 60_000);

  it('exits 2 with the field on stderr for invalid standard input', () => {
    const child = run(['-'], JSON.stringify({ ...CATALOG_SCENARIO, outageCorrelation: 2 }));
    expect(child.status).toBe(2);
    expect(child.stdout).toBe('');
    expect(child.stderr).toBe('<stdin>: outageCorrelation: must be <= 1\n');
  }, 60_000);
});
