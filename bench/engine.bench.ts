/**
 * `npm run bench`: wall-clock timings of the engine (DESIGN.md §5: performance is measured by benchmarks that print
 * figures, not asserted in unit tests). For every worked example of MODEL.md §10 that calls simulate() and for the
 * 12-month three-chain fixture: median and p95 of simulate() and of Monte Carlo at 2,000 and 10,000 trials, against
 * the targets, plus the peak heap used. Options: `--quick` (fewer runs, for a smoke check).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runMonteCarlo, simulate } from '@/lib/engine';
import type { EngineInput } from '@/lib/engine/types';
import { prepareScenario } from '@/lib/scenario/resolve';

const ROOT = path.resolve(__dirname, '..');
const QUICK = process.argv.includes('--quick');

/** Targets (ms, on the median): the performance budget. */
const TARGET_DETERMINISTIC_EXAMPLE_MS = 16;
const TARGET_DETERMINISTIC_THREE_CHAIN_MS = 2;
const TARGET_MONTE_CARLO_2000_MS = 1000;

interface BenchScenario {
  name: string;
  input: EngineInput;
  deterministicTargetMs: number;
}

interface Row {
  scenario: string;
  measure: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  targetMs: number | null;
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
    for (const [name, scenario] of inputs) {
      scenarios.push({ name, input: resolved(name, scenario), deterministicTargetMs: TARGET_DETERMINISTIC_EXAMPLE_MS });
    }
  }
  scenarios.push({
    name: '3 chains, 3 providers, 12 months',
    input: resolved('three-chain fixture', readJson('lib/scenario/fixtures/three-chain-12-month.json')),
    deterministicTargetMs: TARGET_DETERMINISTIC_THREE_CHAIN_MS,
  });
  return scenarios;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Runs `fn` `warmup` times untimed, then until `minRuns` runs and `budgetMs` elapsed (at most `maxRuns`). */
function measure(fn: () => unknown, options: { warmup: number; minRuns: number; maxRuns: number; budgetMs: number }): { runs: number; medianMs: number; p95Ms: number } {
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
  return { runs: samples.length, medianMs: percentile(samples, 0.5), p95Ms: percentile(samples, 0.95) };
}

function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(3) : ms < 1000 ? ms.toFixed(1) : ms.toFixed(0);
}

function printTable(rows: Row[]): void {
  const header = ['scenario', 'measure', 'runs', 'median ms', 'p95 ms', 'target (median)', 'status'];
  const cells = rows.map((r) => [
    r.scenario,
    r.measure,
    String(r.runs),
    formatMs(r.medianMs),
    formatMs(r.p95Ms),
    r.targetMs === null ? '-' : `<= ${r.targetMs} ms`,
    r.targetMs === null ? '-' : r.medianMs <= r.targetMs ? 'PASS' : 'OVER',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const numeric = new Set([2, 3, 4]);
  const line = (values: string[]) => values.map((v, i) => (numeric.has(i) ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

function main(): void {
  const scenarios = benchScenarios();
  const rows: Row[] = [];
  const monteCarloRuns = (trials: number) =>
    QUICK ? { warmup: 0, minRuns: 1, maxRuns: 1, budgetMs: 0 } : trials <= 2000 ? { warmup: 1, minRuns: 5, maxRuns: 20, budgetMs: 5000 } : { warmup: 1, minRuns: 3, maxRuns: 10, budgetMs: 10000 };

  for (const scenario of scenarios) {
    const deterministic = measure(() => simulate(scenario.input), QUICK ? { warmup: 5, minRuns: 10, maxRuns: 50, budgetMs: 100 } : { warmup: 50, minRuns: 50, maxRuns: 2000, budgetMs: 1500 });
    rows.push({ scenario: scenario.name, measure: 'simulate()', ...deterministic, targetMs: scenario.deterministicTargetMs });
    for (const trials of [2000, 10000]) {
      const mc = measure(() => runMonteCarlo(scenario.input, { trials, seed: 1 }), monteCarloRuns(trials));
      rows.push({ scenario: scenario.name, measure: `Monte Carlo ${trials.toLocaleString('en-US')}`, ...mc, targetMs: trials === 2000 ? TARGET_MONTE_CARLO_2000_MS : null });
    }
  }

  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(`RouteCost engine benchmark (Node ${process.version}, ${cpu} × ${os.cpus().length}, ${QUICK ? 'quick' : 'full'} run)\n`);
  printTable(rows);
  const over = rows.filter((r) => r.targetMs !== null && r.medianMs > r.targetMs).length;
  console.log(`\npeak heap used: ${(peakHeapBytes / 2 ** 20).toFixed(1)} MiB`);
  console.log(over === 0 ? 'all targets met' : `${over} row(s) over target`);
}

main();
