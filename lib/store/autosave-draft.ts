import { ScenarioSchema } from '@/lib/scenario/schema';
import { MAX_WORKING_SET_SCENARIOS } from '@/lib/scenario/working-set';
import type { WorkingSet } from './scenario-store';

/**
 * Which autosaved drafts may be put back on screen (docs/decisions/013-drafts-and-autosave.md). A draft is what the
 * editor produced: every field has the type the schema gives it, but values may break the schema's ranges and rules
 * (-5 requests per day, weights that do not add up to 100 %). Such a draft is restored with its errors shown. A draft
 * whose *shape* is wrong (a missing field, a string where a number goes, an unknown key, another schema version) was
 * not written by this editor and is never put in the store: the last valid working set is restored instead.
 */

/**
 * zod issue codes that only say a value is out of range or breaks a rule: the editor can produce these, and the
 * form shows them at their field. Anything else (invalid_type, invalid_value, unrecognized_keys, invalid_union) is a
 * shape problem.
 */
const VALUE_ISSUES: ReadonlySet<string> = new Set(['too_small', 'too_big', 'custom', 'invalid_format', 'not_multiple_of', 'invalid_key']);

/** True when `scenario` has the Scenario type's shape, whatever its values. */
export function hasScenarioShape(scenario: unknown): boolean {
  const parsed = ScenarioSchema.safeParse(scenario);
  if (parsed.success) return true;
  return parsed.error.issues.every((issue) => VALUE_ISSUES.has(issue.code) || (issue.code === 'invalid_type' && issue.expected === 'int'));
}

/** The draft working set when it can be restored (1-4 scenarios of the right shape, an index in range), else null. */
export function restorableDraft(input: unknown): WorkingSet | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const { scenarios, active } = input as { scenarios?: unknown; active?: unknown };
  if (!Array.isArray(scenarios) || scenarios.length < 1 || scenarios.length > MAX_WORKING_SET_SCENARIOS) return null;
  if (typeof active !== 'number' || !Number.isInteger(active) || active < 0 || active >= scenarios.length) return null;
  if (!scenarios.every(hasScenarioShape)) return null;
  return { ...(input as WorkingSet), scenarios: scenarios as WorkingSet['scenarios'], active };
}
