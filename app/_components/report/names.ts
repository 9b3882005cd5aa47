import { catalog as builtInCatalog } from '@/data';
import type { Catalog } from '@/lib/catalog/schema';

/** Display names for model and provider ids: the catalog's, else the id itself (custom models and providers). */
export function catalogNames(data: Catalog = builtInCatalog) {
  const models = new Map(data.models.map((model) => [model.id, model.displayName]));
  const providers = new Map(data.providers.map((provider) => [provider.id, provider.name]));
  return {
    model: (id: string) => models.get(id) ?? id,
    provider: (id: string) => providers.get(id) ?? id,
  };
}
