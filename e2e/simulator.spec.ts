import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/**
 * The simulator page (issue #4): what a visitor sees and does. Figures are read from the headline cards
 * (`data-figure`), inputs through their labels, charts through their `figure` role.
 */

const PRESET_NAMES = ['Customer-support chatbot', 'Code generation', 'Translation pipeline', 'Cost-sensitive'];

function figure(page: Page, id: string): Locator {
  return page.locator(`[data-figure="${id}"]`).first();
}

/** "$26,785", "$1.23M", "$950K", "99.500%", "800 ms", "2.5 s" → a number in the figure's own unit. */
function parseFigure(text: string): number {
  const match = /(-?[\d,]*\.?\d+)\s*([KMB%]|ms|s|min)?/.exec(text.replace(/\u00a0/g, ' '));
  if (!match?.[1]) return Number.NaN;
  const value = Number(match[1].replace(/,/g, ''));
  const multiplier: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, s: 1000, min: 60_000 };
  return value * (multiplier[match[2] ?? ''] ?? 1);
}

async function figureValue(page: Page, id: string): Promise<number> {
  return parseFigure((await figure(page, id).textContent()) ?? '');
}

function presetButton(page: Page, name: string): Locator {
  return page.getByRole('button', { name: new RegExp(`^${name}`) });
}

async function expectFiniteHeadlines(page: Page) {
  for (const id of ['total-tco', 'monthly-average', 'cost-per-1k', 'availability', 'p95-first-token']) {
    const text = (await figure(page, id).textContent()) ?? '';
    expect(text, `figure ${id}`).not.toMatch(/NaN|Infinity|undefined/);
    expect(Number.isFinite(parseFigure(text)), `figure ${id} = "${text}"`).toBe(true);
  }
}

async function openSimulator(page: Page) {
  await page.goto('/');
  await expect(figure(page, 'total-tco')).toBeVisible();
}

