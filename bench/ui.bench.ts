/**
 * `npm run bench:ui`: the browser figures of the performance budget (issue 10, docs/decisions/007), measured on the
 * production build in Chromium. Builds the app into its own dist dir when there is no build yet (`--build` forces
 * one), starts `next start` on a free local port, drives Chromium with the same executable and flags as
 * playwright.config.ts, and prints every figure with its target; `--json` prints one JSON document instead,
 * `--runs N` repeats each measurement N times (medians are reported). Not part of `npm test`: figures, not asserts.
 *
 * Definitions:
 * - first-load JS: the JS chunks the HTML of `/` loads (`<script src>`, not `noModule`: modern browsers skip those),
 *   as many bytes as the server sends them gzip-compressed.
 * - long-task time: the sum of the durations of long tasks (PerformanceObserver `longtask`, every task over 50 ms),
 *   from navigation start to 5 s after the load event; while typing, from the first keydown to 1 s after the last.
 * - worst keydown: the largest Event Timing `duration` of a keydown (input delay + handlers + next paint).
 * - keystroke → headline: from a keydown's timestamp to the commit of the headline figures of the new result
 *   (`data-result-serial` changes), per keystroke.
 * - edit → band settled: from an edit of "Requests per day" to `data-mc-state="settled"` with the full trial count
 *   and the monthly chart redrawn with it (`data-charts-current`, `data-chart-current`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const JSON_OUTPUT = args.includes('--json');
const FORCE_BUILD = args.includes('--build');
const RUNS = Math.max(1, Number(args[args.indexOf('--runs') + 1]) || 5);
const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next-bench-ui';
const TYPED_KEYS = '12345678';
const KEY_DELAY_MS = 120;
const MC_EDITS = 7;

interface Figure {
  figure: string;
  value: number;
  unit: 'KiB' | 'ms';
  target: number;
  /** The target is also "no single task over 50 ms" (typing). */
  note?: string;
}

function log(message: string): void {
  if (!JSON_OUTPUT) console.log(message);
  else console.error(message);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Debian's Chromium (or CHROMIUM_PATH) when present, else Playwright's own browser (as playwright.config.ts). */
function chromiumExecutable(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : undefined;
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function ensureBuild(): void {
  const built = existsSync(path.join(ROOT, DIST_DIR, 'BUILD_ID'));
  if (built && !FORCE_BUILD) {
    log(`using the existing production build in ${DIST_DIR} (--build to rebuild)`);
    return;
  }
  log(`building the production app into ${DIST_DIR} …`);
  // `next build` with a non-default dist dir rewrites tsconfig.json (TOOLCHAIN.md pitfall 5): put it back afterwards.
  const tsconfig = path.join(ROOT, 'tsconfig.json');
  const original = readFileSync(tsconfig, 'utf8');
  try {
    const build = spawnSync(path.join(ROOT, 'node_modules/.bin/next'), ['build'], {
      cwd: ROOT,
      stdio: JSON_OUTPUT ? ['ignore', 'ignore', 'inherit'] : 'inherit',
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
  } finally {
    if (readFileSync(tsconfig, 'utf8') !== original) writeFileSync(tsconfig, original);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** GET a path; the raw (possibly gzip) body length and the decoded text. */
function get(port: number, urlPath: string, gzip: boolean): Promise<{ status: number; bytes: number; encoding: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, headers: gzip ? { 'accept-encoding': 'gzip' } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, bytes: body.length, encoding: String(res.headers['content-encoding'] ?? 'identity'), body });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function startServer(port: number): Promise<ChildProcess> {
  const server = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: ROOT,
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
    detached: true,
  });
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await get(port, '/', false)).status === 200) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stopServer(server);
  throw new Error('next start did not answer within 30 s');
}

function stopServer(server: ChildProcess): void {
  // Its own process group (detached): stop next start and its children, nothing else.
  if (server.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

async function firstLoadJs(port: number): Promise<{ kib: number; chunks: number; encoding: string }> {
  const html = (await get(port, '/', false)).body.toString('utf8');
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>/g)) {
    const attributes = match[1] ?? '';
    const src = /\bsrc="([^"]+\.js)"/.exec(attributes)?.[1];
    if (src && !/\bnomodule\b/i.test(attributes)) sources.add(src);
  }
  let bytes = 0;
  const encodings = new Set<string>();
  for (const src of sources) {
    const response = await get(port, src, true);
    if (response.status !== 200) throw new Error(`${src}: HTTP ${response.status}`);
    bytes += response.bytes;
    encodings.add(response.encoding);
  }
  return { kib: bytes / 1024, chunks: sources.size, encoding: [...encodings].join(', ') };
}

