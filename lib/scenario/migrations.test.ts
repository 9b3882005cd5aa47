import { describe, expect, it } from 'vitest';
import {
  CURRENT_MIGRATION_PLAN,
  MigrationError,
  migrateScenario,
  migrationChainProblems,
  oldestSupportedVersion,
  type JsonObject,
  type MigrationPlan,
} from './migrations';
import { parseScenario, SCENARIO_SCHEMA_VERSION } from './schema';
import { readStoredWorkingSet } from './working-set';

/**
 * The mechanism is exercised with a synthetic schema v0 (v1 is the only published version): in v0 the latency target
 * was a bare `latencyTargetMs` number and the volume was `requestsPerMonth`.
 */
function v0ToV1(scenario: JsonObject): JsonObject {
  const { latencyTargetMs, workload, ...rest } = scenario;
  if (typeof workload !== 'object' || workload === null || Array.isArray(workload)) throw new MigrationError('workload: expected an object');
  const { requestsPerMonth, ...workloadRest } = workload as JsonObject;
  if (typeof requestsPerMonth !== 'number') throw new MigrationError('workload.requestsPerMonth: expected a number');
  const migrated: JsonObject = { ...rest, workload: { ...workloadRest, requestsPerDay: requestsPerMonth / 30.4375 } };
  if (latencyTargetMs !== undefined) migrated.latencyTarget = { ms: latencyTargetMs, measure: 'firstToken' };
  return migrated;
}

const SYNTHETIC_PLAN: MigrationPlan = {
  currentVersion: 1,
  migrations: [{ from: 0, to: 1, name: 'v0 → v1: latencyTargetMs → latencyTarget, requestsPerMonth → requestsPerDay', up: v0ToV1 }],
};

/** Frozen v0 payload: never edit it; it stands for links already shared. */
const FROZEN_V0 = Object.freeze({
  version: 0,
  name: 'Legacy link',
  workload: { requestsPerMonth: 3_043_750, inputTokens: { median: 800, p95: 3000 }, outputTokens: { median: 250, p95: 1200 } },
  routing: { chains: [{ weight: 1, models: ['gpt-4o-mini'] }] },
  latencyTargetMs: 800,
});

describe('the real migration plan', () => {
  it('is a consecutive chain ending at the current schema version', () => {
    expect(migrationChainProblems(CURRENT_MIGRATION_PLAN)).toEqual([]);
    expect(CURRENT_MIGRATION_PLAN.currentVersion).toBe(SCENARIO_SCHEMA_VERSION);
    expect(oldestSupportedVersion(CURRENT_MIGRATION_PLAN)).toBeLessThanOrEqual(SCENARIO_SCHEMA_VERSION);
  });

  it('passes a current scenario through unchanged', () => {
    const scenario = { ...FROZEN_V0, version: 1 };
    expect(migrateScenario(scenario, 'x')).toEqual({ ok: true, value: scenario, fromVersion: 1 });
  });
});

