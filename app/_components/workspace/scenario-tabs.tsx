'use client';

import { MAX_SCENARIOS, useScenarioStore } from '@/lib/store/scenario-store';
import { scenarioLabel } from './scenario-label';

const tabButton =
  'max-w-[16rem] truncate rounded-md border px-3 py-1.5 text-sm font-medium shadow-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600';
const actionButton =
  'rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

/** The working set's scenarios: switch the active one, rename it, duplicate it (then edit the copy), remove it. */
export function ScenarioTabs() {
  const scenarios = useScenarioStore((s) => s.scenarios);
  const active = useScenarioStore((s) => s.active);
  const setActive = useScenarioStore((s) => s.setActive);
  const duplicateScenario = useScenarioStore((s) => s.duplicateScenario);
  const removeScenario = useScenarioStore((s) => s.removeScenario);
  const updateActive = useScenarioStore((s) => s.updateActive);
  const activeScenario = scenarios[active];
  const full = scenarios.length >= MAX_SCENARIOS;

  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
      <div>
        <p id="scenario-switcher-label" className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">
          Scenarios ({scenarios.length} of {MAX_SCENARIOS})
        </p>
        <ul aria-labelledby="scenario-switcher-label" className="flex flex-wrap gap-1.5">
          {scenarios.map((scenario, index) => {
            const current = index === active;
            return (
              <li key={index}>
                <button
                  type="button"
                  aria-pressed={current}
                  aria-label={`Edit scenario ${index + 1}: ${scenarioLabel(scenario, index)}`}
                  title={scenarioLabel(scenario, index)}
                  onClick={() => setActive(index)}
                  className={`${tabButton} ${
                    current
                      ? 'border-blue-700 bg-blue-700 text-white dark:border-blue-400 dark:bg-blue-500 dark:text-slate-950'
                      : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700'
                  }`}
                >
                  {scenarioLabel(scenario, index)}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      {activeScenario ? (
        <div className="flex flex-wrap items-end gap-2">
          <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
            Scenario name
            <input
              type="text"
              value={activeScenario.name ?? ''}
              maxLength={120}
              placeholder={`Scenario ${active + 1}`}
              onChange={(event) => {
                const name = event.target.value;
                updateActive((scenario) => ({ ...scenario, name }));
              }}
              className="mt-1 block w-56 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
            />
          </label>
          <button
            type="button"
            className={actionButton}
            disabled={full}
            title={full ? `At most ${MAX_SCENARIOS} scenarios: remove one first` : 'Copy this scenario, then edit the copy to compare'}
            onClick={() => duplicateScenario(active)}
          >
            Duplicate
          </button>
          <button
            type="button"
            className={actionButton}
            disabled={scenarios.length <= 1}
            aria-label={`Remove scenario ${active + 1}: ${scenarioLabel(activeScenario, active)}`}
            onClick={() => removeScenario(active)}
          >
            Remove
          </button>
        </div>
      ) : null}
    </div>
  );
}
