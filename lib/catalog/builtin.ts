import type { SpecCatalog } from '@/lib/scenario/schema';
import type { CatalogView } from './catalog-view';
import { ENGINE_CATALOG } from './engine-catalog.generated';

/**
 * The built-in catalog as the simulator uses it (docs/decisions/007): engine-level specs that scenarios resolve
 * against, and the labels the inputs show. A few kilobytes, already validated, no sources: the full catalog
 * (`@/data`, with every figure's source and date) is for /catalog, the CLI and the tests.
 */
export const builtInSpecCatalog: SpecCatalog = ENGINE_CATALOG.specs;
export const builtInCatalogView: CatalogView = ENGINE_CATALOG.view;
