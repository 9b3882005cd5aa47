/** Values of the Erlang B recursion below this are 0 for every later k (they only shrink once k > A). */
const NEGLIGIBLE_LOSS = 1e-300;

/** Erlang B loss probability for c servers at offered load a (Erlangs); recurrence B_k = a·B_{k-1}/(k + a·B_{k-1}).
 *  MODEL.md §6.3. */
export function erlangB(servers: number, offeredLoad: number): number {
  if (servers === Infinity || !(offeredLoad > 0)) return 0;
  if (offeredLoad === Infinity) return 1;
  let loss = 1;
  for (let k = 1; k <= servers; k++) {
    loss = (offeredLoad * loss) / (k + offeredLoad * loss);
    if (loss < NEGLIGIBLE_LOSS && k > offeredLoad) return 0;
  }
  return loss;
}

/** Erlang C probability of waiting, c·B/(c - A(1-B)) (1 when A ≥ c: the queue grows without bound). MODEL.md §6.3. */
export function erlangC(servers: number, offeredLoad: number): number {
  if (offeredLoad >= servers) return 1;
  const loss = erlangB(servers, offeredLoad);
  return (servers * loss) / (servers - offeredLoad * (1 - loss));
}

/** M/M/c mean wait W_q = C/(c/S̄ - λ), in ms, for λ arrivals/s and mean holding time S̄ s (MODEL.md §6.3). */
export function erlangCMeanWaitMs(servers: number, arrivalsPerSec: number, meanHoldSec: number): number {
  const load = arrivalsPerSec * meanHoldSec;
  if (load >= servers) return Infinity;
  return (1000 * erlangC(servers, load)) / (servers / meanHoldSec - arrivalsPerSec);
}

/** Offered load A = λ·S̄ in Erlangs (Little's law, MODEL.md §6.3-§6.4); λ per minute, S̄ in ms. */
export function offeredLoadErlangs(arrivalsPerMinute: number, meanHoldMs: number): number {
  return (arrivalsPerMinute / 60) * (meanHoldMs / 1000);
}
