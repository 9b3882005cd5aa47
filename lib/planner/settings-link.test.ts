import { describe, expect, it } from 'vitest';
import { presetScenario } from '@/lib/scenario/presets';
import { decodeWorkingSet, encodeWorkingSet } from '@/lib/scenario/url-codec';

/** Planner settings in the share link: an optional `planner` field of the working-set payload (docs/decisions/009). */
describe('planner settings in the link', () => {
  const scenarios = [presetScenario('support-chatbot')];

  it('round-trips the settings', () => {
    const planner = { minAvailability: 0.9995, maxP95Ms: 800, p95Measure: 'firstToken' as const, max429Rate: 0.01, maxChain: 3 };
    const decoded = decodeWorkingSet(encodeWorkingSet({ scenarios, active: 0, planner }));
    expect(decoded.ok && decoded.value.planner).toEqual(planner);
  });

  it('leaves links without settings byte-identical and still opening', () => {
    const fragment = encodeWorkingSet({ scenarios, active: 0 });
    expect(fragment).toBe(encodeWorkingSet({ scenarios, active: 0, planner: undefined }));
    const decoded = decodeWorkingSet(fragment);
    expect(decoded.ok && decoded.value.planner).toBeUndefined();
  });

  it('rejects a bad setting naming the field', () => {
    const decoded = decodeWorkingSet(encodeWorkingSet({ scenarios, active: 0, planner: { maxChain: 9 } }));
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.error.message).toContain('planner.maxChain');
  });
});
