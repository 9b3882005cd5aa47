'use client';

import { memo, useId, useMemo, useState } from 'react';
import { formatMoney } from '@/lib/format/number';
import { filterModelOptions, type ProviderOptionGroup } from '@/lib/store/model-facts';
import { buttonClassName } from '../ui/card';
import { selectClassName } from '../ui/select-field';

function optionLabel(model: ProviderOptionGroup['models'][number]): string {
  return `${model.name} · ${formatMoney(model.inputPer1M, { cents: true })} / ${formatMoney(model.outputPer1M, { cents: true })}`;
}

/** Native select of every model, grouped by provider (keyboard and screen readers work as everywhere else). */
export const ModelOptions = memo(function ModelOptions({ groups }: { groups: readonly ProviderOptionGroup[] }) {
  return (
    <>
      {groups.map((group) => (
        <optgroup key={group.providerId} label={group.providerName}>
          {group.models.map((model) => (
            <option key={model.id} value={model.id}>
              {optionLabel(model)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
});

/**
 * "Add a model": a search box that narrows a grouped select by provider and model name, then an Add button.
 * A native select plus a filter keeps it fully keyboard accessible without a custom combobox.
 */
export function ModelPicker({
  groups,
  exclude,
  actionLabel,
  onPick,
  disabled,
}: {
  groups: readonly ProviderOptionGroup[];
  exclude: readonly string[];
  actionLabel: string;
  onPick: (modelId: string) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const filtered = useMemo(
    () => filterModelOptions(groups, query).map((g) => ({ ...g, models: g.models.filter((m) => !exclude.includes(m.id)) })).filter((g) => g.models.length > 0),
    [groups, query, exclude],
  );
  const first = filtered[0]?.models[0]?.id ?? '';
  const [chosen, setChosen] = useState('');
  const selected = filtered.some((g) => g.models.some((m) => m.id === chosen)) ? chosen : first;

  return (
    <div className="grid grid-cols-[minmax(0,1fr)_auto] items-end gap-2">
      <div className="col-span-2 grid grid-cols-2 gap-2">
        <div>
          <label htmlFor={`${id}-filter`} className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-300">
            Search models
          </label>
          <input
            id={`${id}-filter`}
            type="search"
            value={query}
            placeholder="provider or name"
            onChange={(event) => setQuery(event.target.value)}
            disabled={disabled}
            className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm outline-none placeholder:text-slate-400 focus:border-blue-600 focus:ring-2 focus:ring-blue-600/30 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-500"
          />
        </div>
        <div>
          <label htmlFor={`${id}-select`} className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-300">
            Model
          </label>
          <select id={`${id}-select`} value={selected} onChange={(event) => setChosen(event.target.value)} disabled={disabled || !first} className={selectClassName}>
            {first ? <ModelOptions groups={filtered} /> : <option value="">No model matches</option>}
          </select>
        </div>
      </div>
      <button type="button" className={`${buttonClassName} col-span-2 justify-center`} disabled={disabled || !selected} onClick={() => selected && onPick(selected)}>
        <span aria-hidden="true">+</span> {actionLabel}
      </button>
    </div>
  );
}
