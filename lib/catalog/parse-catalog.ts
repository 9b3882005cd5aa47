import { z } from 'zod';
import { formatFieldPath } from '@/lib/scenario/schema';
import { AggregatorSchema, ProviderFileSchema, type Catalog, type ProviderFileInput } from './schema';

/** Thrown when catalog data is invalid; the message names the data file and the field. */
export class CatalogError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid catalog data:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'CatalogError';
  }
}

function issues(where: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${where}: ${formatFieldPath(issue.path)}: ${issue.message}`);
}

/**
 * Validate every provider file and the aggregator list, then check what no single file can: unique ids across files
 * and models pointing at their own file's provider. Returns the parsed catalog or throws a `CatalogError` listing
 * every problem as `<file>: <field path>: <message>`.
 */
export function parseCatalog(files: Record<string, ProviderFileInput>, aggregatorInput: unknown[]): Catalog {
  const problems: string[] = [];
  const catalog: Catalog = { providers: [], models: [], aggregators: [] };

  for (const [file, input] of Object.entries(files)) {
    const parsed = ProviderFileSchema.safeParse(input);
    if (!parsed.success) {
      problems.push(...issues(file, parsed.error));
      continue;
    }
    const { provider, models } = parsed.data;
    models.forEach((model, i) => {
      if (model.provider !== provider.id) problems.push(`${file}: models[${i}].provider: is "${model.provider}", expected "${provider.id}"`);
    });
    catalog.providers.push(provider);
    catalog.models.push(...models);
  }

  aggregatorInput.forEach((input, i) => {
    const parsed = AggregatorSchema.safeParse(input);
    if (parsed.success) catalog.aggregators.push(parsed.data);
    else problems.push(...issues(`aggregators[${i}]`, parsed.error));
  });

  const seen = new Map<string, string>();
  const claim = (id: string, what: string) => {
    const previous = seen.get(id);
    if (previous) problems.push(`${what}: id "${id}" is already used by ${previous}`);
    else seen.set(id, what);
  };
  catalog.providers.forEach((p) => claim(p.id, `provider ${p.id}`));
  catalog.models.forEach((m) => claim(m.id, `model ${m.id}`));
  catalog.aggregators.forEach((a) => claim(a.id, `aggregator ${a.id}`));

  if (problems.length > 0) throw new CatalogError(problems);
  return catalog;
}
