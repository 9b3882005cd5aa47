'use client';

import { useId } from 'react';
import { InfoTip } from './info-tip';

/** A labelled checkbox with a help tooltip. */
export function Toggle({ label, help, checked, onChange, id }: { label: string; help: string; checked: boolean; onChange: (checked: boolean) => void; id?: string }) {
  const generated = useId();
  const inputId = id ?? `${generated}-toggle`;
  const helpId = `${inputId}-help`;
  return (
    <div className="flex items-center gap-2">
      <input
        id={inputId}
        type="checkbox"
        checked={checked}
        aria-describedby={helpId}
        onChange={(event) => onChange(event.target.checked)}
        className="h-4 w-4 rounded border-slate-400 accent-blue-700 dark:accent-blue-400"
      />
      <label htmlFor={inputId} className="text-sm text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <InfoTip label={label} id={helpId}>
        {help}
      </InfoTip>
    </div>
  );
}
