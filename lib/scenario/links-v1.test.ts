import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInSpecCatalog } from '@/data';
import { simulate } from '@/lib/engine';
import type { EngineInput } from '@/lib/engine/types';
import { formatCents } from '@/lib/export/rounding';
import { resolveScenario } from './resolve';
import { decodeWorkingSet } from './url-codec';

/** The golden corpus (lib/scenario/fixtures/links-v1.txt): every stored link opens with the same headline totals. */

interface GoldenLink {
  label: string;
  expected: { tcoUsd: string; chainAvailability: number }[];
  link: string;
}

function readCorpus(): GoldenLink[] {
  const lines = readFileSync(path.join(__dirname, 'fixtures', 'links-v1.txt'), 'utf8').split('\n');
  const entries: GoldenLink[] = [];
  let label = '';
  for (const line of lines) {
    if (line.startsWith('#')) {
      label = line.slice(1).trim();
      continue;
    }
    if (line.trim() === '') continue;
    const [totals = '', link = ''] = line.split('\t');
    const expected = totals.split(' ').map((pair) => {
      const [tcoUsd = '', availability = ''] = pair.split('|');
      return { tcoUsd, chainAvailability: Number(availability) };
    });
    entries.push({ label, expected, link });
  }
  return entries;
}

const corpus = readCorpus();

describe('golden links, schema v1', () => {
  it('has entries', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(8);
  });

  it.each(corpus.map((entry) => [entry.label, entry] as const))('%s opens with the same totals', (_label, entry) => {
    const decoded = decodeWorkingSet(entry.link.slice(entry.link.indexOf('#')));
    if (!decoded.ok) throw new Error(`${decoded.error.kind}: ${decoded.error.message}`);
    expect(decoded.value.scenarios).toHaveLength(entry.expected.length);
    decoded.value.scenarios.forEach((scenario, i) => {
      const resolved = resolveScenario(scenario, builtInSpecCatalog);
      if (!resolved.ok) throw new Error(resolved.errors.join('\n'));
      const input: EngineInput = { ...resolved.value };
      delete input.monteCarlo;
      const result = simulate(input);
      const expected = entry.expected[i]!;
      expect(formatCents(result.total.tco)).toBe(expected.tcoUsd);
      // 12 significant digits were stored: agree to 5e-12 relative.
      expect(Math.abs(result.total.chainAvailability - expected.chainAvailability)).toBeLessThanOrEqual(5e-12 * expected.chainAvailability);
    });
  });
});
