/**
 * `npm run bench:planner`: wall-clock time of `optimize` (docs/decisions/009) over the built-in catalog for each preset
 * and both latency measures, every ordered chain of up to 3 models (about 120,000 candidates), with the number of full
 * simulate() calls; `--pool N` also runs the browser pool's protocol in one process (optimizeInPartitions) and prints
 * the most simulations any of its N workers made. Options: `--max-chain N` (default 3), `--preset id` (default all),
 * `--measure firstToken|fullResponse` (default both), `--max-p95-ms L`. Not part of npm test.
 */
import { builtInSpecCatalog } from '@/data';
import { optimize } from '@/lib/planner/optimize';
import { optimizeInPartitions } from '@/lib/planner/pool';
import type { OptimizeOptions, P95Measure } from '@/lib/planner/types';
import { PRESETS } from '@/lib/scenario/presets';

const argValue = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const maxChain = Number(argValue('--max-chain') ?? 3);
const only = argValue('--preset');
const measures: P95Measure[] = argValue('--measure') ? [argValue('--measure') as P95Measure] : ['firstToken', 'fullResponse'];
const maxP95 = argValue('--max-p95-ms');
const pool = Number(argValue('--pool') ?? 0);

console.log('preset                 measure       max chain  candidates  simulated  frontier   optimize ms  target ms' + (pool ? '  pool max/worker' : ''));
for (const preset of PRESETS) {
  if (only && preset.id !== only) continue;
  for (const measure of measures) {
    const options: OptimizeOptions = { maxChain, p95Measure: measure, ...(maxP95 ? { maxP95Ms: Number(maxP95) } : {}) };
    const input = { scenario: preset.scenario, catalog: builtInSpecCatalog, options };
    const result = optimize(input);
    const perWorker = pool > 1 ? optimizeInPartitions(input, pool).perWorker : [];
    console.log(
      `${preset.id.padEnd(22)} ${measure.padEnd(13)} ${String(maxChain).padStart(9)} ${result.candidates.toLocaleString('en-US').padStart(11)} ${result.evaluated.toLocaleString('en-US').padStart(10)} ${String(result.frontier.length).padStart(9)} ${result.ms.toLocaleString('en-US').padStart(13)} ${'5,000'.padStart(10)}` +
        (pool > 1 ? ` ${Math.max(...perWorker).toLocaleString('en-US').padStart(16)}` : ''),
    );
  }
}
