import { builtInCatalogView as catalog, builtInSpecCatalog } from '@/lib/catalog/builtin';
import type { CatalogView as Catalog, CatalogViewModel as Model, CatalogViewProvider as Provider } from '@/lib/catalog/catalog-view';
import { MODEL_DEFAULTS, PROVIDER_DEFAULTS } from '@/lib/scenario/defaults';
import type { ModelEntry, ModelSpec, ProviderSpec, Scenario, SpecCatalog } from '@/lib/scenario/schema';

/**
 * What the chain builder shows next to a chosen model: names, the figures that will be simulated (catalog merged with
 * the scenario's overrides, MODEL.md §3.0), the provider's SLA, and which figures the scenario overrides.
 */

export interface ModelFacts {
  id: string;
  name: string;
  providerId: string;
  providerName: string;
  /** True when the model is not in the built-in catalog (added by the scenario). */
  custom: boolean;
  /** The figures the engine will use; null when a custom model is still missing a required field. */
  spec: ModelSpec | null;
  /** Planning availability of the provider (0-1), with the scenario's override. */
  availability: number | null;
  /** "99.9 % SLA", "Best effort", "No SLA" (catalog), or "Custom provider". */
  slaLabel: string;
  /** Keys of ModelSpec the scenario sets for a catalog model. */
  overridden: (keyof ModelSpec)[];
  /** The catalog's committed-capacity offer, where the model has one (for the provisioned-capacity option). */
  provisionedOffer: { name: string; monthlyPrice: number; capacityTPM: number } | null;
}

export interface ModelOption {
  id: string;
  name: string;
  inputPer1M: number;
  outputPer1M: number;
}

export interface ProviderOptionGroup {
  providerId: string;
  providerName: string;
  models: ModelOption[];
}

const SLA_LABELS: Record<Provider['sla']['commitment'], string> = {
  contractual: 'SLA',
  'best-effort': 'Best effort, no SLA',
  'none-published': 'No SLA',
};

function slaLabel(provider: Provider | undefined): string {
  if (!provider) return 'Custom provider';
  const { sla } = provider;
  if (sla.commitment === 'contractual' && sla.uptimePct) return `${sla.uptimePct.value} % SLA`;
  return SLA_LABELS[sla.commitment];
}

