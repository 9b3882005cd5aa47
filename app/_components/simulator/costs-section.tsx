'use client';

import { useMemo } from 'react';
import { formatCount, formatMoney } from '@/lib/format/number';
import { resetModelOverride, resetProviderOverride, setCosts, setModelOverride, setProviderOverride } from '@/lib/scenario/edit';
import { aggregatorOptions, CUSTOM_FEES, matchingAggregatorOption } from '@/lib/store/aggregator-options';
import { modelFacts, providersInUse } from '@/lib/store/model-facts';
import { builtInSpecCatalog } from '@/lib/catalog/builtin';
import { Card, Section } from '../ui/card';
import { NumberField } from '../ui/number-field';
import { SelectField } from '../ui/select-field';
import { Toggle } from '../ui/toggle';
import { useEditor } from './use-editor';

export function CostsSection() {
  const { scenario, edit, errorFor } = useEditor();
  const costs = scenario.costs ?? {};
  const options = useMemo(() => aggregatorOptions(), []);
  const chosen = matchingAggregatorOption(scenario.costs, options);
  const selectOptions = chosen === CUSTOM_FEES ? [...options, { value: CUSTOM_FEES, label: 'Custom fees (set below)', description: '', costs: {} }] : options;
  const providers = providersInUse(scenario);
  const modelIds = [...new Set(scenario.routing.chains.flatMap((c) => c.models))];
  const provisionable = modelIds.map((id) => modelFacts(scenario, id)).filter((f) => f.provisionedOffer !== null || (f.spec?.provisioned ?? null) !== null);

  return (
    <Section id="costs" title="Costs" description="Everything besides tokens that belongs in the total cost of ownership.">
      <div className="grid grid-cols-2 gap-3">
        <NumberField
          label="Engineering rate"
          unit="$/h"
          empty="default"
          placeholder="0"
          help="Loaded hourly cost of an engineer; prices the integration and maintenance hours below."
          value={costs.engineeringHourlyRate}
          onChange={(v) => edit((s) => setCosts(s, { engineeringHourlyRate: v ?? undefined }))}
          error={errorFor('costs.engineeringHourlyRate')}
          step={10}
        />
        <NumberField
          label="Downtime cost"
          unit="$/min"
          empty="default"
          placeholder="0"
          help="What a minute with every model of a chain down costs the business (lost sales, support load). Leave failed-request cost at 0 if you use this."
          value={costs.downtimeCostPerMinute}
          onChange={(v) => edit((s) => setCosts(s, { downtimeCostPerMinute: v ?? undefined }))}
          error={errorFor('costs.downtimeCostPerMinute')}
          step={5}
        />
        <NumberField
          label="Failed-request cost"
          unit="$/req"
          empty="default"
          placeholder="0"
          help="Cost of one request that fails on every model of its chain. Overlaps with downtime cost during outages: use one of the two."
          value={costs.failedRequestCost}
          onChange={(v) => edit((s) => setCosts(s, { failedRequestCost: v ?? undefined }))}
          error={errorFor('costs.failedRequestCost')}
          step={0.01}
        />
        <NumberField
          label="Platform fee"
          unit="$/mo"
          empty="default"
          placeholder="0"
          help="Fixed monthly fees: an aggregator or gateway plan, observability, a support contract."
          value={costs.platformFeeMonthly}
          onChange={(v) => edit((s) => setCosts(s, { platformFeeMonthly: v ?? undefined }))}
          error={errorFor('costs.platformFeeMonthly')}
          step={10}
        />
        <SelectField
          className="col-span-2"
          label="Aggregator"
          help={options.find((o) => o.value === chosen)?.description || 'Route through an aggregator: sets its fee below. Direct = no fee.'}
          value={chosen}
          options={selectOptions}
          onChange={(value) => {
            const option = options.find((o) => o.value === value);
            if (option) edit((s) => setCosts(s, option.costs));
          }}
        />
        <NumberField
          label="Aggregator fee"
          unit="% of spend"
          empty="default"
          placeholder="0"
          help="Percentage an aggregator charges on token spend (e.g. OpenRouter's 5.5 % on credit purchases)."
          value={costs.aggregatorFeePct}
          onChange={(v) => edit((s) => setCosts(s, { aggregatorFeePct: v ?? undefined }))}
          error={errorFor('costs.aggregatorFeePct')}
          step={0.5}
        />
        <NumberField
          label="Price multiplier"
          unit="× token prices"
          empty="default"
          placeholder="1"
          help="Token prices relative to buying direct, for aggregators that mark prices up or down (TokenMix claims about 0.95, i.e. 5 % cheaper). Applies to every model; 1 = direct prices."
          value={costs.priceMultiplier}
          onChange={(v) => edit((s) => setCosts(s, { priceMultiplier: v ?? undefined }))}
          error={errorFor('costs.priceMultiplier')}
          step={0.01}
        />
        <NumberField
          label="Price drift"
          unit="% per month"
          empty="default"
          placeholder="0"
          help="Monthly change of every token and provisioned price, compounding: month m pays (1 + d/100)^m × today's price. List prices of comparable models have fallen steadily; −3 is about −30 % over a year. 0 = constant prices."
          value={costs.priceDriftPctPerMonth}
          onChange={(v) => edit((s) => setCosts(s, { priceDriftPctPerMonth: v ?? undefined }))}
          error={errorFor('costs.priceDriftPctPerMonth')}
          step={0.5}
        />
      </div>

      {providers.length > 0 ? (
        <div className="mt-4">
          <h3 className="mb-2 text-xs font-semibold text-slate-800 dark:text-slate-200">Engineering hours per provider</h3>
          <div className="space-y-2">
            {providers.map((provider) => (
              <Card key={provider.id} className="grid grid-cols-2 gap-2.5">
                <p className="col-span-2 text-xs font-medium text-slate-800 dark:text-slate-200">{provider.name}</p>
                {(['integrationHours', 'maintenanceHoursPerMonth'] as const).map((key) => {
                  const overridden = provider.overridden.includes(key);
                  const isIntegration = key === 'integrationHours';
                  return (
                    <NumberField
                      key={key}
                      label={isIntegration ? 'Integration' : 'Maintenance'}
                      unit={isIntegration ? 'h once' : 'h/mo'}
                      help={isIntegration ? 'One-off hours to integrate this provider (charged in month 1). Default from the catalog.' : 'Hours per month to keep this provider working (SDK updates, deprecations, incidents). Default from the catalog.'}
                      value={provider.spec?.[key]}
                      onChange={(v) => typeof v === 'number' && edit((s) => setProviderOverride(s, provider.id, key, v))}
                      error={errorFor(`providers.${provider.id}.${key}`)}
                      step={isIntegration ? 4 : 1}
                      badge={
                        overridden ? (
                          <button
                            type="button"
                            className="ml-auto text-[11px] font-medium text-blue-700 underline underline-offset-2 dark:text-blue-300"
                            aria-label={`Reset ${isIntegration ? 'integration' : 'maintenance'} hours of ${provider.name} to the catalog value`}
                            onClick={() => edit((s) => resetProviderOverride(s, provider.id, key))}
                          >
                            reset
                          </button>
                        ) : null
                      }
                    />
                  );
                })}
              </Card>
            ))}
          </div>
        </div>
      ) : null}

      {provisionable.length > 0 ? (
        <div className="mt-4 space-y-2">
          <h3 className="text-xs font-semibold text-slate-800 dark:text-slate-200">Provisioned capacity</h3>
          {provisionable.map((facts) => {
            const provisioned = facts.spec?.provisioned ?? null;
            const catalogDefault = builtInSpecCatalog.models[facts.id]?.provisioned ?? null;
            const offer = facts.provisionedOffer;
            return (
              <Card key={facts.id} className="space-y-2">
                <Toggle
                  label={`${facts.name}: buy committed capacity`}
                  help={
                    offer
                      ? `${offer.name}: ${formatMoney(offer.monthlyPrice)}/month for ${formatCount(offer.capacityTPM)} tokens/min; traffic above it is billed pay-as-you-go.`
                      : 'A flat monthly price for a token-per-minute capacity; traffic above it is billed pay-as-you-go.'
                  }
                  checked={provisioned !== null}
                  onChange={(on) =>
                    edit((s) => {
                      const wanted = on ? (offer ? { monthlyPrice: offer.monthlyPrice, capacityTPM: offer.capacityTPM } : null) : null;
                      const sameAsCatalog = JSON.stringify(wanted) === JSON.stringify(catalogDefault);
                      return sameAsCatalog ? resetModelOverride(s, facts.id, 'provisioned') : setModelOverride(s, facts.id, 'provisioned', wanted);
                    })
                  }
                />
                {provisioned ? (
                  <div className="grid grid-cols-2 gap-2.5">
                    <NumberField
                      label="Monthly price"
                      unit="$/mo"
                      help="Flat monthly price of the committed capacity."
                      value={provisioned.monthlyPrice}
                      onChange={(v) => typeof v === 'number' && edit((s) => setModelOverride(s, facts.id, 'provisioned', { ...provisioned, monthlyPrice: v }))}
                      error={errorFor(`models.${facts.id}.provisioned.monthlyPrice`)}
                      step={100}
                    />
                    <NumberField
                      label="Capacity"
                      unit="TPM"
                      help="Input + output tokens per minute the commitment covers."
                      value={provisioned.capacityTPM}
                      onChange={(v) => typeof v === 'number' && edit((s) => setModelOverride(s, facts.id, 'provisioned', { ...provisioned, capacityTPM: v }))}
                      error={errorFor(`models.${facts.id}.provisioned.capacityTPM`)}
                      step={10000}
                    />
                  </div>
                ) : null}
              </Card>
            );
          })}
        </div>
      ) : null}
    </Section>
  );
}
