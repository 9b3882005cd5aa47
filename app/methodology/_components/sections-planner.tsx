import { Formula, Section } from './primitives';

/** The planner (issue 11, docs/decisions/009): how /plan and `npm run plan` search, and where they stop. */
export function PlannerSection() {
  return (
    <Section id="planner" title="Planner: cheapest chain, frontier, sensitivity, break-even" modelRef="§4, §5, §8 (ADR 009)">
      <p>
        The planner tries every ordered chain of distinct models (one chain carrying all the traffic; everything else in
        the scenario unchanged) and keeps the one with the lowest six-month total cost of ownership that meets your
        availability, p95 latency and 429 targets. Over the 50-model catalog and chains of up to three models that is
        120,100 chains. It finds the same answer as trying them all, but simulates only the chains it cannot rule out.
      </p>
      <Formula
        name="Availability of a chain (exact, no simulation)"
        words="It depends only on the chain's providers, so a chain below the availability target is skipped at once."
      >
        A = 1 − [(1 − c)·∏ u′ₚ + c],  c = ρ·min uₚ
      </Formula>
      <Formula
        name="Lower bound on a chain's cost"
        words="The first model behaves exactly as if it were alone (the rest of the chain only sees what it lets through), and a later model receives every request while all the providers before it are down. Fixed lines (engineering, provisioned prices, platform fee, downtime) are exact."
      >
        TCO ≥ γ₁·(spend₁ + batch₁) + Σₖ γₖ·P(providers before k down, k up)·spendₖ/(1 − uₖ) + fixed + RT·(1 − A)·failed-request cost
      </Formula>
      <Formula
        name="Lower bound on the p95"
        words="Successful requests are a mixture of those served by the first model(s) and those served after a failover; a mixture's 95th percentile is at least the smallest of its parts' 95th percentiles, and at least the first part's percentile at a level lowered by the failover share. A request reaches a later model only after every stage before it failed: each stage takes at least a failover-triggering failure's delay, or all its attempts' least delays and backoffs."
      >
        q₀.₉₅(mixture) ≥ max( minᵢ q₀.₉₅(partᵢ), q_(0.95 − 0.05·Q/P₀)(first part) )
      </Formula>
      <Formula
        name="Is the p95 at least τ? (mixture test)"
        words="With the simulated prefix (mass S₀, p95 q), at most F₀ (its failed requests) more successes, whose share below τ is at most B(τ) from their least overhead, TTFT and output length, and W₀ first-attempt successes of the first model with a known share D in (τ, q): the chain's p95 is at least τ when the extra mass cannot pull the 95th percentile below τ."
      >
        τ ≤ q  and  W₀·D(τ, q) &gt; F₀·(B(τ) − 0.95)
      </Formula>
      <p>
        Chains are taken cheapest bound first (to the cent, shorter chains first on a tie). A chain is skipped when a
        chain already simulated is at least as cheap as its cost bound, at least as available, and provably at least as
        fast, and better on one of the three: it can then be neither the cheapest nor on the frontier. The frontier
        compares costs to the cent and p95 to the microsecond. The pruned search and the exhaustive one are compared on
        random small catalogs in the tests, with both latency measures, spread-out TTFTs and prefill speeds. In the
        browser the chains are split between workers by their second model, and each worker passes the feasible chains
        it simulates to the others, which use them to skip chains too.
      </p>
      <p>
        <strong className="font-semibold text-slate-900 dark:text-white">Sensitivity</strong> moves one input at a time
        by ±20 % (fractions stay within 0–1) and ranks inputs by how far the total moves.{' '}
        <strong className="font-semibold text-slate-900 dark:text-white">Break-even</strong> finds each value where two
        setups cost the same by bisection on the difference of their totals, on a grid refined where the difference bends.
      </p>
      <p>
        Limits: one chain per candidate (no traffic splits between chains); with full-response targets the p95 of a chain
        depends on every model in it, so more chains stay on the frontier and more are simulated (hundreds to about
        1,600 of 120,100 on the presets, against about 100 for first-token targets); spread-out TTFTs loosen the bounds
        of the chains that start with such a model; two crossings closer than the refined grid can be missed.
      </p>
    </Section>
  );
}
