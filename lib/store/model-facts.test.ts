import { describe, expect, it } from 'vitest';
import { builtInSpecCatalog, catalog } from '@/data';
import { addCustomModel, addCustomProvider, addFallback, setModelOverride, setProviderOverride } from '@/lib/scenario/edit';
import { presetScenario } from '@/lib/scenario/presets';
import { effectiveModelSpec, filterModelOptions, modelFacts, modelOptionGroups, providersInUse } from './model-facts';

describe('model facts for the chain builder', () => {
  it('shows catalog figures with the scenario overrides on top, and names what is overridden', () => {
    const scenario = setModelOverride(presetScenario('support-chatbot'), 'claude-haiku-4-5', 'inputPer1M', 0.8);
    const facts = modelFacts(scenario, 'claude-haiku-4-5');
    expect(facts.custom).toBe(false);
    expect(facts.spec?.inputPer1M).toBe(0.8);
    expect(facts.spec?.outputPer1M).toBe(builtInSpecCatalog.models['claude-haiku-4-5']?.outputPer1M);
    // The preset itself sets the TTFT p95 (the catalog's estimate, ADR 011); the edit adds the input price.
    expect(facts.overridden).toEqual(['ttftP95Ms', 'inputPer1M']);
    expect(facts.providerName).toBe(catalog.providers.find((p) => p.id === 'anthropic')?.name);
    expect(facts.availability).toBe(builtInSpecCatalog.providers.anthropic?.availability);
    expect(facts.slaLabel.length).toBeGreaterThan(0);
  });

  it('a custom model gets the §3.4 defaults (cached = input, batch = half) and its custom provider', () => {
    let scenario = addCustomProvider(presetScenario('support-chatbot'), 'acme', { availability: 0.99 });
    scenario = addCustomModel(scenario, 'acme-1', { provider: 'acme', inputPer1M: 2, outputPer1M: 6, ttftMs: 300, tokensPerSec: 50 });
    const facts = modelFacts(scenario, 'acme-1');
    expect(facts).toMatchObject({ custom: true, providerName: 'acme', availability: 0.99, slaLabel: 'Custom provider', overridden: [] });
    expect(facts.spec).toMatchObject({ cachedInputPer1M: 2, batchInputPer1M: 1, batchOutputPer1M: 3, rpm: null });
    expect(effectiveModelSpec({ provider: 'acme', inputPer1M: 1 }, undefined)).toBeNull();
    // the custom model is offered first in the model lists
    expect(modelOptionGroups(scenario.models)[0]?.models.map((m) => m.id)).toEqual(['acme-1']);
  });

  it('groups every catalog model by provider and filters by provider and name words', () => {
    const groups = modelOptionGroups(presetScenario('support-chatbot').models);
    expect(groups.reduce((n, g) => n + g.models.length, 0)).toBe(catalog.models.length);
    const filtered = filterModelOptions(groups, 'anthropic haiku');
    expect(filtered.flatMap((g) => g.models.map((m) => m.id))).toContain('claude-haiku-4-5');
    expect(filtered.every((g) => g.models.every((m) => /haiku/i.test(`${m.name} ${m.id}`)))).toBe(true);
    expect(filterModelOptions(groups, 'no-such-thing-xyz')).toEqual([]);
  });

  it('lists the providers the chains use in order of first appearance, with overridden hours', () => {
    let scenario = addFallback(presetScenario('support-chatbot'), 0, 'gemini-2.5-flash');
    scenario = setProviderOverride(scenario, 'openai', 'integrationHours', 3);
    const providers = providersInUse(scenario);
    expect(providers.map((p) => p.id)).toEqual(['anthropic', 'openai', 'google-gemini']);
    expect(providers[1]?.spec?.integrationHours).toBe(3);
    expect(providers[1]?.overridden).toEqual(['integrationHours']);
  });
});
