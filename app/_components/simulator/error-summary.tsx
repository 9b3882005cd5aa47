'use client';

import { displayMessage } from '@/lib/store/selectors';
import { useEditor } from './use-editor';

/** Every problem of the draft in one place (each also shows at its field), and why the results are marked stale. */
export function ErrorSummary() {
  const { errors } = useEditor();
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100">
      <p className="font-semibold">
        {errors.length === 1 ? '1 input needs fixing' : `${errors.length} inputs need fixing`}: the results show the last valid inputs.
      </p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs">
        {errors.slice(0, 8).map((error, i) => (
          <li key={`${error.path}-${i}`}>
            <code className="font-mono text-[11px]">{error.path}</code>: {displayMessage(error)}
          </li>
        ))}
        {errors.length > 8 ? <li>…and {errors.length - 8} more</li> : null}
      </ul>
    </div>
  );
}
