import type { Metadata } from 'next';
import { catalog } from '@/data';
import { AggregatorList } from './_components/aggregator-list';
import { CatalogBrowser } from './_components/catalog-browser';

export const metadata: Metadata = {
  title: 'Model catalog',
  description: 'Prices, context windows, latency, rate limits and SLAs of LLM APIs, each figure with its source and date.',
};

export default function CatalogPage() {
  const contractual = catalog.providers.filter((p) => p.sla.commitment === 'contractual').length;
  return (
    <div className="mx-auto max-w-[1400px] px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Model catalog</h1>
      <p className="mt-2 max-w-3xl text-slate-600 dark:text-slate-300">
        {catalog.models.length} models from {catalog.providers.length} providers ({contractual} with a contractual SLA) and {catalog.aggregators.length} aggregators. Every figure
        carries its source and the date it holds for; estimates and secondary sources are marked, so you know what to re-check before a budget depends on it.
      </p>
      <CatalogBrowser models={catalog.models} providers={catalog.providers} />
      <AggregatorList aggregators={catalog.aggregators} />
    </div>
  );
}
