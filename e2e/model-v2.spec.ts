import { expect, test, type Page } from '@playwright/test';

/**
 * Model v2 (issue 13, ADR 011) as a visitor sees it: the support preset's first-token share over target is a real
 * share (the catalog TTFTs are distributions), price drift lowers the total, a scenario in an approximation regime gets
 * a notice, and /methodology explains the validator.
 */

async function openSimulator(page: Page) {
  await page.goto('/');
  await expect(page.locator('[data-figure="total-tco"]').first()).toBeVisible();
}

function money(text: string): number {
  const match = /\$([\d,]*\.?\d+)\s*([KMB])?/.exec(text.replace(/\u00a0/g, ' '));
  if (!match?.[1]) return Number.NaN;
  return Number(match[1].replace(/,/g, '')) * ({ K: 1e3, M: 1e6, B: 1e9 }[match[2] ?? ''] ?? 1);
}

test.describe('model v2', () => {
  test('the support preset shows a real share of first tokens over the 500 ms target', async ({ page }) => {
    await openSimulator(page);
    // The card around the figure: its value (p95) and the detail line with the share over target.
    const card = page.locator('[data-figure="p95-first-token"]').first().locator('xpath=..');
    await expect(card).toContainText(/% over 500 ms target/);
    const share = Number(/([\d.]+)\s*% over/.exec((await card.textContent()) ?? '')?.[1]);
    expect(share).toBeGreaterThan(5);
    expect(share).toBeLessThan(95);
  });

  test('a negative price drift lowers the total cost of ownership', async ({ page }) => {
    await openSimulator(page);
    const total = page.locator('[data-figure="total-tco"]').first();
    const before = money((await total.textContent()) ?? '');
    await page.getByLabel('Price drift', { exact: true }).fill('-10');
    await expect.poll(async () => money((await total.textContent()) ?? '')).toBeLessThan(before);
  });

  test('a scenario in an approximation regime gets a notice linking to the validator', async ({ page }) => {
    await openSimulator(page);
    await page.getByRole('button', { name: /^Cost-sensitive/ }).click();
    const notice = page.getByRole('complementary', { name: 'Approximations in these figures' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Approximation in use');
    await expect(notice.getByRole('link', { name: /How far off/ })).toHaveAttribute('href', '/methodology#validator');
  });

  test('/methodology explains the TTFT spread, price drift and the validator', async ({ page }) => {
    await page.goto('/methodology#validator');
    await expect(page.getByRole('heading', { name: 'Checking the formulas: the discrete-event validator' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Approximation regimes of the closed forms' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Time to first token as a distribution, prompt length, price drift' })).toBeAttached();
    await expect(page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Checking the formulas (validator)' })).toBeVisible();
  });
});
