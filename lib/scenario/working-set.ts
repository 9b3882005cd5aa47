import { z } from 'zod';
import { CURRENT_MIGRATION_PLAN, isJsonObject, migrateScenario, type MigrationPlan } from './migrations';
import { formatIssues, PlannerSettingsSchema, ScenarioSchema, type PlannerSettings, type Scenario } from './schema';

/**
 * The working set: up to four scenarios and which one is active (DESIGN.md §1.4, §3). It is what a link, the autosave
 * and a JSON export carry. Strict like the Scenario schema: unknown keys are errors.
 */

/** Up to four scenarios side by side (DESIGN.md §1.4); the store's MAX_SCENARIOS is the same number. */
export const MAX_WORKING_SET_SCENARIOS = 4;

/**
 * Planner settings at the top of the payload, as 'Copy link with targets' wrote them before they became the
 * scenario's optional `planner` field (schema.ts); still read so those links open with their targets.
 */
export { PlannerSettingsSchema };
export type PlannerSettingsDocument = PlannerSettings;

export const WorkingSetSchema = z
  .strictObject({
    scenarios: z.array(ScenarioSchema).min(1).max(MAX_WORKING_SET_SCENARIOS),
    active: z.number().int().min(0),
    planner: PlannerSettingsSchema.optional(),
  })
  .superRefine((ws, ctx) => {
    if (ws.active >= ws.scenarios.length) {
      ctx.addIssue({ code: 'custom', path: ['active'], message: `must be < ${ws.scenarios.length} (the number of scenarios)` });
    }
  });
export type WorkingSetDocument = z.infer<typeof WorkingSetSchema>;

export type WorkingSetParse = { ok: true; value: WorkingSetDocument } | { ok: false; issues: string[] };

/** Validate untrusted input as a working set; issues start with the field path, e.g. `scenarios[1].workload.requestsPerDay: …`. */
export function parseWorkingSet(input: unknown): WorkingSetParse {
  const result = WorkingSetSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  // formatIssues names the document root "(scenario)"; here the root is the working set.
  const issues = formatIssues(result.error).flatMap((line) => line.split('\n'));
  return { ok: false, issues: issues.map((line) => line.replace(/^\(scenario\):/, '(working set):')) };
}

/** A working set of one scenario (a single Scenario JSON file, e.g. written for the CLI). */
export function workingSetOf(scenario: Scenario): WorkingSetDocument {
  return { scenarios: [scenario], active: 0 };
}

/** At most this many issues in a message; the rest are counted ("… and 12 more"). */
const MAX_LISTED_ISSUES = 5;

/** One readable paragraph from validation issues, naming the first few fields. */
export function summariseIssues(issues: readonly string[]): string {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).join('; ');
  const more = issues.length - MAX_LISTED_ISSUES;
  return more > 0 ? `${listed}; and ${more} more` : listed;
}

export type StoredWorkingSetErrorKind = 'newer-version' | 'invalid';

export type StoredWorkingSetResult =
  | { ok: true; value: WorkingSetDocument; migratedFrom?: number }
  | { ok: false; kind: StoredWorkingSetErrorKind; message: string; issues: string[] };

/**
 * A stored working set (already JSON-parsed: from a link, the autosave or a JSON file) brought up to date: each
 * scenario runs its migrations (lib/scenario/migrations.ts), then the whole set is validated by the strict schema.
 * `allowSingleScenario` also accepts one bare Scenario document (a scenario file written for the CLI). Never throws.
 */
export function readStoredWorkingSet(
  stored: unknown,
  options: { allowSingleScenario?: boolean; plan?: MigrationPlan } = {},
): StoredWorkingSetResult {
  const invalid = (issues: string[]): StoredWorkingSetResult => ({ ok: false, kind: 'invalid', message: summariseIssues(issues), issues });
  if (!isJsonObject(stored)) return invalid(['(working set): expected an object with "scenarios" and "active"']);
  const document = options.allowSingleScenario && 'workload' in stored && !('scenarios' in stored) ? { scenarios: [stored], active: 0 } : stored;
  const { scenarios } = document;
  if (!Array.isArray(scenarios)) return invalid(['scenarios: required (a list of 1 to 4 scenarios)']);
  if (scenarios.length < 1 || scenarios.length > MAX_WORKING_SET_SCENARIOS) {
    return invalid([`scenarios: must have 1 to ${MAX_WORKING_SET_SCENARIOS} scenarios (has ${scenarios.length})`]);
  }

  const migrated: unknown[] = [];
  let migratedFrom: number | undefined;
  for (const [index, scenario] of scenarios.entries()) {
    const outcome = migrateScenario(scenario, `scenarios[${index}]`, options.plan);
    if (!outcome.ok) return { ok: false, kind: outcome.kind, message: outcome.message, issues: [outcome.message] };
    migrated.push(outcome.value);
    const currentVersion = (options.plan ?? CURRENT_MIGRATION_PLAN).currentVersion;
    if (outcome.fromVersion < currentVersion) migratedFrom = Math.min(migratedFrom ?? outcome.fromVersion, outcome.fromVersion);
  }

  const parsed = parseWorkingSet({ ...document, scenarios: migrated });
  if (!parsed.ok) return invalid(parsed.issues);
  return migratedFrom === undefined ? { ok: true, value: parsed.value } : { ok: true, value: parsed.value, migratedFrom };
}
