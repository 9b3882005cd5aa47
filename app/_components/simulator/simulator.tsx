'use client';

import { ResultsPanel } from '../results/results-panel';
import { OpeningPlaceholder } from '../workspace/opening-placeholder';
import { useShareState } from '../workspace/share-state';
import { WorkspaceBar } from '../workspace/workspace-bar';
import { useActiveIndex } from '@/lib/store/selectors';
import { CostsSection } from './costs-section';
import { CustomModelsSection } from './custom-models-section';
import { ErrorSummary } from './error-summary';
import { HorizonSection } from './horizon-section';
import { PresetPicker } from './preset-picker';
import { RoutingSection } from './routing-section';
import { WorkloadSection } from './workload-section';
import { useModelQuery } from './use-model-query';

/** The simulator (DESIGN.md §1.3): presets on top, inputs left (first on a phone), results right. */
export function Simulator() {
  const active = useActiveIndex();
  const opened = useShareState((s) => s.opened);
  useModelQuery();
  return (
    <div className="mx-auto max-w-[1400px] px-4 pb-16 pt-4">
      <WorkspaceBar />
      <div className="mb-4 mt-2">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl dark:text-slate-50">What will your LLM product really cost?</h1>
        <p className="mt-1 hidden max-w-3xl text-sm text-slate-600 sm:block dark:text-slate-300">
          Pick a preset, adjust traffic, tokens and the fallback chain: cost, availability, rate limits and tail latency update as you type.
        </p>
      </div>
      {opened ? null : <OpeningPlaceholder />}
      <div hidden={!opened}>
        <PresetPicker />
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[420px_minmax(0,1fr)]">
          <div
            aria-label="Scenario inputs"
            role="region"
            className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto lg:pr-2"
          >
            <a
              href="#results"
              className="block rounded-md bg-blue-700 px-3 py-2 text-center text-sm font-medium text-white shadow-sm hover:bg-blue-800 lg:hidden"
            >
              Jump to results
            </a>
            <ErrorSummary />
            <WorkloadSection />
            <RoutingSection />
            <CostsSection />
            <HorizonSection />
            <CustomModelsSection />
          </div>
          <div id="results" className="min-w-0 scroll-mt-4">
            <ResultsPanel index={active} />
          </div>
        </div>
      </div>
    </div>
  );
}
