import { describe, expect, it } from 'vitest';
import { builtInSpecCatalog } from '@/data';
import { runSimulateCli } from '@/lib/cli/simulate-cli';
import { PRESET_IDS, presetScenario } from '@/lib/scenario/presets';
import type { Scenario } from '@/lib/scenario/schema';
import { scenarioLabel, workingSetCsv } from './exports';

/** The CSV the app downloads and the CLI's `--format csv` are the same file for the same scenario (issue #5). */
async function cliCsv(scenario: Scenario): Promise<string> {
  const outcome = await runSimulateCli(['scenario.json', '--format', 'csv'], {
    readFile: async () => JSON.stringify(scenario),
    readStdin: async () => '',
    loadBuiltInCatalog: async () => builtInSpecCatalog,
  });
  expect(outcome.stderr).toBe('');
  return outcome.stdout;
}

describe('workingSetCsv', () => {
  it.each(PRESET_IDS)('equals the CLI output for the %s preset', async (id) => {
    // The app adds Monte Carlo columns once its percentiles are ready (asynchronously); compared without them here.
    const scenario: Scenario = presetScenario(id);
    delete scenario.monteCarlo;
    const app = workingSetCsv([scenario], ',');
    expect(app.ok).toBe(true);
    if (app.ok) expect(app.text).toBe(await cliCsv(scenario));
  });

  it('refuses to export while a scenario is invalid, naming it and the field', () => {
    const scenario = presetScenario('support-chatbot');
    const invalid = { ...scenario, name: 'Broken', horizonMonths: 0 };
    expect(workingSetCsv([scenario, invalid], ',')).toEqual({
      ok: false,
      message: expect.stringMatching(/^“Broken” has invalid inputs \(horizonMonths: .+\)\. Fix them before exporting the CSV\.$/),
    });
  });
});

describe('scenarioLabel', () => {
  it('uses the name as written, else the position', () => {
    const scenario = presetScenario('support-chatbot');
    expect(scenarioLabel(scenario, 0)).toBe('Customer-support chatbot');
    expect(scenarioLabel({ ...scenario, name: '  ' }, 2)).toBe('Scenario 3');
    expect(scenarioLabel({ ...scenario, name: undefined }, 0)).toBe('Scenario 1');
  });
});
