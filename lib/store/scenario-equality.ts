import type { Scenario } from '@/lib/scenario/schema';

/** Same content (key order aside): used to mark the preset a draft still equals. */
export function isSameScenario(a: Scenario, b: Scenario): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}
