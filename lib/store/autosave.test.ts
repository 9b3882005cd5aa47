import { describe, expect, it } from 'vitest';
import { presetScenario } from '@/lib/scenario/presets';
import type { Scenario } from '@/lib/scenario/schema';
import { encodeWorkingSet } from '@/lib/scenario/url-codec';
import { hasScenarioShape, restorableDraft } from './autosave-draft';
import { displayedEvaluation } from './displayed';
import { useScenarioStore } from './scenario-store';
import { AUTOSAVE_KEY, decodeAutosaveRecord, encodeAutosaveRecord, type AutosaveRecord } from './autosave-record';
import { createAutosaveSession, FIRST_RETRY_MS, isQuotaError, type AutosaveContent, type AutosaveStatus, type AutosaveStorageLike } from './autosave-session';
import './scenario-validator'; // the store's zod validator (lib/store/evaluate.ts)

const base = presetScenario('support-chatbot');
const valid = { scenarios: [base], active: 0 };
const withRequests = (requestsPerDay: number): Scenario => ({ ...base, workload: { ...base.workload, requestsPerDay } });
const negativeDraft = { scenarios: [withRequests(-5)], active: 0 };

describe('restorableDraft', () => {
  it('restores drafts whose values break the rules but whose shape is right', () => {
    expect(restorableDraft(negativeDraft)).toEqual(negativeDraft);
    const weights: Scenario = { ...base, routing: { ...base.routing, chains: base.routing.chains.map((c) => ({ ...c, weight: 0.3 })) } };
    expect(hasScenarioShape(weights)).toBe(true);
    expect(hasScenarioShape({ ...base, horizonMonths: 2.5 })).toBe(true); // not an integer: a value problem
    expect(hasScenarioShape({ ...base, models: { 'bad id!': { inputPer1M: -1 } } })).toBe(true);
  });

  it('refuses anything this editor could not have produced', () => {
    expect(restorableDraft(null)).toBeNull();
    expect(restorableDraft([negativeDraft])).toBeNull();
    expect(restorableDraft({ scenarios: [], active: 0 })).toBeNull();
    expect(restorableDraft({ scenarios: [base, base, base, base, base], active: 0 })).toBeNull();
    expect(restorableDraft({ scenarios: [base], active: 1 })).toBeNull();
    expect(restorableDraft({ scenarios: [base], active: '0' })).toBeNull();
    expect(restorableDraft({ scenarios: [{ ...base, workload: { ...base.workload, requestsPerDay: '5' } }], active: 0 })).toBeNull();
    expect(restorableDraft({ scenarios: [{ ...base, version: 2 }], active: 0 })).toBeNull();
    expect(restorableDraft({ scenarios: [{ ...base, extra: 1 }], active: 0 })).toBeNull();
    expect(restorableDraft({ scenarios: [{ ...base, workload: undefined }], active: 0 })).toBeNull();
    expect(restorableDraft({ scenarios: [{ ...base, routing: { ...base.routing, backoff: { jitter: 'sometimes' } } }], active: 0 })).toBeNull();
  });
});

function record(extra: Partial<AutosaveRecord> = {}): AutosaveRecord {
  return { format: 2, valid, fragment: encodeWorkingSet(valid), editedAt: 1000, tabId: 'other', revision: 3, ...extra };
}

describe('decodeAutosaveRecord', () => {
  it('round-trips a record with a draft', () => {
    const decoded = decodeAutosaveRecord(encodeAutosaveRecord(record({ draft: negativeDraft })));
    expect(decoded).toEqual({ ok: true, record: record({ draft: negativeDraft }) });
  });

  it('drops a damaged draft and keeps the valid set; sanitises bookkeeping', () => {
    const text = JSON.stringify({ ...record(), draft: { scenarios: [{ nope: 1 }], active: 0 }, revision: 'x', editedAt: null, tabId: 7 });
    expect(decodeAutosaveRecord(text)).toEqual({ ok: true, record: { ...record(), revision: 0, editedAt: 0, tabId: '' } });
  });

  it('refuses a record whose valid set is not valid', () => {
    expect(decodeAutosaveRecord(JSON.stringify(record({ valid: negativeDraft })))).toMatchObject({ ok: false, reason: 'unreadable', message: expect.stringMatching(/requestsPerDay/) });
  });
});

