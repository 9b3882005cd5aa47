import { describe, expect, it } from 'vitest';
import { CatalogError, parseCatalog } from './parse-catalog';
import { f, modelInput, providerFile, providerInput } from './fixtures.test-helpers';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof CatalogError) return error.problems;
    throw error;
  }
  throw new Error('expected a CatalogError');
}

describe('parseCatalog', () => {
  it('returns providers, models and aggregators in file order', () => {
    const other = providerFile([modelInput({ id: 'b-model', provider: 'b' })], providerInput({ id: 'b' }));
    const catalog = parseCatalog({ 'a.ts': providerFile(), 'b.ts': other }, []);
    expect(catalog.providers.map((p) => p.id)).toEqual(['acme', 'b']);
    expect(catalog.models.map((m) => m.id)).toEqual(['acme-small', 'b-model']);
  });

  it('names the file and the field of an invalid value', () => {
    const file = providerFile([modelInput({ ttftMs: f(-5) })]);
    const problems = problemsOf(() => parseCatalog({ 'data/providers/acme.ts': file }, []));
    expect(problems).toEqual([expect.stringMatching(/^data\/providers\/acme\.ts: models\[0\]\.ttftMs\.value: /)]);
  });

  it('rejects duplicate ids across files and a model filed under another provider', () => {
    const dupe = providerFile([modelInput({ provider: 'b' })], providerInput({ id: 'b' }));
    expect(problemsOf(() => parseCatalog({ 'a.ts': providerFile(), 'b.ts': dupe }, []))).toEqual([
      'model acme-small: id "acme-small" is already used by model acme-small',
    ]);
    const misfiled = providerFile([modelInput({ provider: 'elsewhere' })]);
    expect(problemsOf(() => parseCatalog({ 'a.ts': misfiled }, []))).toEqual(['a.ts: models[0].provider: is "elsewhere", expected "acme"']);
  });

  it('reports an invalid aggregator by index', () => {
    const problems = problemsOf(() => parseCatalog({ 'a.ts': providerFile() }, [{ id: 'x' }]));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.startsWith('aggregators[0]: '))).toBe(true);
  });
});
