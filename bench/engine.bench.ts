/**
 * `npm run bench`: wall-clock timings of the engine (DESIGN.md §5: performance is measured by benchmarks that print
 * figures, not asserted in unit tests). For every worked example of MODEL.md §10 that calls simulate(), the 12-month
 * three-chain fixture and the scale scenario (8 chains × 5 models × 60 months): median and p95 of simulate() and of
 * Monte Carlo at 2,000 and 10,000 trials against the targets (issue 10), then how time grows with chains, months,
 * providers (2^n outage states) and trials, and the peak heap used. Options: `--quick` (fewer runs, for a smoke
 * check), `--json` (one JSON document {rows, peakHeapMiB} on stdout, nothing else).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runMonteCarlo, simulate } from '@/lib/engine';
import type { EngineInput } from '@/lib/engine/types';
import { prepareScenario } from '@/lib/scenario/resolve';
import { scaleScenario } from './scale-scenario';

const ROOT = path.resolve(__dirname, '..');
const QUICK = process.argv.includes('--quick');
const JSON_OUTPUT = process.argv.includes('--json');

/** Targets (ms, on the median): the performance budget of issue 10. */
const TARGET_DETERMINISTIC_EXAMPLE_MS = 16;
const FIXTURE = '3 chains, 3 providers, 12 months';
const SCALE = '8 chains × 5 models × 60 months';
const TARGETS: Record<string, Partial<Record<string, number>>> = {
  [FIXTURE]: { 'simulate()': 1, 'Monte Carlo 2,000': 60, 'Monte Carlo 10,000': 300 },
  E7: { 'Monte Carlo 10,000': 100 },
  [SCALE]: { 'simulate()': 10 },
};

interface BenchScenario {
  name: string;
  input: EngineInput;
  /** Monte Carlo trial counts to time. */
  trials: number[];
}

interface Row {
  scenario: string;
  measure: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  targetMs: number | null;
  /** Fastest run: the least disturbed by other processes on a shared machine (table only, not in --json). */
  minMs: number;
}

let peakHeapBytes = 0;
function sampleHeap(): void {
  peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed);
}

function readJson(relativePath: string): unknown {
  return JSON.parse(readFileSync(path.join(ROOT, relativePath), 'utf8'));
}

function resolved(name: string, scenario: unknown): EngineInput {
  // The examples and the fixture define every provider and model: resolve against an empty catalog (MODEL.md §11).
  const prepared = prepareScenario(scenario, { providers: {}, models: {} });
  if (!prepared.ok) throw new Error(`${name}: ${prepared.errors.join('; ')}`);
  return prepared.value;
}

function benchScenarios(): BenchScenario[] {
  const file = readJson('lib/cli/__fixtures__/model-examples.json') as { examples: { id: string; fn: string; input: Record<string, unknown> }[] };
  const scenarios: BenchScenario[] = [];
  for (const example of file.examples) {
    const inputs: [string, unknown][] =
      example.id === 'E3'
        ? [['E3 seed pattern', example.input.scenario]]
        : example.id === 'E8'
          ? [['E8 provisioned', example.input.provisioned], ['E8 pay-as-you-go', example.input.payg]]
          : example.fn === 'simulate'
            ? [[example.id, example.input]]
            : [];
    for (const [name, scenario] of inputs) scenarios.push({ name, input: resolved(name, scenario), trials: [2000, 10000] });
  }
  scenarios.push({ name: FIXTURE, input: resolved('three-chain fixture', readJson('lib/scenario/fixtures/three-chain-12-month.json')), trials: [2000, 10000] });
  scenarios.push({ name: SCALE, input: scaleScenario(8, 60), trials: [2000] });
  return scenarios;
}

