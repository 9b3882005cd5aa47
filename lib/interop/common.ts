/**
 * Shared pieces of the interop formats (docs/decisions/010): errors that name the field, the notes a conversion
 * reports (defaults it filled in, entries it skipped, what a format cannot say), safe reading of untrusted objects
 * and the input size cap. Pure: no I/O, no clock (callers pass today's date).
 */

/** Input files larger than this are refused before parsing (LiteLLM's full price map is about 1.7 MB). */
export const MAX_INTEROP_BYTES = 4 * 1024 * 1024;

/** A conversion that cannot go on: `field` is the path in the input (`model_list[2].litellm_params.model`). */
export class InteropError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InteropError';
  }
}

export type NoteKind = 'default' | 'skipped' | 'approximated' | 'secret' | 'info';

/** One line for stderr (CLI) or the preview (browser). */
export interface Note {
  kind: NoteKind;
  text: string;
}

export class Notes {
  readonly list: Note[] = [];
  add(kind: NoteKind, text: string): void {
    this.list.push({ kind, text });
  }
}

/** A conversion's result: the value and what was assumed or left out on the way. */
export interface Converted<T> {
  value: T;
  notes: Note[];
}

/** Keys that could reach Object.prototype when copied onto a plain object: skipped (and reported) everywhere. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own enumerable entries without the forbidden keys; each forbidden key found is reported as skipped. */
export function safeEntries(value: Record<string, unknown>, at: string, notes: Notes): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) {
      notes.add('skipped', `${joinPath(at, key)}: key "${key}" ignored (never copied)`);
      continue;
    }
    out.push([key, value[key]]);
  }
  return out;
}

/** Own property only (never the prototype chain). */
export function own(value: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(value, key) ? value[key] : undefined;
}

/** `at` + a list index or a key; a dotted key (`litellm_params.model`) is a sub-path. */
export function joinPath(at: string, key: string | number): string {
  if (typeof key === 'number') return `${at}[${key}]`;
  if (/^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*)+$/.test(key)) return key.split('.').reduce(joinPath, at);
  const safe = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  return at === '' ? safe : `${at}.${safe}`;
}

/** Refuse input over the cap before it is parsed; `bytes` when known (a File's size). */
export function checkSize(text: string, what: string, bytes?: number): void {
  const size = bytes ?? new TextEncoder().encode(text).length;
  if (size > MAX_INTEROP_BYTES) {
    throw new InteropError(what, `the input is ${Math.ceil(size / 1024).toLocaleString('en-US')} KB; the limit is ${MAX_INTEROP_BYTES / 1024 / 1024} MB`);
  }
}

export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InteropError(what, `not valid JSON (${error instanceof SyntaxError ? error.message : 'parse error'})`);
  }
}

/** A number read from untrusted input: finite and in range, else an error naming the field. */
export function readNumber(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InteropError(field, `must be a number (got ${describe(value)})`);
  }
  if (value < min || value > max) throw new InteropError(field, `must be between ${min} and ${max} (got ${value})`);
  return value;
}

export function optionalNumber(value: unknown, field: string, min: number, max: number): number | undefined {
  return value === undefined || value === null ? undefined : readNumber(value, field, min, max);
}

export function readString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InteropError(field, `must be a non-empty string (got ${describe(value)})`);
  return value.trim();
}

/** A short, safe description of an unexpected value for a message (never a secret: strings are cut). */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Cost per token → USD per 1M tokens without float noise (3e-6 → 3, not 2.9999999999999996). */
export function perMillion(perToken: number): number {
  return Number((perToken * 1e6).toPrecision(12));
}

/** USD per 1M tokens → cost per token, as LiteLLM writes it. */
export function perToken(perMillionUsd: number): number {
  return Number((perMillionUsd / 1e6).toPrecision(12));
}

/** Values that look like credentials or references to them: never copied into any output or link. */
export function looksSecret(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  return /^os\.environ\//.test(value) || /^(sk|pk|rk|key)[-_]/i.test(value) || /^Bearer\s/i.test(value);
}

/** Weights that sum to exactly 1 within 1e-12 (the last one absorbs the rounding), as the Scenario schema wants. */
export function normalizeWeights(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (!(total > 0)) return weights.map(() => 1 / weights.length);
  const out = weights.map((w) => Number((w / total).toPrecision(12)));
  const head = out.slice(0, -1).reduce((sum, w) => sum + w, 0);
  out[out.length - 1] = Number((1 - head).toPrecision(12));
  return out;
}
