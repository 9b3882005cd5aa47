import type { Aggregator } from '@/lib/catalog/schema';
import { formatIsoDate, formatPct, formatUsd } from '@/lib/catalog/format';
import { SourceLink } from './figure-value';

function feeHeadline(fee: Aggregator['fees'][number]): string {
  switch (fee.model) {
    case 'percent-of-spend':
      return `${formatPct(fee.percentOfSpend ?? 0)} of spend`;
    case 'monthly-plan':
      return fee.monthlyUsd === 0 ? 'Free plan' : `${formatUsd(fee.monthlyUsd ?? 0)}/month`;
    case 'price-multiplier':
      return `${fee.priceMultiplier ?? 1}× provider prices`;
    case 'self-hosted':
      return 'Self-hosted (your infrastructure)';
  }
}

function Unverified({ verified }: { verified: boolean }) {
  return verified ? null : <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300">Unverified</span>;
}

/** Aggregators and gateways: fee model, failover, SLA and notes, each with its source. */
export function AggregatorList({ aggregators }: { aggregators: Aggregator[] }) {
  return (
    <section aria-labelledby="aggregators-heading" className="mt-12">
      <h2 id="aggregators-heading" className="text-xl font-semibold tracking-tight">
        Aggregators and gateways
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        A layer in front of the providers: one API, routing and failover, at a fee. In the simulator, a percentage fee goes in “aggregator fee %” and a plan in “platform fee per month”.
      </p>
      <ul className="mt-4 grid gap-4 md:grid-cols-2">
        {aggregators.map((a) => (
          <li key={a.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900/60">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="text-base font-semibold">
                <a href={a.website} target="_blank" rel="noreferrer" className="hover:underline">
                  {a.name}
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
              </h3>
              <div className="flex gap-1.5 text-[11px] font-medium">
                <span className={`rounded px-1.5 py-0.5 ${a.automaticFailover.value ? 'bg-emerald-50 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200' : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300'}`}>
                  {a.automaticFailover.value ? 'Automatic failover' : 'No automatic failover'}
                </span>
                {a.openSource ? <span className="rounded bg-violet-50 px-1.5 py-0.5 text-violet-800 dark:bg-violet-900/40 dark:text-violet-200">Open source</span> : null}
              </div>
            </div>
            <dl className="mt-3 space-y-3 text-sm">
              <div>
                <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Fees</dt>
                {a.fees.map((fee) => (
                  <dd key={fee.description} className="mt-1">
                    <span className="tabular font-medium">{feeHeadline(fee)}</span>
                    <Unverified verified={fee.verified} />
                    <p className="text-xs text-slate-600 dark:text-slate-400">{fee.description}</p>
                    <p className="text-xs text-slate-600 dark:text-slate-400">
                      <SourceLink href={fee.source}>source</SourceLink> · as of {formatIsoDate(fee.asOf)}
                      {fee.note ? ` · ${fee.note}` : ''}
                    </p>
                  </dd>
                ))}
              </div>
              <div>
                <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Failover</dt>
                <dd className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                  {a.automaticFailover.note ?? (a.automaticFailover.value ? 'Retries another provider without client code.' : 'None.')}
                  <Unverified verified={a.automaticFailover.verified} /> <SourceLink href={a.automaticFailover.source}>source</SourceLink>
                </dd>
              </div>
              <div>
                <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">SLA</dt>
                <dd className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                  {a.sla.summary} <Unverified verified={a.sla.verified} /> <SourceLink href={a.sla.source}>source</SourceLink>
                </dd>
              </div>
              {a.notes.length > 0 ? (
                <div>
                  <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Notes</dt>
                  <dd>
                    <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs text-slate-700 dark:text-slate-300">
                      {a.notes.map((n) => (
                        <li key={n}>{n}</li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
