import { ExternalLink, Formula, Section, Sources, Where } from './primitives';

export function AvailabilitySection() {
  return (
    <Section id="availability" title="Availability and downtime" modelRef="§4">
      <p>
        Each provider p is up a fraction a<sub>p</sub> of the time (its availability). A chain is down only when every
        provider it uses is down at once. Outages are partly correlated: a shared cause (a cloud region, a common
        upstream) takes every provider down together with probability c, and the rest of each provider’s downtime is
        independent. This keeps each provider’s own availability exactly as entered.
      </p>
      <Formula name="Common shock" words="The shared-cause unavailability is the correlation ρ times the smallest provider unavailability; each provider’s residual, independent unavailability is what remains.">
        u<sub>p</sub> = 1 − a<sub>p</sub>;   c = ρ · min<sub>p</sub> u<sub>p</sub>;   u′<sub>p</sub> = 1 − (1 − u<sub>p</sub>) ⁄ (1 − c)
      </Formula>
      <Formula name="Outage states" words="The probability that exactly the set S of providers is down.">
        π<sub>S</sub> = (1 − c) · ∏<sub>p∈S</sub> u′<sub>p</sub> · ∏<sub>p∉S</sub> (1 − u′<sub>p</sub>) + c · 1{'{'}S = all{'}'}
      </Formula>
      <Formula name="Chain availability" words="One minus the probability that all of the chain’s providers are down; the scenario’s availability weights the chains by their traffic share.">
        A<sub>c</sub> = 1 − Σ<sub>S ⊇ providers(c)</sub> π<sub>S</sub>;   A = Σ<sub>c</sub> w<sub>c</sub> · A<sub>c</sub>
      </Formula>
      <Formula name="Downtime" words="Expected minutes per month with the chain down (a month is 365.25/12 days = 43,830 minutes), and its cost.">
        downtime = (1 − A) × 43,830 min;   downtime cost = downtime × cost per minute
      </Formula>
      <Formula name="Nines" words="How many leading nines the availability has: 99.9 % is three nines, 99.95 % is 3.3.">
        nines = −log<sub>10</sub>(1 − A)
      </Formula>
      <Where
        items={[
          ['rho', 'ρ', 'outage correlation, 0 (independent) to 1 (a chain is no better than its best provider)'],
          ['w', <>w<sub>c</sub></>, 'traffic share of chain c'],
        ]}
      />
      <p>
        With independent outages two providers at 99.9 % and 99.5 % give 1 − 0.001 × 0.005 = 99.9995 % (13 seconds a
        month); at ρ = 0.5 it is 99.95 % (22 minutes); at ρ = 1 it is 99.9 %, the better provider alone. Correlation,
        not the number of providers, sets the ceiling.
      </p>
      <Sources
        items={[
          <>
            Treynor, Dahlin, Rau, Beyer, “The Calculus of Service Availability”, ACM Queue 15(2), 2017 (
            <ExternalLink href="https://queue.acm.org/detail.cfm?id=3096459">queue.acm.org</ExternalLink>): series
            dependencies multiply, independent parallel replicas give 1 − ∏u, correlation breaks that.
          </>,
          'Common-shock (beta-factor) model of common-cause failures, as used in reliability engineering.',
        ]}
      />
    </Section>
  );
}

export function RequestModelSection() {
  return (
    <Section id="request-model" title="What happens to one request" modelRef="§3.2, §5">
      <p>
        Token lengths are lognormal, fitted exactly to the median and 95th percentile you enter, and cut at max_tokens.
        A request’s output length X is the same on every attempt and every model it tries.
      </p>
      <Formula name="Lognormal from median and p95" words="The log of the length is normal with mean ln(median) and a spread that puts the p95 where you said; a cap K truncates it.">
        μ = ln(median);   σ = ln(p95 ⁄ median) ⁄ 1.6449;   X = min(Y, K), Y ~ LogNormal(μ, σ)
      </Formula>
      <Formula name="Mean length" words="Without a cap the mean is the median times e^(σ²/2); with a cap it is computed from the truncated distribution (partial expectations).">
        E[X] = median · e<sup>σ²⁄2</sup>  (uncapped)
      </Formula>
      <p>
        Each attempt at model j ends one of four ways. If the provider is in an outage it fails after the outage
        detection time. Otherwise it is rejected with 429 with probability r<sub>j</sub> (rate limits and concurrency
        caps, below), fails with a transient 5xx with probability e<sub>j</sub>, times out if the answer would take
        longer than the timeout T, or succeeds.
      </p>
      <Formula name="Timeout threshold" words="An attempt times out when the output is longer than what the model can stream before the timeout; a timed-out attempt is billed its input and the x* tokens it generated.">
        x*<sub>j</sub> = max(0, tps<sub>j</sub> · (T − TTFT<sub>j</sub>) ⁄ 1000);   timeout ⇔ X &gt; x*<sub>j</sub>
      </Formula>
      <Formula name="Retries and backoff" words="Before the k-th retry the client waits v_k = min(cap, base · multiplier^(k−1)); jitter changes the mean wait.">
        none: v<sub>k</sub>;   full: v<sub>k</sub>⁄2;   equal: 0.75 · v<sub>k</sub>;   decorrelated: d<sub>k</sub> = min(cap, (base + 3d<sub>k−1</sub>)⁄2), d<sub>0</sub> = base
      </Formula>
      <p>
        A failure type listed under “fail over on” moves to the next model at once; other types are retried until the
        model’s attempts (1 + retries) run out, then fail over. The engine enumerates every path exactly: for each outage
        state, each range of X between timeout thresholds and each chain, it carries the probability of still being
        in flight and the time already spent, attempt by attempt. The result is a list of success “atoms”: (probability,
        time spent before the successful attempt, model that answered, range of X). Costs, counts and latencies are
        expectations over these atoms, not samples.
      </p>
      <Formula name="Success at one attempt" words="Not rejected, no transient error, and the output fits before the timeout.">
        P(success) = (1 − r<sub>j</sub>) · (1 − e<sub>j</sub>) · 1{'{'}X ≤ x*<sub>j</sub>{'}'}
      </Formula>
      <Sources
        items={[
          <>
            Output lengths: Azure LLM inference trace 2023 (Splitwise, ISCA 2024), conversation p50 129, p95 451 tokens;
            LMSYS-Chat-1M (ICLR 2024). The lognormal from (p50, p95) underestimates the mean by 7–18 % on these traces.
          </>,
          <>
            Backoff: M. Brooker, “Exponential Backoff And Jitter”, AWS Architecture Blog, 2015 (
            <ExternalLink href="https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/">aws.amazon.com</ExternalLink>
            ); Amazon Builders’ Library, “Timeouts, retries and backoff with jitter”.
          </>,
        ]}
      />
    </Section>
  );
}

