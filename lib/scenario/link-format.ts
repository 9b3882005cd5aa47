/**
 * The constants of the link format (DESIGN.md §3, docs/decisions/005-url-format-and-versioning.md) and the cheap
 * test for a fragment that carries a working set: no fflate or zod, so the simulator's first load can use them
 * (docs/decisions/007). The codec itself is ./url-codec.ts, which re-exports these.
 */

/** Fragment key: `#s=…`. */
export const LINK_FRAGMENT_KEY = 's';
/** Deflate-raw + base64url. */
export const DEFLATE_CODEC = 'd';
/** The fragment is refused before any decoding above this many characters (DESIGN.md §3). */
export const MAX_FRAGMENT_CHARS = 16 * 1024;
/** Inflation stops as soon as the JSON would exceed this many bytes (DESIGN.md §3): a deflate bomb is cut off early. */
export const MAX_INFLATED_BYTES = 256 * 1024;
/** Above this link length the UI warns and suggests a JSON export (DESIGN.md §3). */
export const LONG_LINK_CHARS = 8000;

/** True when a fragment (`location.hash`, with or without `#`) carries a working set, valid or not. */
export function fragmentHasWorkingSet(fragment: string): boolean {
  return /^#?s=/.test(fragment);
}
