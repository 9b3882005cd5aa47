import { deflateSync } from 'fflate';
import { PRESET_IDS, presetScenario } from './presets';
import type { Scenario } from './schema';
import { bytesToBase64Url, encodeWorkingSet } from './url-codec';

/**
 * Mutated scenario links for the fuzz tests (issue #9: lib/scenario/url-fuzz.property.test.ts, e2e/fuzz.spec.ts).
 * Deterministic from a seed: damaged bytes (flips, insertions, deletions, truncation, other headers) and JSON-level
 * mutations of valid working sets (huge, negative, non-finite and non-integer numbers, wrong types, deleted and extra
 * keys, `__proto__` and `constructor`, emptied and grown arrays). Test support only; never imported by app code.
 */

export type MutationKind = 'bytes' | 'json';

export interface MutatedLink {
  /** `s=1.d.…` (no `#`). */
  fragment: string;
  kind: MutationKind;
  /** What was done, for a failure message. */
  description: string;
}

/** mulberry32: a small seeded generator (quality is plenty for choosing mutations). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** A raw JSON number token JSON.stringify cannot write (1e999 parses to Infinity): spliced into the text afterwards. */
const RAW = '\u0000raw:';
const RAW_TOKENS = ['1e999', '-1e999', '1e309', '-0', '1e-400'];

const HOSTILE_NUMBERS = [1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 4294967296, 1e12, -1, -5, -1e-9, 0, 0.5, 1.5, 1e-320, 99.999999, 24, 1000];
const WRONG_TYPES: unknown[] = ['NaN', 'Infinity', '-Infinity', '', '12', 'abc', true, false, null, [], {}, [1, 2], { value: 1 }];
const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'extra', 'valueOf'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Slot {
  parent: Json[] | { [key: string]: Json };
  key: string | number;
}

function slots(value: Json, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      out.push({ parent: value, key: index });
      slots(item, out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push({ parent: value, key });
      slots(item, out);
    }
  }
  return out;
}

function containers(value: Json, out: Json[] = []): Json[] {
  if (value !== null && typeof value === 'object') {
    out.push(value);
    for (const item of Object.values(value)) containers(item, out);
  }
  return out;
}

