'use client';

import { useEffect, useMemo, useState } from 'react';
import { builtInSpecCatalog } from '@/data';
import { formatMoney } from '@/lib/format/number';
import type { BreakevenResult } from '@/lib/planner/breakeven';
import { aggregatorComparison, batchComparison, provisionedComparison, withChain, type Comparison, type ComparisonId } from '@/lib/planner/comparisons';
import { withPlannerSettings } from '@/lib/planner/settings';
import type { SensitivityResult } from '@/lib/planner/sensitivity';
import type { OptimizeOptions, OptimizeResult, P95Measure } from '@/lib/planner/types';
import { resolveScenario } from '@/lib/scenario/resolve';
import type { PlannerSettings } from '@/lib/scenario/schema';
import { decodeWorkingSet, fragmentHasWorkingSet, linkToWorkingSet } from '@/lib/scenario/url-codec';
import { useScenarioStore } from '@/lib/store/scenario-store';
import { buttonClassName, Section } from '../_components/ui/card';
import { NumberField } from '../_components/ui/number-field';
import { SelectField } from '../_components/ui/select-field';
import { OpeningPlaceholder } from '../_components/workspace/opening-placeholder';
import { useShareState } from '../_components/workspace/share-state';
import { WorkspaceBar } from '../_components/workspace/workspace-bar';
import { BreakevenChart, FrontierChart, msText, pct, TornadoChart } from './plan-charts';
import { useOptimizer, useWorkerTask } from './use-planner';

const primaryButton =
  'inline-flex items-center gap-1 rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-blue-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-50';
const CENTS = { cents: true } as const;


/** The fragment as the page was opened: the workspace sync rewrites it once the working set opens. */
const OPENED_HASH = typeof window === 'undefined' ? '' : window.location.hash;

/** Planner settings at the top of a link's payload (written by 'Copy link with targets' before they moved into the scenario). */
function legacyLinkSettings(): PlannerSettings | null {
  if (!fragmentHasWorkingSet(OPENED_HASH)) return null;
  const decoded = decodeWorkingSet(OPENED_HASH);
  return decoded.ok && decoded.value.planner ? decoded.value.planner : null;
}

/** The legacy settings move into the scenario once per page load (not again after the user cleared them). */
let legacyApplied = false;

/** /plan (issue 11): cheapest chain under constraints, frontier, sensitivity and break-even for the active scenario. */
export function PlanView() {
  const opened = useShareState((s) => s.opened);
  return opened ? (
    <PlanBody />
  ) : (
    <main className="mx-auto min-w-0 max-w-6xl px-4 py-6">
      <WorkspaceBar />
      <h1 className="mt-4 text-xl font-semibold tracking-tight text-slate-900 dark:text-white">Planner</h1>
      <OpeningPlaceholder />
    </main>
  );
}

