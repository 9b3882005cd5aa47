import path from 'node:path';
import { simulate } from '@/lib/engine';
import type { EngineInput, Result } from '@/lib/engine/types';
import { resultToCsv } from '@/lib/export/csv';
import { prepareScenario } from '@/lib/scenario/resolve';
import { MonteCarloSettingsSchema, SCENARIO_DEFAULTS, type SpecCatalog } from '@/lib/scenario/schema';

/**
 * `npm run simulate -- <scenario.json|-> [--format json|csv] [--trials N] [--seed S] [--no-catalog]` (DESIGN.md §1.8)
 * as a function of its arguments and I/O, so it can be tested without a process. Output: the Result JSON or the CSV
 * of DESIGN.md §4 on stdout and nothing else; exit 2 with one line on stderr naming the field on invalid input.
 */

export const USAGE = `usage: npm run --silent simulate -- <scenario.json | -> [options]

Runs the RouteCost engine on a Scenario v1 JSON file (- reads standard input) and prints the Result.

options:
  --format json|csv   output format (default json: the Result JSON of MODEL.md §7.5)
  --trials N          run Monte Carlo with N trials (1-100000); default 2000 when only --seed is given
  --seed S            Monte Carlo seed (0-4294967295, default 1)
  --no-catalog        resolve model and provider ids against the scenario only, not the built-in catalog
  -h, --help          show this help

exit codes: 0 success, 2 invalid input (message on stderr), 1 internal error`;

export interface SimulateCliIo {
  readFile(filePath: string): Promise<string>;
  readStdin(): Promise<string>;
  loadBuiltInCatalog(): Promise<SpecCatalog>;
}