/** Own, enumerable property even for `__proto__` (so JSON.stringify writes it, as a hand-made link could). */
function setOwn(target: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function replacement(random: Random, current: Json): Json {
  const roll = random();
  if (typeof current === 'number' && roll < 0.25) return `${RAW}${pick(random, RAW_TOKENS)}`;
  if (typeof current === 'number' && roll < 0.6) return pick(random, HOSTILE_NUMBERS);
  if (typeof current === 'number' && roll < 0.7) return current * pick(random, [-1, 10, 1e6, 1e300, 0.001]);
  // NaN-like strings only where a number was (a name "NaN" would be valid, and shown).
  const wrong = structuredClone(pick(random, WRONG_TYPES)) as Json;
  if (typeof wrong === 'string' && typeof current !== 'number') return pick(random, [1, -1, 1e308, true, null, []]);
  return wrong;
}

function mutateJson(random: Random, document: Json): string {
  const steps: string[] = [];
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    const roll = random();
    const all = slots(document);
    if (all.length === 0) break; // everything deleted already
    if (roll < 0.6) {
      const slot = pick(random, all);
      const parent = slot.parent as Record<string | number, Json>;
      const value = replacement(random, parent[slot.key]!);
      parent[slot.key] = value;
      steps.push(`${String(slot.key)} = ${JSON.stringify(value)}`);
    } else if (roll < 0.75) {
      const slot = pick(random, all);
      if (Array.isArray(slot.parent)) slot.parent.splice(Number(slot.key), 1);
      else delete slot.parent[slot.key as string];
      steps.push(`delete ${String(slot.key)}`);
    } else if (roll < 0.9) {
      const objects = containers(document).filter((c): c is { [key: string]: Json } => !Array.isArray(c));
      const target = pick(random, objects);
      const key = pick(random, EXTRA_KEYS);
      const value = pick(random, [{ polluted: true }, 1, 'x', null, [] as Json]); // fresh literals on every call
      setOwn(target, key, value);
      steps.push(`add ${key}`);
    } else {
      const arrays = containers(document).filter((c): c is Json[] => Array.isArray(c));
      const target = arrays.length > 0 ? pick(random, arrays) : null;
      if (!target) continue;
      if (random() < 0.5) {
        target.length = 0;
        steps.push('empty array');
      } else {
        const copy = target.length > 0 ? (JSON.parse(JSON.stringify(target[0])) as Json) : 1;
        for (let n = 0; n < 1 + Math.floor(random() * 8); n++) target.push(structuredClone(copy));
        steps.push('grow array');
      }
    }
  }
  let text = JSON.stringify(document);
  for (const token of RAW_TOKENS) text = text.split(JSON.stringify(`${RAW}${token}`)).join(token);
  return `${steps.join('; ')}\n${text}`;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL_CHARS = [...BASE64URL];

function mutateBytes(random: Random, fragment: string): { fragment: string; description: string } {
  const roll = random();
  const at = Math.floor(random() * fragment.length);
  if (roll < 0.3) return { fragment: fragment.slice(0, at), description: `truncate at ${at}` };
  if (roll < 0.55) return { fragment: fragment.slice(0, at) + pick(random, BASE64URL_CHARS) + fragment.slice(at + 1), description: `replace char ${at}` };
  if (roll < 0.7) return { fragment: fragment.slice(0, at) + fragment.slice(at + 1 + Math.floor(random() * 4)), description: `delete at ${at}` };
  if (roll < 0.8) return { fragment: fragment.slice(0, at) + pick(random, [...BASE64URL_CHARS, '=', '%', '.', '#', ' ', '\u00e9']) + fragment.slice(at), description: `insert at ${at}` };
  if (roll < 0.9) {
    const header = pick(random, ['s=0.d.', 's=2.d.', 's=999999999.d.', 's=1.z.', 's=1.D.', 's=01.d.', 's=1..', 's=-1.d.', 's=1.d']);
    return { fragment: header + fragment.slice(fragment.indexOf('.', 4) + 1), description: `header ${header}` };
  }
  // Flip one bit of the compressed bytes themselves.
  const chars = fragment.split('');
  const index = 6 + Math.floor(random() * Math.max(1, chars.length - 6));
  const code = BASE64URL.indexOf(chars[index] ?? 'A');
  chars[index] = BASE64URL[(code ^ (1 << Math.floor(random() * 6))) & 63] ?? 'A';
  return { fragment: chars.join(''), description: `bit flip at ${index}` };
}

/** The link fragment of arbitrary JSON text, with the real codec (deflate-raw + base64url). */
export function fragmentOfJsonText(text: string, version = 1): string {
  return `s=${version}.d.${bytesToBase64Url(deflateSync(new TextEncoder().encode(text), { level: 6 }))}`;
}

/** The valid working sets that get mutated: every preset alone, and a two-scenario set. */
export function fuzzBaseWorkingSets(): { scenarios: Scenario[]; active: number }[] {
  const presets = PRESET_IDS.map((id) => presetScenario(id));
  return [
    ...presets.map((scenario) => ({ scenarios: [scenario], active: 0 })),
    { scenarios: [presets[0]!, presets[3]!], active: 1 },
  ];
}

/** `count` mutated links from `seed`: about 60 % JSON-level, 40 % damaged bytes. */
export function mutatedLinks(count: number, seed: number): MutatedLink[] {
  const random = seededRandom(seed);
  const bases = fuzzBaseWorkingSets();
  const baseFragments = bases.map((ws) => encodeWorkingSet(ws));
  const links: MutatedLink[] = [];
  for (let i = 0; i < count; i++) {
    const index = Math.floor(random() * bases.length);
    if (random() < 0.6) {
      const document = JSON.parse(JSON.stringify(bases[index])) as Json;
      const mutated = mutateJson(random, document);
      const newline = mutated.indexOf('\n');
      links.push({ fragment: fragmentOfJsonText(mutated.slice(newline + 1)), kind: 'json', description: mutated.slice(0, newline) });
    } else {
      const { fragment, description } = mutateBytes(random, baseFragments[index]!);
      links.push({ fragment, kind: 'bytes', description });
    }
  }
  return links;
}
