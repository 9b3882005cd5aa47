import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

/** The section ids the simulator's figure tooltips link to (lib/charts/headline-figures.ts). */
const SECTIONS = [
  ['availability', 'Availability and downtime'],
  ['request-model', 'What happens to one request'],
  ['rate-limits', 'Traffic and rate limits (429)'],
  ['concurrency', 'Concurrency'],
  ['costs', 'Costs and total cost of ownership'],
  ['latency', 'Latency'],
  ['monte-carlo', 'Uncertainty (Monte Carlo)'],
  ['limitations', 'Assumptions and limits'],
  ['worked-example', 'Worked example: one month of a single model'],
] as const;

test.describe('/methodology', () => {
  test('has every section, each with a heading, and the worked example’s numbers', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The page's own resources must load; background prefetches of other routes (`?_rsc=`) are not this page's concern.
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().includes('_rsc=')) errors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto('/methodology');
    await expect(page.getByRole('heading', { level: 1, name: 'How RouteCost computes its numbers' })).toBeVisible();
    for (const [id, title] of SECTIONS) {
      const section = page.locator(`section#${id}`);
      await expect(section).toHaveCount(1);
      await expect(section.getByRole('heading', { level: 2, name: title })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: title.split(':')[0]! })).toHaveAttribute(
        'href',
        `#${id}`,
      );
    }
    // Sources are cited where the formulas are.
    await expect(page.locator('section#availability')).toContainText('The Calculus of Service Availability');
    // E1 (MODEL.md §10): the month's token cost and the share of full responses over 5 s.
    const example = page.locator('section#worked-example');
    await expect(example).toContainText('$1,148.20');
    await expect(example).toContainText('34.26 %');
    await expect(example).toContainText('3,043,750');
    await expect(page.locator('body')).not.toContainText(/NaN|Infinity|undefined/);
    expect(errors).toEqual([]);
  });

  test('a deep link lands on its section', async ({ page }) => {
    await page.goto('/methodology#rate-limits');
    await expect(page.locator('section#rate-limits')).toBeInViewport();
  });

  test('has no serious or critical accessibility violations, light and dark', async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto('/methodology');
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });

  test('is readable on a phone without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/methodology');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
