/** Every ordered chain of distinct models of length 1..maxChain over n models (issue 11: the candidates). */

/** Above this many candidates the search refuses to start (narrow --models or --max-chain). */
export const MAX_CANDIDATES = 2_000_000;

/** Σ_{k=1..K} n!/(n-k)!: ordered chains of k distinct models out of n. */
export function candidateCount(n: number, maxChain: number): number {
  let total = 0;
  let permutations = 1;
  for (let k = 1; k <= Math.min(maxChain, n); k++) {
    permutations *= n - k + 1;
    total += permutations;
  }
  return total;
}

/** Candidates as flat index lists: singles first (id = model index), then length 2 in lexicographic order, and so on. */
export interface CandidateTable {
  count: number;
  maxChain: number;
  /** models of candidate id at [id·maxChain, id·maxChain + length). */
  models: Uint16Array;
  lengths: Uint8Array;
}

export function enumerateCandidates(n: number, maxChain: number): CandidateTable {
  const count = candidateCount(n, maxChain);
  const models = new Uint16Array(count * maxChain);
  const lengths = new Uint8Array(count);
  let id = 0;
  const chain: number[] = [];
  const used = new Uint8Array(n);
  const visit = (length: number) => {
    if (chain.length === length) {
      for (let k = 0; k < length; k++) models[id * maxChain + k] = chain[k]!;
      lengths[id] = length;
      id++;
      return;
    }
    for (let i = 0; i < n; i++) {
      if (used[i]) continue;
      used[i] = 1;
      chain.push(i);
      visit(length);
      chain.pop();
      used[i] = 0;
    }
  };
  for (let length = 1; length <= Math.min(maxChain, n); length++) visit(length);
  return { count, maxChain, models, lengths };
}

export function chainOf(table: CandidateTable, id: number): Uint16Array {
  return table.models.subarray(id * table.maxChain, id * table.maxChain + table.lengths[id]!);
}

/** A number that identifies a chain (base n+1 digits); prefixes of evaluated chains are looked up by it. */
export function chainKey(chain: ArrayLike<number>, length: number, n: number): number {
  let key = 0;
  for (let k = 0; k < length; k++) key = key * (n + 1) + chain[k]! + 1;
  return key;
}
