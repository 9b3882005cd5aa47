import type { Scenario } from './schema';

/** Seed preset so the store has a starting scenario; the full preset list is built by the simulator issue (#4). */
export type PresetId = 'support-chatbot';

export const DEFAULT_PRESET_ID: PresetId = 'support-chatbot';

const SUPPORT_CHATBOT: Scenario = {
  version: 1,
  name: 'Customer-support chatbot',
  workload: {
    requestsPerDay: 50_000,
    monthlyGrowthPct: 5,
    peakToAvg: 2.5,
    peakHoursPerDay: 4,
    inputTokens: { median: 1_200, p95: 4_000 },
    outputTokens: { median: 150, p95: 450, cap: 1_024 },
    cachedShare: 0.4,
    batchShare: 0,
  },
  routing: {
    chains: [{ weight: 1, models: ['claude-haiku-4-5', 'gpt-4o-mini'] }],
    maxRetries: 1,
    timeoutMs: 15_000,
    backoff: { baseMs: 200, multiplier: 2, capMs: 2_000, jitter: 'full' },
    failoverOn: ['5xx', 'timeout'],
  },
  costs: { engineeringHourlyRate: 120 },
  latencyTarget: { ms: 500, measure: 'firstToken' },
  horizonMonths: 6,
};

export function presetScenario(id: PresetId): Scenario {
  const presets: Record<PresetId, Scenario> = { 'support-chatbot': SUPPORT_CHATBOT };
  return structuredClone(presets[id]);
}
