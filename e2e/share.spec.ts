import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { mkdirSync, readFileSync } from 'node:fs';
import { presetScenario } from '@/lib/scenario/presets';
import { encodeWorkingSet } from '@/lib/scenario/url-codec';

/**
 * Sharing (issue #5): a link copied in one browser opens identically in another; the CSV matches the screen to the
 * cent; a JSON export re-imports; a tampered link gets a clear message and the app keeps working.
 */

const HEADLINES = ['total-tco', 'monthly-average', 'cost-per-1k', 'availability', 'success-rate', 'p95-first-token', 'p95-full-response', 'rate-429', 'failovers'];

function figure(page: Page, id: string): Locator {
  return page.locator(`[data-figure="${id}"]`).first();
}

async function headlineTexts(page: Page): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const id of HEADLINES) texts[id] = ((await figure(page, id).textContent()) ?? '').trim();
  return texts;
}

/** Headline figures once Monte Carlo has settled (the cards may show the previous run's figures while it updates). */
async function settledHeadlines(page: Page): Promise<Record<string, string>> {
  await expect(page.getByText('Monte Carlo updating…')).toHaveCount(0);
  let previous = await headlineTexts(page);
  for (;;) {
    await page.waitForTimeout(500);
    const current = await headlineTexts(page);
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    previous = current;
  }
}

async function openSimulator(page: Page, path = '/') {
  await page.goto(path);
  await expect(figure(page, 'total-tco')).toBeVisible();
}

/** Edit a field and wait until the headline TCO shows the new figures. */
async function setRequestsPerDay(page: Page, value: string) {
  const before = await figure(page, 'total-tco').textContent();
  await page.getByLabel('Requests per day', { exact: true }).fill(value);
  await expect(figure(page, 'total-tco')).not.toHaveText(before ?? '');
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function exportAs(page: Page, item: string) {
  await page.getByText('Export ▾').click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: item }).click();
  const download = await downloadPromise;
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

