import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { presetScenario } from './presets';
import {
  base64UrlToBytes,
  bytesToBase64Url,
  decodeWorkingSet,
  encodeWorkingSet,
  fragmentHasWorkingSet,
  inflateCapped,
  linkToWorkingSet,
  MAX_FRAGMENT_CHARS,
  MAX_INFLATED_BYTES,
  type DecodeResult,
} from './url-codec';
import type { JsonObject, MigrationPlan } from './migrations';
import type { WorkingSetDocument } from './working-set';
import { editedPreset } from './working-set.arbitraries';

function expectOk(result: DecodeResult): WorkingSetDocument {
  if (!result.ok) throw new Error(`expected a working set, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

function expectError(result: DecodeResult, kind: string): string {
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.error.kind).toBe(kind);
  return result.error.message;
}

const BASE_URL = 'https://routecost.example/';

describe('encodeWorkingSet / decodeWorkingSet', () => {
  it('writes s=<version>.d.<base64url> and reads it back, with or without #', () => {
    const workingSet = { scenarios: [presetScenario('support-chatbot')], active: 0 };
    const fragment = encodeWorkingSet(workingSet);
    expect(fragment).toMatch(/^s=1\.d\.[A-Za-z0-9_-]+$/);
    expect(expectOk(decodeWorkingSet(fragment))).toEqual(workingSet);
    expect(expectOk(decodeWorkingSet(`#${fragment}`))).toEqual(workingSet);
    expect(fragmentHasWorkingSet(`#${fragment}`)).toBe(true);
    expect(fragmentHasWorkingSet('#results')).toBe(false);
  });

  it('builds the link from the page URL, replacing an old fragment', () => {
    const workingSet = { scenarios: [presetScenario('support-chatbot')], active: 0 };
    expect(linkToWorkingSet('https://a.example/compare#s=1.d.old', workingSet)).toBe(`https://a.example/compare#${encodeWorkingSet(workingSet)}`);
  });

  it('keeps a typical link short: an edited preset well under 2,000 characters', () => {
    const single = linkToWorkingSet(BASE_URL, { scenarios: [editedPreset()], active: 0 });
    const pair = linkToWorkingSet(BASE_URL, { scenarios: [editedPreset(), presetScenario('cost-sensitive')], active: 1 });
    const four = linkToWorkingSet(BASE_URL, { scenarios: [editedPreset(), presetScenario('code-generation'), presetScenario('translation-pipeline'), presetScenario('cost-sensitive')], active: 0 });
    const edited = JSON.stringify({ scenarios: [editedPreset()], active: 0 }).length;
    console.log(`link length: edited preset ${single.length} chars (JSON ${edited}), two scenarios ${pair.length}, four presets ${four.length} (base URL ${BASE_URL.length})`);
    expect(single.length).toBeLessThanOrEqual(2000);
    expect(pair.length).toBeLessThanOrEqual(2000);
    expect(four.length).toBeLessThanOrEqual(8000);
  });
});

/** A link whose payload is exactly these bytes, deflated. */
function linkOfJson(json: string, version = 1): string {
  return `s=${version}.d.${bytesToBase64Url(deflateSync(new TextEncoder().encode(json), { level: 9 }))}`;
}