/** Observers installed before any page script: long tasks, keydown Event Timing, keystroke → headline commits. */
const INSTRUMENT = () => {
  const w = window as unknown as Record<string, unknown>;
  const longTasks: { start: number; duration: number }[] = [];
  const keydowns: number[] = [];
  const keyTimes: number[] = [];
  const headlineTimes: { serial: string; at: number }[] = [];
  w.__bench = { longTasks, keydowns, keyTimes, headlineTimes };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'keydown') keydowns.push(entry.duration);
  }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
  document.addEventListener('keydown', (event) => keyTimes.push(event.timeStamp), { capture: true });
  let lastSerial: string | null = null;
  new MutationObserver(() => {
    const serial = document.querySelector('[data-result-serial]')?.getAttribute('data-result-serial') ?? null;
    if (serial !== null && serial !== lastSerial) {
      lastSerial = serial;
      headlineTimes.push({ serial, at: performance.now() });
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-result-serial'] });
};

interface BenchState {
  longTasks: { start: number; duration: number }[];
  keydowns: number[];
  keyTimes: number[];
  headlineTimes: { serial: string; at: number }[];
}

const state = (page: Page) => page.evaluate(() => (window as unknown as { __bench: BenchState }).__bench);

async function openSimulator(browser: Browser, port: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // tsx keeps function names with a `__name` helper that the page does not have.
  await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
  await page.addInitScript(INSTRUMENT);
  await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
  await page.locator('[data-figure="total-tco"]').first().waitFor({ state: 'visible' });
  return page;
}

async function loadFigures(browser: Browser, port: number) {
  const page = await openSimulator(browser, port);
  const loadEnd = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  const elapsed = await page.evaluate(() => performance.now());
  await page.waitForTimeout(Math.max(0, loadEnd + 5000 - elapsed));
  const { longTasks } = await state(page);
  const total = longTasks.filter((t) => t.start <= loadEnd + 5000).reduce((sum, t) => sum + t.duration, 0);
  await page.context().close();
  return total;
}

async function waitForSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const results = document.querySelector('[data-mc-state]');
    return results?.getAttribute('data-mc-state') === 'settled' || results?.getAttribute('data-mc-state') === 'off';
  });
}

async function typingFigures(browser: Browser, port: number) {
  const page = await openSimulator(browser, port);
  await waitForSettled(page);
  await page.waitForTimeout(1500); // let the idle work of the load (off-screen charts) finish
  const field = page.getByLabel('Requests per day', { exact: true });
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
  const before = await state(page);
  const skipTasks = before.longTasks.length;
  const skipKeydowns = before.keydowns.length;
  const skipKeys = before.keyTimes.length;
  const skipHeadlines = before.headlineTimes.length;
  await page.keyboard.type(TYPED_KEYS, { delay: KEY_DELAY_MS });
  await page.waitForTimeout(1000);
  const after = await state(page);
  const keyTimes = after.keyTimes.slice(skipKeys);
  const headlines = after.headlineTimes.slice(skipHeadlines);
  const tasks = after.longTasks.slice(skipTasks).filter((t) => t.start >= (keyTimes[0] ?? 0));
  // Each keystroke's latency: the first headline commit after it (and before the next keystroke's commit).
  const latencies: number[] = [];
  for (const keyTime of keyTimes) {
    const commit = headlines.find((h) => h.at >= keyTime);
    if (commit) latencies.push(commit.at - keyTime);
  }
  await page.context().close();
  return {
    longTaskTotal: tasks.reduce((sum, t) => sum + t.duration, 0),
    longTaskMax: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
    worstKeydown: after.keydowns.slice(skipKeydowns).reduce((max, d) => Math.max(max, d), 0),
    headlineMedian: median(latencies),
    headlineSamples: latencies.length,
  };
}

