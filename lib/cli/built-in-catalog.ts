import type { SpecCatalog } from '@/lib/scenario/schema';

/**
 * The built-in catalog as engine specs, loaded only when a run needs it (not with `--no-catalog`), so the CLI's
 * single dependency on `data/` is this one import.
 */
export async function loadBuiltInSpecCatalog(): Promise<SpecCatalog> {
  const { builtInSpecCatalog } = await import('@/data');
  return builtInSpecCatalog;
}
