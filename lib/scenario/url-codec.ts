import { deflateSync, Inflate } from 'fflate';
import { CURRENT_MIGRATION_PLAN, oldestSupportedVersion, type MigrationPlan } from './migrations';
import { SCENARIO_SCHEMA_VERSION } from './defaults';
import { DEFLATE_CODEC, LINK_FRAGMENT_KEY, MAX_FRAGMENT_CHARS, MAX_INFLATED_BYTES } from './link-format';
import type { Scenario } from './schema';
import { readStoredWorkingSet, type PlannerSettingsDocument, type WorkingSetDocument } from './working-set';

/**
 * Scenario links (DESIGN.md §3): the working set lives in the URL fragment as `#s=<schemaVersion>.<codec>.<payload>`.
 * Codec `d`: the payload is the JSON of `{scenarios, active}`, deflate-raw (fflate, level 9), base64url without padding.
 * The fragment never reaches a server and is not sent in Referer. Decoding is defensive and never throws; see
 * docs/decisions/005-url-format-and-versioning.md.
 */

// The format's constants and the cheap fragment test have no fflate or zod (./link-format.ts, docs/decisions/007).
export { DEFLATE_CODEC, LINK_FRAGMENT_KEY, LONG_LINK_CHARS, MAX_FRAGMENT_CHARS, MAX_INFLATED_BYTES, fragmentHasWorkingSet } from './link-format';

export type LinkErrorKind = 'too-large' | 'bad-format' | 'newer-version' | 'corrupt' | 'invalid';

export interface LinkError {
  kind: LinkErrorKind;
  /** One or two sentences for the user: what is wrong, with the field path when the schema rejects the data. */
  message: string;
  /** Every validation issue (field path first) when `kind` is `invalid`. */
  issues?: string[];
}

export type DecodeResult = { ok: true; value: WorkingSetDocument; migratedFrom?: number } | { ok: false; error: LinkError };

export interface WorkingSetLike {
  scenarios: readonly Scenario[];
  active: number;
  /** Optional planner settings (/plan, docs/decisions/009); omitted from the payload when absent. */
  planner?: PlannerSettingsDocument;
}

/** `s=1.d.<payload>` (no leading `#`): the fragment of a link to this working set. `version` is for tests of old links. */
export function encodeWorkingSet(workingSet: WorkingSetLike, version: number = SCENARIO_SCHEMA_VERSION): string {
  const json = JSON.stringify(
    workingSet.planner ? { scenarios: workingSet.scenarios, active: workingSet.active, planner: workingSet.planner } : { scenarios: workingSet.scenarios, active: workingSet.active },
  );
  const compressed = deflateSync(new TextEncoder().encode(json), { level: 9 });
  return `${LINK_FRAGMENT_KEY}=${version}.${DEFLATE_CODEC}.${bytesToBase64Url(compressed)}`;
}

/** `baseUrl` (any existing fragment dropped) + `#s=…`. */
export function linkToWorkingSet(baseUrl: string, workingSet: WorkingSetLike): string {
  const hashAt = baseUrl.indexOf('#');
  return `${hashAt === -1 ? baseUrl : baseUrl.slice(0, hashAt)}#${encodeWorkingSet(workingSet)}`;
}

const FRAGMENT_PATTERN = /^s=(\d{1,9})\.([A-Za-z0-9]{1,16})\.([A-Za-z0-9_-]*)$/;

/**
 * The working set of a link fragment (`#s=…` or `s=…`), or an error saying what is wrong. Never throws.
 * `plan` replaces the migrations (tests use a synthetic v0 → v1 plan).
 */
export function decodeWorkingSet(fragment: string, plan: MigrationPlan = CURRENT_MIGRATION_PLAN): DecodeResult {
  try {
    return decodeUnsafe(fragment, plan);
  } catch {
    // Every known failure is handled below; this guards the promise that decoding never throws.
    return failure('corrupt', 'This link could not be read: its data is damaged.');
  }
}