describe('a synthetic v0 → v1 migration', () => {
  it('turns the frozen v0 payload into a valid v1 scenario', () => {
    const outcome = migrateScenario(FROZEN_V0, 'scenarios[0]', SYNTHETIC_PLAN);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.fromVersion).toBe(0);
    expect(outcome.value).toEqual({
      version: 1,
      name: 'Legacy link',
      workload: { requestsPerDay: 100_000, inputTokens: { median: 800, p95: 3000 }, outputTokens: { median: 250, p95: 1200 } }, // 3,043,750 / 30.4375
      routing: { chains: [{ weight: 1, models: ['gpt-4o-mini'] }] },
      latencyTarget: { ms: 800, measure: 'firstToken' },
    });
    expect(parseScenario(outcome.value).ok).toBe(true);
  });

  it('does not mutate the stored payload', () => {
    const copy = structuredClone(FROZEN_V0);
    migrateScenario(copy, 's', SYNTHETIC_PLAN);
    expect(copy).toEqual(FROZEN_V0);
  });

  it('reports a working set that needed migrating, and validates the result strictly', () => {
    const v0WithoutTarget: JsonObject = { ...FROZEN_V0 };
    delete v0WithoutTarget.latencyTargetMs;
    const stored = readStoredWorkingSet({ scenarios: [FROZEN_V0, { ...v0WithoutTarget, version: 1 }], active: 1 }, { plan: SYNTHETIC_PLAN });
    // The second entry claims v1 but still has the v0 field: no step runs, and the strict v1 schema rejects it by path.
    expect(stored).toMatchObject({ ok: false, kind: 'invalid' });
    if (!stored.ok) expect(stored.issues).toEqual([expect.stringMatching(/^scenarios\[1\]\.workload\.requestsPerDay: /), 'scenarios[1].workload.requestsPerMonth: unknown field']);

    const good = readStoredWorkingSet({ scenarios: [FROZEN_V0], active: 0 }, { plan: SYNTHETIC_PLAN });
    expect(good).toMatchObject({ ok: true, migratedFrom: 0 });
  });

  it('names the step and the field when a step rejects its input', () => {
    const outcome = migrateScenario({ ...FROZEN_V0, workload: { requestsPerMonth: 'lots' } }, 'scenarios[2]', SYNTHETIC_PLAN);
    expect(outcome).toEqual({
      ok: false,
      kind: 'invalid',
      message: 'scenarios[2]: cannot migrate (v0 → v1: latencyTargetMs → latencyTarget, requestsPerMonth → requestsPerDay): workload.requestsPerMonth: expected a number',
    });
  });
});

describe('migrateScenario refuses what it cannot read', () => {
  it('says a scenario from a newer schema is newer', () => {
    expect(migrateScenario({ version: 2 }, 'scenarios[0]')).toMatchObject({ ok: false, kind: 'newer-version', message: expect.stringMatching(/v2.*newer RouteCost.*up to v1/) });
  });

  it('rejects versions older than the first migration, non-integer versions and non-objects', () => {
    expect(migrateScenario({ version: -1 }, 's', SYNTHETIC_PLAN)).toMatchObject({ ok: false, kind: 'invalid', message: expect.stringMatching(/^s\.version: v-1 is older/) });
    expect(migrateScenario({ version: 0 }, 's')).toMatchObject({ ok: false, kind: 'invalid' });
    expect(migrateScenario({ version: 1.5 }, 's')).toMatchObject({ ok: false, message: 's.version: expected an integer schema version' });
    expect(migrateScenario({}, 's')).toMatchObject({ ok: false, message: 's.version: expected an integer schema version' });
    expect(migrateScenario([1], 's')).toMatchObject({ ok: false, message: 's: expected a scenario object' });
    expect(migrateScenario(null, 's')).toMatchObject({ ok: false, message: 's: expected a scenario object' });
  });
});

describe('migrationChainProblems', () => {
  const step = (from: number, to: number) => ({ from, to, name: `v${from} → v${to}`, up: (s: JsonObject) => s });

  it('finds skipped versions, gaps and a chain that stops short', () => {
    expect(migrationChainProblems({ currentVersion: 3, migrations: [step(0, 2)] })).toContain('v0 → v2: must go from one version to the next (0 → 2)');
    expect(migrationChainProblems({ currentVersion: 3, migrations: [step(0, 1), step(2, 3)] })).toContain('v2 → v3: follows a step that ends at v1');
    expect(migrationChainProblems({ currentVersion: 3, migrations: [step(0, 1), step(1, 2)] })).toContain('the last step ends at v2, not at the current v3');
    expect(migrationChainProblems({ currentVersion: 3, migrations: [step(0, 1), step(1, 2), step(2, 3)] })).toEqual([]);
  });

  it('runs every step from the stored version on, in order', () => {
    const seen: string[] = [];
    const tracking = (from: number) => ({ from, to: from + 1, name: `v${from}`, up: (s: JsonObject) => (seen.push(`v${from}`), s) });
    const plan = { currentVersion: 3, migrations: [tracking(0), tracking(1), tracking(2)] };
    expect(migrateScenario({ version: 1 }, 's', plan)).toEqual({ ok: true, value: { version: 3 }, fromVersion: 1 });
    expect(seen).toEqual(['v1', 'v2']);
  });
});