test.describe('simulator', () => {
  test('loads with finite headline figures from the default preset', async ({ page }) => {
    const errors: string[] = [];
    const failedRequests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('response', (response) => {
      // Next prefetches the header's links; a route another issue has not shipped yet may 404 there, not here.
      if (response.status() >= 400 && !response.url().includes('_rsc=')) failedRequests.push(`${response.status()} ${response.url()}`);
    });
    await openSimulator(page);
    await expectFiniteHeadlines(page);
    await expect(presetButton(page, 'Customer-support chatbot')).toHaveAttribute('aria-pressed', 'true');
    expect(failedRequests).toEqual([]);
    expect(errors.filter((text) => !text.startsWith('Failed to load resource'))).toEqual([]);
  });

  test('more requests per day cost more', async ({ page }) => {
    await openSimulator(page);
    const before = await figureValue(page, 'total-tco');
    const field = page.getByLabel('Requests per day', { exact: true });
    await field.fill('200000');
    await expect.poll(() => figureValue(page, 'total-tco')).toBeGreaterThan(before);
    await field.fill('10000');
    await expect.poll(() => figureValue(page, 'total-tco')).toBeLessThan(before);
    await expectFiniteHeadlines(page);
  });

  test('adding a fallback model raises availability', async ({ page }) => {
    await openSimulator(page);
    const withPresetFallback = await figureValue(page, 'availability');
    // Start from the primary alone: remove the preset's fallback (availability drops to the primary provider's).
    await page.getByRole('button', { name: /^Remove GPT-4o mini from chain 1$/ }).click();
    await expect(page.getByRole('list', { name: /models in the order they are tried/ }).getByRole('listitem')).toHaveCount(1);
    await expect.poll(() => figureValue(page, 'availability')).toBeLessThan(withPresetFallback);
    const single = await figureValue(page, 'availability');
    const chain = page.getByRole('list', { name: /models in the order they are tried/ }).locator('xpath=..');
    await chain.getByLabel('Search models').fill('gemini 2.5 flash');
    await chain.getByRole('button', { name: 'Add fallback' }).click();
    await expect(page.getByRole('list', { name: /models in the order they are tried/ }).getByRole('listitem')).toHaveCount(2);
    await expect.poll(() => figureValue(page, 'availability')).toBeGreaterThan(single);
  });

  test('every preset changes the figures and keeps them finite', async ({ page }) => {
    await openSimulator(page);
    const seen = new Set<string>();
    let previous = (await figure(page, 'total-tco').textContent()) ?? '';
    for (const name of [...PRESET_NAMES.slice(1), PRESET_NAMES[0] ?? '']) {
      await presetButton(page, name).click();
      await expect(presetButton(page, name)).toHaveAttribute('aria-pressed', 'true');
      // The results follow the inputs in a transition: wait for the new total, then check every figure.
      await expect(figure(page, 'total-tco')).not.toHaveText(previous);
      await expectFiniteHeadlines(page);
      previous = (await figure(page, 'total-tco').textContent()) ?? '';
      seen.add(previous);
    }
    expect(seen.size).toBe(PRESET_NAMES.length);
  });

  test('an invalid value shows an inline error and keeps the last results, marked stale', async ({ page }) => {
    await openSimulator(page);
    const before = (await figure(page, 'total-tco').textContent()) ?? '';
    const field = page.getByLabel('Requests per day', { exact: true });

    await field.fill('-5');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Must be >= 0').first()).toBeVisible();
    await expect(page.getByText(/showing the results of the last valid scenario/i)).toBeVisible();
    await expect(figure(page, 'total-tco')).toHaveText(before);

    await field.fill('');
    await expect(page.getByText('Required: enter a number')).toBeVisible();
    await expect(figure(page, 'total-tco')).toHaveText(before);

    await field.fill('50000');
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/showing the results of the last valid scenario/i)).toHaveCount(0);
    await expectFiniteHeadlines(page);
  });

  test('the charts render with data', async ({ page }) => {
    await openSimulator(page);
    const charts = page.getByRole('figure');
    await expect.poll(() => charts.count()).toBeGreaterThanOrEqual(6);
    const count = await charts.count();
    let withData = 0;
    for (let i = 0; i < count; i++) {
      const chart = charts.nth(i);
      if ((await chart.locator('svg path').count()) > 0) withData++;
    }
    expect(withData).toBeGreaterThanOrEqual(6);

    // The monthly chart's numbers are also a table (keyboard, screen readers, copying): one row per month.
    const monthly = page.getByRole('figure', { name: 'Monthly cost of ownership by component' });
    await monthly.getByText('Show the numbers').click();
    const table = monthly.getByRole('table', { name: /Monthly cost of ownership by component/ });
    await expect(table.getByRole('row')).toHaveCount(1 + 6);
    await expect(table.getByRole('rowheader').first()).toHaveText('Month 1');
    const cells = await table.getByRole('cell').allTextContents();
    expect(cells.length).toBeGreaterThan(0);
    for (const text of cells) expect(text).toMatch(/^[-−]?\$[\d,.]+(K|M|B)?( – [-−]?\$[\d,.]+(K|M|B)?)?$|^—$/);
  });

  test('keyboard only: reach requests per day and change it', async ({ page }) => {
    await openSimulator(page);
    const before = await figureValue(page, 'total-tco');
    const field = page.getByLabel('Requests per day', { exact: true });
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await field.evaluate((element) => element === document.activeElement);
    }
    expect(reached).toBe(true);
    // Visible focus: the field's frame shows a focus ring.
    const ring = await field.evaluate((element) => getComputedStyle(element.parentElement as Element).boxShadow);
    expect(ring).not.toBe('none');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('150000');
    await expect.poll(() => figureValue(page, 'total-tco')).toBeGreaterThan(before);
    await page.keyboard.press('ArrowUp');
    await expect(field).toHaveValue('151,000');
  });

  test('typing stays responsive: the field echoes at once and the figures follow without waiting for Monte Carlo', async ({ page }) => {
    await openSimulator(page);
    const timings: { echo: number; figure: number }[] = [];
    for (const value of ['60000', '70000', '80000']) {
      // Measured inside the page so Playwright's round trips do not count; Monte Carlo of the previous value is running.
      timings.push(
        await page.evaluate(
          (v) =>
            new Promise<{ echo: number; figure: number }>((resolve) => {
              const input = document.getElementById('requests-per-day') as HTMLInputElement;
              const figureElement = document.querySelector('[data-figure="total-tco"]');
              const before = figureElement?.textContent;
              const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
              const start = performance.now();
              let echo = -1;
              setValue?.call(input, v);
              input.dispatchEvent(new Event('input', { bubbles: true }));
              const check = () => {
                if (echo < 0 && input.value.replace(/,/g, '') === v) echo = performance.now() - start;
                if (figureElement?.textContent !== before) resolve({ echo, figure: performance.now() - start });
                else setTimeout(check, 1);
              };
              check();
            }),
          value,
        ),
      );
      await page.waitForTimeout(400); // past the Monte Carlo debounce, so its run overlaps the next edit
    }
    // Medians with generous bounds for a loaded 2-core CI machine (an idle one is ~10× faster); a 1,000-trial Monte
    // Carlo run on the main thread blocks for 4 s or more and fails this.
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Infinity;
    console.log(`echo ms ${timings.map((t) => t.echo.toFixed(0)).join(', ')}; figures ms ${timings.map((t) => t.figure.toFixed(0)).join(', ')}`);
    expect(median(timings.map((t) => t.echo))).toBeLessThan(500);
    expect(median(timings.map((t) => t.figure))).toBeLessThan(2500);
  });

  test('/?model=<id> from the catalog makes that model the primary of the first chain', async ({ page }) => {
    await page.goto('/?model=gemini-2.5-flash');
    const primary = page.getByLabel(/^Primary model of chain 1/);
    await expect(primary).toHaveValue('gemini-2.5-flash');
    // the preset's own models stay behind it as fallbacks, and the parameter is consumed
    await expect(page.getByRole('list', { name: /models in the order they are tried/ }).getByRole('listitem')).toHaveCount(3);
    await expect.poll(() => new URL(page.url()).searchParams.has('model')).toBe(false);
    await expectFiniteHeadlines(page);
  });

  test('help tooltips open on keyboard focus and stay on a phone screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openSimulator(page);
    const help = page.getByRole('button', { name: 'About Monthly growth' });
    await help.focus();
    const tip = page.getByRole('tooltip').filter({ hasText: 'Compound growth' });
    await expect(tip).toBeVisible();
    const box = await tip.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await page.keyboard.press('Escape');
    await expect(tip).toHaveClass(/sr-only/); // closed: visually hidden, still read by aria-describedby
  });

  test('has no serious or critical axe violations', async ({ page }) => {
    await openSimulator(page);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  });

  test('screenshots at desktop and phone size', async ({ page }) => {
    mkdirSync('e2e/artifacts', { recursive: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await openSimulator(page);
    await page.getByRole('figure').first().waitFor();
    await page.screenshot({ path: 'e2e/artifacts/simulator-1280.png', fullPage: false });
    await page.screenshot({ path: 'e2e/artifacts/simulator-1280-full.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(figure(page, 'total-tco')).toBeVisible();
    await page.screenshot({ path: 'e2e/artifacts/simulator-390.png', fullPage: false });
    await page.screenshot({ path: 'e2e/artifacts/simulator-390-full.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'e2e/artifacts/simulator-390-dark.png', fullPage: false });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: 'e2e/artifacts/simulator-1280-dark.png', fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    // Nothing wider than the phone screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