/** Mounted on the client once the working set is chosen (link or autosave), so it can read the link's settings. */
function PlanBody() {
  const scenario = useScenarioStore((s) => s.scenarios[s.active] ?? s.scenarios[0]!);
  const updateActive = useScenarioStore((s) => s.updateActive);
  // The targets are the active scenario's optional `planner` field, so the share link, the autosave and exports carry
  // them; a link from before keeps them at the top of its payload and they move into the scenario when it opens.
  useEffect(() => {
    if (legacyApplied) return;
    legacyApplied = true;
    const legacy = legacyLinkSettings();
    if (legacy) updateActive((s) => (s.planner ? s : withPlannerSettings(s, legacy)));
  }, [updateActive]);
  // Unset fields show their defaults (no constraint, chains of up to 2 models) and stay out of the scenario.
  const settings: PlannerSettings = scenario.planner ?? {};
  const setSettings = (next: PlannerSettings) => updateActive((s) => withPlannerSettings(s, next));
  const [copied, setCopied] = useState(false);
  const copyLink = () => {
    const { scenarios, active } = useScenarioStore.getState();
    const link = linkToWorkingSet(window.location.href, { scenarios, active });
    void navigator.clipboard?.writeText(link).then(() => setCopied(true), () => setCopied(true));
  };
  const measure: P95Measure = settings.p95Measure ?? scenario.latencyTarget?.measure ?? 'firstToken';
  const options: OptimizeOptions = { maxChain: settings.maxChain ?? 2, p95Measure: measure, minAvailability: settings.minAvailability, maxP95Ms: settings.maxP95Ms, max429Rate: settings.max429Rate };
  const optimizer = useOptimizer();
  const [applied, setApplied] = useState<string | null>(null);
  const resolved = useMemo(() => resolveScenario(scenario, builtInSpecCatalog), [scenario]);
  const valid = resolved.ok;
  const result = optimizer.state.status === 'done' ? optimizer.state.result : null;

  const use = (models: string[]) => {
    updateActive((s) => withChain(s, models));
    setApplied(models.join(' → '));
  };

  return (
    <main className="mx-auto min-w-0 max-w-6xl px-4 py-6">
      <WorkspaceBar />
      <h1 className="mt-4 text-xl font-semibold tracking-tight text-slate-900 dark:text-white">Planner</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-300">
        Finds the cheapest single fallback chain for <strong>{scenario.name ?? 'the active scenario'}</strong> that meets your targets, searching every
        ordered chain of catalog models; shows the cost, availability and latency trade-off, what drives the cost, and where two setups cost the same.
      </p>
      {!valid ? (
        <p role="alert" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          The active scenario has an error ({resolved.errors[0]}); fix it in the simulator first.
        </p>
      ) : null}

      <div className="mt-4 grid gap-4">
        <Section id="plan-constraints" title="Targets" description="Leave a field empty for no constraint. The objective is the lowest total cost of ownership over the horizon.">
          <form
            className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6"
            onSubmit={(event) => {
              event.preventDefault();
              if (valid) optimizer.run(scenario, options);
            }}
          >
            <NumberField label="Min availability" help="On the chain availability (MODEL.md §4.3), e.g. 99.99 %." unit="%" scale={100} empty="default" placeholder="none" value={settings.minAvailability} onChange={(v) => setSettings({ ...settings, minAvailability: v ?? undefined })} />
            <NumberField label="Max p95 latency" help="On the p95 of the measure chosen next." unit="ms" empty="default" placeholder="none" value={settings.maxP95Ms} onChange={(v) => setSettings({ ...settings, maxP95Ms: v ?? undefined })} />
            <SelectField<P95Measure> label="p95 of" help="First token or full response (default: the scenario's latency target)." value={measure} options={[{ value: 'firstToken', label: 'First token' }, { value: 'fullResponse', label: 'Full response' }]} onChange={(v) => setSettings({ ...settings, p95Measure: v })} />
            <NumberField label="Max 429 rate" help="429s per attempt over the horizon." unit="%" scale={100} empty="default" placeholder="none" value={settings.max429Rate} onChange={(v) => setSettings({ ...settings, max429Rate: v ?? undefined })} />
            <SelectField<string> label="Longest chain" help="Chains of 1 to this many distinct models; 3 means about 120,000 chains over the catalog." value={String(settings.maxChain ?? 2)} options={[1, 2, 3].map((n) => ({ value: String(n), label: `${n} model${n > 1 ? 's' : ''}` }))} onChange={(v) => setSettings({ ...settings, maxChain: Number(v) })} />
            <div className="flex flex-wrap items-end gap-2">
              <button type="submit" className={primaryButton} disabled={!valid || optimizer.state.status === 'running'}>
                Find cheapest chain
              </button>
              <button type="button" className={buttonClassName} onClick={copyLink}>
                {copied ? 'Link copied' : 'Copy link with targets'}
              </button>
            </div>
          </form>
          {optimizer.state.status === 'running' ? (
            <div className="mt-3 flex items-center gap-3">
              <progress
                className="h-2 w-full max-w-md"
                aria-label="Search progress"
                max={Math.max(1, optimizer.state.candidates)}
                value={optimizer.state.processed}
              />
              <span className="text-xs text-slate-600 dark:text-slate-300" aria-live="polite">
                {optimizer.state.processed.toLocaleString('en-US')} of {optimizer.state.candidates.toLocaleString('en-US')} chains, {optimizer.state.evaluated.toLocaleString('en-US')} simulated
              </span>
              <button type="button" className={buttonClassName} onClick={optimizer.cancel}>
                Cancel
              </button>
            </div>
          ) : null}
          {optimizer.state.status === 'cancelled' ? <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">Search cancelled.</p> : null}
          {optimizer.state.status === 'failed' ? <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">The search failed: {optimizer.state.message}</p> : null}
        </Section>

        {result ? <Results result={result} measure={measure} onUse={use} applied={applied} /> : null}
        {valid ? <Sensitivity key={JSON.stringify({ ...scenario, planner: undefined })} /> : null}
        {valid ? <Breakeven bestChain={result?.best?.models ?? null} /> : null}
      </div>
    </main>
  );
}

function Results({ result, measure, onUse, applied }: { result: OptimizeResult; measure: P95Measure; onUse: (m: string[]) => void; applied: string | null }) {
  const rows = result.frontier;
  return (
    <Section id="plan-results" title="Cheapest chains" description={`${result.evaluated.toLocaleString('en-US')} of ${result.candidates.toLocaleString('en-US')} chains simulated in ${(result.ms / 1000).toFixed(1)} s; the rest were proved worse or infeasible by their bounds.`}>
      {result.best ? (
        <p className="mb-3 text-sm text-slate-800 dark:text-slate-100">
          Cheapest: <strong>{result.best.models.join(' → ')}</strong> at <strong>{formatMoney(result.best.tco, CENTS)}</strong>.
        </p>
      ) : (
        <div role="status" className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">No chain meets every target.</p>
          {result.infeasible?.jointly ? <p>Each target can be met on its own, but not all together.</p> : null}
          {result.infeasible?.binding.map((b) => (
            <p key={b.constraint}>
              {b.constraint === 'minAvailability' ? 'Availability' : b.constraint === 'maxP95Ms' ? 'p95 latency' : '429 rate'} binds: the best any chain reaches is{' '}
              {b.bestValue === null ? 'none' : b.constraint === 'maxP95Ms' ? msText(b.bestValue) : pct(b.bestValue, b.constraint === 'minAvailability' ? 4 : 3)}.
            </p>
          ))}
        </div>
      )}
      {applied ? (
        <p role="status" className="mb-3 text-sm text-emerald-800 dark:text-emerald-300">
          Applied {applied} to the active scenario.
        </p>
      ) : null}
      <div className="overflow-x-auto" role="region" aria-label="Cheapest chains" tabIndex={0}>
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{result.best ? 'Pareto frontier, cheapest first' : 'Closest chains'}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-600 dark:border-slate-700 dark:text-slate-300">
              <th scope="col" className="px-2 py-1">Rank</th>
              <th scope="col" className="px-2 py-1">Chain</th>
              <th scope="col" className="px-2 py-1 text-right">TCO</th>
              <th scope="col" className="px-2 py-1 text-right">Availability</th>
              <th scope="col" className="px-2 py-1 text-right">p95 {measure === 'firstToken' ? 'first token' : 'full response'}</th>
              <th scope="col" className="px-2 py-1 text-right">429 rate</th>
              <th scope="col" className="px-2 py-1"><span className="sr-only">Action</span></th>
            </tr>
          </thead>
          <tbody>
            {(result.best ? rows : (result.infeasible?.closest ?? [])).map((c, i) => (
              <tr key={c.models.join('>')} className="border-b border-slate-100 dark:border-slate-800">
                <td className="px-2 py-1 tabular-nums">{i + 1}</td>
                <td className="px-2 py-1">{c.models.join(' → ')}</td>
                <td className="px-2 py-1 text-right tabular-nums">{formatMoney(c.tco, CENTS)}</td>
                <td className="px-2 py-1 text-right tabular-nums">{pct(c.chainAvailability)}</td>
                <td className="px-2 py-1 text-right tabular-nums">{msText(c.p95Ms)}</td>
                <td className="px-2 py-1 text-right tabular-nums">{pct(c.rate429, 3)}</td>
                <td className="px-2 py-1 text-right">
                  <button type="button" className={buttonClassName} onClick={() => onUse(c.models)} aria-label={`Use this chain: ${c.models.join(' then ')}`}>
                    Use this chain
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.best ? <div className="mt-4"><FrontierChart frontier={rows} measure={measure === 'firstToken' ? 'first-token' : 'full-response'} /></div> : null}
    </Section>
  );
}

function Sensitivity() {
  const scenario = useScenarioStore((s) => s.scenarios[s.active] ?? s.scenarios[0]!);
  const task = useWorkerTask<SensitivityResult>('sensitivity');
  const [swing, setSwing] = useState(20);
  return (
    <Section id="plan-sensitivity" title="Sensitivity" description="Each input that moves the cost, one at a time, down and up by the swing.">
      <div className="flex flex-wrap items-end gap-3">
        <NumberField label="Swing" help="Each input at ×(1 − swing) and ×(1 + swing)." unit="%" value={swing} onChange={(v) => setSwing(typeof v === 'number' && v > 0 && v <= 100 ? v : 20)} className="w-32" />
        <button type="button" className={primaryButton} disabled={task.state.status === 'running'} onClick={() => task.run({ type: 'sensitivity', scenario, swingPct: swing })}>
          {task.state.status === 'running' ? 'Computing…' : 'Show what drives the cost'}
        </button>
      </div>
      {task.state.status === 'failed' ? <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">{task.state.message}</p> : null}
      {task.state.status === 'done' ? <div className="mt-4"><TornadoChart result={task.state.result} swingPct={swing} /></div> : null}
    </Section>
  );
}

function Breakeven({ bestChain }: { bestChain: string[] | null }) {
  const scenario = useScenarioStore((s) => s.scenarios[s.active] ?? s.scenarios[0]!);
  const task = useWorkerTask<BreakevenResult>('breakeven');
  const [kind, setKind] = useState<ComparisonId>('provisioned');
  const [monthlyPrice, setMonthlyPrice] = useState(5000);
  const [capacity, setCapacity] = useState(1_000_000);
  const [fee, setFee] = useState(5.5);
  const [labels, setLabels] = useState<[string, string]>(['A', 'B']);
  const providers = useMemo(() => {
    const resolved = resolveScenario(scenario, builtInSpecCatalog);
    return resolved.ok ? Object.keys(resolved.value.providers) : [];
  }, [scenario]);
  const comparison = (): Comparison | null => {
    if (kind === 'provisioned') return provisionedComparison(scenario, monthlyPrice, capacity);
    if (kind === 'aggregator') return aggregatorComparison(scenario, fee, providers);
    return bestChain ? batchComparison(scenario, bestChain) : null;
  };
  const start = () => {
    const c = comparison();
    if (!c) return;
    setLabels([c.labelA, c.labelB]);
    task.run({ type: 'breakeven', a: c.a, b: c.b, vary: c.vary, from: c.from, to: c.to });
  };
  return (
    <Section id="plan-breakeven" title="Break-even" description="Where two setups cost the same, found by root-finding on the difference of their TCOs.">
      <div className="flex flex-wrap items-end gap-3">
        <SelectField<ComparisonId>
          label="Comparison"
          help="A ready comparison on the active scenario."
          className="w-full sm:w-96"
          value={kind}
          options={[
            { value: 'provisioned', label: 'Pay as you go vs provisioned throughput (volume)' },
            { value: 'aggregator', label: 'Direct vs through an aggregator (volume)' },
            { value: 'batch', label: 'Current routing vs cheapest chain (batch share)' },
          ]}
          onChange={setKind}
        />
        {kind === 'provisioned' ? (
          <>
            <NumberField label="Provisioned price" help="Monthly price of the reserved capacity on the primary model." unit="USD/month" value={monthlyPrice} onChange={(v) => typeof v === 'number' && v >= 0 && setMonthlyPrice(v)} className="w-40" />
            <NumberField label="Capacity" help="Reserved tokens per minute (MODEL.md §8.3)." unit="tokens/min" value={capacity} onChange={(v) => typeof v === 'number' && v > 0 && setCapacity(v)} className="w-40" />
          </>
        ) : null}
        {kind === 'aggregator' ? <NumberField label="Aggregator fee" help="Percent of token spend (OpenRouter: 5.5 %); one integration instead of one per provider." unit="%" value={fee} onChange={(v) => typeof v === 'number' && v >= 0 && v <= 100 && setFee(v)} className="w-32" /> : null}
        <button type="button" className={primaryButton} disabled={task.state.status === 'running' || (kind === 'batch' && !bestChain)} onClick={start}>
          {task.state.status === 'running' ? 'Computing…' : 'Find break-even'}
        </button>
      </div>
      {kind === 'batch' && !bestChain ? <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">Run “Find cheapest chain” first: the comparison uses its best chain.</p> : null}
      {task.state.status === 'failed' ? <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">{task.state.message}</p> : null}
      {task.state.status === 'done' ? <div className="mt-4"><BreakevenChart result={task.state.result} labelA={labels[0]} labelB={labels[1]} /></div> : null}
    </Section>
  );
}
