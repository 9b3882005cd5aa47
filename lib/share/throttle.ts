/**
 * Trailing throttle for the URL and autosave writes: the first value is written at once, later ones at most every
 * `intervalMs`, and the last value always lands. Browsers rate-limit the History API (Safari: 100 calls per 30 s,
 * Chromium: 200 per 10 s), so the URL writer uses an interval of at least 300 ms.
 */

export interface Clock {
  now: () => number;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export interface Throttled<T> {
  push: (value: T) => void;
  /** Write a pending value now (page hide, unmount). */
  flush: () => void;
  cancel: () => void;
}

export function createThrottle<T>(write: (value: T) => void, intervalMs: number, clock: Clock = systemClock): Throttled<T> {
  let lastWriteAt = Number.NEGATIVE_INFINITY;
  let pending: { value: T } | null = null;
  let timer: unknown = null;

  const run = () => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    lastWriteAt = clock.now();
    write(value);
  };

  return {
    push(value) {
      pending = { value };
      if (timer !== null) return;
      const wait = lastWriteAt + intervalMs - clock.now();
      if (wait <= 0) run();
      else timer = clock.setTimeout(run, wait);
    },
    flush() {
      if (timer !== null) clock.clearTimeout(timer);
      run();
    },
    cancel() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}

/** Interval between History API writes (≥ 300 ms, see above). */
export const URL_WRITE_INTERVAL_MS = 400;