/** localStorage stand-in: a Map, a byte quota like a browser's, and other tabs writing behind this one's back. */
function fakeStorage(quotaChars = Number.POSITIVE_INFINITY) {
  const data = new Map<string, string>();
  let quota = quotaChars;
  const storage: AutosaveStorageLike = {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      if (value.length > quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(key, value);
    },
  };
  return {
    storage,
    data,
    setQuota: (chars: number) => (quota = chars),
    stored: () => decodeAutosaveRecord(data.get(AUTOSAVE_KEY) ?? null),
  };
}

function manualTimers() {
  let timers: { callback: () => void; id: number; ms: number }[] = [];
  let next = 1;
  return {
    timers: {
      setTimeout: (callback: () => void, ms: number) => {
        timers.push({ callback, id: next, ms });
        return next++;
      },
      clearTimeout: (id: unknown) => {
        timers = timers.filter((t) => t.id !== id);
      },
    },
    pendingDelays: () => timers.map((t) => t.ms),
    runAll: () => {
      const due = timers;
      timers = [];
      due.forEach((t) => t.callback());
    },
  };
}

function sessionFor(storage: AutosaveStorageLike | null, tabId = 'me') {
  const statuses: AutosaveStatus[] = [];
  const told: AutosaveRecord[] = [];
  const clock = manualTimers();
  const session = createAutosaveSession({ storage, tabId, timers: clock.timers, onStatus: (s) => statuses.push(s), onNewerElsewhere: (r) => told.push(r) });
  return { session, statuses, told, clock };
}

const content = (requestsPerDay: number, editedAt: number): AutosaveContent =>
  requestsPerDay >= 0
    ? { valid: { scenarios: [withRequests(requestsPerDay)], active: 0 }, fragment: 'f', editedAt }
    : { valid, fragment: 'f', draft: { scenarios: [withRequests(requestsPerDay)], active: 0 }, editedAt };

