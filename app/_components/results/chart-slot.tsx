'use client';

import { memo, startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * A chart's place in the results column (docs/decisions/007). It reserves the chart's height before the chart exists
 * (no layout shift) and decides when the chart renders, since drawing a recharts chart costs far more than anything
 * else on the page: a chart near the viewport renders with its data at once; an off-screen one is mounted and
 * brought up to date only when the main thread is idle, one chart per idle period, so it never competes with typing.
 */

/** How far outside the viewport a chart counts as visible (it is then ready before it scrolls in). */
const NEAR_VIEWPORT = '300px 0px';

/** One callback per idle period, in order: off-screen charts take turns instead of piling into one long task. */
const idleQueue: (() => void)[] = [];
let idleScheduled = false;

function runNextWhenIdle(): void {
  if (idleScheduled || idleQueue.length === 0) return;
  idleScheduled = true;
  const run = () => {
    idleScheduled = false;
    idleQueue.shift()?.();
    runNextWhenIdle();
  };
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 1000 });
  else window.setTimeout(run, 100);
}

function whenIdle(callback: () => void): () => void {
  idleQueue.push(callback);
  runNextWhenIdle();
  return () => {
    const at = idleQueue.indexOf(callback);
    if (at >= 0) idleQueue.splice(at, 1);
  };
}

/** Whether the element is near the viewport; true where IntersectionObserver is missing (everything renders). */
function useNearViewport(): [(element: HTMLDivElement | null) => void, boolean] {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        if (entry) setNear(entry.isIntersecting);
      },
      { rootMargin: NEAR_VIEWPORT },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, near];
}

const Rendered = memo(
  function Rendered<T>({ value, render }: { value: T; render: (value: T) => ReactNode }) {
    return <>{render(value)}</>;
  },
  (previous, next) => previous.value === next.value,
) as <T>(props: { value: T; render: (value: T) => ReactNode }) => ReactNode;

export function ChartSlot<T>({ value, reserve, render, label }: { value: T; reserve: number; render: (value: T) => ReactNode; label: string }) {
  const [ref, near] = useNearViewport();
  // What the chart shows while off screen; near the viewport it always shows `value`.
  const [frozen, setFrozen] = useState<{ value: T } | null>(null);
  // Near the viewport: remember what is shown, for when it scrolls away ("adjusting state during render").
  if (near && frozen?.value !== value) setFrozen({ value });

  useEffect(() => {
    if (near || frozen?.value === value) return;
    return whenIdle(() => startTransition(() => setFrozen({ value })));
  }, [value, near, frozen]);

  const shown = near ? { value } : frozen;
  return (
    <div
      ref={ref}
      // Off screen the browser skips the chart's style, layout and paint (a keystroke then lays out the inputs and the
      // headline cards, not seven SVG charts); its last measured height stands in for it.
      style={{ contentVisibility: 'auto', containIntrinsicBlockSize: `auto ${reserve}px`, minHeight: shown ? undefined : reserve }}
      data-chart-slot={label}
      data-chart-current={shown?.value === value ? 'true' : 'false'}
    >
      {shown ? (
        <Rendered value={shown.value} render={render} />
      ) : (
        <div
          aria-hidden="true"
          className="rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900/60"
          style={{ minHeight: reserve }}
        />
      )}
    </div>
  );
}
