import { breakeven, type BreakevenResult } from '@/lib/planner/breakeven';
import { PlannerInputError } from '@/lib/planner/candidates';
import { optimize } from '@/lib/planner/optimize';
import { sensitivity, type SensitivityResult } from '@/lib/planner/sensitivity';
import type { CandidateFigures, OptimizeOptions, OptimizeResult, P95Measure } from '@/lib/planner/types';
import { parseScenario, type Scenario, type SpecCatalog } from '@/lib/scenario/schema';
import { oneLine, type CliOutcome, type SimulateCliIo } from './simulate-cli';

/**
 * `npm run plan -- optimize|sensitivity|breakeven …` (issue 11, docs/decisions/009) as a function of its arguments
 * and I/O. Output on stdout only; invalid input exits 2 with one line on stderr naming the flag or field.
 */
export const PLAN_USAGE = `usage:
  npm run --silent plan -- optimize <scenario.json | -> [--no-catalog] [--models a,b,c] [--max-chain N]
      [--min-availability A] [--max-p95-ms L] [--p95-measure firstToken|fullResponse] [--max-429-rate R]
      [--format json|table]
  npm run --silent plan -- sensitivity <scenario.json | -> [--no-catalog] [--swing P] [--format json|table]
  npm run --silent plan -- breakeven <A.json> <B.json> --vary <dotted path> [--from x --to y] [--no-catalog]
      [--format json|table]

optimize: the cheapest single chain (total.tco) meeting the constraints, and the Pareto frontier over
  (tco, chainAvailability, p95). Candidates: every ordered chain of 1..N distinct models (default N = 3) over
  --models (default: every built-in catalog model plus the scenario's own; with --no-catalog the scenario's only).
sensitivity: TCO at ×(1 - P/100) and ×(1 + P/100) of every numeric input that moves it (P default 20).
breakeven: every value of the input in [from, to] where TCO(A) = TCO(B).

exit codes: 0 success, 2 invalid input (message on stderr), 1 internal error`;

type Format = 'json' | 'table';

interface Parsed {
  command: 'optimize' | 'sensitivity' | 'breakeven';
  files: string[];
  flags: Map<string, string | true>;
}

const FLAGS: Record<Parsed['command'], readonly string[]> = {
  optimize: ['--no-catalog', '--models', '--max-chain', '--min-availability', '--max-p95-ms', '--p95-measure', '--max-429-rate', '--format'],
  sensitivity: ['--no-catalog', '--swing', '--format'],
  breakeven: ['--no-catalog', '--vary', '--from', '--to', '--format'],
};
const BOOLEAN_FLAGS = new Set(['--no-catalog']);

class UsageError extends Error {}

function parse(argv: readonly string[]): Parsed | 'help' {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help') return 'help';
  if (command !== 'optimize' && command !== 'sensitivity' && command !== 'breakeven') {
    throw new UsageError(`unknown command ${JSON.stringify(command)} (optimize, sensitivity or breakeven)`);
  }
  const files: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '-' || !arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (!FLAGS[command].includes(name)) throw new UsageError(`unknown option ${JSON.stringify(name)} for ${command}`);
    if (flags.has(name)) throw new UsageError(`${name}: given more than once`);
    if (BOOLEAN_FLAGS.has(name)) {
      if (equals !== -1) throw new UsageError(`${name}: takes no value`);
      flags.set(name, true);
      continue;
    }
    let value: string | undefined = equals === -1 ? rest[i + 1] : arg.slice(equals + 1);
    if (equals === -1) {
      if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError(`${name}: needs a value`);
      i++;
    }
    value = value ?? '';
    flags.set(name, value);
  }
  const wanted = command === 'breakeven' ? 2 : 1;
  if (files.length !== wanted) {
    throw new UsageError(
      files.length < wanted
        ? `missing the scenario file${wanted === 2 ? 's (A and B)' : ''} (a path, or - for standard input)`
        : `expected ${wanted} scenario file${wanted === 2 ? 's' : ''}, got ${files.length}`,
    );
  }
  if (command === 'breakeven' && !flags.has('--vary')) throw new UsageError('--vary: required (a dotted path, e.g. workload.requestsPerDay)');
  return { command, files, flags };
}

