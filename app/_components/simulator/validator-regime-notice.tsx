'use client';

import Link from 'next/link';
import { useMemo, useSyncExternalStore } from 'react';
import type { EngineInput, Result } from '@/lib/engine/types';
import type { Regime } from '@/lib/validator/regimes';
import { loadBeforeOpening } from '../workspace/opening';

type DetectRegimes = typeof import('@/lib/validator/regimes').detectRegimes;

/**
 * lib/validator/regimes.ts imports the whole engine (Monte Carlo included), which the first load does without: it
 * loads with the page, and the workspace opens only once it is in (../workspace/opening.ts), so the notice never
 * appears late. Server render and hydration show none: the results are hidden until the page opens.
 */
let detector: DetectRegimes | null = null;
const listeners = new Set<() => void>();
if (typeof window !== 'undefined') {
  void loadBeforeOpening(() =>
    import('@/lib/validator/regimes').then((module) => {
      detector = module.detectRegimes;
      for (const listener of listeners) listener();
    }),
  );
}
function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}
const loadedDetector = () => detector;
const noDetector = () => null;

/**
 * A small notice under the headline figures when the scenario is in a regime where a closed form of the engine is a
 * stated approximation (the discrete-event validator measures how far off it is: /methodology#validator, ADR 011).
 * Renders nothing otherwise.
 */
export function ValidatorRegimeNotice({ input, result }: { input: EngineInput; result: Result }) {
  const detectRegimes = useSyncExternalStore(subscribe, loadedDetector, noDetector);
  const regimes = useMemo(() => {
    const seen = new Map<string, Regime>();
    if (!detectRegimes) return [];
    for (const month of result.months) for (const regime of detectRegimes(input, month)) if (!seen.has(regime.id)) seen.set(regime.id, regime);
    return [...seen.values()];
  }, [detectRegimes, input, result]);
  if (regimes.length === 0) return null;
  return (
    <aside
      aria-label="Approximations in these figures"
      data-testid="validator-regime-notice"
      className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p className="font-semibold">Approximation in use</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {regimes.map((regime) => (
          <li key={regime.id}>{regime.notice}</li>
        ))}
      </ul>
      <p className="mt-1 text-xs">
        <Link href="/methodology#validator" className="font-medium underline underline-offset-2">
          How far off, measured by simulating requests one by one
        </Link>
      </p>
    </aside>
  );
}