function decodeUnsafe(fragment: string, plan: MigrationPlan): DecodeResult {
  if (typeof fragment !== 'string') return failure('bad-format', 'This link does not contain a RouteCost scenario.');
  if (fragment.length > MAX_FRAGMENT_CHARS) {
    return failure(
      'too-large',
      `This link is too long to open safely (${fragment.length.toLocaleString('en-US')} characters; the limit is ${MAX_FRAGMENT_CHARS.toLocaleString('en-US')}). Share a JSON export instead.`,
    );
  }
  const match = FRAGMENT_PATTERN.exec(fragment.startsWith('#') ? fragment.slice(1) : fragment);
  if (!match) {
    return failure('bad-format', 'This link does not contain a RouteCost scenario in the expected form (#s=<version>.<codec>.<data>); it may have been cut off or edited.');
  }
  const [, versionText = '', codec = '', payload = ''] = match;
  const version = Number(versionText);
  if (version > plan.currentVersion) {
    return failure(
      'newer-version',
      `This link was made by a newer version of RouteCost (scenario schema v${version}); this version reads up to v${plan.currentVersion}. Open it in the latest RouteCost.`,
    );
  }
  if (version < oldestSupportedVersion(plan)) {
    return failure('bad-format', `This link uses scenario schema v${version}, which RouteCost cannot read (the oldest it reads is v${oldestSupportedVersion(plan)}).`);
  }
  if (codec !== DEFLATE_CODEC) return failure('bad-format', `This link uses an unknown encoding ("${codec}"); RouteCost reads "${DEFLATE_CODEC}".`);

  const compressed = base64UrlToBytes(payload);
  if (!compressed) return failure('corrupt', 'This link\'s data is damaged (it is not valid base64url); it may have been cut off when copied.');
  const inflated = inflateCapped(compressed, MAX_INFLATED_BYTES);
  if (!inflated.ok) {
    return inflated.reason === 'too-large'
      ? failure('too-large', `This link's data expands past ${MAX_INFLATED_BYTES / 1024} KB, so it was not opened (a safety limit).`)
      : failure('corrupt', 'This link\'s data is damaged (it cannot be decompressed); it may have been cut off when copied.');
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return failure('corrupt', 'This link\'s data is damaged (it is not valid UTF-8 text).');
  }
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    return failure('corrupt', 'This link\'s data is damaged (it is not valid JSON).');
  }
  const stored = readStoredWorkingSet(document, { plan });
  if (!stored.ok) {
    if (stored.kind === 'newer-version') return failure('newer-version', `This link was made by a newer version of RouteCost: ${stored.message}.`);
    return { ok: false, error: { kind: 'invalid', message: `This link's scenarios are not valid: ${stored.message}.`, issues: stored.issues } };
  }
  return stored.migratedFrom === undefined ? { ok: true, value: stored.value } : { ok: true, value: stored.value, migratedFrom: stored.migratedFrom };
}

function failure(kind: LinkErrorKind, message: string): DecodeResult {
  return { ok: false, error: { kind, message } };
}

/**
 * Compressed bytes pushed per step. Deflate expands at most ~1032:1, so one step adds at most ~1 MB of output before
 * the counter is checked; each push costs a fixed ~200 KB of buffer work in fflate, so typical links (≤ 2 KB) take one
 * or two pushes.
 */
const INFLATE_STEP_BYTES = 1024;

export type InflateResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' | 'corrupt'; inflatedBytes: number };

/**
 * Inflate deflate-raw `input`, stopping as soon as the output passes `maxBytes` (it is never inflated in full first).
 * `inflatedBytes` reports how far it got, so a test can check a bomb was cut off early.
 */
export function inflateCapped(input: Uint8Array, maxBytes: number): InflateResult {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total <= maxBytes) chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    if (input.length === 0) inflater.push(new Uint8Array(0), true);
    for (let offset = 0; offset < input.length; offset += INFLATE_STEP_BYTES) {
      const end = Math.min(offset + INFLATE_STEP_BYTES, input.length);
      inflater.push(input.subarray(offset, end), end === input.length);
      if (total > maxBytes) return { ok: false, reason: 'too-large', inflatedBytes: total };
    }
  } catch {
    return { ok: false, reason: 'corrupt', inflatedBytes: total };
  }
  if (!finished) return { ok: false, reason: 'corrupt', inflatedBytes: total };
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, bytes };
}

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL_VALUES = new Map([...BASE64URL_ALPHABET].map((char, value) => [char, value]));

/** RFC 4648 §5 base64url without padding. */
export function bytesToBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    const triple = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    out += BASE64URL_ALPHABET[(triple >> 18) & 63]! + BASE64URL_ALPHABET[(triple >> 12) & 63]!;
    if (b1 !== undefined) out += BASE64URL_ALPHABET[(triple >> 6) & 63]!;
    if (b2 !== undefined) out += BASE64URL_ALPHABET[triple & 63]!;
  }
  return out;
}

/** Bytes of unpadded base64url text, or null when it is not canonical base64url (bad character, impossible length, stray bits). */
export function base64UrlToBytes(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (const char of text) {
    const value = BASE64URL_VALUES.get(char);
    if (value === undefined) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return null; // leftover bits must be zero
  return bytes;
}
