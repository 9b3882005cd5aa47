import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presetScenario } from './presets';
import { base64UrlToBytes, bytesToBase64Url, decodeWorkingSet, encodeWorkingSet, MAX_FRAGMENT_CHARS, type DecodeResult } from './url-codec';
import { editedPreset, workingSetArb } from './working-set.arbitraries';
import type { WorkingSetDocument } from './working-set';

/** Properties of DESIGN.md §3: decode(encode(x)) = x for valid x; decode never throws for any string. */

function expectOk(result: DecodeResult): WorkingSetDocument {
  if (!result.ok) throw new Error(`expected a working set, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

describe('decode(encode(x)) = x', () => {
  it('round-trips 10,000 random valid working sets exactly (every set within the fragment cap)', () => {
    let overCap = 0;
    fc.assert(
      fc.property(workingSetArb, (workingSet) => {
        const fragment = encodeWorkingSet(workingSet);
        const decoded = decodeWorkingSet(fragment);
        if (fragment.length > MAX_FRAGMENT_CHARS) {
          overCap += 1;
          expect(decoded).toMatchObject({ ok: false, error: { kind: 'too-large' } });
          return;
        }
        expect(expectOk(decoded)).toStrictEqual(workingSet);
      }),
      { numRuns: 10_000, endOnFailure: true },
    );
    // Four random scenarios with all 16 models fully specified may not fit; most sets must still round-trip.
    expect(overCap).toBeLessThan(1000);
  }, 300_000);
});

/** Real links to damage: a preset and an edited pair (truncated at every length), and a few random sets. */
const PRESET_FRAGMENTS = [
  encodeWorkingSet({ scenarios: [presetScenario('support-chatbot')], active: 0 }),
  encodeWorkingSet({ scenarios: [editedPreset(), presetScenario('cost-sensitive')], active: 1 }),
];
const REAL_FRAGMENTS = [...PRESET_FRAGMENTS, ...fc.sample(workingSetArb, { numRuns: 5, seed: 7 }).map((ws) => encodeWorkingSet(ws))];

function expectValidOrError(result: DecodeResult): void {
  if (result.ok) {
    expect(result.value.scenarios.length).toBeGreaterThanOrEqual(1);
    expect(result.value.active).toBeLessThan(result.value.scenarios.length);
  } else {
    expect(['too-large', 'bad-format', 'newer-version', 'corrupt', 'invalid']).toContain(result.error.kind);
    expect(result.error.message.length).toBeGreaterThan(10);
    expect(result.error.message).not.toMatch(/undefined|NaN|\bat \w+ \(/);
  }
}

describe('decodeWorkingSet never throws', () => {
  it('for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string().map((s) => `s=1.d.${s}`), fc.base64String().map((s) => `#s=1.d.${s.replace(/[+/=]/g, '')}`)), (text) => {
        expectValidOrError(decodeWorkingSet(text));
      }),
      { numRuns: 5000 },
    );
  }, 60_000);

  it('for every truncation of real links', () => {
    for (const fragment of PRESET_FRAGMENTS) {
      for (let length = 0; length < fragment.length; length++) {
        const result = decodeWorkingSet(fragment.slice(0, length));
        expect(result.ok, `prefix of ${length} chars`).toBe(false);
        expectValidOrError(result);
      }
    }
    fc.assert(
      fc.property(fc.constantFrom(...REAL_FRAGMENTS), fc.nat(), (fragment, cut) => {
        const result = decodeWorkingSet(fragment.slice(0, cut % fragment.length));
        expect(result.ok).toBe(false);
        expectValidOrError(result);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('for character swaps and bit flips in real links', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REAL_FRAGMENTS), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 7 }), (fragment, position, replacement, bit) => {
        const at = position % fragment.length;
        const swapped = fragment.slice(0, at) + String.fromCharCode(replacement % 128) + fragment.slice(at + 1);
        expectValidOrError(decodeWorkingSet(swapped));

        const payload = fragment.slice('s=1.d.'.length);
        const bytes = base64UrlToBytes(payload)!;
        bytes[at % bytes.length]! ^= 1 << bit;
        expectValidOrError(decodeWorkingSet(`s=1.d.${bytesToBase64Url(bytes)}`));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});

