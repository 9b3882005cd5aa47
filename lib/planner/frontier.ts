import type { CandidateFigures } from './types';

/**
 * The Pareto frontier of the planner (issue 11): feasible candidates over (tco lower, availability higher, p95 lower),
 * p95 null (no successful request) counting as +∞. Availability is compared by its exact closed form computed in
 * provider-id order (`availabilityKey`), so that chains over the same providers tie exactly instead of differing in
 * the last bit of the engine's state sum (docs/decisions/009).
 */
export interface RankedCandidate {
  figures: CandidateFigures;
  /** Canonical availability used for comparisons. */
  availabilityKey: number;
}

/** TCO compared to the cent (as it is shown and exported). */
export function tcoKey(tco: number): number {
  return Math.round(tco * 100);
}

/** p95 compared to the microsecond; null (no success) is +∞. */
export function p95Key(p95Ms: number | null): number {
  return p95Ms === null || p95Ms === Infinity ? Infinity : Math.round(p95Ms * 1000);
}

export function chainIdKey(models: readonly string[]): string {
  return models.join('\u0000');
}

/** b is no worse than a on every criterion (keys). */
export function weaklyDominates(b: RankedCandidate, a: RankedCandidate): boolean {
  return (
    tcoKey(b.figures.tco) <= tcoKey(a.figures.tco) &&
    b.availabilityKey >= a.availabilityKey &&
    p95Key(b.figures.p95Ms) <= p95Key(a.figures.p95Ms)
  );
}

/** Frontier order: tco ascending, then availability descending, p95 ascending, then the chain's ids. */
export function compareRanked(a: RankedCandidate, b: RankedCandidate): number {
  const at = tcoKey(a.figures.tco);
  const bt = tcoKey(b.figures.tco);
  if (at !== bt) return at - bt;
  if (a.availabilityKey !== b.availabilityKey) return b.availabilityKey - a.availabilityKey;
  const ap = p95Key(a.figures.p95Ms);
  const bp = p95Key(b.figures.p95Ms);
  if (ap !== bp) return ap < bp ? -1 : 1;
  const ak = chainIdKey(a.figures.models);
  const bk = chainIdKey(b.figures.models);
  return ak < bk ? -1 : ak > bk ? 1 : 0;
}

/**
 * The frontier in frontier order: a candidate is kept unless one before it in that order is no worse on every
 * criterion (so candidates with identical figures appear once, under the first chain id). Weak dominance implies
 * coming first in the order, so one pass against the kept set suffices.
 */
export function paretoFrontier(candidates: readonly RankedCandidate[]): RankedCandidate[] {
  const sorted = [...candidates].sort(compareRanked);
  const kept: RankedCandidate[] = [];
  for (const candidate of sorted) {
    if (!kept.some((k) => weaklyDominates(k, candidate))) kept.push(candidate);
  }
  return kept;
}
