import { ExternalLink, Formula, Section, Sources, Where } from './primitives';

/** Model v2 (ADR 011): TTFT as a lognormal, prompt-length TTFT, price drift. */
export function ModelV2Section() {
  return (
    <Section id="model-v2" title="Time to first token as a distribution, prompt length, price drift" modelRef="v1 + ADR 011">
      <p>
        A model with a <strong>TTFT p95</strong> has a time to first token that varies from request to request: its
        TTFT figure is the median of a lognormal whose 95th percentile is the p95. Every attempt draws its own TTFT,
        independently of the answer length. Without a p95 the TTFT is one fixed value, exactly as before.
      </p>
      <Formula name="TTFT" words="A fixed part from the prompt length plus a lognormal part with the model's median and p95.">
        TTFT<sub>j</sub> = s<sub>j</sub> + τ<sub>j</sub>,   τ<sub>j</sub> ~ LN(ln m<sub>j</sub>, σ<sub>j</sub>),   σ<sub>j</sub> = ln(p95<sub>j</sub> ⁄ m<sub>j</sub>) ⁄ 1.6449,   s<sub>j</sub> = 1000 · E[in] ⁄ prefill<sub>j</sub>
      </Formula>
      <Where
        items={[
          ['m', <>m<sub>j</sub></>, 'the model’s TTFT figure (median), ms'],
          ['p95', <>p95<sub>j</sub></>, 'its TTFT p95, ms (≥ the median)'],
          ['s', <>s<sub>j</sub></>, 'prompt processing: mean input tokens over the prompt-processing speed (tokens/s); 0 when not set'],
        ]}
      />
      <Formula
        name="First token"
        words="Each way a request can succeed (after a given delay d of failed attempts, backoff and failover, on model j) contributes its share of requests times the chance that its TTFT has arrived."
      >
        G<sub>first</sub>(t) = Σ w · p<sub>I</sub> · Φ((ln(t − d − s) − ln m) ⁄ σ),   mean = Σ w · p<sub>I</sub> · (d + s + m · e<sup>σ²⁄2</sup>) ⁄ G<sub>∞</sub>
      </Formula>
      <Formula
        name="Full response"
        words="The TTFT and the streaming time of the answer are added, so their distributions are convolved: the engine integrates over the TTFT's normal score exactly where the answer-length CDF is constant and by Gauss–Legendre quadrature elsewhere."
      >
        G<sub>full</sub>(t) = Σ w · E<sub>Z</sub>[ H(r · (t − d − s − m · e<sup>σZ</sup>)) ],   H(y) = [F(min(y, hi)) − F(lo)]⁺,   r = tps ⁄ 1000
      </Formula>
      <p>
        Percentiles solve G(t) = p · G<sub>∞</sub> to a relative 10<sup>−10</sup>; the share over target is 1 − G(target) ⁄
        G<sub>∞</sub>. Tests check the integral against two independent 40,000-point integrations (to 10<sup>−9</sup>) and a
        200,000-request Monte Carlo. Two choices keep costs exactly as in v1: a timeout is still decided on the answer
        length at the <em>median</em> TTFT, so the spread moves latency but never cost, success or 429s; and the busy
        time behind concurrency uses the median TTFT. The prompt-length term uses the mean input length, so the spread of
        prompt lengths does not widen the TTFT.
      </p>
      <Formula name="Price drift" words="Every per-token and provisioned price of a model in month m (month 1 is m = 0) compounds by the monthly drift of its provider, or the scenario's drift.">
        price<sub>m</sub> = price · (1 + d ⁄ 100)<sup>m</sup>,   d = provider drift if set, else scenario drift (−50 … 50 % per month)
      </Formula>
      <p>
        A drift of −3 % per month is about −31 % over a year. Fees on token spend follow; engineering, platform fees,
        downtime and failed-request costs do not drift. Charts, the CSV, compare and the planner read it from the same
        monthly figures.
      </p>
      <Sources
        items={[
          <>
            Catalog TTFT p95: each model’s p50 × the p95/p50 ratio measured for its provider family (
            <ExternalLink href="https://deploybase.ai/articles/llm-api-latency-comparison-time-to-first-token">deploybase.ai TTFT comparison</ExternalLink>,
            500-token prompts; 2.3–3.3). Marked as estimates in the catalog and applied only where a scenario sets
            <code>ttftP95Ms</code> for a model (the support preset does), so older links keep their exact results.
          </>,
          'Lognormal from a median and a p95 (the same mapping as token lengths): Squiggle’s “a to b” lognormal with 5th/95th percentiles.',
        ]}
      />
    </Section>
  );
}
