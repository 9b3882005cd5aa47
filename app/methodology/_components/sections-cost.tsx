import { ExternalLink, Formula, Section, Sources, Where } from './primitives';

export function CostsSection() {
  return (
    <Section id="costs" title="Costs and total cost of ownership" modelRef="§8">
      <Formula name="Token cost per request" words="Input tokens billed at the uncached or cached price, output tokens at the output price; prices are per million tokens.">
        cost = [E[in] · ((1 − c) · p<sub>in</sub> + c · p<sub>cached</sub>) + E[out] · p<sub>out</sub>] ⁄ 10<sup>6</sup>
      </Formula>
      <Where
        items={[
          ['c', 'c', 'share of input tokens served from the prompt cache'],
          ['prices', <>p<sub>in</sub>, p<sub>cached</sub>, p<sub>out</sub></>, 'USD per 1M tokens of the model that answers'],
        ]}
      />
      <p>
        Failed attempts that were rejected (429), hit a 5xx or an outage are not billed. Timed-out attempts are billed
        their input and the x* output tokens generated before the client gave up: that is the <strong>wasted spend</strong>.
        Requests answered by a fallback are billed at the fallback’s prices; the difference from the same tokens at the
        chain’s first model is the <strong>failover extra cost</strong> (negative when the fallback is cheaper). Both are
        already inside token spend.
      </p>
      <Formula name="Batch" words="A share b of requests goes to each chain’s first model through the batch API at batch prices (no cache discount, no failures, no rate limits).">
        batch cost = B<sub>m</sub> · Σ<sub>c</sub> w<sub>c</sub> · (E[in] · p<sub>batch in</sub> + E[out] · p<sub>batch out</sub>) ⁄ 10<sup>6</sup>
      </Formula>
      <Formula name="Provisioned (flat-rate) capacity" words="A monthly commitment covers up to capacityTPM tokens per minute; the overflow share φ of each period is billed pay-as-you-go.">
        φ = max(0, 1 − capacityTPM ⁄ τ),   τ = billed tokens per minute in the period;   cost = monthly price + φ × pay-as-you-go
      </Formula>
      <Formula name="SLA credits" words="For contractual providers, the highest credit tier whose threshold is above the provider’s availability applies to that month’s spend on the provider.">
        credit = max{'{'}creditPct : 100 · a<sub>p</sub> &lt; belowPct{'}'} × spend<sub>p</sub>
      </Formula>
      <Formula name="Total cost of ownership" words="Everything paid in a month, summed over the horizon.">
        TCO<sub>m</sub> = tokens + flat rate + aggregator fee + platform fee + integration + maintenance + downtime cost + failed requests × cost per failure − SLA credits
      </Formula>
      <p>
        Integration hours are charged once, in month 1; maintenance hours every month; both at the engineering hourly
        rate, for the providers your chains use. The aggregator fee is a percentage of token spend. Cost per 1,000
        requests on the results page is TCO × 1,000 ÷ requests.
      </p>
      <Sources
        items={[
          <>
            Prices: <ExternalLink href="https://openai.com/api/pricing/">OpenAI pricing</ExternalLink> (gpt-4o-mini $0.15 in,
            $0.60 out, $0.075 cached per 1M; Batch API −50 %); Anthropic prompt caching (cache read 0.1×, write 1.25×);
            OpenRouter fees (5.5 % on credit purchases, 5 % BYOK). The catalog stores each figure with its source and date.
          </>,
          'Azure OpenAI SLA: 99.9 % with a credit ladder (below 99.9 %: 10 %, below 99 %: 25 %, below 95 %: 100 %).',
        ]}
      />
    </Section>
  );
}

export function LatencySection() {
  return (
    <Section id="latency" title="Latency" modelRef="§7.2–§7.4">
      <Formula name="Full response" words="Time spent on earlier failed attempts and backoff, then the answering model’s time to first token, then the output streamed at its speed.">
        t = overhead + TTFT<sub>j</sub> + 1000 · X ⁄ tps<sub>j</sub>
      </Formula>
      <Formula name="First token" words="The first token arrives when the successful attempt has waited its model’s time to first token.">
        t<sub>first</sub> = overhead + TTFT<sub>j</sub>
      </Formula>
      <p>
        Over all success atoms the full-response time has a mixture distribution G(t) = Σ w · [F(min(hi, y)) − F(lo)]⁺ with
        y = (t − overhead − TTFT)·tps⁄1000, where F is the output-length distribution. The first-token time is
        discrete, one point per model and retry path, unless a model has a TTFT p95 (next section). Percentiles are the smallest t with G(t) ≥ p · G(∞), found by
        bisection; “share over target” is 1 − G(target) ⁄ G(∞). Only successful realtime requests count. Over the
        horizon each month is weighted by its realtime requests.
      </p>
      <p>
        This is why a first-token target of 500 ms is the right reading of “respond within 500 ms”: a full response of
        a few hundred tokens takes seconds even when nothing fails.
      </p>
      <Sources
        items={[
          'NVIDIA NIM and ClickHouse LLM latency documentation: end-to-end latency = TTFT + (n − 1) · time per output token.',
          <>
            Dean &amp; Barroso, “The Tail at Scale”, Communications of the ACM 56(2), 2013 (
            <ExternalLink href="https://research.google/pubs/the-tail-at-scale/">research.google</ExternalLink>): tails
            grow with fan-out; hedged requests (not modelled here) cut them.
          </>,
        ]}
      />
    </Section>
  );
}

export function MonteCarloSection() {
  return (
    <Section id="monte-carlo" title="Uncertainty (Monte Carlo)" modelRef="§9">
      <p>
        The deterministic figures are expectations. When the scenario asks for Monte Carlo trials, each trial and month
        draws what really varies from month to month, then reruns the whole calculation with those draws:
      </p>
      <ul className="list-disc space-y-1 pl-5">
        <li>daily volume: the mean of 30 daily multipliers exp(σZ − σ²⁄2) with σ² = ln(1 + CV²);</li>
        <li>input and output length drift: the lognormal μ shifted by a multiplier with the given CV;</li>
        <li>
          outage timelines: outages start as a Poisson process with rate −ln(1 − u) ⁄ D per minute and last an
          exponential time of mean D, so the expected down fraction is exactly u; each month’s realised fraction of
          every outage state replaces π<sub>S</sub>, and SLA credits use the realised availability.
        </li>
      </ul>
      <Formula name="Reported band" words="The 5th, 50th and 95th percentiles of each month’s TCO and of the total, by linear interpolation between order statistics.">
        q<sub>p</sub> = x<sub>⌊h⌋</sub> + (h − ⌊h⌋) · (x<sub>⌊h⌋+1</sub> − x<sub>⌊h⌋</sub>),   h = (N − 1) · p
      </Formula>
      <p>
        Runs are seeded: the same seed gives the same band. Per-request randomness is not sampled because the
        deterministic engine already integrates it exactly.
      </p>
      <Sources
        items={[
          'Guesstimate (5,000 samples per cell, “[a, b]” as a 90 % interval) and Squiggle (“a to b” = lognormal with 5th and 95th percentiles a and b).',
        ]}
      />
    </Section>
  );
}