export interface CliOutcome {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

type OutputFormat = 'json' | 'csv';

interface SimulateOptions {
  source: string;
  format: OutputFormat;
  trials?: number;
  seed?: number;
  useCatalog: boolean;
}

const EMPTY_CATALOG: SpecCatalog = { providers: {}, models: {} };
const MAX_ERRORS_SHOWN = 5;

export async function runSimulateCli(argv: readonly string[], io: SimulateCliIo): Promise<CliOutcome> {
  const parsed = parseArguments(argv);
  if (parsed === 'help') return { exitCode: 0, stdout: `${USAGE}\n`, stderr: '' };
  if (typeof parsed === 'string') return invalid(`${parsed} (see --help)`);
  const options = parsed;
  const sourceName = options.source === '-' ? '<stdin>' : options.source;

  let text: string;
  try {
    text = options.source === '-' ? await io.readStdin() : await io.readFile(options.source);
  } catch (error) {
    return invalid(`${sourceName}: cannot read: ${readErrorReason(error)}`);
  }

  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return invalid(`${sourceName}: invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }

  let catalog = EMPTY_CATALOG;
  if (options.useCatalog) {
    try {
      catalog = await io.loadBuiltInCatalog();
    } catch (error) {
      return internalError(`cannot load the built-in catalog: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const prepared = prepareScenario(json, catalog);
  if (!prepared.ok) return invalid(`${sourceName}: ${summarizeErrors(prepared.errors)}`);
  const input = withMonteCarloFlags(prepared.value, options);

  let result: Result;
  try {
    result = simulate(input);
  } catch (error) {
    return internalError(`the engine failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const badValue = firstNonFinitePath(result, '');
  if (badValue !== undefined) return internalError(`the engine produced a non-finite value at ${badValue || '(result)'}`);

  const name = input.name ?? (options.source === '-' ? 'scenario' : path.basename(options.source).replace(/\.json$/i, ''));
  try {
    const stdout = options.format === 'csv' ? resultToCsv([{ name, result }]) : `${JSON.stringify(result, null, 2)}\n`;
    return { exitCode: 0, stdout, stderr: '' };
  } catch (error) {
    return internalError(`cannot write the ${options.format.toUpperCase()}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// ---- arguments ----------------------------------------------------------------------------------------------------

/** Options, 'help', or a one-line error naming the option. */
export function parseArguments(argv: readonly string[]): SimulateOptions | 'help' | string {
  const positional: string[] = [];
  const seen = new Set<string>();
  let format: OutputFormat = 'json';
  let trials: number | undefined;
  let seed: number | undefined;
  let useCatalog = true;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    if (arg === '-h' || arg === '--help') return 'help';

    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (name !== '--format' && name !== '--trials' && name !== '--seed' && name !== '--no-catalog') {
      return `unknown option ${quote(name)}`;
    }
    if (seen.has(name)) return `${name}: given more than once`;
    seen.add(name);

    if (name === '--no-catalog') {
      if (equals !== -1) return '--no-catalog: takes no value';
      useCatalog = false;
      continue;
    }
    let value: string;
    if (equals !== -1) {
      value = arg.slice(equals + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) return `${name}: needs a value`;
      value = next;
      i++;
    }

    if (name === '--format') {
      if (value !== 'json' && value !== 'csv') return `--format: must be json or csv (got ${quote(value)})`;
      format = value;
    } else if (name === '--trials') {
      trials = monteCarloInteger(value, 'trials');
      if (trials === undefined) return `--trials: must be an integer from 1 to 100000 (got ${quote(value)})`;
    } else {
      seed = monteCarloInteger(value, 'seed');
      if (seed === undefined) return `--seed: must be an integer from 0 to 4294967295 (got ${quote(value)})`;
    }
  }

  if (positional.length === 0) return 'missing the scenario file (a path, or - for standard input)';
  if (positional.length > 1) return `expected one scenario file, got ${positional.length}: ${positional.map(quote).join(' ')}`;
  return { source: positional[0]!, format, trials, seed, useCatalog };
}

/** A decimal integer inside the range the Scenario schema allows for `monteCarlo.trials` / `.seed` (MODEL.md §3.6). */
function monteCarloInteger(text: string, key: 'trials' | 'seed'): number | undefined {
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const value = Number(text);
  return MonteCarloSettingsSchema.shape[key].safeParse(value).success ? value : undefined;
}

/** `--trials` / `--seed` override the scenario's `monteCarlo` block, or add one with the §3.6 defaults. */
function withMonteCarloFlags(input: EngineInput, options: SimulateOptions): EngineInput {
  if (options.trials === undefined && options.seed === undefined) return input;
  return {
    ...input,
    monteCarlo: {
      trials: options.trials ?? input.monteCarlo?.trials ?? SCENARIO_DEFAULTS.monteCarlo.trials,
      seed: options.seed ?? input.monteCarlo?.seed ?? SCENARIO_DEFAULTS.monteCarlo.seed,
    },
  };
}

// ---- messages -----------------------------------------------------------------------------------------------------

function invalid(message: string): CliOutcome {
  return { exitCode: 2, stdout: '', stderr: `${oneLine(message)}\n` };
}

function internalError(message: string): CliOutcome {
  return { exitCode: 1, stdout: '', stderr: `internal error: ${oneLine(message)}\n` };
}

/** Validation errors (each starts with its field path) joined on one line, the first few only. */
function summarizeErrors(errors: readonly string[]): string {
  const shown = errors.slice(0, MAX_ERRORS_SHOWN).map(oneLine).join('; ');
  return errors.length > MAX_ERRORS_SHOWN ? `${shown}; and ${errors.length - MAX_ERRORS_SHOWN} more` : shown;
}

/** Control characters (including newlines from user-supplied keys) escaped, so a message is exactly one line. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function readErrorReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** Path of the first number in `value` that is NaN or ±Infinity (or an undefined field), if any. */
function firstNonFinitePath(value: unknown, at: string): string | undefined {
  if (value === undefined) return at;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : at;
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstNonFinitePath(value[i], `${at}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, child] of Object.entries(value)) {
    const found = firstNonFinitePath(child, at === '' ? key : `${at}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}
