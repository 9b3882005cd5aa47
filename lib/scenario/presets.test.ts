import { describe, expect, it } from 'vitest';
import { builtInSpecCatalog } from '@/data';
import { simulate } from '@/lib/engine';
import { firstNonFiniteNumber, withoutMonteCarlo } from '@/lib/store/evaluate';
import { DEFAULT_PRESET_ID, PRESETS, PRESET_IDS, isPresetId, presetScenario } from './presets';
import { resolveScenario } from './resolve';
import { parseScenario } from './schema';

describe('presets', () => {
  it('lists the four use cases of the issue, each once, the default first', () => {
    expect(PRESETS.map((p) => p.id)).toEqual([...PRESET_IDS]);
    expect(PRESETS[0]?.id).toBe(DEFAULT_PRESET_ID);
    expect(isPresetId('code-generation')).toBe(true);
    expect(isPresetId('nope')).toBe(false);
  });

  describe.each(PRESETS.map((p) => [p.id, p] as const))('%s', (_, preset) => {
    it('parses as Scenario v1 and resolves against the built-in catalog', () => {
      const parsed = parseScenario(preset.scenario);
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      const resolved = resolveScenario(preset.scenario, builtInSpecCatalog);
      expect(resolved.ok ? [] : resolved.errors).toEqual([]);
    });

    it('simulates to finite figures with a fallback on a second provider', () => {
      const resolved = resolveScenario(preset.scenario, builtInSpecCatalog);
      if (!resolved.ok) throw new Error(resolved.errors.join('\n'));
      const result = simulate(withoutMonteCarlo(resolved.value));
      expect(firstNonFiniteNumber(result, 'result')).toBeNull();
      expect(result.months).toHaveLength(preset.scenario.horizonMonths ?? 6);
      expect(result.total.tco).toBeGreaterThan(0);
      expect(result.total.tokenCost.total).toBeGreaterThan(0);
      // every preset has a fallback on another provider, so availability beats a single provider's
      expect(Object.keys(resolved.value.providers).length).toBeGreaterThanOrEqual(2);
      const primaryProvider = Object.values(resolved.value.providers)[0];
      expect(result.total.chainAvailability).toBeGreaterThan(primaryProvider?.availability ?? 1);
      // plausible: no preset buys provisioned capacity it did not ask for, nor loses more than 1 % of requests
      expect(result.total.flatRate).toBe(0);
      expect(result.total.requestSuccessRate).toBeGreaterThan(0.99);
    });

    it('explains its assumptions and hands out a fresh copy', () => {
      expect(preset.assumptions.length).toBeGreaterThan(200);
      expect(preset.name).toBe(preset.scenario.name);
      const copy = presetScenario(preset.id);
      expect(copy).toEqual(preset.scenario);
      expect(copy).not.toBe(preset.scenario);
      copy.workload.requestsPerDay = 1;
      expect(presetScenario(preset.id).workload.requestsPerDay).toBe(preset.scenario.workload.requestsPerDay);
    });
  });

  it('the support chatbot is the issue example: Haiku primary, a GPT fallback, 500 ms first token', () => {
    const scenario = presetScenario('support-chatbot');
    expect(scenario.routing.chains[0]?.models[0]).toBe('claude-haiku-4-5');
    expect(scenario.routing.chains[0]?.models[1]).toMatch(/^gpt-/);
    expect(scenario.latencyTarget).toEqual({ ms: 500, measure: 'firstToken' });
    expect(scenario.horizonMonths).toBe(6);
  });

  it('the support chatbot takes its TTFT p95s from the catalog estimates', async () => {
    const { catalog } = await import('@/data');
    const scenario = presetScenario('support-chatbot');
    for (const [id, override] of Object.entries(scenario.models ?? {})) {
      expect(override.ttftP95Ms).toBe(catalog.models.find((m) => m.id === id)?.ttftP95Ms?.value);
    }
  });

  it('the support chatbot shows a real first-token share over target: its TTFTs are distributions (ADR 011)', () => {
    const resolved = resolveScenario(presetScenario('support-chatbot'), builtInSpecCatalog);
    if (!resolved.ok) throw new Error(resolved.errors.join('\n'));
    expect(resolved.value.models['claude-haiku-4-5']?.ttftP95Ms).toBeGreaterThan(resolved.value.models['claude-haiku-4-5']!.ttftMs);
    const share = simulate(withoutMonteCarlo(resolved.value)).total.firstToken.shareOverTarget!;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.95);
  });

  it('the translation pipeline batches a large share on Gemini, the cost-sensitive one starts on DeepSeek', () => {
    const translation = presetScenario('translation-pipeline');
    expect(translation.routing.chains[0]?.models[0]).toMatch(/^gemini-/);
    expect(translation.workload.batchShare).toBeGreaterThanOrEqual(0.5);
    expect(presetScenario('cost-sensitive').routing.chains[0]?.models[0]).toMatch(/^deepseek-/);
    expect(presetScenario('code-generation').routing.failoverOn).toContain('timeout');
  });
});