describe('autosave session', () => {
  it('saves valid sets and invalid drafts with a growing revision', () => {
    const fake = fakeStorage();
    const { session, statuses } = sessionFor(fake.storage);
    session.save(content(100, 1));
    session.save(content(-5, 2));
    const stored = fake.stored();
    expect(stored).toMatchObject({ ok: true, record: { tabId: 'me', revision: 2, editedAt: 2, draft: { scenarios: [{ workload: { requestsPerDay: -5 } }] } } });
    expect(statuses).toEqual([{ kind: 'saved', at: 1, recovered: false }]);
  });

  it('survives a full storage: tells, keeps working, retries with a growing pause, then says it works again', () => {
    const fake = fakeStorage(10);
    const { session, statuses, clock } = sessionFor(fake.storage);
    expect(() => session.save(content(100, 1))).not.toThrow();
    expect(statuses.at(-1)).toEqual({ kind: 'full', retryInMs: FIRST_RETRY_MS });
    expect(clock.pendingDelays()).toEqual([FIRST_RETRY_MS]);
    clock.runAll(); // still full: the next pause is longer
    expect(clock.pendingDelays()).toEqual([2 * FIRST_RETRY_MS]);
    expect(() => session.save(content(200, 2))).not.toThrow(); // an edit meanwhile: tried at once, the newest kept
    expect(fake.data.size).toBe(0);
    fake.setQuota(Number.POSITIVE_INFINITY);
    clock.runAll();
    expect(fake.stored()).toMatchObject({ ok: true, record: { editedAt: 2 } });
    expect(statuses.at(-1)).toEqual({ kind: 'saved', at: 2, recovered: true });
    expect(clock.pendingDelays()).toEqual([]);
  });

  it('recognises quota errors of every engine, and says so once when storage is missing or refuses', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014 })).toBe(true);
    expect(isQuotaError(new Error('x'))).toBe(false);
    const missing = sessionFor(null);
    missing.session.save(content(1, 1));
    missing.session.save(content(2, 2));
    expect(missing.statuses).toEqual([{ kind: 'unavailable' }]);
    const refusing = sessionFor({
      getItem: () => null,
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(() => refusing.session.save(content(1, 1))).not.toThrow();
    expect(refusing.statuses).toEqual([{ kind: 'unavailable' }]);
  });

  it('never writes an older edit over a newer one from another tab, and tells this tab', () => {
    const fake = fakeStorage();
    const { session, told } = sessionFor(fake.storage);
    session.save(content(100, 1));
    fake.data.set(AUTOSAVE_KEY, encodeAutosaveRecord({ ...record({ editedAt: 50, revision: 7 }) })); // the other tab, later
    session.save(content(200, 40)); // an edit made here before the other tab's (e.g. flushed on closing)
    expect(fake.stored()).toMatchObject({ ok: true, record: { tabId: 'other', revision: 7 } });
    expect(told.map((r) => r.revision)).toEqual([7]);
  });

  it('lets a newer edit win over another tab and bumps the revision past it', () => {
    const fake = fakeStorage();
    const { session } = sessionFor(fake.storage);
    fake.data.set(AUTOSAVE_KEY, encodeAutosaveRecord(record({ editedAt: 50, revision: 7 })));
    session.save(content(300, 60));
    expect(fake.stored()).toMatchObject({ ok: true, record: { tabId: 'me', revision: 8, editedAt: 60 } });
  });

  it('is told by a storage event of another tab with other content, not by its own or identical writes', () => {
    const fake = fakeStorage();
    const { session, told } = sessionFor(fake.storage);
    session.save(content(100, 1));
    const mine = fake.data.get(AUTOSAVE_KEY) ?? null;
    session.onStorageEvent(AUTOSAVE_KEY, mine);
    session.onStorageEvent('unrelated', encodeAutosaveRecord(record({ revision: 9 })));
    session.onStorageEvent(AUTOSAVE_KEY, null);
    session.onStorageEvent(AUTOSAVE_KEY, '{"damaged');
    expect(told).toEqual([]);
    const theirs = record({ revision: 5, editedAt: 10, draft: negativeDraft });
    session.onStorageEvent(AUTOSAVE_KEY, encodeAutosaveRecord(theirs));
    session.onStorageEvent(AUTOSAVE_KEY, encodeAutosaveRecord(theirs)); // told once per record
    expect(told).toEqual([theirs]);
  });

  it('after adopting a record, saving the same content writes nothing', () => {
    const fake = fakeStorage();
    const theirs = record({ revision: 5, editedAt: 10 });
    fake.data.set(AUTOSAVE_KEY, encodeAutosaveRecord(theirs));
    const { session, told } = sessionFor(fake.storage);
    session.adopt(theirs);
    session.save({ valid, fragment: theirs.fragment, editedAt: 99 });
    expect(fake.stored()).toMatchObject({ ok: true, record: { tabId: 'other', revision: 5 } });
    expect(told).toEqual([]);
  });
});

describe('restoreDraft', () => {
  it('puts an invalid draft back with its errors and the last valid results, marked stale', () => {
    const draft = { scenarios: [withRequests(-5)], active: 0 };
    useScenarioStore.getState().restoreDraft(draft, valid);
    const [restored] = useScenarioStore.getState().scenarios;
    expect(restored?.workload.requestsPerDay).toBe(-5);
    const shown = displayedEvaluation(restored!);
    expect(shown.status).not.toBe('ok');
    expect(shown.errors.map((e) => e.path)).toContain('workload.requestsPerDay');
    expect(shown.result?.total.tco).toBeGreaterThan(0);
    expect(shown.stale).toBe(true);
  });
});