function numberFlag(flags: Parsed['flags'], name: string, check: (v: number) => boolean, rule: string): number | undefined {
  const raw = flags.get(name);
  if (raw === undefined) return undefined;
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(value) || !check(value)) throw new UsageError(`${name}: must be ${rule} (got ${JSON.stringify(raw)})`);
  return value;
}

function formatFlag(flags: Parsed['flags']): Format {
  const raw = flags.get('--format') ?? 'table';
  if (raw !== 'json' && raw !== 'table') throw new UsageError(`--format: must be json or table (got ${JSON.stringify(raw)})`);
  return raw;
}

async function readScenario(file: string, io: SimulateCliIo): Promise<Scenario> {
  const name = file === '-' ? '<stdin>' : file;
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new UsageError(`${name}: cannot read: ${code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`${name}: invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new UsageError(`${name}: ${parsed.errors.slice(0, 3).join('; ')}`);
  return parsed.value;
}

export async function runPlanCli(argv: readonly string[], io: SimulateCliIo, now: () => number = () => performance.now()): Promise<CliOutcome> {
  try {
    const parsed = parse(argv);
    if (parsed === 'help') return { exitCode: 0, stdout: `${PLAN_USAGE}\n`, stderr: '' };
    const format = formatFlag(parsed.flags);
    const scenarios = [];
    for (const file of parsed.files) scenarios.push(await readScenario(file, io));
    let catalog: SpecCatalog = { providers: {}, models: {} };
    if (!parsed.flags.has('--no-catalog')) catalog = await io.loadBuiltInCatalog();
    const flags = parsed.flags;
    if (parsed.command === 'optimize') {
      const scenario = scenarios[0]!;
      const options = optimizeOptions(flags, scenario);
      const models = flags.get('--models');
      const modelIds = typeof models === 'string' ? models.split(',').map((s) => s.trim()).filter((s) => s !== '') : undefined;
      if (modelIds && modelIds.length === 0) throw new UsageError('--models: needs at least one model id');
      const result = optimize({ scenario, catalog, options, modelIds }, now);
      return ok(format === 'json' ? json(result) : optimizeTable(result, options));
    }
    if (parsed.command === 'sensitivity') {
      const swing = numberFlag(flags, '--swing', (v) => v > 0 && v <= 100, 'a number above 0 and at most 100') ?? 20;
      const result = sensitivity(scenarios[0]!, catalog, swing);
      return ok(format === 'json' ? json({ rows: result.rows }) : sensitivityTable(result, swing));
    }
    const from = numberFlag(flags, '--from', () => true, 'a number');
    const to = numberFlag(flags, '--to', () => true, 'a number');
    const result = breakeven(scenarios[0]!, scenarios[1]!, catalog, { vary: String(flags.get('--vary')), from, to });
    return ok(format === 'json' ? json({ vary: result.vary, from: result.from, to: result.to, crossings: result.crossings }) : breakevenTable(result));
  } catch (error) {
    if (error instanceof UsageError || error instanceof PlannerInputError) return { exitCode: 2, stdout: '', stderr: `${oneLine(error.message)}\n` };
    return { exitCode: 1, stdout: '', stderr: `internal error: ${oneLine(error instanceof Error ? error.message : String(error))}\n` };
  }
}

function optimizeOptions(flags: Parsed['flags'], scenario: Scenario): OptimizeOptions {
  const maxChain = numberFlag(flags, '--max-chain', (v) => Number.isInteger(v) && v >= 1 && v <= 5, 'an integer from 1 to 5') ?? 3;
  const measureFlag = flags.get('--p95-measure');
  if (measureFlag !== undefined && measureFlag !== 'firstToken' && measureFlag !== 'fullResponse') {
    throw new UsageError(`--p95-measure: must be firstToken or fullResponse (got ${JSON.stringify(measureFlag)})`);
  }
  const p95Measure: P95Measure = (measureFlag as P95Measure | undefined) ?? scenario.latencyTarget?.measure ?? 'firstToken';
  return {
    maxChain,
    p95Measure,
    minAvailability: numberFlag(flags, '--min-availability', (v) => v >= 0 && v <= 1, 'a fraction from 0 to 1, e.g. 0.9995'),
    maxP95Ms: numberFlag(flags, '--max-p95-ms', (v) => v > 0, 'a number of milliseconds above 0'),
    max429Rate: numberFlag(flags, '--max-429-rate', (v) => v >= 0 && v <= 1, 'a fraction from 0 to 1'),
  };
}

function ok(stdout: string): CliOutcome {
  return { exitCode: 0, stdout, stderr: '' };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

// ---- tables -------------------------------------------------------------------------------------------------------

const usd = (v: number) => `$${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const pct = (v: number, digits = 4) => `${(100 * v).toFixed(digits)} %`;
const ms = (v: number | null) => (v === null ? 'n/a' : `${Math.round(v).toLocaleString('en-US')} ms`);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function figuresRow(rank: number, c: CandidateFigures): string[] {
  return [String(rank), c.models.join(' → '), usd(c.tco), pct(c.chainAvailability), ms(c.p95Ms), pct(c.rate429, 3)];
}

function optimizeTable(result: OptimizeResult, options: OptimizeOptions): string {
  const lines: string[] = [];
  const summary = `${result.evaluated.toLocaleString('en-US')} of ${result.candidates.toLocaleString('en-US')} candidates simulated in ${result.ms.toLocaleString('en-US')} ms`;
  if (result.best) {
    lines.push(`Cheapest chain: ${result.best.models.join(' → ')} at ${usd(result.best.tco)} over the horizon`, '');
    lines.push(`Pareto frontier (TCO, availability, p95 ${options.p95Measure}):`);
    lines.push(table(['#', 'chain', 'TCO', 'availability', 'p95', '429 rate'], result.frontier.map((c, i) => figuresRow(i + 1, c))));
  } else {
    lines.push('No chain meets every constraint.');
    const infeasible = result.infeasible;
    if (infeasible) {
      if (infeasible.jointly) lines.push('Each constraint can be met on its own, but not all together.');
      for (const b of infeasible.binding) {
        const best = b.bestValue === null ? 'none' : b.constraint === 'maxP95Ms' ? ms(b.bestValue) : b.constraint === 'minAvailability' ? pct(b.bestValue) : pct(b.bestValue, 3);
        lines.push(`Binding: ${b.flag} ${b.limit}; the best any chain reaches is ${best}.`);
      }
      if (infeasible.closest.length > 0) {
        lines.push('', 'Closest chains:');
        lines.push(
          table(
            ['#', 'chain', 'TCO', 'availability', 'p95', '429 rate', 'misses'],
            infeasible.closest.map((c, i) => [...figuresRow(i + 1, c), c.violated.join(', ')]),
          ),
        );
      }
    }
  }
  lines.push('', summary);
  return `${lines.join('\n')}\n`;
}

function sensitivityTable(result: SensitivityResult, swing: number): string {
  const rows = result.rows.map((r) => [r.input, String(r.low), String(r.high), usd(r.tcoLow), usd(r.tcoHigh), usd(Math.abs(r.tcoHigh - r.tcoLow))]);
  return `TCO ${usd(result.baseTco)}; each input at ±${swing} %:\n${table(['input', 'low', 'high', 'TCO low', 'TCO high', 'swing'], rows)}\n`;
}

function breakevenTable(result: BreakevenResult): string {
  const head = `${result.vary} from ${result.from} to ${result.to}:`;
  if (result.crossings.length === 0) return `${head} TCO(A) and TCO(B) never cross.\n`;
  return `${head}\n${table(['#', 'value', 'TCO (both)'], result.crossings.map((c, i) => [String(i + 1), String(Number(c.value.toPrecision(10))), usd(c.tco)]))}\n`;
}
