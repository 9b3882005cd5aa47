import type { PlannerSettings, Scenario } from '@/lib/scenario/schema';

/**
 * The planner targets of a scenario (its optional `planner` field, lib/scenario/schema.ts): /plan edits them on the
 * active scenario, so every share link, the autosave and JSON exports carry them. A scenario whose user never set a
 * target has no `planner` key at all and encodes exactly as before (docs/decisions/009).
 */
export function withPlannerSettings(scenario: Scenario, settings: PlannerSettings): Scenario {
  const planner = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as PlannerSettings;
  const next: Scenario = { ...scenario, planner };
  if (Object.keys(planner).length === 0) delete next.planner;
  return next;
}