describe('decodeWorkingSet caps', () => {
  it('refuses an oversized fragment before decoding it', () => {
    const fragment = `s=1.d.${'A'.repeat(MAX_FRAGMENT_CHARS)}`;
    expect(expectError(decodeWorkingSet(fragment), 'too-large')).toMatch(/too long.*16,390 characters; the limit is 16,384/);
    expect(decodeWorkingSet(`s=1.d.${'A'.repeat(MAX_FRAGMENT_CHARS - 6)}`)).toMatchObject({ ok: false, error: { kind: 'corrupt' } });
  });

  it('stops a deflate bomb early: a small link that would inflate to 8 MB', () => {
    const bomb = new Uint8Array(8 * 1024 * 1024).fill(0x20);
    const compressed = deflateSync(bomb, { level: 9 });
    const fragment = `s=1.d.${bytesToBase64Url(compressed)}`;
    expect(fragment.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    expect(expectError(decodeWorkingSet(fragment), 'too-large')).toMatch(/expands past 256 KB/);

    const inflated = inflateCapped(compressed, MAX_INFLATED_BYTES);
    expect(inflated.ok).toBe(false);
    // Cut off within one 1 KB input step (≤ 1024 × 1032 bytes) past the cap, not after 8 MB.
    if (!inflated.ok) expect(inflated.inflatedBytes).toBeLessThan(MAX_INFLATED_BYTES + 1024 * 1032);
  });

  it('refuses honest JSON larger than 256 KB, and accepts it just under', () => {
    const padded = (size: number) => JSON.stringify({ scenarios: [presetScenario('support-chatbot')], active: 0 }).replace('{', `{${' '.repeat(size)}`);
    const base = padded(0).length;
    expect(expectError(decodeWorkingSet(linkOfJson(padded(MAX_INFLATED_BYTES - base + 1))), 'too-large')).toBeTruthy();
    expect(decodeWorkingSet(linkOfJson(padded(MAX_INFLATED_BYTES - base))).ok).toBe(true);
  });
});

describe('decodeWorkingSet errors say what is wrong', () => {
  it('bad format: no scenario, unknown codec, missing parts', () => {
    expectError(decodeWorkingSet(''), 'bad-format');
    expectError(decodeWorkingSet('#section-2'), 'bad-format');
    expect(expectError(decodeWorkingSet('s=1.z.abcd'), 'bad-format')).toMatch(/unknown encoding \("z"\)/);
    expectError(decodeWorkingSet('s=1.d'), 'bad-format');
    expectError(decodeWorkingSet('s=x.d.abcd'), 'bad-format');
  });

  it('newer version, from the prefix or from a scenario inside', () => {
    expect(expectError(decodeWorkingSet('s=2.d.AAAA'), 'newer-version')).toMatch(/newer version of RouteCost \(scenario schema v2\); this version reads up to v1/);
    const inside = JSON.stringify({ scenarios: [{ ...presetScenario('support-chatbot'), version: 2 }], active: 0 });
    expect(expectError(decodeWorkingSet(linkOfJson(inside)), 'newer-version')).toMatch(/scenarios\[0\] uses scenario schema v2/);
  });

  it('corrupt: bad base64url, damaged deflate, not UTF-8, not JSON', () => {
    expect(expectError(decodeWorkingSet('s=1.d.ab+c'), 'bad-format')).toBeTruthy();
    expect(expectError(decodeWorkingSet('s=1.d.abcde'), 'corrupt')).toMatch(/not valid base64url/);
    const good = encodeWorkingSet({ scenarios: [presetScenario('support-chatbot')], active: 0 });
    expect(expectError(decodeWorkingSet(good.slice(0, -12)), 'corrupt')).toMatch(/cut off/);
    const notUtf8 = `s=1.d.${bytesToBase64Url(deflateSync(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))}`;
    expect(expectError(decodeWorkingSet(notUtf8), 'corrupt')).toMatch(/UTF-8/);
    expect(expectError(decodeWorkingSet(linkOfJson('{"scenarios": [')), 'corrupt')).toMatch(/not valid JSON/);
  });

  it('invalid: names the field path the schema rejects', () => {
    const preset = presetScenario('support-chatbot');
    const bad = { ...preset, workload: { ...preset.workload, requestsPerDay: 1e11 } };
    const result = decodeWorkingSet(linkOfJson(JSON.stringify({ scenarios: [preset, bad], active: 0 })));
    expect(expectError(result, 'invalid')).toBe("This link's scenarios are not valid: scenarios[1].workload.requestsPerDay: must be <= 10000000000.");
    if (!result.ok) expect(result.error.issues).toEqual(['scenarios[1].workload.requestsPerDay: must be <= 10000000000']);
    expect(expectError(decodeWorkingSet(linkOfJson('[1,2]')), 'invalid')).toMatch(/expected an object/);
    expect(expectError(decodeWorkingSet(linkOfJson(JSON.stringify({ scenarios: [preset], active: 3 }))), 'invalid')).toMatch(/active: must be < 1/);
  });

  it('migrates an old link through the plan and says so', () => {
    const plan: MigrationPlan = {
      currentVersion: 1,
      migrations: [{ from: 0, to: 1, name: 'v0 → v1: title → name', up: ({ title, ...rest }: JsonObject) => ({ ...rest, name: title }) }],
    };
    const preset = presetScenario('support-chatbot');
    const { name, ...withoutName } = preset;
    const v0 = { ...withoutName, version: 0, title: name };
    const result = decodeWorkingSet(linkOfJson(JSON.stringify({ scenarios: [v0], active: 0 }), 0), plan);
    expect(result).toEqual({ ok: true, value: { scenarios: [preset], active: 0 }, migratedFrom: 0 });
    // Without the migration, a v0 link is refused with a message.
    expectError(decodeWorkingSet(linkOfJson(JSON.stringify({ scenarios: [v0], active: 0 }), 0)), 'bad-format');
  });
});

describe('base64url', () => {
  it('round-trips any bytes and rejects non-canonical text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = bytesToBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(base64UrlToBytes(text)).toEqual(bytes);
      }),
    );
    expect(base64UrlToBytes('AA')).toEqual(new Uint8Array([0]));
    expect(base64UrlToBytes('AF')).toBeNull(); // stray low bits
    expect(base64UrlToBytes('A')).toBeNull();
    expect(base64UrlToBytes('A=')).toBeNull();
  });
});
