/**
 * `npm run bench:planner`: wall-clock time of `optimize` (docs/decisions/009) over the built-in catalog for each preset,
 * every ordered chain of up to 3 models (about 120,000 candidates), with the number of full simulate() calls.
 * Options: `--max-chain N` (default 3), `--preset id` (default all). Not part of npm test.
 */
import { builtInSpecCatalog } from '@/data';
import { optimize } from '@/lib/planner/optimize';
import { PRESETS } from '@/lib/scenario/presets';

const argValue = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const maxChain = Number(argValue('--max-chain') ?? 3);
const only = argValue('--preset');

console.log('preset                 max chain  candidates  simulated  frontier   optimize ms  target ms');
for (const preset of PRESETS) {
  if (only && preset.id !== only) continue;
  const result = optimize({ scenario: preset.scenario, catalog: builtInSpecCatalog, options: { maxChain, p95Measure: preset.scenario.latencyTarget?.measure ?? 'firstToken' } });
  console.log(
    `${preset.id.padEnd(22)} ${String(maxChain).padStart(9)} ${result.candidates.toLocaleString('en-US').padStart(11)} ${result.evaluated.toLocaleString('en-US').padStart(10)} ${String(result.frontier.length).padStart(9)} ${result.ms.toLocaleString('en-US').padStart(13)} ${'5,000'.padStart(10)}`,
  );
}
