import type { Scenario } from '@/lib/scenario/schema';

/**
 * Which draft a draft was edited from, so an invalid draft can show the results of its last valid ancestor (marked
 * stale) instead of a blank panel. Only the store's edit and duplicate actions record a derivation: a replaced working
 * set (a link, an import) starts without history. Keyed by object identity in a weak map, so dropped drafts are collected.
 */
const parents = new WeakMap<Scenario, Scenario>();

export function parentOf(scenario: Scenario): Scenario | undefined {
  return parents.get(scenario);
}

/** Path compression: once the last valid ancestor is known, link straight to it so chains of bad drafts stay short. */
export function linkToAncestor(scenario: Scenario, ancestor: Scenario): void {
  if (scenario !== ancestor) parents.set(scenario, ancestor);
}

/** Called by the store's edit and duplicate actions: `derived` was made from `source`. */
export function recordDerivation(source: Scenario, derived: Scenario): void {
  if (source !== derived && !parents.has(derived)) parents.set(derived, source);
}

/** A valid draft needs no ancestor: forgetting its parent keeps the history from growing with every edit. */
export function forgetAncestors(scenario: Scenario): void {
  parents.delete(scenario);
}