test.describe('scenario links', () => {
  test('an edited scenario copied as a link opens with identical figures in a fresh browser', async ({ page, browser, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openSimulator(page);
    await setRequestsPerDay(page, '123456');
    await page.getByLabel('Scenario name').fill('Support bot — EU rollout');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#s=1\.d\.[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(2000);
    // The address bar follows the edits too (throttled).
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(link.slice(link.indexOf('#')));
    const expected = await settledHeadlines(page);

    const other = await freshPage(browser);
    await openSimulator(other, link);
    await expect(other.getByLabel('Requests per day', { exact: true })).toHaveValue(/123,?456/);
    await expect(other.getByLabel('Scenario name')).toHaveValue('Support bot — EU rollout');
    expect(await settledHeadlines(other)).toEqual(expected);
    await other.context().close();
  });

  test('a reload keeps the work (autosave), and an explicit link wins over it', async ({ page }) => {
    await openSimulator(page);
    await setRequestsPerDay(page, '77777');
    await expect.poll(() => page.evaluate(() => window.localStorage.getItem('routecost:working-set') ?? '')).toContain('77777');
    await page.goto('/');
    await expect(page.getByLabel('Requests per day', { exact: true })).toHaveValue(/77,?777/);

    const linked = { scenarios: [{ ...presetScenario('cost-sensitive'), name: 'From a link' }], active: 0 };
    await page.goto(`/#${encodeWorkingSet(linked)}`);
    await expect(page.getByLabel('Scenario name')).toHaveValue('From a link');
  });

  test('a tampered link says what is wrong, keeps the raw link and falls back to the autosave', async ({ page }) => {
    await openSimulator(page);
    await setRequestsPerDay(page, '55555');
    await expect.poll(() => page.evaluate(() => window.localStorage.getItem('routecost:working-set') ?? '')).toContain('55555');
    const good = encodeWorkingSet({ scenarios: [presetScenario('code-generation')], active: 0 });
    const tampered = `/#${good.slice(0, -25)}`;
    await page.goto(tampered);
    const alert = page.getByRole('alert').filter({ hasText: 'This scenario link could not be opened' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(/damaged/);
    await expect(alert).toContainText('last autosaved scenarios');
    await expect(page.getByLabel('Requests per day', { exact: true })).toHaveValue(/55,?555/);
    await alert.getByRole('button', { name: 'Show the original link' }).click();
    await expect(alert.getByLabel('Original link')).toHaveValue(new RegExp(`${good.slice(0, 40).replace(/\./g, '\\.')}`));
    expect(await page.evaluate(() => window.location.hash)).toBe(tampered.slice(1));
    mkdirSync('e2e/artifacts', { recursive: true });
    await page.screenshot({ path: 'e2e/artifacts/share-link-problem-1280.png' });
    // The app still works: edits recompute, and dismissing puts the current scenarios back in the address bar.
    await setRequestsPerDay(page, '60000');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toBeHidden();
    await expect.poll(() => page.evaluate(() => window.location.hash)).not.toBe(tampered.slice(1));
  });

  test('a link the schema rejects names the field', async ({ page }) => {
    const preset = presetScenario('support-chatbot');
    const invalid = { scenarios: [{ ...preset, horizonMonths: 99 }], active: 0 };
    await page.goto(`/#${encodeWorkingSet(invalid)}`);
    const alert = page.getByRole('alert').filter({ hasText: 'This scenario link could not be opened' });
    await expect(alert).toContainText('scenarios[0].horizonMonths: must be <= 60');
    await expect(figure(page, 'total-tco')).toBeVisible();
    const newer = `/#s=7.d.${good64()}`;
    await page.goto(newer);
    await page.reload();
    await expect(page.getByRole('alert').filter({ hasText: 'newer version of RouteCost' })).toBeVisible();
  });
});

/** Four scenarios with sixteen custom models each, prices with many digits: a valid working set with a long link. */
function bulkyWorkingSet() {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const scenarios = [0, 1, 2, 3].map((s) => {
    const base = presetScenario('support-chatbot');
    const models: Record<string, unknown> = {};
    for (let m = 0; m < 16; m++) {
      models[`custom-${s}-${m}`] = { provider: 'acme', inputPer1M: next() * 10, outputPer1M: next() * 30, ttftMs: 200 + next() * 900, tokensPerSec: 20 + next() * 200, transientErrorRate: next() / 100, cachedInputPer1M: next(), batchInputPer1M: next() * 5, batchOutputPer1M: next() * 15, rpm: Math.round(next() * 1e6), tpm: next() * 1e9, fastFailMs: next() * 500 };
    }
    return { ...base, name: `Bulky ${s + 1}`, providers: { acme: { availability: 0.999 } }, models, routing: { ...base.routing, chains: [{ weight: 1, models: [`custom-${s}-0`, `custom-${s}-1`] }] } };
  });
  return { scenarios, active: 0 } as Parameters<typeof encodeWorkingSet>[0];
}

function good64(): string {
  return encodeWorkingSet({ scenarios: [presetScenario('support-chatbot')], active: 0 }).slice('s=1.d.'.length);
}

test('a link above 8,000 characters warns and suggests a JSON export', async ({ page }) => {
  const fragment = encodeWorkingSet(bulkyWorkingSet());
  expect(fragment.length).toBeGreaterThan(8000);
  expect(fragment.length).toBeLessThan(16384);
  await openSimulator(page, `/#${fragment}`);
  await expect(page.getByLabel('Scenario name')).toHaveValue('Bulky 1');
  await expect(page.getByRole('status').filter({ hasText: /This link is [\d,]+ characters long/ })).toContainText('Share a JSON export instead');
});

test.describe('export and import', () => {
  test('the CSV parses, and its totals equal the figures on screen to the cent', async ({ page }) => {
    await openSimulator(page);
    await page.getByRole('button', { name: 'Duplicate' }).click();
    await setRequestsPerDay(page, '90000');
    const csv = await exportAs(page, 'CSV (monthly projection)');
    expect(csv.name).toBe('Customer-support chatbot (copy) and 1 more.csv');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain('\r\n');
    const parsed = Papa.parse<Record<string, string>>(csv.text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields?.slice(0, 3)).toEqual(['scenario', 'month', 'requests']);
    const totals = parsed.data.filter((row) => row.month === 'total');
    expect(totals.map((row) => row.scenario)).toEqual(['Customer-support chatbot', 'Customer-support chatbot (copy)']);

    // The simulator shows whole dollars; the CSV total rounds to the same figure.
    const shown = Number(((await figure(page, 'total-tco').textContent()) ?? '').replace(/[$,]/g, ''));
    expect(Math.round(Number(totals[1]!.tco_usd))).toBe(shown);

    // The compare table shows cents: they match exactly.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compare' }).click();
    for (const [index, row] of totals.entries()) {
      const cell = page.locator(`td[data-metric="total-tco"][data-scenario="${index}"] > span`).first();
      await expect(cell).toHaveText(`$${Number(row.tco_usd).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
    }

    const excel = await exportAs(page, 'CSV for Excel (semicolon)');
    expect(excel.name).toBe('Customer-support chatbot (copy) and 1 more (Excel).csv');
    const firstData = excel.text.split('\r\n')[1] ?? '';
    expect(firstData.split(';')[0]).toBe('Customer-support chatbot');
    expect(firstData).toMatch(/;\d+,\d{2};/); // decimal commas
  });

  test('a JSON export imports in a fresh browser with identical figures; a bad file changes nothing', async ({ page, browser }, testInfo) => {
    await openSimulator(page);
    await setRequestsPerDay(page, '43210');
    const expected = await settledHeadlines(page);
    const json = await exportAs(page, 'JSON (scenarios)');
    expect(json.name).toBe('Customer-support chatbot.json');
    const file = testInfo.outputPath('scenarios.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, json.text);

    const other = await freshPage(browser);
    await openSimulator(other);
    await other.getByLabel('Import scenarios from a JSON file').setInputFiles(file);
    await expect(other.getByRole('status').filter({ hasText: 'Imported 1 scenario from “scenarios.json”.' })).toBeVisible();
    await expect(other.getByLabel('Requests per day', { exact: true })).toHaveValue(/43,?210/);
    expect(await settledHeadlines(other)).toEqual(expected);

    const bad = testInfo.outputPath('bad.json');
    const broken = JSON.parse(json.text) as { scenarios: { workload: { requestsPerDay: number } }[] };
    broken.scenarios[0]!.workload.requestsPerDay = -5;
    writeFileSync(bad, JSON.stringify(broken));
    await other.getByLabel('Import scenarios from a JSON file').setInputFiles(bad);
    await expect(other.getByRole('alert').filter({ hasText: 'scenarios[0].workload.requestsPerDay: must be >= 0' })).toContainText('Nothing on screen changed');
    expect(await headlineTexts(other)).toEqual(expected);
    await other.context().close();
  });
});
