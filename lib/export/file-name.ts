/**
 * Download file names from scenario names (issue #5): no path separators, control or reserved characters, no Windows
 * reserved device names, no leading or trailing dots or spaces, at most 80 characters including the extension.
 */

export const MAX_FILE_NAME_CHARS = 80;
const FALLBACK_BASE = 'routecost-scenario';

/** Windows device names, reserved with any extension (CON, CON.txt, com1…). */
const RESERVED_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/g;

/** `"Plan B: EU/US"` + `csv` → `Plan B- EU-US.csv`. `extension` without the dot. */
export function fileNameFor(name: string | undefined, extension: string): string {
  const suffix = `.${extension}`;
  let base = (name ?? '')
    .normalize('NFC')
    .replace(UNSAFE_CHARACTERS, '-')
    .replace(/\s+/g, ' ')
    .replace(/-(\s*-)+/g, '-')
    .replace(/^[\s.-]+|[\s.-]+$/g, '');
  base = truncateCodePoints(base, MAX_FILE_NAME_CHARS - suffix.length).replace(/[\s.-]+$/, '');
  if (base === '') base = FALLBACK_BASE;
  if (RESERVED_NAME.test(base)) base = `_${base}`.slice(0, MAX_FILE_NAME_CHARS - suffix.length);
  return `${base}${suffix}`;
}

/** At most `max` UTF-16 code units, never splitting a surrogate pair. */
function truncateCodePoints(text: string, max: number): string {
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

/** Base name for a file holding several scenarios: the active one's name, and how many more. */
export function workingSetFileBase(names: readonly (string | undefined)[], activeIndex: number): string | undefined {
  const active = names[activeIndex]?.trim() || undefined;
  if (names.length <= 1) return active;
  return `${active ?? 'Scenario'} and ${names.length - 1} more`;
}