async function monteCarloFigures(browser: Browser, port: number) {
  const page = await openSimulator(browser, port);
  await waitForSettled(page);
  const trials = Number(await page.locator('[data-mc-state]').first().getAttribute('data-mc-trials'));
  const timings: number[] = [];
  for (let edit = 0; edit < MC_EDITS; edit++) {
    await page.waitForTimeout(300);
    timings.push(
      await page.evaluate(
        ({ value, fullTrials }) =>
          new Promise<number>((resolve, reject) => {
            const input = document.getElementById('requests-per-day') as HTMLInputElement;
            const results = () => document.querySelector('[data-mc-state]');
            const serialBefore = results()?.getAttribute('data-result-serial');
            const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
            const start = performance.now();
            setValue?.call(input, String(value));
            input.dispatchEvent(new Event('input', { bubbles: true }));
            const check = () => {
              const element = results();
              // The final band is in, and the monthly chart has drawn it.
              const settled =
                element?.getAttribute('data-result-serial') !== serialBefore &&
                element?.getAttribute('data-mc-state') === 'settled' &&
                Number(element?.getAttribute('data-mc-trials')) === fullTrials &&
                element?.querySelector('[data-charts-current]')?.getAttribute('data-charts-current') === 'true' &&
                element?.querySelector('[data-chart-slot="monthly-tco"]')?.getAttribute('data-chart-current') === 'true';
              if (settled) resolve(performance.now() - start);
              else if (performance.now() - start > 30_000) reject(new Error('Monte Carlo did not settle within 30 s'));
              else requestAnimationFrame(check);
            };
            check();
          }),
        { value: 41_000 + 1_111 * edit, fullTrials: trials },
      ),
    );
  }
  await page.context().close();
  return { median: median(timings), trials };
}

async function main(): Promise<void> {
  ensureBuild();
  const port = await freePort();
  log(`next start on 127.0.0.1:${port}`);
  const server = await startServer(port);
  let browser: Browser | null = null;
  try {
    const js = await firstLoadJs(port);
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
    const loads: number[] = [];
    const typing: Awaited<ReturnType<typeof typingFigures>>[] = [];
    const bands: number[] = [];
    let trials = 0;
    for (let run = 0; run < RUNS; run++) {
      log(`run ${run + 1} of ${RUNS} …`);
      loads.push(await loadFigures(browser, port));
      typing.push(await typingFigures(browser, port));
      const mc = await monteCarloFigures(browser, port);
      bands.push(mc.median);
      trials = mc.trials;
    }
    const figures: Figure[] = [
      { figure: 'first-load JS of /, gzip over the wire', value: js.kib, unit: 'KiB', target: 200 },
      { figure: 'long-task time, load + 5 s (median)', value: median(loads), unit: 'ms', target: 200 },
      { figure: `long-task time typing ${TYPED_KEYS.length} keys (median total)`, value: median(typing.map((t) => t.longTaskTotal)), unit: 'ms', target: 200 },
      { figure: `longest task typing ${TYPED_KEYS.length} keys (worst run)`, value: Math.max(...typing.map((t) => t.longTaskMax)), unit: 'ms', target: 50, note: '0 = no task over 50 ms' },
      { figure: 'worst keydown interaction, Event Timing (worst run)', value: Math.max(...typing.map((t) => t.worstKeydown)), unit: 'ms', target: 50, note: '0 = every keydown under 16 ms' },
      { figure: 'keystroke → headline figures updated (median)', value: median(typing.map((t) => t.headlineMedian)), unit: 'ms', target: 33 },
      { figure: `edit → Monte Carlo band settled, ${trials.toLocaleString('en-US')} trials (median)`, value: median(bands), unit: 'ms', target: 300 },
    ];
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${browser.version()}`;
    if (JSON_OUTPUT) {
      console.log(JSON.stringify({ machine, runs: RUNS, encoding: js.encoding, chunks: js.chunks, figures: figures.map((f) => ({ ...f, value: Math.round(f.value * 10) / 10, pass: f.value <= f.target })) }, null, 2));
    } else {
      console.log(`\n${machine}; ${RUNS} run(s); first load: ${js.chunks} chunks, ${js.encoding}`);
      const width = Math.max(...figures.map((f) => f.figure.length));
      console.log(`${'figure'.padEnd(width)}  ${'measured'.padStart(12)}  ${'target'.padStart(10)}  `);
      for (const f of figures) {
        const value = `${f.value.toFixed(f.unit === 'KiB' ? 1 : 0)} ${f.unit}`;
        console.log(`${f.figure.padEnd(width)}  ${value.padStart(12)}  ${`≤ ${f.target} ${f.unit}`.padStart(10)}  ${f.value <= f.target ? 'ok' : 'OVER'}${f.note ? `  (${f.note})` : ''}`);
      }
    }
  } finally {
    await browser?.close();
    stopServer(server);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
