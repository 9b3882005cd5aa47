'use client';

import { PRESETS } from '@/lib/scenario/presets';
import { isSameScenario } from '@/lib/store/scenario-equality';
import { InfoTip } from '../ui/info-tip';
import { useEditor } from './use-editor';

/** One-click starting points (DESIGN.md §1.3); the card of the preset the draft still equals is marked pressed. */
export function PresetPicker() {
  const { scenario, edit } = useEditor();
  return (
    <section aria-labelledby="presets-heading" className="mb-6">
      <h2 id="presets-heading" className="mb-2 text-sm font-semibold text-slate-900 dark:text-slate-100">
        Start from a preset
      </h2>
      <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 xl:grid-cols-4">
        {PRESETS.map((preset) => {
          const active = isSameScenario(scenario, preset.scenario);
          return (
            <li key={preset.id} className="relative">
              <button
                type="button"
                aria-pressed={active}
                aria-describedby={`preset-${preset.id}-summary`}
                onClick={() => edit(() => structuredClone(preset.scenario))}
                className={`h-full w-full rounded-lg border px-3 py-2.5 pr-9 text-left shadow-sm transition-colors ${
                  active
                    ? 'border-blue-600 bg-blue-50 ring-1 ring-blue-600 dark:border-blue-400 dark:bg-blue-950/50 dark:ring-blue-400'
                    : 'border-slate-200 bg-white hover:border-slate-300 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800'
                }`}
              >
                <span className="block text-sm font-semibold text-slate-900 dark:text-slate-100">{preset.name}</span>
                <span id={`preset-${preset.id}-summary`} className="mt-0.5 block text-xs text-slate-600 dark:text-slate-400">
                  {preset.summary}
                </span>
              </button>
              <span className="absolute right-2.5 top-2.5">
                <InfoTip label={`${preset.name} preset`} align="right">
                  {preset.assumptions}
                </InfoTip>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
