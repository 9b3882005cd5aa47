import type { ReactNode } from 'react';
import { InfoTip } from './info-tip';

/** Ids of the parts of a field, so the control can point at its help and error text. */
export function fieldIds(id: string) {
  return { help: `${id}-help`, error: `${id}-error` };
}

/** Label row + control + inline error: the layout every simulator input shares. */
export function FieldShell({
  id,
  label,
  help,
  error,
  badge,
  children,
}: {
  id: string;
  label: string;
  help: string;
  error?: string | null;
  /** e.g. an "overridden" marker with its reset button */
  badge?: ReactNode;
  children: ReactNode;
}) {
  const ids = fieldIds(id);
  return (
    <div className="min-w-0">
      <div className="mb-1 flex items-center gap-1.5">
        <label htmlFor={id} className="text-xs font-medium text-slate-700 dark:text-slate-300">
          {label}
        </label>
        <InfoTip label={label} id={ids.help}>
          {help}
        </InfoTip>
        {badge}
      </div>
      {children}
      {error ? (
        <p id={ids.error} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
