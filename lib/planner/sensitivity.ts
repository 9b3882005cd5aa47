import { simulate } from '@/lib/engine';
import type { EngineInput } from '@/lib/engine/types';
import { resolveScenario } from '@/lib/scenario/resolve';
import type { Scenario, SpecCatalog } from '@/lib/scenario/schema';
import { PlannerInputError } from './candidates';
import { formatPath, inputRange, readInput, sensitivityPaths, writeInput, type InputPath } from './paths';

/**
 * `plan sensitivity` (issue 11): every numeric input that moves TCO at ×(1 - P/100) and ×(1 + P/100), clamped to its
 * range; rows sorted by |tcoHigh - tcoLow| descending (a tornado). Inputs at 0, or unlimited, have nothing to swing
 * and are left out. Monte Carlo is dropped (it does not change total.tco).
 */
export interface SensitivityRow {
  input: string;
  low: number;
  high: number;
  tcoLow: number;
  tcoHigh: number;
}

export interface SensitivityResult {
  rows: SensitivityRow[];
  /** TCO of the scenario as given (not part of the JSON contract; the tornado's centre line). */
  baseTco: number;
}

export function resolveOrThrow(scenario: Scenario, catalog: SpecCatalog, context: string): EngineInput {
  const resolved = resolveScenario(scenario, catalog);
  if (!resolved.ok) throw new PlannerInputError(`${context}${resolved.errors[0] ?? 'invalid scenario'}`);
  const input = resolved.value;
  delete input.monteCarlo;
  return input;
}

export function tcoOf(scenario: Scenario, catalog: SpecCatalog, context = ''): number {
  return simulate(resolveOrThrow(scenario, catalog, context)).total.tco;
}

function swingValue(base: number, factor: number, range: { min: number; max: number }): number {
  return Math.min(range.max, Math.max(range.min, base * factor));
}

export function sensitivity(scenario: Scenario, catalog: SpecCatalog, swingPct = 20): SensitivityResult {
  if (!(swingPct > 0 && swingPct <= 100)) throw new PlannerInputError(`--swing: must be a number above 0 and at most 100 (got ${swingPct})`);
  const base = { ...scenario };
  delete base.monteCarlo;
  const input = resolveOrThrow(base, catalog, '');
  const baseTco = simulate(input).total.tco;
  const rows: SensitivityRow[] = [];
  for (const path of sensitivityPaths(input)) {
    const value = readInput(input, path, 'input');
    if (value === null || value === 0) continue;
    const range = inputRange(input, path);
    const low = swingValue(value, 1 - swingPct / 100, range);
    const high = swingValue(value, 1 + swingPct / 100, range);
    if (low === high) continue;
    const at = (v: number) => (v === value ? baseTco : tcoAt(base, input, path, v, catalog));
    rows.push({ input: formatPath(path), low, high, tcoLow: at(low), tcoHigh: at(high) });
  }
  rows.sort((a, b) => Math.abs(b.tcoHigh - b.tcoLow) - Math.abs(a.tcoHigh - a.tcoLow) || (a.input < b.input ? -1 : 1));
  return { rows, baseTco };
}

function tcoAt(scenario: Scenario, input: EngineInput, path: InputPath, value: number, catalog: SpecCatalog): number {
  return tcoOf(writeInput(scenario, input, path, value), catalog, `${formatPath(path)} = ${value}: `);
}
