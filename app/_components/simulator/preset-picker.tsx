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
      <ul className="grid grid-cols-2 gap-2 xl:grid-cols-4">
        {PRESETS.map((preset) => {
          const active = isSameScenario(scenario, preset.scenario);
          return (
            <li key={preset.id} className="relative">
              <button
                type="button"
                aria-pressed={active}
                aria-describedby={`preset-${preset.id}-summary`}
                onClick={() => edit(() => structuredClone(preset.scenario))}
                className={`flex h-full w-full flex-col items-start justify-start rounded-lg border px-3 py-2 pr-8 text-left sm:py-2.5 sm:pr-9 shadow-sm transition-colors ${
                  active
                    ? 'border-blue-600 bg-blue-50 ring-1 ring-blue-600 dark:border-blue-400 dark:bg-blue-950/50 dark:ring-blue-400'
                    : 'border-slate-200 bg-white hover:border-slate-300 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800'
                }`}
              >
                <span className="block text-[13px] font-semibold leading-snug text-slate-900 sm:text-sm dark:text-slate-100">{preset.name}</span>
                <span id={`preset-${preset.id}-summary`} className="mt-0.5 block text-[11px] leading-snug text-slate-600 sm:text-xs dark:text-slate-400">
                  {preset.summary}
                </span>
              </button>
              <span className="absolute right-2 top-2 sm:right-2.5 sm:top-2.5">
                <InfoTip label={`${preset.name} preset`}>
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
