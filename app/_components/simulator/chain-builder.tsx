'use client';

import { useMemo } from 'react';
import { addChain, addFallback, MAX_CHAIN_MODELS, removeChain, setChainWeight } from '@/lib/scenario/edit';
import { ROUTING_DEFAULTS } from '@/lib/scenario/defaults';
import { modelFacts, modelOptionGroups } from '@/lib/store/model-facts';
import { buttonClassName, Card } from '../ui/card';
import { NumberField } from '../ui/number-field';
import { ChainModelRow } from './chain-model-row';
import { ModelPicker } from './model-select';
import { useEditor } from './use-editor';

/** Maximum primary chains (MODEL.md §3.5). */
const MAX_CHAINS = 8;

/**
 * Primary models with traffic weights (kept summing to 100 % by lib/scenario/edit.ts), each with an ordered fallback
 * list picked from the catalog or the scenario's custom models.
 */
export function ChainBuilder() {
  const { scenario, edit, errorFor } = useEditor();
  // Option lists depend only on the scenario's own models: typing elsewhere does not rebuild them.
  const groups = useMemo(() => modelOptionGroups(scenario.models), [scenario.models]);
  const chains = scenario.routing.chains;
  const defaultRetries = scenario.routing.maxRetries ?? ROUTING_DEFAULTS.maxRetries;
  const weightError = errorFor('routing.chains');

  return (
    <div className="space-y-3">
      {weightError ? (
        <p role="alert" className="rounded-md bg-red-50 px-2.5 py-1.5 text-xs font-medium text-red-800 dark:bg-red-950/60 dark:text-red-200">
          {weightError}
        </p>
      ) : null}
      {chains.map((chain, chainIndex) => {
        const title = chains.length > 1 ? `Chain ${chainIndex + 1}` : 'Chain';
        return (
          <Card key={chainIndex}>
            <div className="mb-2 flex items-end justify-between gap-3">
              <h3 className="pb-1.5 text-xs font-semibold text-slate-800 dark:text-slate-200">{title}</h3>
              <div className="flex items-end gap-2">
                {chains.length > 1 ? (
                  <>
                    <NumberField
                      className="w-28"
                      label="Traffic"
                      unit="%"
                      scale={100}
                      help="Share of requests that start on this chain; the other chains are rebalanced so the total stays 100 %."
                      value={chain.weight}
                      onChange={(v) => typeof v === 'number' && edit((s) => setChainWeight(s, chainIndex, v))}
                      error={errorFor(`routing.chains[${chainIndex}].weight`)}
                      step={5}
                    />
                    <button type="button" className={`${buttonClassName} mb-0.5`} onClick={() => edit((s) => removeChain(s, chainIndex))}>
                      Remove chain
                    </button>
                  </>
                ) : (
                  <span className="pb-1.5 text-xs text-slate-500 dark:text-slate-400">100 % of traffic</span>
                )}
              </div>
            </div>
            <ol className="space-y-2" aria-label={`${title}: models in the order they are tried`}>
              {chain.models.map((modelId, position) => (
                <ChainModelRow
                  key={`${modelId}-${position}`}
                  chain={chain}
                  chainIndex={chainIndex}
                  position={position}
                  facts={modelFacts(scenario, modelId)}
                  groups={groups}
                  defaultRetries={defaultRetries}
                />
              ))}
            </ol>
            <div className="mt-3 border-t border-slate-200 pt-3 dark:border-slate-700">
              <ModelPicker
                groups={groups}
                exclude={chain.models}
                actionLabel={chain.models.length >= MAX_CHAIN_MODELS ? `At most ${MAX_CHAIN_MODELS} models per chain` : 'Add fallback'}
                disabled={chain.models.length >= MAX_CHAIN_MODELS}
                onPick={(modelId) => edit((s) => addFallback(s, chainIndex, modelId))}
              />
            </div>
          </Card>
        );
      })}
      {chains.length < MAX_CHAINS ? (
        <details className="rounded-lg border border-dashed border-slate-300 p-3 dark:border-slate-700">
          <summary className="cursor-pointer select-none text-xs font-medium text-blue-700 dark:text-blue-300">Split traffic: add another primary chain</summary>
          <div className="mt-2">
            <ModelPicker groups={groups} exclude={[]} actionLabel="Add primary chain" onPick={(modelId) => edit((s) => addChain(s, modelId))} />
          </div>
        </details>
      ) : null}
    </div>
  );
}
