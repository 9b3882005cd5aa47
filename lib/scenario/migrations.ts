import { SCENARIO_SCHEMA_VERSION } from './defaults';

/**
 * Named, ordered migrations of stored scenarios (links, autosaves, JSON files), in the manner of tldraw's
 * `tlschema`: each step turns a scenario of version N into one of version N+1 and never looks further. A stored
 * scenario runs every step from its own `version` up to SCENARIO_SCHEMA_VERSION, in order, and is validated by the
 * strict current schema only afterwards (old schemas are not kept). See docs/decisions/005-url-format-and-versioning.md.
 *
 * Version 1 is the first published schema, so the list is empty today. A v1 → v2 change appends
 * `{ from: 1, to: 2, name: 'v1 → v2: …', up }` with a test that starts from a frozen v1 payload.
 */

export type JsonObject = { [key: string]: unknown };

export interface ScenarioMigration {
  from: number;
  to: number;
  /** `vN → vN+1: what changes`, shown in the test names and in errors. */
  name: string;
  /** Returns a new object (never mutates); throws MigrationError when the input is not a version-`from` scenario. */
  up: (scenario: JsonObject) => JsonObject;
}

export const SCENARIO_MIGRATIONS: readonly ScenarioMigration[] = [];

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export type MigrationOutcome = { ok: true; value: JsonObject; fromVersion: number } | { ok: false; kind: 'newer-version' | 'invalid'; message: string };

export interface MigrationPlan {
  migrations: readonly ScenarioMigration[];
  currentVersion: number;
}

export const CURRENT_MIGRATION_PLAN: MigrationPlan = { migrations: SCENARIO_MIGRATIONS, currentVersion: SCENARIO_SCHEMA_VERSION };

/** Oldest version the plan can bring up to date: the first step's `from`, or the current version when there are none. */
export function oldestSupportedVersion(plan: MigrationPlan): number {
  return plan.migrations[0]?.from ?? plan.currentVersion;
}

/** Problems with a plan's chain (steps must be consecutive vN → vN+1 and end at the current version); [] when sound. */
export function migrationChainProblems(plan: MigrationPlan): string[] {
  const problems: string[] = [];
  plan.migrations.forEach((step, i) => {
    if (step.to !== step.from + 1) problems.push(`${step.name}: must go from one version to the next (${step.from} → ${step.to})`);
    const previous = plan.migrations[i - 1];
    if (previous && previous.to !== step.from) problems.push(`${step.name}: follows a step that ends at v${previous.to}`);
  });
  const last = plan.migrations.at(-1);
  if (last && last.to !== plan.currentVersion) problems.push(`the last step ends at v${last.to}, not at the current v${plan.currentVersion}`);
  return problems;
}

/**
 * Bring one stored scenario up to the plan's current version. `label` names it in messages (e.g. `scenarios[1]`).
 * Never throws: a step that rejects its input yields an `invalid` outcome.
 */
export function migrateScenario(stored: unknown, label: string, plan: MigrationPlan = CURRENT_MIGRATION_PLAN): MigrationOutcome {
  if (!isJsonObject(stored)) return { ok: false, kind: 'invalid', message: `${label}: expected a scenario object` };
  const version = stored.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, kind: 'invalid', message: `${label}.version: expected an integer schema version` };
  }
  if (version > plan.currentVersion) {
    return {
      ok: false,
      kind: 'newer-version',
      message: `${label} uses scenario schema v${version}, made by a newer RouteCost; this version reads up to v${plan.currentVersion}`,
    };
  }
  if (version < oldestSupportedVersion(plan)) {
    return { ok: false, kind: 'invalid', message: `${label}.version: v${version} is older than any version RouteCost can read (v${oldestSupportedVersion(plan)})` };
  }
  let current: JsonObject = stored;
  for (const step of plan.migrations) {
    if (step.from < version) continue;
    try {
      current = { ...step.up(current), version: step.to };
    } catch (error) {
      const reason = error instanceof MigrationError ? error.message : 'unexpected content';
      return { ok: false, kind: 'invalid', message: `${label}: cannot migrate (${step.name}): ${reason}` };
    }
  }
  return { ok: true, value: current, fromVersion: version };
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