function present<T extends object>(entry: T | undefined): Partial<T> {
  if (!entry) return {};
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Catalog figures with the scenario's keys on top; a new model gets the §3.4 defaults (cached = input, batch = ½). */
export function effectiveModelSpec(entry: ModelEntry | undefined, base: ModelSpec | undefined): ModelSpec | null {
  const own = present(entry);
  if (base) return { ...base, ...own };
  const { provider, inputPer1M, outputPer1M, ttftMs, tokensPerSec } = own;
  if (provider === undefined || inputPer1M === undefined || outputPer1M === undefined || ttftMs === undefined || tokensPerSec === undefined) return null;
  return {
    ...MODEL_DEFAULTS,
    cachedInputPer1M: inputPer1M,
    batchInputPer1M: 0.5 * inputPer1M,
    batchOutputPer1M: 0.5 * outputPer1M,
    ...own,
    provider,
    inputPer1M,
    outputPer1M,
    ttftMs,
    tokensPerSec,
  };
}

export function effectiveProviderSpec(scenario: Scenario, providerId: string, specs: SpecCatalog = builtInSpecCatalog): ProviderSpec | null {
  const own = present(scenario.providers?.[providerId]);
  const base = Object.hasOwn(specs.providers, providerId) ? specs.providers[providerId] : undefined;
  if (base) return { ...base, ...own };
  if (own.availability === undefined) return null;
  return { ...PROVIDER_DEFAULTS, slaCredits: [], ...own, availability: own.availability };
}

export function modelFacts(scenario: Scenario, modelId: string, data: Catalog = catalog, specs: SpecCatalog = builtInSpecCatalog): ModelFacts {
  const catalogModel: Model | undefined = data.models.find((m) => m.id === modelId);
  const entry = scenario.models?.[modelId];
  const base = Object.hasOwn(specs.models, modelId) ? specs.models[modelId] : undefined;
  const spec = effectiveModelSpec(entry, base);
  const providerId = spec?.provider ?? entry?.provider ?? catalogModel?.provider ?? '';
  const provider = data.providers.find((p) => p.id === providerId);
  const providerSpec = providerId ? effectiveProviderSpec(scenario, providerId, specs) : null;
  return {
    id: modelId,
    name: catalogModel?.displayName ?? modelId,
    providerId,
    providerName: provider?.name ?? (providerId || 'Unknown provider'),
    custom: !base,
    spec,
    availability: providerSpec?.availability ?? null,
    slaLabel: slaLabel(provider),
    overridden: base ? (Object.keys(present(entry)) as (keyof ModelSpec)[]) : [],
    provisionedOffer: catalogModel?.provisioned
      ? {
          name: catalogModel.provisioned.name,
          monthlyPrice: catalogModel.provisioned.monthlyPriceUsd.value,
          capacityTPM: catalogModel.provisioned.capacityTPM.value,
        }
      : null,
  };
}

/** Every model a chain can use (catalog + the scenario's `models` map), grouped by provider; custom models first. */
export function modelOptionGroups(scenarioModels: Scenario['models'], data: Catalog = catalog, specs: SpecCatalog = builtInSpecCatalog): ProviderOptionGroup[] {
  const groups: ProviderOptionGroup[] = [];
  const customIds = Object.keys(scenarioModels ?? {}).filter((id) => !Object.hasOwn(specs.models, id));
  if (customIds.length > 0) {
    groups.push({
      providerId: '(custom)',
      providerName: 'Custom models (this scenario)',
      models: customIds.map((id) => {
        const spec = effectiveModelSpec(scenarioModels?.[id], undefined);
        return { id, name: id, inputPer1M: spec?.inputPer1M ?? 0, outputPer1M: spec?.outputPer1M ?? 0 };
      }),
    });
  }
  for (const provider of data.providers) {
    const models = data.models
      .filter((m) => m.provider === provider.id)
      .map((m) => {
        const spec = effectiveModelSpec(scenarioModels?.[m.id], specs.models[m.id]);
        return { id: m.id, name: m.displayName, inputPer1M: spec?.inputPer1M ?? m.prices.inputPer1M.value, outputPer1M: spec?.outputPer1M ?? m.prices.outputPer1M.value };
      });
    if (models.length > 0) groups.push({ providerId: provider.id, providerName: provider.name, models });
  }
  return groups;
}

/** Groups filtered by a search text over provider name, model name and id (case-insensitive, all words must match). */
export function filterModelOptions(groups: readonly ProviderOptionGroup[], query: string): ProviderOptionGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return groups.slice();
  return groups
    .map((group) => ({
      ...group,
      models: group.models.filter((model) => {
        const haystack = `${group.providerName} ${group.providerId} ${model.name} ${model.id}`.toLowerCase();
        return words.every((word) => haystack.includes(word));
      }),
    }))
    .filter((group) => group.models.length > 0);
}

/** Providers the scenario's chains use, in order of first appearance (MODEL.md §2), with their effective hours. */
export function providersInUse(scenario: Scenario, data: Catalog = catalog, specs: SpecCatalog = builtInSpecCatalog) {
  const seen = new Map<string, { id: string; name: string; spec: ProviderSpec | null; overridden: (keyof ProviderSpec)[] }>();
  for (const chain of scenario.routing.chains) {
    for (const modelId of chain.models) {
      const facts = modelFacts(scenario, modelId, data, specs);
      if (!facts.providerId || seen.has(facts.providerId)) continue;
      const catalogHas = Object.hasOwn(specs.providers, facts.providerId);
      seen.set(facts.providerId, {
        id: facts.providerId,
        name: facts.providerName,
        spec: effectiveProviderSpec(scenario, facts.providerId, specs),
        overridden: catalogHas ? (Object.keys(present(scenario.providers?.[facts.providerId])) as (keyof ProviderSpec)[]) : [],
      });
    }
  }
  return [...seen.values()];
}
