import { FULL_RUN, runValidation, type FigureRow, type ValidationOptions, type ValidationReport } from '@/lib/validator';

/**
 * `npm run --silent validate -- [--json] [--cases N] [--seed S] [--minutes M]`: the discrete-event validator
 * (ADR 011) as a function of its arguments. Output: `{"cases", "worstZ", "bound", "passed", ..., "rows"}` with --json,
 * else a readable table. Exit 0 when worstZ ≤ the Bonferroni bound, 1 when not, 2 on invalid arguments.
 */

export const VALIDATE_USAGE = `usage: npm run --silent validate -- [options]

Simulates random scenarios request by request (discrete events) and compares each with the engine's closed forms:
cost per request, success rate, 429 rate, availability, p50 and p95 first-token and full-response latency.

options:
  --json        print {"cases", "worstZ", "bound", "passed", "compared", "excluded", "requests", "rows"}
  --cases N     number of scenarios (1-500, default ${FULL_RUN.cases})
  --seed S      generator seed (0-4294967295, default ${FULL_RUN.seed})
  --minutes M   simulated minutes per daily period and scenario (10-100000, default ${FULL_RUN.minutesPerPeriod})
  -h, --help    show this help

exit codes: 0 worstZ within the bound, 1 outside it, 2 invalid arguments`;

export interface ValidateCliOutcome {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

interface Parsed {
  json: boolean;
  options: ValidationOptions;
}

function integerArgument(name: string, raw: string | undefined, min: number, max: number): number | string {
  if (raw === undefined) return `${name}: missing value`;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) return `${name}: must be an integer from ${min} to ${max} (got "${raw}")`;
  return value;
}

export function parseValidateArguments(argv: readonly string[]): Parsed | 'help' | string {
  const options: ValidationOptions = { ...FULL_RUN };
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '--json') {
      json = true;
      continue;
    }
    const numeric = { '--cases': ['cases', 1, 500], '--seed': ['seed', 0, 4294967295], '--minutes': ['minutesPerPeriod', 10, 100000] } as const;
    if (arg in numeric) {
      const [key, min, max] = numeric[arg as keyof typeof numeric];
      const value = integerArgument(arg, argv[++i], min, max);
      if (typeof value === 'string') return value;
      options[key] = value;
      continue;
    }
    return `${arg}: unknown option`;
  }
  return { json, options };
}

const fmt = (x: number | null, digits = 6): string => (x === null ? '—' : Math.abs(x) >= 1e5 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(3) : Number(x.toPrecision(digits)).toString());

/** A readable table: one line per row, the excluded reason shortened to its regime id. */
export function formatTable(report: ValidationReport): string {
  const header = ['case', 'figure', 'engine', 'simulated', 'se', 'z', 'excluded'];
  const lines = report.rows.map((r: FigureRow) => [String(r.case), r.figure, fmt(r.engine), fmt(r.des), fmt(r.se, 3), r.z === null ? '—' : r.z.toFixed(2), r.excluded ? r.excluded.split(':')[0]! : '']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const summary = [
    `${report.cases} scenarios, ${report.requests.toLocaleString('en-US')} simulated requests; ${report.compared} figures compared, ${report.excluded} excluded (stated regimes).`,
    `worst |z| = ${report.worstZ.toFixed(2)} (bound ${report.bound.toFixed(2)}: Bonferroni over ${report.compared} comparisons at family-wise alpha 1e-4): ${report.passed ? 'PASS' : 'FAIL'}`,
  ];
  return [row(header), ...lines.map(row), '', ...summary].join('\n');
}

export function runValidateCli(argv: readonly string[]): ValidateCliOutcome {
  const parsed = parseValidateArguments(argv);
  if (parsed === 'help') return { exitCode: 0, stdout: `${VALIDATE_USAGE}\n`, stderr: '' };
  if (typeof parsed === 'string') return { exitCode: 2, stdout: '', stderr: `${parsed} (see --help)\n` };
  const report = runValidation(parsed.options);
  const stdout = parsed.json ? `${JSON.stringify(report)}\n` : `${formatTable(report)}\n`;
  return { exitCode: report.passed ? 0 : 1, stdout, stderr: '' };
}
