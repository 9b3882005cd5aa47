import type { Metadata } from 'next';
import { METHODOLOGY_SECTIONS } from '@/lib/charts/methodology-sections';
import { AvailabilitySection, ConcurrencySection, RateLimitsSection, RequestModelSection } from './_components/sections-reliability';
import { CostsSection, LatencySection, MonteCarloSection } from './_components/sections-cost';
import { LimitationsSection, WorkedExampleSection } from './_components/sections-limits';
import { MonteCarloComputationSection } from './_components/sections-monte-carlo-v2';
import { ModelV2Section } from './_components/sections-model-v2';
import { ValidatorSection } from './_components/sections-validator';
import { PlannerSection } from './_components/sections-planner';

export const metadata: Metadata = {
  title: 'Methodology',
  description: 'Every formula RouteCost uses, in words and symbols, with its source, its assumptions and a worked example.',
};

export default function MethodologyPage() {
  return (
    <div className="mx-auto grid max-w-6xl gap-10 px-4 py-10 lg:grid-cols-[14rem_1fr]">
      <nav aria-label="On this page" className="lg:sticky lg:top-6 lg:self-start">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">On this page</p>
        <ol className="mt-2 space-y-1 text-sm">
          {METHODOLOGY_SECTIONS.map(({ id, title }) => (
            <li key={id}>
              <a href={`#${id}`} className="block rounded px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white">
                {title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <article className="min-w-0 max-w-3xl space-y-10">
        <header>
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900 dark:text-white">How RouteCost computes its numbers</h1>
          <p className="mt-3 text-[15px] leading-relaxed text-slate-700 dark:text-slate-300">
            Every figure on the simulator comes from the formulas below, with no hidden constants. The engine works with
            expectations: for each month it enumerates the outage states of your providers, the ways a request can
            succeed, retry or fail over, and the spread of token lengths, and adds them up with their probabilities.
            Each section gives the formula in words and in symbols, and the published source it rests on. The last
            section is an example you can check by hand.
          </p>
        </header>
        <AvailabilitySection />
        <RequestModelSection />
        <RateLimitsSection />
        <ConcurrencySection />
        <CostsSection />
        <LatencySection />
        <ModelV2Section />
        <MonteCarloSection />
        <MonteCarloComputationSection />
        <ValidatorSection />
        <PlannerSection />
        <LimitationsSection />
        <WorkedExampleSection />
      </article>
    </div>
  );
}
