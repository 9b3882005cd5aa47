/** Shown for the moment between the first paint and reading the link or autosave (see `ShareState.opened`). */
export function OpeningPlaceholder() {
  return (
    <div role="status" aria-live="polite" className="mt-4 rounded-xl border border-dashed border-slate-300 p-6 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
      <span className="inline-flex items-center gap-2">
        <span aria-hidden="true" className="h-3 w-3 animate-pulse rounded-full bg-blue-600" />
        Opening your scenarios…
      </span>
    </div>
  );
}
