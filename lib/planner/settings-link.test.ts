import { describe, expect, it } from 'vitest';
import { builtInSpecCatalog } from '@/data';
import { simulate } from '@/lib/engine';
import { presetScenario } from '@/lib/scenario/presets';
import { resolveScenario } from '@/lib/scenario/resolve';
import { decodeWorkingSet, encodeWorkingSet } from '@/lib/scenario/url-codec';
import { withPlannerSettings } from './settings';

/**
 * Planner settings in the share link (docs/decisions/009): the scenario's optional `planner` field, which every link
 * of the working set carries; links from before (no field, or the settings at the top of the payload) open unchanged.
 */
describe('planner settings in the link', () => {
  const base = presetScenario('support-chatbot');
  const planner = { minAvailability: 0.9995, maxP95Ms: 800, p95Measure: 'firstToken' as const, max429Rate: 0.01, maxChain: 3 };

  it('round-trips the settings as a field of the scenario', () => {
    const scenario = withPlannerSettings(base, planner);
    const decoded = decodeWorkingSet(encodeWorkingSet({ scenarios: [scenario], active: 0 }));
    expect(decoded.ok && decoded.value.scenarios[0]!.planner).toEqual(planner);
  });

  it('keeps only the targets that are set, and no field at all when none is', () => {
    expect(withPlannerSettings(base, { maxChain: 2, maxP95Ms: undefined }).planner).toEqual({ maxChain: 2 });
    const cleared = withPlannerSettings(withPlannerSettings(base, planner), { minAvailability: undefined });
    expect(cleared).not.toHaveProperty('planner');
    // No field: the link is byte-identical to one made before the field existed.
    expect(encodeWorkingSet({ scenarios: [cleared], active: 0 })).toBe(encodeWorkingSet({ scenarios: [base], active: 0 }));
  });

  it('changes no result: the engine input never carries the field', () => {
    const withTargets = resolveScenario(withPlannerSettings(base, planner), builtInSpecCatalog);
    const without = resolveScenario(base, builtInSpecCatalog);
    expect(withTargets.ok && without.ok).toBe(true);
    if (!withTargets.ok || !without.ok) return;
    expect(withTargets.value).toEqual(without.value);
    expect(simulate({ ...withTargets.value, monteCarlo: undefined }).total.tco).toBe(simulate({ ...without.value, monteCarlo: undefined }).total.tco);
  });

  it('still reads settings at the top of the payload (links of "Copy link with targets" before the field)', () => {
    const decoded = decodeWorkingSet(encodeWorkingSet({ scenarios: [base], active: 0, planner }));
    expect(decoded.ok && decoded.value.planner).toEqual(planner);
    expect(decoded.ok && decoded.value.scenarios[0]!.planner).toBeUndefined();
  });

  it('rejects a bad setting naming the field', () => {
    const decoded = decodeWorkingSet(encodeWorkingSet({ scenarios: [{ ...base, planner: { maxChain: 9 } }], active: 0 }));
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.error.message).toContain('scenarios[0].planner.maxChain');
  });
});
