import { builtInSpecCatalog } from '@/lib/catalog/builtin';
// The deterministic part of simulate() (lib/engine/index.ts) only: Monte Carlo code stays in the workers' chunk
// (docs/decisions/007).
import { simulateDeterministic } from '@/lib/engine/aggregate';
import { saturateInfinities } from '@/lib/engine/saturate';
import type { EngineInput, Result } from '@/lib/engine/types';
import type { ParseResult } from '@/lib/scenario/defaults';
import { isPresetDraft } from '@/lib/scenario/presets';
import { resolveScenario } from '@/lib/scenario/resolve-core';
import type { Scenario, SpecCatalog } from '@/lib/scenario/schema';
import { toFieldErrors, type FieldError } from './field-errors';

/**
 * The only path from the UI to the engine (DESIGN.md §2): a scenario draft → validated, resolved, simulated.
 * Pure and memoised by object identity, so every component that asks about the same draft shares one simulation.
 */
export interface ScenarioEvaluation {
  status: 'ok' | 'invalid';
  /** Empty when `status` is `ok`. */
  errors: FieldError[];
  /** The resolved scenario (with `monteCarlo` when the draft asks for it); null when invalid. */
  input: EngineInput | null;
  /** The deterministic Result (Monte Carlo runs separately, see `useMonteCarlo`); null when invalid. */
  result: Result | null;
}

const byCatalog = new WeakMap<SpecCatalog, WeakMap<Scenario, ScenarioEvaluation>>();

/** Evaluate a draft against the built-in catalog (or `catalog`); the same draft object returns the same evaluation. */
export function evaluateScenario(scenario: Scenario, catalog: SpecCatalog = builtInSpecCatalog): ScenarioEvaluation {
  let cache = byCatalog.get(catalog);
  if (!cache) {
    cache = new WeakMap();
    byCatalog.set(catalog, cache);
  }
  const cached = cache.get(scenario);
  if (cached) return cached;
  const evaluation = evaluateUncached(scenario, catalog);
  cache.set(scenario, evaluation);
  return evaluation;
}

function invalid(errors: FieldError[]): ScenarioEvaluation {
  return { status: 'invalid', errors, input: null, result: null };
}

type Validation = { ok: true; input: EngineInput } | { ok: false; errors: FieldError[] };

/** `parseScenario` of lib/scenario/schema.ts: the strict zod validator of Scenario v1. */
export type ScenarioParser = (input: unknown) => ParseResult<Scenario>;

/**
 * The validator is not on the simulator's first load (zod is a sixth of it, docs/decisions/007): the first render
 * shows an untouched preset, known valid, and every other draft is validated once `./scenario-validator` has been
 * imported, which the workspace does before it opens a working set (app/_components/workspace/working-set-sync.tsx).
 */
let parseScenario: ScenarioParser | null = null;

export function setScenarioParser(parser: ScenarioParser): void {
  parseScenario = parser;
}

function parse(scenario: Scenario): ParseResult<Scenario> {
  // A preset as presetScenario made it: presets.test.ts parses each one, so the result is the draft itself.
  if (isPresetDraft(scenario)) return { ok: true, value: scenario };
  if (!parseScenario) throw new Error('the scenario validator is not loaded: import lib/store/scenario-validator.ts first');
  return parseScenario(scenario);
}

const validations = new WeakMap<SpecCatalog, WeakMap<Scenario, Validation>>();

/** Parse and resolve only (no simulation), memoised by draft identity: cheap enough for every keystroke. */
function validate(scenario: Scenario, catalog: SpecCatalog): Validation {
  let cache = validations.get(catalog);
  if (!cache) {
    cache = new WeakMap();
    validations.set(catalog, cache);
  }
  const cached = cache.get(scenario);
  if (cached) return cached;
  // Drafts come from the form and may hold anything the user typed, so validate before resolving (MODEL.md §3.0).
  const parsed = parse(scenario);
  const resolved = parsed.ok ? resolveScenario(parsed.value, catalog) : parsed;
  const validation: Validation = resolved.ok ? { ok: true, input: resolved.value } : { ok: false, errors: toFieldErrors(resolved.errors) };
  cache.set(scenario, validation);
  return validation;
}

const NO_ERRORS: FieldError[] = [];

/** The draft's validation errors (MODEL.md §3.0), without running the engine. */
export function scenarioErrors(scenario: Scenario, catalog: SpecCatalog = builtInSpecCatalog): FieldError[] {
  const validation = validate(scenario, catalog);
  return validation.ok ? NO_ERRORS : validation.errors;
}

function evaluateUncached(scenario: Scenario, catalog: SpecCatalog): ScenarioEvaluation {
  const validation = validate(scenario, catalog);
  if (!validation.ok) return invalid(validation.errors);

  const input = validation.input;
  let result: Result;
  try {
    // = simulate(withoutMonteCarlo(input)): the deterministic months and total, infinities saturated (MODEL.md §2).
    result = saturateInfinities(simulateDeterministic(withoutMonteCarlo(input)));
  } catch (error) {
    // A valid scenario must never throw (MODEL.md §11); if the engine does, say so at the scenario, not as a crash.
    const reason = error instanceof Error ? error.message : String(error);
    return invalid([{ path: '(scenario)', message: `the simulation failed on this scenario (${reason})` }]);
  }
  const badPath = firstNonFiniteNumber(result, 'result');
  if (badPath !== null) {
    return invalid([{ path: '(scenario)', message: `the simulation produced a non-finite figure (${badPath})` }]);
  }
  return { status: 'ok', errors: [], input, result };
}

/** The deterministic part only: Monte Carlo is debounced separately so typing stays instant. */
export function withoutMonteCarlo(input: EngineInput): EngineInput {
  if (!input.monteCarlo) return input;
  const copy = { ...input };
  delete copy.monteCarlo;
  return copy;
}

/** Path of the first NaN or ±Infinity in a Result, or null: such a value must never reach the screen (MODEL.md §2). */
export function firstNonFiniteNumber(value: unknown, path: string): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstNonFiniteNumber(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = firstNonFiniteNumber(child, `${path}.${key}`);
      if (found !== null) return found;
    }
  }
  return null;
}
