import type { Scenario } from '@/lib/scenario/schema';

/**
 * Display name of scenario `index` (the tabs, the CSV `scenario` column, the compare table): its name exactly as
 * written, like the CLI's CSV, or "Scenario N" when it has none.
 */
export function scenarioLabel(scenario: Scenario, index: number): string {
  return scenario.name && scenario.name.trim() !== '' ? scenario.name : `Scenario ${index + 1}`;
}
