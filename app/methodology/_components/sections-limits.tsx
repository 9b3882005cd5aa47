import { Section, Step } from './primitives';

const LIMITATIONS: [title: string, text: string][] = [
  [
    'Output length is shared across attempts',
    'A request’s output length is the same on every attempt, which is realistic for cost and timeouts but makes retrying a timeout on the same model useless by construction. Fail over on timeouts instead.',
  ],
  [
    'Time to first token and speed per model',
    'Without a TTFT p95 a model’s TTFT is one fixed value, so first-token latency is a discrete distribution; with one it is a lognormal (see “TTFT spread”). Prompt length moves TTFT only through its mean; output speed is constant; no queueing delay. Hedged requests are not modelled.',
  ],
  [
    'Rate limits as fixed windows',
    'Poisson or negative-binomial counts per window approximate token buckets; retries are treated as Poisson arrivals.',
  ],
  ['Mean backoff delays', 'The deterministic latency uses mean backoff waits; decorrelated jitter with a binding cap is approximated.'],
  ['One correlation for all providers', 'Common-shock correlation is one number per scenario; partial (degraded) outages are not modelled.'],
  [
    'SLA credits at expected availability',
    'The deterministic figures apply credits at the expected availability (usually no credit); the Monte Carlo band includes the months that fall below the SLA.',
  ],
  ['Two-level day, monthly steps', 'Volume steps at month boundaries and a day has only a peak and a base level, a simplification of real diurnal curves.'],
  [
    'Failover extra cost at equal tokens',
    'It compares list prices for the same tokens and ignores that another model may answer in a different number of tokens.',
  ],
];

export function LimitationsSection() {
  return (
    <Section id="limitations" title="Assumptions and limits" modelRef="§2, §12">
      <p>
        Money is in US dollars and never rounded inside the engine; the screen and the CSV round to cents. Token counts
        are expectations, not rounded. A month is 30.4375 days (43,830 minutes). Every output is a finite number; a
        figure that has no value (for example a latency when no request succeeds) is shown as “—”.
      </p>
      <ol className="list-decimal space-y-2 pl-5">
        {LIMITATIONS.map(([title, text]) => (
          <li key={title}>
            <strong className="font-semibold text-slate-900 dark:text-white">{title}.</strong> {text}
          </li>
        ))}
      </ol>
      <p>Prices, limits and availabilities are inputs with sources in the catalog, not constants of the engine: check them against your contracts.</p>
    </Section>
  );
}

export function WorkedExampleSection() {
  return (
    <Section id="worked-example" title="Worked example: one month of a single model" modelRef="§10 E1">
      <p>
        100,000 requests a day on gpt-4o-mini ($0.15 input, $0.075 cached input, $0.60 output per 1M tokens), input
        tokens median 800 and p95 3,000, output median 250 and p95 1,200, 30 % of input from the cache, no failures,
        time to first token 400 ms at 80 tokens/s. Every number below can be checked with a calculator (Φ is the standard
        normal CDF, in any spreadsheet as NORM.S.DIST).
      </p>
      <ol className="space-y-2">
        <Step n={1} title="Spread of input lengths" value={<>σ<sub>in</sub> = 0.80357</>}>
          σ<sub>in</sub> = ln(3,000 ⁄ 800) ⁄ 1.64485 = 1.32176 ⁄ 1.64485
        </Step>
        <Step n={2} title="Mean input tokens" value="1,104.86">
          E[in] = 800 × e<sup>0.80357² ⁄ 2</sup> = 800 × e<sup>0.322863</sup>
        </Step>
        <Step n={3} title="Spread and mean of output lengths" value="393.93">
          σ<sub>out</sub> = ln(1,200 ⁄ 250) ⁄ 1.64485 = 0.95365;   E[out] = 250 × e<sup>0.454725</sup>
        </Step>
        <Step n={4} title="Requests in the month" value="3,043,750">
          100,000 × 30.4375 days
        </Step>
        <Step n={5} title="Input and output tokens" value="3.3629 B in, 1.1990 B out">
          3,043,750 × 1,104.86 = 3,362,919,600;   3,043,750 × 393.935 = 1,199,039,520
        </Step>
        <Step n={6} title="Uncached input" value="$353.11">
          3,362,919,600 × 0.70 × $0.15 ⁄ 10<sup>6</sup>
        </Step>
        <Step n={7} title="Cached input" value="$75.67">
          3,362,919,600 × 0.30 × $0.075 ⁄ 10<sup>6</sup>
        </Step>
        <Step n={8} title="Output" value="$719.42">
          1,199,039,520 × $0.60 ⁄ 10<sup>6</sup>
        </Step>
        <Step n={9} title="Token cost of the month" value="$1,148.20">
          $353.11 + $75.67 + $719.42 = $1,148.20, i.e. $0.377 per 1,000 requests
        </Step>
        <Step n={10} title="Median and p95 full response" value="3,525 ms; 15,400 ms">
          400 + 1,000 × 250 ⁄ 80;   400 + 1,000 × 1,200 ⁄ 80
        </Step>
        <Step n={11} title="Share of full responses over a 5 s target" value="34.26 %">
          slower than 5 s ⇔ X &gt; (5,000 − 400) × 80 ⁄ 1,000 = 368 tokens;   1 − Φ(ln(368 ⁄ 250) ⁄ 0.95365) = 1 − Φ(0.40541)
        </Step>
        <Step n={12} title="First token" value="400 ms">
          no failures, so every request’s first token arrives after the model’s TTFT: p50 = p95 = p99 = 400 ms
        </Step>
      </ol>
      <p>
        Enter the same scenario in the simulator (one chain with gpt-4o-mini, availability 100 %, no retries, a one-month
        horizon, latency target 5,000 ms on the full response) and the headline figures show these numbers.
      </p>
    </Section>
  );
}
