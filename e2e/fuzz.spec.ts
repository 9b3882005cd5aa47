import { expect, test } from '@playwright/test';
import { decodeWorkingSet } from '@/lib/scenario/url-codec';
import { mutatedLinks } from '@/lib/scenario/url-fuzz';

/**
 * 100 mutated links opened in Chromium (issue #9; the 100,000-link fuzz of the decoder and engine is
 * lib/scenario/url-fuzz.property.test.ts): 30 the decoder accepts and 70 it rejects, from a fixed seed. None may
 * raise a page error or put NaN, undefined or Infinity on screen; a rejected one shows the link problem.
 */

const SEED = 9;
const candidates = mutatedLinks(3000, SEED).map((link) => ({ ...link, accepted: decodeWorkingSet(`#${link.fragment}`).ok }));
const LINKS = [...candidates.filter((l) => l.accepted).slice(0, 30), ...candidates.filter((l) => !l.accepted).slice(0, 70)];
/** Ten links per test, so a slow machine never runs one test past its time limit. */
const BATCHES = 10;

test('the fuzz sample has 100 links, accepted and rejected', () => {
  expect(LINKS).toHaveLength(100);
  expect(LINKS.filter((l) => l.accepted)).toHaveLength(30);
});

for (let batch = 0; batch < BATCHES; batch++) {
  const links = LINKS.filter((_, index) => index % BATCHES === batch);
  test(`mutated links, batch ${batch + 1} of ${BATCHES}: no page error, no NaN/undefined/Infinity on screen`, async ({ page }) => {
    test.setTimeout(600_000); // ten full page loads; generous for a busy machine
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    for (const [index, link] of links.entries()) {
      // A query that changes with every link makes each one a full page load (not just a hash change).
      await page.goto(`/?fuzz=${batch}-${index}#${link.fragment}`);
      await expect(page.locator('[data-figure="total-tco"]').first()).toBeVisible({ timeout: 60_000 });
      if (!link.accepted) await expect(page.getByText('This scenario link could not be opened')).toBeVisible({ timeout: 30_000 });
      const text = await page.locator('body').innerText();
      expect(text, `${link.description} (${link.fragment.slice(0, 60)}…)`).not.toMatch(/\bNaN\b|\bundefined\b|Infinity/);
      expect(pageErrors, link.description).toEqual([]);
    }
  });
}
