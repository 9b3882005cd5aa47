'use client';

import { useId, type ReactNode } from 'react';
import { FieldShell, fieldIds } from './field';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

/** A labelled native select with a help tooltip (native: keyboard and screen readers work everywhere). */
export function SelectField<V extends string>({
  label,
  help,
  value,
  options,
  onChange,
  error,
  badge,
  id,
  className,
}: {
  label: string;
  help: string;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  error?: string | null;
  badge?: ReactNode;
  id?: string;
  className?: string;
}) {
  const generated = useId();
  const selectId = id ?? `${generated}-select`;
  const ids = fieldIds(selectId);
  return (
    <div className={className}>
      <FieldShell id={selectId} label={label} help={help} error={error} badge={badge}>
        <select
          id={selectId}
          value={value}
          aria-describedby={error ? `${ids.error} ${ids.help}` : ids.help}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange(event.target.value as V)}
          className={selectClassName}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </FieldShell>
    </div>
  );
}

export const selectClassName =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm outline-none focus:border-blue-600 focus:ring-2 focus:ring-blue-600/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';
