import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { builtInSpecCatalog } from '@/data';
import { formatMoney } from '@/lib/format/number';
import { optimize } from '@/lib/planner/optimize';
import { presetScenario } from '@/lib/scenario/presets';
import type { PlannerSettings } from '@/lib/scenario/schema';
import { decodeWorkingSet, encodeWorkingSet } from '@/lib/scenario/url-codec';

/** /plan (issue 11): the planner on the active scenario, in its worker pool, agreeing with the CLI's optimizer. */

const scenario = presetScenario('cost-sensitive');

/** Open /plan on the scenario; `planner` as its field, or `legacy` at the top of the payload (links made before the field). */
async function openPlanner(page: Page, settings?: { planner?: PlannerSettings; legacy?: PlannerSettings }) {
  const opened = settings?.planner ? { ...scenario, planner: settings.planner } : scenario;
  await page.goto(`/plan#${encodeWorkingSet({ scenarios: [opened], active: 0, planner: settings?.legacy })}`);
  await expect(page.getByRole('heading', { name: 'Planner', level: 1 })).toBeVisible();
}

async function axeClean(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test.describe('planner', () => {
  test.setTimeout(240_000);

  test('finds the same cheapest chain as the CLI, applies it, and charts the frontier', async ({ page }) => {
    // The CLI's optimizer on the same scenario and targets (npm run plan -- optimize … --max-chain 2 --min-availability 0.995);
    // in the page the pool's workers share dominators, and the frontier must still be the same.
    const expected = optimize({ scenario, catalog: builtInSpecCatalog, options: { maxChain: 2, p95Measure: 'firstToken', minAvailability: 0.995 } });
    expect(expected.best).not.toBeNull();

    // Four cores reported: a pool of three workers, so the partitions and the relayed dominators are exercised.
    await page.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 4 }));
    await openPlanner(page);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' })).toHaveAttribute('aria-current', 'page');
    await page.getByLabel('Min availability', { exact: true }).fill('99.5');
    await page.getByLabel('Longest chain', { exact: true }).selectOption('2');
    // The normal share link (the address the workspace keeps in step) carries the targets in the scenario.
    await expect
      .poll(() => {
        const decoded = decodeWorkingSet(new URL(page.url()).hash);
        return decoded.ok ? decoded.value.scenarios[0]!.planner : null;
      })
      .toEqual({ minAvailability: 0.995, maxChain: 2 });
    await page.getByRole('button', { name: 'Find cheapest chain' }).click();
    const table = page.getByRole('table', { name: 'Pareto frontier, cheapest first' });
    await expect(table).toBeVisible({ timeout: 180_000 });
    await expect(page.getByText(`Cheapest: ${expected.best!.models.join(' → ')} at ${formatMoney(expected.best!.tco, { cents: true })}.`)).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(expected.frontier.length + 1);
    for (const [i, row] of expected.frontier.entries()) {
      await expect(table.getByRole('row').nth(i + 1)).toContainText(formatMoney(row.tco, { cents: true }));
    }

    const frontier = page.getByRole('figure', { name: 'Pareto frontier' });
    await expect(frontier.locator('.recharts-scatter-symbol')).toHaveCount(expected.frontier.length);
    await frontier.getByText('Show the numbers').click();
    await expect(frontier.getByRole('table')).toContainText(formatMoney(expected.best!.tco, { cents: true }));

    // Keyboard: the first "Use this chain" button applies the chain to the active scenario.
    const use = table.getByRole('button', { name: /Use this chain/ }).first();
    await use.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(`Applied ${expected.best!.models.join(' → ')} to the active scenario.`)).toBeVisible();
    await axeClean(page);
    await page.screenshot({ path: 'e2e/artifacts/plan-1280.png', fullPage: true });
  });

  test('tornado and break-even with numbers tables; cancel stops a search', async ({ page }) => {
    // A link from before the scenario field: the settings at the top of the payload still apply.
    await openPlanner(page, { legacy: { maxChain: 1 } });
    await expect(page.getByLabel('Longest chain', { exact: true })).toHaveValue('1');
    await page.getByRole('button', { name: 'Show what drives the cost' }).click();
    const tornado = page.getByRole('figure', { name: 'What drives the cost' });
    await expect(tornado.locator('.recharts-bar-rectangle').first()).toBeVisible({ timeout: 120_000 });
    await tornado.getByText('Show the numbers').click();
    await expect(tornado.getByRole('table')).toContainText('workload.requestsPerDay');

    await page.getByLabel('Comparison', { exact: true }).selectOption('aggregator');
    await page.getByRole('button', { name: 'Find break-even' }).click();
    const breakeven = page.getByRole('figure', { name: 'Break-even' });
    await expect(breakeven.locator('.recharts-line')).toHaveCount(2, { timeout: 120_000 });
    await expect(breakeven).toContainText(/cost the same at|never cost the same/);

    await page.getByLabel('Longest chain', { exact: true }).selectOption('3');
    await page.getByRole('button', { name: 'Find cheapest chain' }).click();
    await expect(page.getByRole('progressbar', { name: 'Search progress' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Search cancelled.')).toBeVisible();
    await axeClean(page);
    await page.screenshot({ path: 'e2e/artifacts/plan-analysis-1280.png', fullPage: true });
  });

  test('phone and dark mode', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    // The planner settings travel in the link (the scenario's optional `planner` field).
    await openPlanner(page, { planner: { minAvailability: 0.995, maxChain: 1 } });
    await expect(page.getByLabel('Min availability', { exact: true })).toHaveValue('99.5');
    await expect(page.getByLabel('Longest chain', { exact: true })).toHaveValue('1');
    await page.getByRole('button', { name: 'Show what drives the cost' }).click();
    await expect(page.getByRole('figure', { name: 'What drives the cost' }).locator('.recharts-bar-rectangle').first()).toBeVisible({ timeout: 120_000 });
    await page.screenshot({ path: 'e2e/artifacts/plan-390-dark.png', fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await axeClean(page);
  });
});
