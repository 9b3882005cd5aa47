import { expect, test, type Page } from '@playwright/test';

/**
 * Nothing the user typed is lost (issue #9, docs/decisions/013-drafts-and-autosave.md): an invalid draft survives a
 * reload and closing the tab, with its error; a full storage is reported and retried without breaking the app; two
 * tabs editing at once never silently overwrite each other.
 */

const REQUESTS = 'Requests per day';

// Several page loads per test on a machine that may be busy.
test.describe.configure({ timeout: 120_000 });

async function openSimulator(page: Page, path = '/') {
  await page.goto(path);
  // The first load compiles and hydrates a large page: allow for a busy machine.
  await expect(page.locator('[data-figure="total-tco"]').first()).toBeVisible({ timeout: 30_000 });
}

function requestsField(page: Page) {
  return page.getByLabel(REQUESTS, { exact: true });
}

/** The autosave writes within a second (two 300 ms throttles); wait until the stored record has `text` in it. */
async function waitForAutosave(page: Page, text: string) {
  await expect.poll(() => page.evaluate(() => localStorage.getItem('routecost:working-set') ?? ''), { timeout: 5_000 }).toContain(text);
}

test('an invalid draft survives a reload and closing the tab, with its error, while the link keeps the last valid set', async ({ page, context }) => {
  await openSimulator(page);
  await requestsField(page).fill('-5');
  const error = page.getByText('Must be >= 0', { exact: true });
  await expect(error).toBeVisible();
  await waitForAutosave(page, '"requestsPerDay":-5');
  const hashBefore = new URL(page.url()).hash;
  expect(hashBefore).toMatch(/^#s=1\.d\./);

  await page.reload();
  await expect(requestsField(page)).toHaveValue('-5');
  await expect(error).toBeVisible();
  await expect(requestsField(page)).toHaveAttribute('aria-invalid', 'true');
  // The address bar still carries the last valid working set: a copied link always opens.
  expect(new URL(page.url()).hash).toBe(hashBefore);
  // The figures of the last valid draft stay on screen (marked stale), never NaN or blank.
  await expect(page.locator('[data-figure="total-tco"]').first()).toContainText('$');

  await page.close();
  const again = await context.newPage();
  await openSimulator(again);
  await expect(requestsField(again)).toHaveValue('-5');
  await expect(again.getByText('Must be >= 0', { exact: true })).toBeVisible();

  // Fixing the draft writes a valid link again.
  await requestsField(again).fill('65000');
  await expect(again.getByText('Must be >= 0', { exact: true })).toHaveCount(0);
  await expect.poll(() => new URL(again.url()).hash).not.toBe(hashBefore);
});

test('a full storage is reported, editing goes on, and saving resumes when there is room again', async ({ page }) => {
  await page.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function setItem(this: Storage, key: string, value: string) {
      if ((window as unknown as { __storageFull?: boolean }).__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await openSimulator(page);
  await page.evaluate(() => ((window as unknown as { __storageFull?: boolean }).__storageFull = true));
  const tco = page.locator('[data-figure="total-tco"]').first();
  const before = await tco.textContent();
  await requestsField(page).fill('90000');
  const paused = page.getByRole('status').filter({ hasText: 'Autosave paused: this browser’s storage is full.' });
  await expect(paused).toBeVisible();
  await expect(tco).not.toHaveText(before ?? ''); // the app keeps working
  await requestsField(page).fill('91000');
  await expect(paused).toBeVisible();

  // Free the storage and press "Try again now" in one task: the automatic retry (every 5 s) cannot run in between
  // and win the race on a busy machine.
  await expect(page.getByRole('button', { name: 'Try again now' })).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { __storageFull?: boolean }).__storageFull = false;
    const retry = [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Try again now');
    if (!retry) throw new Error('no "Try again now" button');
    retry.click();
  });
  await expect(page.getByText('Autosave works again: your latest changes are saved in this browser.')).toBeVisible();
  await expect(paused).toHaveCount(0);
  await waitForAutosave(page, '"requestsPerDay":91000');
  expect(pageErrors).toEqual([]);
});

test('two tabs editing at once: the newer edit wins and the other tab is told and can load it', async ({ context }) => {
  const first = await context.newPage();
  await openSimulator(first);
  const second = await context.newPage();
  await openSimulator(second);
  await expect(requestsField(second)).toHaveValue(await requestsField(first).inputValue());

  // An edit in the first tab: the second is told, and loads it.
  await requestsField(first).fill('70000');
  await waitForAutosave(first, '"requestsPerDay":70000');
  const notice = (page: Page) => page.getByRole('alert').filter({ hasText: 'These scenarios were changed in another tab' });
  await expect(notice(second)).toBeVisible();
  await expect(notice(first)).toHaveCount(0);
  await notice(second).getByRole('button', { name: 'Load the newer edit' }).click();
  await expect(requestsField(second)).toHaveValue('70,000');
  await expect(notice(second)).toHaveCount(0);

  // An edit in the second tab (an invalid draft, even) is newer: it is saved, and the first tab is told.
  await requestsField(second).fill('-1');
  await waitForAutosave(second, '"requestsPerDay":-1');
  await expect(notice(first)).toBeVisible();
  await expect(requestsField(first)).toHaveValue('70000'); // nothing changes under the user's hands (the text as typed)

  // The first tab keeps its own version: it becomes the newest edit, and the second tab is told in turn.
  await notice(first).getByRole('button', { name: 'Keep this tab’s version' }).click();
  await expect(notice(first)).toHaveCount(0);
  await waitForAutosave(first, '"requestsPerDay":70000');
  await expect(notice(second)).toBeVisible();
  const stored = await first.evaluate(() => JSON.parse(localStorage.getItem('routecost:working-set') ?? '{}') as { draft?: unknown; revision: number });
  expect(stored.draft).toBeUndefined();
  expect(stored.revision).toBeGreaterThanOrEqual(3);
});
