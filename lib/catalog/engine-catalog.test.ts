import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalog } from '@/data';
import { builtInCatalogView, builtInSpecCatalog } from './builtin';
import { engineCatalogData, engineCatalogModule, type CatalogView } from './catalog-view';
import { toSpecCatalog } from './to-spec';

describe('the simulator\'s compact catalog (lib/catalog/engine-catalog.generated.ts)', () => {
  it('is up to date with data/ (if not: npm run catalog:engine)', () => {
    const onDisk = readFileSync(new URL('./engine-catalog.generated.ts', import.meta.url), 'utf8');
    expect(onDisk === engineCatalogModule(catalog), 'lib/catalog/engine-catalog.generated.ts is stale: run `npm run catalog:engine`').toBe(true);
  });

  it('gives the engine exactly the specs of the full catalog, and the labels the inputs show', () => {
    expect(builtInSpecCatalog).toEqual(toSpecCatalog(catalog));
    expect(builtInCatalogView).toEqual(engineCatalogData(catalog).view);
    expect(builtInCatalogView.models.map((m) => m.id)).toEqual(catalog.models.map((m) => m.id));
    const gpt = builtInCatalogView.models.find((m) => m.id === catalog.models[0]!.id);
    expect(gpt?.displayName).toBe(catalog.models[0]!.displayName);
  });

  it('carries no sources, notes or dates (they stay on /catalog)', () => {
    const text = JSON.stringify({ builtInSpecCatalog, builtInCatalogView });
    expect(text).not.toMatch(/https?:\/\//);
    expect(text).not.toMatch(/"(source|asOf|url|notes)"/);
  });

  it('the full catalog is a CatalogView too (the store helpers take either)', () => {
    const view: CatalogView = catalog;
    expect(view.models.length).toBe(builtInCatalogView.models.length);
  });
});
