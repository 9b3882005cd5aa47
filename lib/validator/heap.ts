/** A binary min-heap of (time, id) pairs: the event list of the discrete-event simulation. */
export class EventHeap {
  private times: number[] = [];
  private ids: number[] = [];

  get size(): number {
    return this.times.length;
  }

  peekTime(): number {
    return this.times.length > 0 ? this.times[0]! : Infinity;
  }

  push(time: number, id: number): void {
    const times = this.times;
    const ids = this.ids;
    let i = times.length;
    times.push(time);
    ids.push(id);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent]! <= time) break;
      times[i] = times[parent]!;
      ids[i] = ids[parent]!;
      i = parent;
    }
    times[i] = time;
    ids[i] = id;
  }

  /** Removes the earliest event and returns its id (call only when size > 0). */
  pop(): number {
    const times = this.times;
    const ids = this.ids;
    const top = ids[0]!;
    const lastTime = times.pop()!;
    const lastId = ids.pop()!;
    const n = times.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && times[right]! < times[left]! ? right : left;
        if (times[child]! >= lastTime) break;
        times[i] = times[child]!;
        ids[i] = ids[child]!;
        i = child;
      }
      times[i] = lastTime;
      ids[i] = lastId;
    }
    return top;
  }
}

/** Min-heap of end times: the in-flight attempts of one model (concurrency cap). */
export class EndTimes {
  private readonly heap = new EventHeap();

  get inFlight(): number {
    return this.heap.size;
  }

  add(end: number): void {
    this.heap.push(end, 0);
  }

  /** Drops every attempt that ended at or before t. */
  releaseUntil(t: number): void {
    while (this.heap.size > 0 && this.heap.peekTime() <= t) this.heap.pop();
  }
}
