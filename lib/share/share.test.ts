import { describe, expect, it } from 'vitest';
import { presetScenario } from '@/lib/scenario/presets';
import { encodeWorkingSet } from '@/lib/scenario/url-codec';
import { encodeAutosaveRecord, type AutosaveRecord } from '@/lib/store/autosave-record';
import { AUTOSAVE_KEY, readAutosave, type AutosaveStorage } from './autosave';
import { chooseInitialWorkingSet } from './initial-working-set';
import { createThrottle, type Clock } from './throttle';

function memoryStorage(initial: Record<string, string> = {}): AutosaveStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

const saved = { scenarios: [presetScenario('support-chatbot'), presetScenario('cost-sensitive')], active: 1 };
const linked = { scenarios: [presetScenario('code-generation')], active: 0 };

function recordOf(valid: typeof saved, extra: Partial<AutosaveRecord> = {}): string {
  return encodeAutosaveRecord({ format: 2, valid, fragment: encodeWorkingSet(valid), editedAt: 1, tabId: 't', revision: 1, ...extra });
}

describe('autosave', () => {
  it('reads back a saved record, and the older format (a bare working set)', () => {
    expect(readAutosave(memoryStorage({ [AUTOSAVE_KEY]: recordOf(saved) }))).toMatchObject({ ok: true, value: saved, record: { revision: 1, tabId: 't' } });
    expect(readAutosave(memoryStorage({ [AUTOSAVE_KEY]: JSON.stringify(saved) }))).toMatchObject({ ok: true, value: saved, record: { fragment: null, revision: 0 } });
  });

  it('reports empty, blocked and damaged storage without throwing', () => {
    expect(readAutosave(memoryStorage())).toMatchObject({ ok: false, reason: 'empty' });
    expect(readAutosave(null)).toMatchObject({ ok: false, reason: 'unavailable' });
    const blocked: AutosaveStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(readAutosave(blocked)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(readAutosave(memoryStorage({ [AUTOSAVE_KEY]: '{"scen' }))).toMatchObject({ ok: false, reason: 'unreadable' });
    const invalid = JSON.stringify({ scenarios: [{ ...presetScenario('support-chatbot'), horizonMonths: 0 }], active: 0 });
    expect(readAutosave(memoryStorage({ [AUTOSAVE_KEY]: invalid }))).toMatchObject({ ok: false, reason: 'unreadable', message: expect.stringMatching(/scenarios\[0\]\.horizonMonths/) });
  });
});

describe('chooseInitialWorkingSet', () => {
  const href = (hash: string) => `https://routecost.example/${hash}`;
  const autosaved = readAutosave(memoryStorage({ [AUTOSAVE_KEY]: recordOf(saved) }));
  const nothingSaved = readAutosave(memoryStorage());
  const badDraft = { scenarios: [{ ...presetScenario('support-chatbot'), workload: { ...presetScenario('support-chatbot').workload, requestsPerDay: -5 } }], active: 0 };
  const withDraft = readAutosave(memoryStorage({ [AUTOSAVE_KEY]: recordOf(saved, { draft: badDraft }) }));

  it('lets an explicit link win over the autosave', () => {
    const hash = `#${encodeWorkingSet(linked)}`;
    expect(chooseInitialWorkingSet({ href: href(hash), hash, autosave: autosaved })).toEqual({ source: 'link', workingSet: linked });
    expect(chooseInitialWorkingSet({ href: href(hash), hash, autosave: withDraft })).toEqual({ source: 'link', workingSet: linked });
  });

  it('uses the autosave without a link, else the default', () => {
    expect(chooseInitialWorkingSet({ href: href(''), hash: '', autosave: autosaved })).toEqual({ source: 'autosave', workingSet: saved, lastValid: saved });
    expect(chooseInitialWorkingSet({ href: href('#methodology'), hash: '#methodology', autosave: nothingSaved })).toEqual({ source: 'default' });
  });

  it('brings back an invalid draft on reload (the address holds the last valid link of the autosave) and without a link', () => {
    const hash = `#${encodeWorkingSet(saved)}`;
    expect(chooseInitialWorkingSet({ href: href(hash), hash, autosave: withDraft })).toEqual({ source: 'autosave', workingSet: badDraft, lastValid: saved });
    expect(chooseInitialWorkingSet({ href: href(''), hash: '', autosave: withDraft })).toEqual({ source: 'autosave', workingSet: badDraft, lastValid: saved });
  });

  it('falls back to the autosave on a bad link and keeps the raw link', () => {
    const hash = `#${encodeWorkingSet(linked).slice(0, -20)}`;
    const choice = chooseInitialWorkingSet({ href: href(hash), hash, autosave: autosaved });
    expect(choice).toMatchObject({ source: 'autosave', workingSet: saved, linkError: { kind: 'corrupt' }, rawLink: href(hash) });
    expect(chooseInitialWorkingSet({ href: href('#s=9.d.AAAA'), hash: '#s=9.d.AAAA', autosave: nothingSaved })).toMatchObject({
      source: 'default',
      linkError: { kind: 'newer-version' },
      rawLink: href('#s=9.d.AAAA'),
    });
  });
});

/** A clock the test advances by hand. */
function manualClock(): Clock & { advance: (ms: number) => void } {
  let now = 0;
  let timers: { at: number; callback: () => void; id: number }[] = [];
  let nextId = 1;
  return {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, callback, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      due.forEach((t) => t.callback());
    },
  };
}

describe('createThrottle', () => {
  it('writes the first value at once, then at most once per interval, always ending with the last value', () => {
    const clock = manualClock();
    const writes: number[] = [];
    const throttle = createThrottle((v: number) => writes.push(v), 400, clock);
    throttle.push(1);
    expect(writes).toEqual([1]);
    for (let v = 2; v <= 10; v++) {
      clock.advance(50);
      throttle.push(v);
    }
    // 450 ms after the first write: one trailing write at 400 ms with the value pending then (8), none before.
    expect(writes).toEqual([1, 8]);
    clock.advance(1000);
    expect(writes).toEqual([1, 8, 10]);
  });

  it('never writes more than 100 times in 30 s under constant typing (Safari History API limit)', () => {
    const clock = manualClock();
    let count = 0;
    const throttle = createThrottle(() => (count += 1), 400, clock);
    for (let t = 0; t < 30_000; t += 16) {
      throttle.push(t);
      clock.advance(16);
    }
    expect(count).toBeLessThanOrEqual(100);
    expect(count).toBeGreaterThanOrEqual(70);
  });

  it('flushes a pending value now and cancels without writing', () => {
    const clock = manualClock();
    const writes: string[] = [];
    const throttle = createThrottle((v: string) => writes.push(v), 400, clock);
    throttle.push('a');
    throttle.push('b');
    throttle.flush();
    expect(writes).toEqual(['a', 'b']);
    throttle.push('c');
    throttle.cancel();
    clock.advance(1000);
    expect(writes).toEqual(['a', 'b']);
  });
});