/** Growth rows: simulate() against chains, months and providers, Monte Carlo against trials (no targets). */
function growthScenarios(fixture: EngineInput): { scenario: string; measure: string; run: () => unknown }[] {
  const rows: { scenario: string; measure: string; run: () => unknown }[] = [];
  for (const chains of [1, 2, 4, 8]) {
    const input = scaleScenario(chains, 12);
    rows.push({ scenario: `growth: ${chains} chains × 5 models × 12 months`, measure: 'simulate()', run: () => simulate(input) });
  }
  for (const months of [6, 24, 60]) {
    const input = scaleScenario(8, months);
    rows.push({ scenario: `growth: 8 chains × 5 models × ${months} months`, measure: 'simulate()', run: () => simulate(input) });
  }
  for (const providers of [1, 2, 3, 4]) {
    const input = scaleScenario(8, 12, providers);
    rows.push({ scenario: `growth: 8 chains × 5 models × 12 months, ${providers} provider${providers > 1 ? 's' : ''}`, measure: 'simulate()', run: () => simulate(input) });
  }
  for (const trials of [500, 1000, 5000, 20000]) {
    rows.push({ scenario: `growth: ${FIXTURE}`, measure: `Monte Carlo ${trials.toLocaleString('en-US')}`, run: () => runMonteCarlo(fixture, { trials, seed: 1 }) });
  }
  return rows;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Runs `fn` `warmup` times untimed, then until `minRuns` runs and `budgetMs` elapsed (at most `maxRuns`). */
function measure(fn: () => unknown, options: { warmup: number; minRuns: number; maxRuns: number; budgetMs: number }): { runs: number; medianMs: number; p95Ms: number; minMs: number } {
  for (let i = 0; i < options.warmup; i++) {
    fn();
    sampleHeap();
  }
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < options.maxRuns && (samples.length < options.minRuns || performance.now() - start < options.budgetMs)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
    sampleHeap();
  }
  samples.sort((a, b) => a - b);
  return { runs: samples.length, medianMs: percentile(samples, 0.5), p95Ms: percentile(samples, 0.95), minMs: samples[0]! };
}

function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(3) : ms < 1000 ? ms.toFixed(1) : ms.toFixed(0);
}

