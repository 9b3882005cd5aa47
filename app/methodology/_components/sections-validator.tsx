import { Formula, Section, Where } from './primitives';

/** Regimes where a closed form is an approximation: what breaks, and how far off the validator measured it. */
const REGIMES: { id: string; when: string; why: string; measured: string }[] = [
  {
    id: 'rateLimitRetries',
    when: 'A rate limit rejects more than 0.1 % of a model’s attempts and 429s are retried on it.',
    why: 'A retry after a short backoff lands in the same limit window, which is already full; the closed form counts retries as fresh Poisson arrivals.',
    measured: '429 rate understated up to about 1.7× (0.20 vs 0.34), success rate overstated by up to 0.17, p95 first token off by up to 2×.',
  },
  {
    id: 'rateLimitOverflow',
    when: 'A binding limit fails over on 429 to a fallback that has its own rate limit.',
    why: 'The overflow arrives in bursts (whenever the first window is full), not as the Poisson stream the fallback’s window formula assumes.',
    measured: 'Fallback 429 rate understated about 2× (0.030 vs 0.061); p95 latency off by up to a few hundred ms.',
  },
  {
    id: 'thinnedDispersion',
    when: 'Arrivals are over-dispersed (D > 1) and a binding limit sees only part of the traffic (a chain weight below 1, or a fallback).',
    why: 'A share q of a stream with variance/mean D has variance/mean 1 + q(D − 1); the closed form applies D to the model’s own count.',
    measured: 'Conservative: 429 rate overstated up to about 1.7× (0.081 vs 0.048).',
  },
  {
    id: 'concurrencyCap',
    when: 'A concurrency cap is within 3× of its mean in-flight load and its arrivals are retried, overflow or over-dispersed, or the model has a TTFT spread.',
    why: 'Erlang B is exact (for any holding-time law) only for Poisson arrivals that leave when rejected, at the modelled mean holding time (the median TTFT).',
    measured: '429 rate understated by 15–45 %, success rate overstated by up to 0.06.',
  },
  {
    id: 'outageWithinRequest',
    when: 'During an outage a request keeps trying (detections, backoff, failover delays) for more than 5 % of the shortest mean outage.',
    why: 'The closed form holds a request’s outage state fixed for the whole request; a short outage can end while it is still retrying.',
    measured: 'Outage failures overstated by about the span ÷ outage ratio (up to ~45 % with 1-minute outages and 12 s of retries).',
  },
  {
    id: 'jitteredLatency',
    when: 'Backoff has jitter and more than 1 % of successful requests needed a retry or failover.',
    why: 'Latency percentiles use the mean backoff delays; the jitter spread (and decorrelated jitter under a cap) is only sampled by the simulation.',
    measured: 'p95 off by 0.5–2 % (e.g. 7,896 vs 8,067 ms); costs, success and 429s unaffected.',
  },
];

/** The discrete-event validator (ADR 011): how the closed forms are checked, and where they are approximations. */
export function ValidatorSection() {
  return (
    <Section id="validator" title="Checking the formulas: the discrete-event validator" modelRef="ADR 011">
      <p>
        <code>npm run validate</code> draws 60 random scenarios from a fixed seed — single models and chains of 2–3,
        retries with every jitter, timeouts that bind, rate limits above, near and below the load, bursty arrivals,
        concurrency caps, TTFT spreads, prompt-length TTFT, and outages made frequent and short (1–8 % unavailability,
        1.5–5 minute outages, correlated by the common shock) so the simulation sees hundreds of them. For each it
        simulates about 150,000 requests one by one, in time order: arrivals with the daily peak profile and burstiness,
        outages as on/off processes, fixed rate-limit windows, concurrency caps, transient errors, timeouts on the shared
        answer length, sampled backoff and jitter, failover. It then compares with the engine’s formulas for the first
        month.
      </p>
      <Formula name="Standardized difference" words="How many standard errors of the simulation the formula is away from it; every compared figure must stay under a bound that accounts for the number of comparisons.">
        z = (engine − simulated) ⁄ SE,   |z| ≤ Φ<sup>−1</sup>(1 − α ⁄ 2n),   α = 10<sup>−4</sup>
      </Formula>
      <Where
        items={[
          ['figures', 'figures', 'cost per request, success rate, 429 rate, availability, p50 and p95 of first token and full response'],
          ['SE', 'SE', 'batch means over 50 time batches per daily period, never below the error of a time average over outage episodes and limit windows'],
          ['quantiles', 'q', 'checked by inversion: the simulated share of requests at or below the engine’s q must straddle p'],
          ['n', 'n', 'number of figures compared (Bonferroni)'],
        ]}
      />
      <p>
        Outside the regimes below the formulas agree with the simulation everywhere it was run: the last full run
        compared <strong data-validator-compared>325</strong> figures over 60 scenarios (9.5 million simulated requests)
        with a worst |z| of <strong data-validator-worst>2.95</strong> against a bound of 5.12, and the typical |z| is
        about 1, as it should be for honest errors. The unit tests run a quick variant on 8 scenarios.
      </p>
      <p>
        Where a formula is a stated approximation, the validator reports the difference but leaves the figure out of the
        worst |z| with its reason, and the simulator shows a notice under the headline figures when your scenario is in
        one of these regimes:
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Approximation regimes of the closed forms</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th scope="col" className="py-1.5 pr-3 font-semibold text-slate-900 dark:text-white">When</th>
              <th scope="col" className="py-1.5 pr-3 font-semibold text-slate-900 dark:text-white">Why the formula is off</th>
              <th scope="col" className="py-1.5 font-semibold text-slate-900 dark:text-white">Measured</th>
            </tr>
          </thead>
          <tbody>
            {REGIMES.map((regime) => (
              <tr key={regime.id} className="border-b border-slate-100 align-top dark:border-slate-800/60">
                <td className="py-1.5 pr-3">{regime.when}</td>
                <td className="py-1.5 pr-3">{regime.why}</td>
                <td className="py-1.5">{regime.measured}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Not validated: the mapping of a token limit to a request limit through the mean tokens per request (the
        simulation counts requests against the same limit), provisioned overflow and batch traffic (the validator’s
        scenarios have neither), and SLA credits and Monte Carlo (checked statistically elsewhere).
      </p>
    </Section>
  );
}
