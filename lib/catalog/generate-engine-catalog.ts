/**
 * Writes lib/catalog/engine-catalog.generated.ts, the simulator's compact view of the built-in catalog
 * (lib/catalog/catalog-view.ts). Run after editing data/: `npm run catalog:engine`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalog } from '@/data';
import { engineCatalogModule } from './catalog-view';

const target = fileURLToPath(new URL('./engine-catalog.generated.ts', import.meta.url));
writeFileSync(target, engineCatalogModule(catalog));
console.log(`wrote ${target} (${catalog.models.length} models, ${catalog.providers.length} providers, ${catalog.aggregators.length} aggregators)`);