export function RateLimitsSection() {
  return (
    <Section id="rate-limits" title="Traffic and rate limits (429)" modelRef="§6.1, §6.2, §6.5">
      <p>
        Traffic grows by g % a month and follows a two-level day: H peak hours at P times the daily average, and a lower
        base level the rest of the day. Batch requests go to the batch API and are not rate-limited here.
      </p>
      <Formula name="Arrival rate" words="Realtime requests per minute in month m, in the peak or base period.">
        R<sub>m</sub> = R<sub>0</sub> · (1 + g⁄100)<sup>m</sup>;   λ<sub>peak</sub> = R<sub>m</sub> · (1 − b) · P ⁄ 1440;   base level = (24 − P·H) ⁄ (24 − H)
      </Formula>
      <Formula name="Effective limit" words="Requests per minute and tokens per minute both apply; whichever binds first wins.">
        L<sub>j</sub> = min(RPM<sub>j</sub>, ⌊TPM<sub>j</sub> ⁄ (E[in] + E[out])⌋)
      </Formula>
      <Formula name="Rejected share" words="Over each limit window the number of arrivals N is Poisson (or negative binomial when traffic is bursty, variance D times the mean); every arrival above the limit is rejected.">
        r<sub>j</sub> = E[(N − L<sub>w</sub>)<sup>+</sup>] ⁄ E[N],   N ~ Poisson(λ<sub>w</sub>) or NegBin(mean λ<sub>w</sub>, variance D·λ<sub>w</sub>)
      </Formula>
      <Where
        items={[
          ['window', <>λ<sub>w</sub>, L<sub>w</sub></>, 'mean arrivals and limit over the window of w seconds: λ·w/60 and ⌊L·w/60⌋'],
          ['D', 'D', 'arrival dispersion (1 = Poisson; the Azure conversation trace is about 20 per minute)'],
        ]}
      />
      <p>
        Retries add load to the same limits, which raises the rejection rate, which adds retries. The engine solves
        this loop as a fixed point (50 rounds) separately for each outage state, so when the primary is down its whole
        load lands on the fallback, and a fallback sized for normal traffic is seen to saturate. The 429 share shown is
        429 responses ÷ all attempts.
      </p>
      <Sources
        items={[
          'OpenAI, Azure OpenAI and Anthropic rate-limit documentation, as summarised by Microsoft Dev Proxy “LLM rate limits”: RPM and TPM both apply, Azure checks over 1 s or 10 s windows, Anthropic refills continuously.',
          'L. Abraham, “Poisson rate limiting”: rejected = E[(N − L)⁺] for per-window counts.',
        ]}
      />
    </Section>
  );
}

export function ConcurrencySection() {
  return (
    <Section id="concurrency" title="Concurrency" modelRef="§6.3, §6.4">
      <Formula name="Little’s law" words="Requests in flight = arrival rate × time each one is held. Held time counts every attempt that occupies the provider (successes, errors, outage detection, timeouts), not 429s.">
        in flight = λ<sub>peak</sub> × busy<sub>j</sub> ⁄ 60,000   (busy in ms per request)
      </Formula>
      <Formula name="Concurrency cap (Erlang B)" words="A provider that rejects requests beyond c in flight loses this share; the formula holds whatever the distribution of holding times.">
        B<sub>0</sub> = 1,   B<sub>k</sub> = A · B<sub>k−1</sub> ⁄ (k + A · B<sub>k−1</sub>),   r<sub>conc</sub> = B<sub>c</sub>,   A = λ · S̄ ⁄ 60,000 Erlangs
      </Formula>
      <p>
        Rate-limit and concurrency rejections combine as 1 − (1 − r<sub>rate</sub>)(1 − r<sub>conc</sub>). Example: 12.15
        Erlangs offered to a cap of 16 lose 6.4 % of attempts.
      </p>
      <Sources items={['Little’s law L = λW; A. K. Erlang’s loss formula (Erlang B), insensitive to the service-time distribution.']} />
    </Section>
  );
}
