import { describe, expect, it } from 'vitest';
import { presetScenario } from '@/lib/scenario/presets';
import { MAX_IMPORT_BYTES, parseWorkingSetJson, workingSetToJson } from './json';

const workingSet = { scenarios: [presetScenario('support-chatbot'), presetScenario('cost-sensitive')], active: 1 };

describe('workingSetToJson / parseWorkingSetJson', () => {
  it('round-trips a working set', () => {
    const text = workingSetToJson(workingSet);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseWorkingSetJson(text)).toEqual({ ok: true, value: workingSet });
  });

  it('imports a single scenario file (as written for the CLI), with or without a BOM', () => {
    const scenario = presetScenario('code-generation');
    expect(parseWorkingSetJson(`\uFEFF${JSON.stringify(scenario)}`)).toEqual({ ok: true, value: { scenarios: [scenario], active: 0 } });
  });

  it('names the field the schema rejects', () => {
    const bad = structuredClone(workingSet);
    (bad.scenarios[1]!.routing.chains[0] as { weight: number }).weight = 0.5;
    const result = parseWorkingSetJson(JSON.stringify(bad));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^The file's scenarios are not valid: scenarios\[1\]\.routing\.chains: weights must sum to 1/) });
  });

  it('refuses non-JSON and oversized files with a message', () => {
    expect(parseWorkingSetJson('{"scenarios": [')).toMatchObject({ ok: false, message: expect.stringMatching(/^The file is not valid JSON/) });
    expect(parseWorkingSetJson('{}', MAX_IMPORT_BYTES + 1)).toMatchObject({ ok: false, message: 'The file is too large (1,025 KB; the limit is 1,024 KB).' });
    expect(parseWorkingSetJson(' '.repeat(MAX_IMPORT_BYTES + 1))).toMatchObject({ ok: false, message: expect.stringMatching(/too large/) });
  });

  it('says when the file comes from a newer version', () => {
    const newer = { scenarios: [{ ...presetScenario('support-chatbot'), version: 2 }], active: 0 };
    expect(parseWorkingSetJson(JSON.stringify(newer))).toMatchObject({ ok: false, message: expect.stringMatching(/newer version of RouteCost/) });
  });
});
