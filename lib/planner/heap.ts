/** A binary min-heap of (key, id) pairs; ties pop in increasing id so the search order is deterministic. */
export class MinHeap {
  private keys: number[] = [];
  private ids: number[] = [];

  get size(): number {
    return this.ids.length;
  }

  push(key: number, id: number): void {
    this.keys.push(key);
    this.ids.push(id);
    let i = this.ids.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  peekKey(): number {
    return this.keys[0] ?? Infinity;
  }

  /** The id with the least key (undefined when empty). */
  pop(): { key: number; id: number } | undefined {
    if (this.ids.length === 0) return undefined;
    const top = { key: this.keys[0]!, id: this.ids[0]! };
    const lastKey = this.keys.pop()!;
    const lastId = this.ids.pop()!;
    if (this.ids.length > 0) {
      this.keys[0] = lastKey;
      this.ids[0] = lastId;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < this.ids.length && this.less(left, least)) least = left;
        if (right < this.ids.length && this.less(right, least)) least = right;
        if (least === i) break;
        this.swap(i, least);
        i = least;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    return this.keys[a]! < this.keys[b]! || (this.keys[a] === this.keys[b] && this.ids[a]! < this.ids[b]!);
  }

  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
    [this.ids[a], this.ids[b]] = [this.ids[b]!, this.ids[a]!];
  }
}

/**
 * Points (availability, p95) of evaluated feasible candidates kept as a staircase: sorted by availability descending,
 * p95 strictly descending. `covers(x, y)` says whether some point has availability ≥ x and p95 ≤ y.
 */
export class Staircase {
  private availability: number[] = [];
  private p95: number[] = [];

  get size(): number {
    return this.p95.length;
  }

  /** Least p95 among the points with availability > x (strict) or ≥ x; undefined when there is none. */
  leastP95(minAvailability: number, strict: boolean): number | undefined {
    const count = this.countAtLeast(minAvailability, strict);
    return count > 0 ? this.p95[count - 1] : undefined;
  }

  /** Number of leading points with availability > x (strict) or ≥ x. */
  private countAtLeast(x: number, strict: boolean): number {
    let lo = 0;
    let hi = this.availability.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const a = this.availability[mid]!;
      if (strict ? a > x : a >= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  covers(minAvailability: number, maxP95: number): boolean {
    // Last index with availability ≥ minAvailability: the least p95 among those points.
    let lo = 0;
    let hi = this.availability.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.availability[mid]! >= minAvailability) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.p95[lo - 1]! <= maxP95;
  }

  insert(availability: number, p95: number): void {
    if (this.covers(availability, p95)) return;
    const kept: [number, number][] = [];
    let inserted = false;
    for (let i = 0; i < this.availability.length; i++) {
      const a = this.availability[i]!;
      const p = this.p95[i]!;
      if (a <= availability && p >= p95) continue;
      if (!inserted && a < availability) {
        kept.push([availability, p95]);
        inserted = true;
      }
      kept.push([a, p]);
    }
    if (!inserted) kept.push([availability, p95]);
    this.availability = kept.map((k) => k[0]);
    this.p95 = kept.map((k) => k[1]);
  }
}
