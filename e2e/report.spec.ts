import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * The printable report (issue #12, /report): opened from the simulator's "Print report" action with the same link
 * fragment, it shows the simulator's figures, the CSV's totals to the cent, charts with data and every figure's source,
 * and prints to 1-4 pages of A4 and of Letter without the site navigation.
 */

const PRESETS = ['Customer-support chatbot', 'Code generation', 'Translation pipeline', 'Cost-sensitive'] as const;

// Each test walks simulator → report and waits for a Monte Carlo run: generous on a loaded 2-core machine.
test.describe.configure({ timeout: 180_000 });

function figure(page: Page, id: string): Locator {
  return page.locator(`[data-figure="${id}"]`).first();
}

function presetButton(page: Page, name: string): Locator {
  return page.getByRole('button', { name: new RegExp(`^${name}`) });
}

/** Pages of a PDF Chromium wrote: one `/Type /Page` object per page (`/Type /Pages` is the page tree). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** "$26,785.47" → 26785.47 */
function money(text: string | null): number {
  return Number((text ?? '').replace(/[$,\s]/g, ''));
}

async function openSimulator(page: Page) {
  await page.goto('/');
  await expect(figure(page, 'total-tco')).toBeVisible({ timeout: 60_000 });
}

/** Pick a preset and wait until the headline shows its figures (a fresh browser starts on the first preset). */
async function choosePreset(page: Page, preset: string) {
  const before = await figure(page, 'total-tco').textContent();
  await presetButton(page, preset).click();
  await expect(presetButton(page, preset)).toHaveAttribute('aria-pressed', 'true');
  if (preset !== PRESETS[0]) await expect(figure(page, 'total-tco')).not.toHaveText(before ?? '');
}

/** Open the simulator on a preset, read its headline TCO, then follow "Print report" to the report of that preset. */
async function openReportFromSimulator(page: Page, preset: string): Promise<{ simulatorTco: string; fragment: string }> {
  await openSimulator(page);
  await choosePreset(page, preset);
  const printReport = page.getByRole('link', { name: 'Print report' });
  // The action carries the fragment the address bar has (written throttled after an edit).
  await expect
    .poll(async () => {
      const hash = await page.evaluate(() => window.location.hash);
      return hash.startsWith('#s=1.d.') && (await printReport.getAttribute('href')) === `/report${hash}`;
    })
    .toBe(true);
  const fragment = await page.evaluate(() => window.location.hash);
  const simulatorTco = ((await figure(page, 'total-tco').textContent()) ?? '').trim();
  await printReport.click();
  await page.waitForURL(/\/report#s=1\.d\./);
  expect(new URL(page.url()).hash).toBe(fragment);
  await expect(page.getByRole('heading', { level: 1, name: preset })).toBeVisible();
  return { simulatorTco, fragment };
}

/** The report with its Monte Carlo band in (the presets ask for it), so the printed pages are final. */
async function waitForMonteCarlo(page: Page) {
  await expect(page.locator('[data-monte-carlo="ready"]')).toBeVisible({ timeout: 120_000 });
}

async function csvTotal(page: Page): Promise<Record<string, string>> {
  await page.getByText('Export ▾').click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSV (monthly projection)' }).click();
  const download = await downloadPromise;
  const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const total = parsed.data.find((row) => row.month === 'total');
  if (!total) throw new Error('the CSV has no total row');
  return total;
}

test.describe('report', () => {
  test('opens from the simulator with its figures, the CSV totals to the cent, charts, sources and a link back', async ({ page }) => {
    await openSimulator(page);
    await choosePreset(page, PRESETS[0]);
    const csv = await csvTotal(page);
    const { simulatorTco, fragment } = await openReportFromSimulator(page, PRESETS[0]);

    // Headline: the simulator's total, as the simulator shows it.
    await expect(figure(page, 'total-tco')).toHaveText(simulatorTco);
    await waitForMonteCarlo(page);

    // Monthly table: the total row equals the CSV's, component by component, to the cent.
    const table = page.getByRole('table', { name: 'Monthly cost of ownership by component, USD' });
    await expect(table.locator('tbody tr')).toHaveCount(6);
    const totalRow = table.locator('tfoot tr');
    expect(money(await totalRow.locator('[data-column="tco"]').textContent())).toBe(Number(csv.tco_usd));
    const headers = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
    const cells = (await totalRow.locator('th, td').allTextContents()).map((text) => text.trim());
    const byHeader = (name: string) => cells[headers.indexOf(name)] ?? '';
    expect(money(byHeader('Realtime tokens'))).toBe(Number(csv.token_cost_usd));
    expect(money(byHeader('Engineering'))).toBe(Number(csv.engineering_usd));
    expect(money(byHeader('Downtime'))).toBe(Number(csv.downtime_cost_usd));
    expect(Number(byHeader('Requests').replace(/,/g, ''))).toBe(Math.round(Number(csv.requests)));
    expect(byHeader('TCO p5–p95')).toMatch(/^\$[\d,]+ – \$[\d,]+$/);

    // Charts: drawn, with data (six months of bars, lines with a path).
    const monthly = page.locator('[data-report-chart="report-chart-monthly"]');
    await expect(monthly.getByRole('heading', { name: 'Monthly cost of ownership by component' })).toBeVisible();
    expect(await monthly.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(6);
    await expect(monthly.locator('.recharts-area-area')).toHaveCount(1); // the Monte Carlo band
    for (const id of ['report-chart-cumulative', 'report-chart-latency']) {
      const curves = page.locator(`[data-report-chart="${id}"] path.recharts-line-curve`);
      expect(await curves.count(), id).toBeGreaterThanOrEqual(2);
      expect(await curves.first().getAttribute('d'), id).toMatch(/^M[\d.]+,[\d.]+L/);
    }

    // Findings a CTO reads, and every price with its source and as-of date.
    await expect(page.getByText(/^The chain is down about .* a month \(99\.\d+%\)/)).toBeVisible();
    await expect(page.getByText(/429s|Rate limits do not bind/).first()).toBeVisible();
    const figures = page.getByRole('table', { name: 'Figures used, with their sources and as-of dates' });
    await expect(figures.getByRole('rowheader', { name: 'Claude Haiku 4.5 · Anthropic' })).toBeVisible();
    const priceRow = figures.getByRole('row', { name: /Input \/ output price \$1\.00 \/ \$5\.00 per 1M tokens/ }).first();
    await expect(priceRow.getByRole('link', { name: /github\.com\/BerriAI\/litellm/ })).toBeVisible();
    await expect(priceRow).toContainText(/\d{1,2} [A-Z][a-z]{2} 20\d\d/);

    // The way back: the simulator with the same fragment.
    const back = page.getByRole('link', { name: /Back to the simulator/ });
    expect(new URL((await back.getAttribute('href'))!).hash).toBe(fragment);
    await expect(page.getByRole('link', { name: /\/#s=1\.d\./ })).toHaveAttribute('href', /\/#s=1\.d\./);
    await expect(page.getByText(/^Generated \d{1,2} [A-Z][a-z]+ 20\d\d, \d\d:\d\d UTC/).first()).toBeVisible();

    // Print media: no site navigation, no toolbar; the document alone.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: PRESETS[0] })).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByRole('navigation')).toBeVisible();
  });

  for (const preset of PRESETS) {
    test(`${preset}: the report prints to 1-4 pages of A4 and of Letter`, async ({ page }) => {
      const { simulatorTco } = await openReportFromSimulator(page, preset);
      await expect(figure(page, 'total-tco')).toHaveText(simulatorTco);
      await waitForMonteCarlo(page);
      mkdirSync('e2e/artifacts', { recursive: true });
      const slug = preset.toLowerCase().replace(/[^a-z]+/g, '-');
      for (const format of ['A4', 'Letter'] as const) {
        const pdf = await page.pdf({ format });
        writeFileSync(`e2e/artifacts/report-${slug}-${format}.pdf`, pdf);
        const pages = pdfPageCount(pdf);
        expect(pages, `${preset}, ${format}`).toBeGreaterThanOrEqual(1);
        expect(pages, `${preset}, ${format}`).toBeLessThanOrEqual(4);
      }
    });
  }

  test('a damaged link says what is wrong and shows no report', async ({ page }) => {
    await page.goto('/report#s=1.d.AAAAAAAA-not-a-scenario');
    const alert = page.getByRole('alert', { name: 'This scenario link could not be opened' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(/damaged|not valid/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
    await alert.getByRole('button', { name: 'Show the original link' }).click();
    await expect(alert.getByLabel('Original link')).toHaveValue(/#s=1\.d\.AAAAAAAA-not-a-scenario$/);
    await expect(alert.getByRole('link', { name: 'Open the simulator' })).toHaveAttribute('href', '/');
  });

  test('without a fragment it reports the autosaved scenario, or says there is none', async ({ page, browser }) => {
    const empty = await (await browser.newContext()).newPage();
    await empty.goto('/report');
    await expect(empty.getByText('There is no scenario to report on yet')).toBeVisible();
    await expect(empty.getByRole('link', { name: 'Open the simulator' })).toBeVisible();

    await openSimulator(page);
    await choosePreset(page, 'Code generation');
    const simulatorTco = ((await figure(page, 'total-tco').textContent()) ?? '').trim();
    await expect.poll(() => page.evaluate(() => window.localStorage.length)).toBeGreaterThan(0);
    await page.waitForTimeout(600); // autosave is throttled (300 ms)
    await page.goto('/report');
    await expect(page.getByRole('heading', { level: 1, name: 'Code generation' })).toBeVisible();
    await expect(page.getByText('from the scenario autosaved in this browser')).toBeVisible();
    await expect(figure(page, 'total-tco')).toHaveText(simulatorTco);
  });

  test('is axe clean in light and dark, and screenshots at desktop and phone size', async ({ page }) => {
    await openReportFromSimulator(page, PRESETS[0]);
    await waitForMonteCarlo(page);
    mkdirSync('e2e/artifacts', { recursive: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: 'e2e/artifacts/report-1280.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(figure(page, 'total-tco')).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: 'e2e/artifacts/report-390.png', fullPage: true });
  });
});
