'use client';

import { useId, useState } from 'react';
import { builtInCatalogView as catalog, builtInSpecCatalog } from '@/lib/catalog/builtin';
import { addChain, addCustomModel, addCustomProvider, addFallback, removeModel, uniqueId } from '@/lib/scenario/edit';
import { modelFacts } from '@/lib/store/model-facts';
import { buttonClassName, Card, Section } from '../ui/card';
import { NumberField } from '../ui/number-field';
import { selectClassName } from '../ui/select-field';
import { ModelFactsLine } from './chain-model-row';
import { ModelOverrides } from './model-overrides';
import { useEditor } from './use-editor';

const NEW_PROVIDER = '(new)';

interface Draft {
  name: string;
  provider: string;
  availabilityPct: number | null | undefined;
  inputPer1M: number | null | undefined;
  outputPer1M: number | null | undefined;
  ttftMs: number | null | undefined;
  tokensPerSec: number | null | undefined;
}

const EMPTY_DRAFT: Draft = { name: '', provider: 'openai', availabilityPct: 99.5, inputPer1M: undefined, outputPer1M: undefined, ttftMs: 500, tokensPerSec: 80 };

/**
 * Models that are not in the catalog (a fine-tune, a self-hosted model, a negotiated private deployment). Catalog
 * models are overridden in place from the chain builder; this section lists and defines the new ones.
 */
export function CustomModelsSection() {
  const { scenario, edit } = useEditor();
  const formId = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [message, setMessage] = useState<string | null>(null);
  const customIds = Object.keys(scenario.models ?? {}).filter((id) => !Object.hasOwn(builtInSpecCatalog.models, id));
  const usedIds = new Set([...Object.keys(builtInSpecCatalog.models), ...Object.keys(scenario.models ?? {})]);
  const isNumber = (v: number | null | undefined): v is number => typeof v === 'number';

  const add = () => {
    const { inputPer1M, outputPer1M, ttftMs, tokensPerSec, availabilityPct } = draft;
    if (!isNumber(inputPer1M) || !isNumber(outputPer1M) || !isNumber(ttftMs) || !isNumber(tokensPerSec)) {
      setMessage('Enter the input and output prices, time to first token and output speed.');
      return;
    }
    if (draft.provider === NEW_PROVIDER && !isNumber(availabilityPct)) {
      setMessage('Enter the availability of the new provider.');
      return;
    }
    const id = uniqueId(draft.name.trim() || 'custom-model', usedIds);
    edit((s) => {
      let next = s;
      let provider = draft.provider;
      if (provider === NEW_PROVIDER) {
        provider = uniqueId(`${id}-provider`, [...Object.keys(builtInSpecCatalog.providers), ...Object.keys(s.providers ?? {})]);
        next = addCustomProvider(next, provider, { availability: (availabilityPct ?? 99.5) / 100 });
      }
      next = addCustomModel(next, id, { provider, inputPer1M, outputPer1M, ttftMs, tokensPerSec });
      return next;
    });
    setMessage(`Added “${id}”. Add it to a chain below it, or pick it in any model list.`);
    setDraft(EMPTY_DRAFT);
  };

  return (
    <Section id="custom-models" title="Custom models" description="Add a model the catalog does not have; override catalog figures from each chain model’s “Retries and figures”.">
      {customIds.length > 0 ? (
        <ul className="mb-4 space-y-2">
          {customIds.map((id) => {
            const facts = modelFacts(scenario, id);
            const inChains = scenario.routing.chains.some((c) => c.models.includes(id));
            return (
              <li key={id}>
                <Card>
                  <div className="flex items-center justify-between gap-2">
                    <p className="text-sm font-medium text-slate-900 dark:text-slate-100">
                      {id} <span className="text-xs font-normal text-slate-500 dark:text-slate-400">· {facts.providerName}</span>
                    </p>
                    <div className="flex gap-1.5">
                      {!inChains ? (
                        <button type="button" className={buttonClassName} onClick={() => edit((s) => addFallback(s, 0, id))}>
                          Add as fallback
                        </button>
                      ) : null}
                      {!inChains ? (
                        <button type="button" className={buttonClassName} onClick={() => edit((s) => addChain(s, id))}>
                          New chain
                        </button>
                      ) : null}
                      <button type="button" className={buttonClassName} onClick={() => edit((s) => removeModel(s, id))} aria-label={`Remove custom model ${id}`}>
                        Remove
                      </button>
                    </div>
                  </div>
                  <ModelFactsLine facts={facts} />
                  <details className="mt-1">
                    <summary className="cursor-pointer text-xs font-medium text-blue-700 dark:text-blue-300">Edit figures</summary>
                    <ModelOverrides facts={facts} />
                  </details>
                </Card>
              </li>
            );
          })}
        </ul>
      ) : null}
      <details>
        <summary className="cursor-pointer select-none text-xs font-medium text-blue-700 dark:text-blue-300">Add a custom model</summary>
        <div className="mt-3 grid grid-cols-2 gap-3">
          <div className="col-span-2 grid grid-cols-2 gap-3">
            <div>
              <label htmlFor={`${formId}-name`} className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-300">
                Model id
              </label>
              <input
                id={`${formId}-name`}
                type="text"
                value={draft.name}
                placeholder="e.g. my-finetune"
                onChange={(event) => setDraft({ ...draft, name: event.target.value })}
                className="w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm outline-none placeholder:text-slate-400 focus:border-blue-600 focus:ring-2 focus:ring-blue-600/30 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-500"
              />
            </div>
            <div>
              <label htmlFor={`${formId}-provider`} className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-300">
                Provider
              </label>
              <select id={`${formId}-provider`} value={draft.provider} onChange={(event) => setDraft({ ...draft, provider: event.target.value })} className={selectClassName}>
                {catalog.providers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
                <option value={NEW_PROVIDER}>A new provider…</option>
              </select>
            </div>
          </div>
          {draft.provider === NEW_PROVIDER ? (
            <NumberField label="Provider availability" unit="%" help="Share of time the new provider is up (99.5 % ≈ 3.6 h down a month)." value={draft.availabilityPct} onChange={(v) => setDraft({ ...draft, availabilityPct: v })} step={0.1} />
          ) : null}
          <NumberField label="Input price" unit="$/1M" help="Input price in USD per million tokens." value={draft.inputPer1M} onChange={(v) => setDraft({ ...draft, inputPer1M: v })} step={0.05} />
          <NumberField label="Output price" unit="$/1M" help="Output price in USD per million tokens." value={draft.outputPer1M} onChange={(v) => setDraft({ ...draft, outputPer1M: v })} step={0.05} />
          <NumberField label="Time to first token" unit="ms" help="Typical time to the first token." value={draft.ttftMs} onChange={(v) => setDraft({ ...draft, ttftMs: v })} step={50} />
          <NumberField label="Output speed" unit="tok/s" help="Output tokens per second while streaming." value={draft.tokensPerSec} onChange={(v) => setDraft({ ...draft, tokensPerSec: v })} step={10} />
          <div className="col-span-2 flex items-center gap-3">
            <button type="button" className={buttonClassName} onClick={add}>
              <span aria-hidden="true">+</span> Add custom model
            </button>
            <p role="status" className="text-xs text-slate-600 dark:text-slate-400">
              {message}
            </p>
          </div>
        </div>
      </details>
    </Section>
  );
}
