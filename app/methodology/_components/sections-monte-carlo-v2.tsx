import { Formula, Section, Sources } from './primitives';

/** How the engine computes Monte Carlo trials since docs/decisions/006: trial-indexed draws and a cost-only month. */
export function MonteCarloComputationSection() {
  return (
    <Section id="monte-carlo-computation" title="How Monte Carlo trials are computed" modelRef="§9.2-§9.3">
      <p>
        Each trial has its own random-number stream. Trial t draws from an sfc32 generator whose state is derived from
        the seed and t by an integer hash, so a trial’s numbers do not depend on which other trials ran before it: the
        trials can be split across processor cores and merged, and the band is the same to the last digit. Within a
        trial the months are drawn in turn, each in the order of MODEL.md §9.2: 30 daily volume draws, input drift,
        output drift, the common outage process, then each provider’s. This differs from §9.2’s single stream for the
        whole run, so a given seed gives different trials than it did before, from the same distributions.
      </p>
      <p>
        Since 3 December 2026 the draws themselves differ from §9.2’s suggestion too, again with the same distributions:
        normal draws come from the ziggurat method (Marsaglia and Tsang, 256 layers; usually two generator outputs and
        no logarithm) instead of the inverse normal CDF, and each outage process is drawn as exponential gaps between
        outage starts (per outage its gap, then its duration, and one last gap past the end of the month), also by a
        ziggurat, instead of a Poisson count followed by uniform start times. A Poisson process is the same either way;
        the starts simply come out in order. The seeded results are reproducible and split runs still merge to the last
        digit, but a given seed gives different trials than before this change.
      </p>
      <p>
        A trial only needs each month’s total cost, so it skips latency entirely. For an outage state and the 429 and
        concurrency rejection shares of that state, what the cost needs (successes, timeouts and billed output tokens
        per model, and the share of requests that fail everywhere) is a linear function of how the output length splits
        between the timeout thresholds:
      </p>
      <Formula
        name="Cost-only month"
        words="Per state and arrival rate, coefficients a and b are computed once; a trial combines them with its own length split and the share of the month it spent in each outage state."
      >
        E<sub>S</sub>[·] = Σ<sub>I</sub> (a<sub>S,I</sub>(λ) · p<sub>I</sub> + b<sub>S,I</sub>(λ) · PE<sub>I</sub>),   month = Σ<sub>S</sub> f<sub>S</sub> · E<sub>S</sub>[·]
      </Formula>
      <p>
        Here p<sub>I</sub> and PE<sub>I</sub> are the probability and partial expectation of the output length in
        interval I under the trial’s drift, f<sub>S</sub> the realised fraction of the month in outage state S, and λ
        the arrivals per minute at the month’s volume. The coefficients come from the retry fixed point (§6.5) at arrival
        rates spaced 1⁄32 apart in ln λ, computed the first time a trial needs them, and are interpolated between the
        four nearest rates. Costs, SLA credits on realised availability, downtime and provisioned overflow are then
        computed exactly as in the deterministic engine.
      </p>
      <p>
        Two approximations remain, both far below the sampling noise: the interpolation in λ (about 4 × 10⁻⁷ of a
        month’s cost in the tests), and the rejection shares taken at the expected token lengths rather than the
        trial’s drifted ones (about 3 × 10⁻⁵ of a month’s cost on average). Tests compare the results with the former
        exact per-trial calculation: means within 3 standard errors, and the 5th, 50th and 95th percentiles within the
        Dvoretzky–Kiefer–Wolfowitz bound at α = 10⁻⁶.
      </p>
      <Sources
        items={[
          'C. Doty-Humphrey, sfc32 (PractRand); C. Wellons, “Prospecting for hash functions” (lowbias32), 2018.',
          'G. Marsaglia, W. W. Tsang, “The Ziggurat Method for Generating Random Variables”, Journal of Statistical Software 5(8), 2000; J. A. Doornik, “An Improved Ziggurat Method to Generate Normal Random Samples”, 2005.',
          'P. Massart, “The tight constant in the Dvoretzky–Kiefer–Wolfowitz inequality”, Annals of Probability 18(3), 1990.',
        ]}
      />
    </Section>
  );
}
