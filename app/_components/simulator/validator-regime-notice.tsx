'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import type { EngineInput, Result } from '@/lib/engine/types';
import { detectRegimes, type Regime } from '@/lib/validator/regimes';

/**
 * A small notice under the headline figures when the scenario is in a regime where a closed form of the engine is a
 * stated approximation (the discrete-event validator measures how far off it is: /methodology#validator, ADR 011).
 * Renders nothing otherwise.
 */
export function ValidatorRegimeNotice({ input, result }: { input: EngineInput; result: Result }) {
  const regimes = useMemo(() => {
    const seen = new Map<string, Regime>();
    for (const month of result.months) for (const regime of detectRegimes(input, month)) if (!seen.has(regime.id)) seen.set(regime.id, regime);
    return [...seen.values()];
  }, [input, result]);
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
