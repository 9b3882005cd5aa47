'use client';

import { useId, useState, type ReactNode } from 'react';
import { formatNumberInput, parseNumberInput, steppedValue, textMatchesValue, type EmptyMeaning } from '@/lib/store/number-input';
import { FieldShell, fieldIds } from './field';

export interface NumberFieldProps {
  label: string;
  /** One line: what the figure is and how it is used. */
  help: string;
  value: number | null | undefined;
  /** Receives a number, or null (unlimited) / undefined (default) when the field is emptied and that is allowed. */
  onChange: (value: number | null | undefined) => void;
  unit?: string;
  /** What an empty field means; 'required' keeps the text local with an error until a number is typed. */
  empty?: EmptyMeaning;
  /** Shown in an empty field: the default or "no limit". */
  placeholder?: string;
  /** Display units per stored unit (100 for a percent field storing a fraction). */
  scale?: number;
  /** Arrow-key step, in display units. */
  step?: number;
  /** Message from the scenario's validation (MODEL.md §3.0) for this field's path. */
  error?: string | null;
  badge?: ReactNode;
  id?: string;
  className?: string;
}

/**
 * A labelled numeric input with unit, help tooltip and inline error. Text that is not a number stays in the field
 * with a message and is never written to the store; a number outside the schema's range is written, and the
 * scenario's validation message shows here (results stay on screen marked stale).
 */
export function NumberField({ label, help, value, onChange, unit, empty = 'required', placeholder, scale = 1, step, error, badge, id, className }: NumberFieldProps) {
  const generated = useId();
  const inputId = id ?? `${generated}-input`;
  const ids = fieldIds(inputId);
  const [text, setText] = useState(() => formatNumberInput(value, scale));
  const [localError, setLocalError] = useState<string | null>(null);
  const [shownValue, setShownValue] = useState(value);

  // The value changed from outside (a preset, a reset, an undo): show it unless the text already says the same.
  if (!Object.is(value, shownValue)) {
    setShownValue(value);
    if (!textMatchesValue(text, value, empty, scale)) {
      setText(formatNumberInput(value, scale));
      setLocalError(null);
    }
  }

  const commit = (next: string) => {
    setText(next);
    const parsed = parseNumberInput(next, empty, scale);
    if (parsed.kind === 'error') {
      setLocalError(parsed.message);
      return;
    }
    setLocalError(null);
    setShownValue(parsed.value);
    onChange(parsed.value);
  };

  const message = localError ?? error ?? null;
  return (
    <div className={className}>
      <FieldShell id={inputId} label={label} help={help} error={message} badge={badge}>
        <div
          className={`flex items-center rounded-md border bg-white shadow-sm focus-within:ring-2 dark:bg-slate-900 ${
            message
              ? 'border-red-500 focus-within:ring-red-500/40 dark:border-red-500'
              : 'border-slate-300 focus-within:border-blue-600 focus-within:ring-blue-600/30 dark:border-slate-700'
          }`}
        >
          <input
            id={inputId}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            value={text}
            placeholder={placeholder}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? `${ids.error} ${ids.help}` : ids.help}
            onChange={(event) => commit(event.target.value)}
            onKeyDown={(event) => {
              if (!step || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
              const parsed = parseNumberInput(text, 'default', 1);
              const current = parsed.kind === 'value' ? parsed.value : 0;
              event.preventDefault();
              commit(formatNumberInput(steppedValue(current, step, event.key === 'ArrowUp' ? 1 : -1)));
            }}
            className="tabular w-full min-w-0 rounded-md bg-transparent px-2.5 py-1.5 text-sm text-slate-900 outline-none placeholder:text-slate-400 dark:text-slate-100 dark:placeholder:text-slate-500"
          />
          {unit ? <span className="shrink-0 pr-2.5 text-xs text-slate-500 dark:text-slate-400">{unit}</span> : null}
        </div>
      </FieldShell>
    </div>
  );
}
