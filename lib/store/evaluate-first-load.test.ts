import { describe, expect, it } from 'vitest';
import { setWorkload } from '@/lib/scenario/edit';
import { DEFAULT_PRESET_ID, PRESET_IDS, isPresetDraft, presetScenario } from '@/lib/scenario/presets';
// No import of ./scenario-validator here: this file runs the store's evaluation as the first load does (ADR 007).
import { evaluateScenario, scenarioErrors } from './evaluate';

describe('evaluation before the validator has loaded (the first render of the simulator)', () => {
  it('marks only untouched presetScenario copies as preset drafts', () => {
    const preset = presetScenario(DEFAULT_PRESET_ID);
    expect(isPresetDraft(preset)).toBe(true);
    expect(isPresetDraft(structuredClone(preset))).toBe(false);
    expect(isPresetDraft(setWorkload(preset, { requestsPerDay: 1 }))).toBe(false);
  });

  it('evaluates an untouched preset, and refuses any other draft until the validator is there', () => {
    const preset = presetScenario(DEFAULT_PRESET_ID);
    expect(evaluateScenario(preset).status).toBe('ok');
    expect(scenarioErrors(preset)).toEqual([]);
    expect(() => evaluateScenario(setWorkload(preset, { requestsPerDay: 1 }))).toThrow(/validator is not loaded/);
  });

  it('gives each preset exactly the evaluation the zod-validated path gives it', async () => {
    const early = PRESET_IDS.map((id) => evaluateScenario(presetScenario(id)));
    await import('./scenario-validator');
    for (const [index, id] of PRESET_IDS.entries()) {
      // A structured clone is not a preset draft: it goes through parseScenario.
      const validated = evaluateScenario(structuredClone(presetScenario(id)));
      expect(validated.status).toBe('ok');
      expect(early[index]).toEqual(validated);
    }
    // And with the validator loaded, an edited draft is checked with its field named.
    const invalid = evaluateScenario(setWorkload(presetScenario(DEFAULT_PRESET_ID), { requestsPerDay: -5 }));
    expect(invalid.errors).toEqual([{ path: 'workload.requestsPerDay', message: 'must be >= 0' }]);
  });
});
