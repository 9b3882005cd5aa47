import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** The compare view (issue #5): two scenarios side by side, deltas, cumulative lines, and why one is cheaper. */

async function twoScenarios(page: Page) {
  await page.goto('/');
  await expect(page.locator('[data-figure="total-tco"]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await page.getByLabel('Scenario name').fill('Double traffic');
  const before = await page.locator('[data-figure="total-tco"]').first().textContent();
  await page.getByLabel('Requests per day', { exact: true }).fill('100000');
  await expect(page.locator('[data-figure="total-tco"]').first()).not.toHaveText(before ?? '');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compare' }).click();
  await expect(page.getByRole('heading', { name: 'Compare scenarios' })).toBeVisible();
}

test.describe('compare', () => {
  test('shows both scenarios with deltas against the baseline and explains the difference', async ({ page }) => {
    await twoScenarios(page);
    const table = page.getByRole('table', { name: /Headline figures of each scenario/ });
    await expect(table.getByRole('columnheader', { name: /Customer-support chatbot/ })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: /Double traffic/ })).toBeVisible();
    const tcoDelta = table.locator('td[data-metric="total-tco"][data-scenario="1"]');
    await expect(tcoDelta).toContainText(/\+\$[\d,]+\.\d{2} \+\d+(\.\d)?% · worse/);

    await expect(page.getByRole('heading', { name: 'Why Double traffic costs more' })).toBeVisible();
    await expect(page.locator('[data-component="tokens"]')).toContainText('dearer');
    const chart = page.getByRole('figure', { name: 'Cumulative cost of ownership' });
    await expect(chart.locator('.recharts-line')).toHaveCount(2);
    await expect(page.getByRole('figure', { name: /Cost lines: Double traffic vs Customer-support chatbot/ })).toBeVisible();

    // Switching the baseline flips the verdict.
    await page.getByLabel('Baseline').selectOption({ label: 'Double traffic' });
    await expect(table.locator('td[data-metric="total-tco"][data-scenario="0"]')).toContainText('better');
    await expect(page.getByRole('heading', { name: 'Why Customer-support chatbot is cheaper' })).toBeVisible();

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.screenshot({ path: 'e2e/artifacts/compare-1280.png', fullPage: true });
  });

  test('Edit opens the scenario in the simulator as the active one', async ({ page }) => {
    await twoScenarios(page);
    await page.getByRole('button', { name: 'Edit Customer-support chatbot' }).click();
    await expect(page).toHaveURL(/\/#s=1\.d\./);
    await expect(page.getByRole('button', { name: /^Edit scenario 1: Customer-support chatbot$/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByLabel('Requests per day', { exact: true })).toHaveValue(/50,?000/);
  });

  test('works on a phone-sized screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await twoScenarios(page);
    await expect(page.getByRole('table', { name: /Headline figures/ })).toBeVisible();
    await page.screenshot({ path: 'e2e/artifacts/compare-390.png', fullPage: true });
  });
});