function printTable(rows: Row[]): void {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const header = ['scenario', 'measure', 'runs', 'median ms', 'p95 ms', 'min ms', 'target (median)', 'status'];
  const cells = rows.map((r) => [
    r.scenario,
    r.measure,
    String(r.runs),
    formatMs(r.medianMs),
    formatMs(r.p95Ms),
    formatMs(r.minMs),
    r.targetMs === null ? '-' : `<= ${r.targetMs} ms`,
    r.targetMs === null ? '-' : r.medianMs <= r.targetMs ? 'PASS' : 'OVER',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const numeric = new Set([2, 3, 4, 5]);
  const line = (values: string[]) => values.map((v, i) => (numeric.has(i) ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ');
  log(line(header));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) log(line(c));
}

/** Growth factors between consecutive growth rows of the same kind, e.g. "1 → 2 chains: ×1.8". */
function growthSummary(rows: Row[]): string[] {
  const lines: string[] = [];
  const kinds: [string, RegExp][] = [
    ['chains', /^growth: (\d+) chains × 5 models × 12 months$/],
    ['months', /^growth: 8 chains × 5 models × (\d+) months$/],
    ['providers', /^growth: 8 chains × 5 models × 12 months, (\d+) providers?$/],
  ];
  for (const [kind, pattern] of kinds) {
    const points = rows.flatMap((r) => {
      const match = pattern.exec(r.scenario);
      return match ? [{ x: Number(match[1]), ms: r.medianMs }] : [];
    });
    points.sort((a, b) => a.x - b.x);
    if (points.length < 2) continue;
    lines.push(`simulate() vs ${kind}: ${points.map((p) => `${p.x}: ${formatMs(p.ms)} ms`).join(', ')}`);
  }
  const trials = rows.filter((r) => r.scenario === `growth: ${FIXTURE}` || (r.scenario === FIXTURE && r.measure.startsWith('Monte Carlo')));
  const perTrial = trials
    .map((r) => ({ n: Number(r.measure.replace(/\D/g, '')), ms: r.medianMs }))
    .sort((a, b) => a.n - b.n)
    .map((p) => `${p.n}: ${formatMs(p.ms)} ms (${((1000 * p.ms) / p.n).toFixed(1)} µs/trial)`);
  if (perTrial.length > 0) lines.push(`Monte Carlo vs trials (${FIXTURE}): ${perTrial.join(', ')}`);
  return lines;
}

function main(): void {
  const scenarios = benchScenarios();
  const rows: Row[] = [];
  const deterministicRuns = QUICK ? { warmup: 5, minRuns: 10, maxRuns: 50, budgetMs: 100 } : { warmup: 50, minRuns: 50, maxRuns: 2000, budgetMs: 1500 };
  const monteCarloRuns = (trials: number) =>
    QUICK ? { warmup: 0, minRuns: 1, maxRuns: 1, budgetMs: 0 } : trials <= 2000 ? { warmup: 2, minRuns: 10, maxRuns: 40, budgetMs: 3000 } : { warmup: 1, minRuns: 5, maxRuns: 20, budgetMs: 5000 };
  const target = (scenario: string, measure: string): number | null =>
    TARGETS[scenario]?.[measure] ?? (measure === 'simulate()' && /^E\d/.test(scenario) ? TARGET_DETERMINISTIC_EXAMPLE_MS : null);

  for (const scenario of scenarios) {
    rows.push({ scenario: scenario.name, measure: 'simulate()', ...measure(() => simulate(scenario.input), deterministicRuns), targetMs: target(scenario.name, 'simulate()') });
    for (const trials of scenario.trials) {
      const name = `Monte Carlo ${trials.toLocaleString('en-US')}`;
      const mc = measure(() => runMonteCarlo(scenario.input, { trials, seed: 1 }), monteCarloRuns(trials));
      rows.push({ scenario: scenario.name, measure: name, ...mc, targetMs: target(scenario.name, name) });
    }
  }
  const fixture = scenarios.find((s) => s.name === FIXTURE)!.input;
  for (const growth of growthScenarios(fixture)) {
    const runs = growth.measure === 'simulate()' ? (QUICK ? { warmup: 2, minRuns: 3, maxRuns: 10, budgetMs: 100 } : { warmup: 5, minRuns: 10, maxRuns: 200, budgetMs: 1000 }) : monteCarloRuns(5000);
    rows.push({ scenario: growth.scenario, measure: growth.measure, ...measure(growth.run, runs), targetMs: null });
  }

  const peakHeapMiB = Math.round((peakHeapBytes / 2 ** 20) * 10) / 10;
  if (JSON_OUTPUT) {
    const jsonRows = rows.map(({ scenario, measure, runs, medianMs, p95Ms, targetMs }) => ({ scenario, measure, runs, medianMs, p95Ms, targetMs }));
    process.stdout.write(`${JSON.stringify({ rows: jsonRows, peakHeapMiB })}\n`);
    return;
  }
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const load = os.loadavg().map((x) => x.toFixed(1)).join(', ');
  process.stdout.write(`RouteCost engine benchmark (Node ${process.version}, ${cpu} × ${os.cpus().length}, load average ${load}, ${QUICK ? 'quick' : 'full'} run)\n\n`);
  printTable(rows);
  process.stdout.write('\nHow time grows (medians):\n');
  for (const line of growthSummary(rows)) process.stdout.write(`  ${line}\n`);
  const over = rows.filter((r) => r.targetMs !== null && r.medianMs > r.targetMs).length;
  process.stdout.write(`\npeak heap used: ${peakHeapMiB.toFixed(1)} MiB\n`);
  process.stdout.write(over === 0 ? 'all targets met\n' : `${over} row(s) over target\n`);
}

main();
