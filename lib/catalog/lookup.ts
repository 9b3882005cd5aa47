import type { Aggregator, Catalog, Model, Provider } from './schema';

export function findModel(catalog: Catalog, id: string): Model | undefined {
  return catalog.models.find((m) => m.id === id);
}

export function findProvider(catalog: Catalog, id: string): Provider | undefined {
  return catalog.providers.find((p) => p.id === id);
}

export function findAggregator(catalog: Catalog, id: string): Aggregator | undefined {
  return catalog.aggregators.find((a) => a.id === id);
}

/** Models of one provider, in catalog order. */
export function modelsByProvider(catalog: Catalog, providerId: string): Model[] {
  return catalog.models.filter((m) => m.provider === providerId);
}

/** The provider of a model; throws if the catalog is inconsistent (parseCatalog prevents it). */
export function providerOf(catalog: Catalog, model: Model): Provider {
  const provider = findProvider(catalog, model.provider);
  if (!provider) throw new Error(`model ${model.id}: unknown provider "${model.provider}"`);
  return provider;
}
