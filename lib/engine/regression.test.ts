import { describe, expect, it } from 'vitest';
import { prepareScenario } from '../scenario/resolve';
import regression from './__fixtures__/regression-results.json';
import { differences } from './__fixtures__/compare';
import { simulate } from './index';

/**
 * Beyond the worked examples: larger scenarios (three chains over three providers for 12 months, the bench's scale
 * scenarios with 16 and 32 outage states) must keep the results of the engine before its hot paths were rewritten
 * (issue 10, ADRs 006 and 014) to the conformance tolerance of MODEL.md §11. A faster engine changes these only
 * by rounding; a change of meaning regenerates the file on purpose.
 */
describe('deterministic results of larger scenarios match the pre-optimisation engine (MODEL.md §11 tolerance)', () => {
  it.each(regression.cases.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const resolved = prepareScenario(testCase.scenario, { providers: {}, models: {} });
    if (!resolved.ok) throw new Error(resolved.errors.join('; '));
    const actual = JSON.parse(JSON.stringify(simulate(resolved.value))) as unknown;
    expect(differences(actual, testCase.result)).toEqual([]);
  });
});
