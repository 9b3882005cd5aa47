import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkloadSchema } from '@/lib/scenario/schema';
import { readUsageCsv } from './usage-csv';

const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 1);

/** Per-request rows: `perDay(d)` requests on day d, spread over hours by `hourShare`, fixed token counts. */
function requestLog(days: number, perDay: (d: number) => number, hourWeight: (h: number) => number, tokens = { input: 800, output: 120, cached: 0 }) {
  const lines = ['startTime,model,prompt_tokens,completion_tokens,cache_read_input_tokens'];
  const totalWeight = Array.from({ length: 24 }, (_, h) => hourWeight(h)).reduce((a, b) => a + b, 0);
  for (let d = 0; d < days; d++) {
    const n = perDay(d);
    for (let h = 0; h < 24; h++) {
      const k = Math.round((n * hourWeight(h)) / totalWeight);
      for (let i = 0; i < k; i++) {
        const t = new Date(START + d * DAY + h * 3_600_000 + Math.floor((i * 3_600_000) / Math.max(1, k)));
        lines.push(`${t.toISOString().replace('T', ' ').slice(0, 19)},gpt-4o,${tokens.input},${tokens.output},${tokens.cached}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('usage-csv → workload', () => {
  it('requestsPerDay is the mean of the last 7 full days; growth is the log-linear fit', () => {
    const csv = requestLog(21, (d) => Math.round(240 * 1.02 ** d), () => 1);
    const { value } = readUsageCsv(csv);
    const last7 = Array.from({ length: 7 }, (_, i) => 14 + i).map((d) => {
      const n = Math.round(240 * 1.02 ** d);
      return 24 * Math.round(n / 24);
    });
    expect(value.workload.requestsPerDay).toBeCloseTo(last7.reduce((a, b) => a + b, 0) / 7, 3);
    // 2 %/day compounds to 1.02^30.4375 - 1 ≈ 82.7 %/month (rounding of daily counts moves it a little).
    expect(value.workload.monthlyGrowthPct).toBeGreaterThan(75);
    expect(value.workload.monthlyGrowthPct).toBeLessThan(90);
    expect(value.quality.growthR2).toBeGreaterThan(0.95);
    expect(value.quality.fullDays).toBe(21);
  });

  it('a flat day has peakToAvg 1; four busy hours at 3× give P = 3, H = 4', () => {
    expect(readUsageCsv(requestLog(3, () => 480, () => 1)).value.workload.peakToAvg).toBe(1);
    const busy = readUsageCsv(requestLog(3, () => 2400, (h) => (h >= 13 && h < 17 ? 3 : 0.6))).value;
    expect(busy.workload.peakHoursPerDay).toBe(4);
    expect(busy.workload.peakToAvg).toBeCloseTo(3, 1);
    expect(busy.quality.profileR2).toBeGreaterThan(0.99);
  });

  it('token median, p95 and cachedShare; evenly spaced arrivals are Poisson or tighter (D = 1)', () => {
    const { value } = readUsageCsv(requestLog(2, () => 2400, () => 1, { input: 1000, output: 200, cached: 250 }));
    expect(value.workload.inputTokens).toEqual({ median: 1000, p95: 1000 });
    expect(value.workload.outputTokens).toEqual({ median: 200, p95: 200 });
    expect(value.workload.cachedShare).toBe(0.25);
    expect(value.workload.arrivalDispersion).toBe(1);
    expect(WorkloadSchema.safeParse(value.workload).success).toBe(true);
  });

  it('bursty arrivals (all of an hour in one minute) are over-dispersed', () => {
    const lines = ['startTime,prompt_tokens,completion_tokens'];
    for (let h = 0; h < 24; h++) for (let i = 0; i < 120; i++) lines.push(`${new Date(START + h * 3_600_000 + (i % 2) * 1000).toISOString()},100,10`);
    expect(readUsageCsv(lines.join('\n')).value.workload.arrivalDispersion).toBeGreaterThan(50);
  });

  it('reads OpenAI usage buckets (num_model_requests) and says percentiles come from bucket means', () => {
    const lines = ['start_time,end_time,input_tokens,output_tokens,input_cached_tokens,num_model_requests'];
    for (let d = 0; d < 10; d++) lines.push(`${(START + d * DAY) / 1000},${(START + (d + 1) * DAY) / 1000},${1000 * 500},${1000 * 100},${1000 * 50},1000`);
    const out = readUsageCsv(lines.join('\n'));
    expect(out.value.workload.requestsPerDay).toBe(1000);
    expect(out.value.workload.inputTokens.median).toBe(500);
    expect(out.value.workload.cachedShare).toBe(0.1);
    expect(out.notes.some((n) => n.text.includes('bucket means'))).toBe(true);
  });

  it('Anthropic columns: input = uncached + cache reads + cache writes', () => {
    const lines = ['starting_at,uncached_input_tokens,cache_read_input_tokens,cache_creation_input_tokens,output_tokens,requests'];
    for (let d = 0; d < 3; d++) lines.push(`${new Date(START + d * DAY).toISOString()},100000,50000,50000,20000,100`);
    const out = readUsageCsv(lines.join('\n'));
    expect(out.value.workload.inputTokens.median).toBe(2000);
    expect(out.value.workload.cachedShare).toBe(0.25);
  });

  it('refuses files without the needed columns, naming them; bad rows are counted', () => {
    expect(() => readUsageCsv('model,prompt_tokens\ngpt-4o,3\n')).toThrow(/no time column/);
    expect(() => readUsageCsv('startTime,prompt_tokens\n2026-11-01 00:00:00,3\n')).toThrow(/no output token column/);
    expect(() => readUsageCsv('starting_at,uncached_input_tokens,output_tokens\n2026-11-01T00:00:00Z,3,4\n')).toThrow(/request count/);
    const out = readUsageCsv('startTime,prompt_tokens,completion_tokens\nyesterday,1,2\n2026-11-01 00:00:00,-5,2\n2026-11-01 01:00:00,10,2\n');
    expect(out.notes.some((n) => n.text.includes('2 row(s) skipped') && n.text.includes('line 2: starttime'))).toBe(true);
  });

  it('the committed LiteLLM spend-log fixture converts', () => {
    const csv = readFileSync(path.join(__dirname, '__fixtures__', 'litellm-spend-logs.csv'), 'utf8');
    const { value } = readUsageCsv(csv);
    expect(value.workload.peakHoursPerDay).toBe(4);
    expect(value.workload.inputTokens.median).toBeGreaterThan(800);
    expect(value.quality.requests).toBe(1800);
  });
});
