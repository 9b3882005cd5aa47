import { expect, test, type Page } from '@playwright/test';

/**
 * Security headers and Content-Security-Policy (issue #9, docs/decisions/008-content-security-policy.md): every route
 * sends them, HTML pages get a fresh script nonce, and no page (the Monte Carlo worker running included) trips the
 * policy: no `securitypolicyviolation` event, no CSP message in the console, no page error.
 */

const PAGES = ['/', '/catalog', '/compare', '/methodology', '/report'];
const FILES = ['/robots.txt', '/favicon.ico', '/og-image.png', '/manifest.webmanifest', '/icon.svg', '/apple-touch-icon.png'];

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectCommonHeaders(headers: Record<string, string>, route: string) {
  expect(headers['referrer-policy'], route).toBe('no-referrer');
  expect(headers['x-content-type-options'], route).toBe('nosniff');
  expect(headers['x-frame-options'], route).toBe('DENY');
  expect(headers['x-powered-by'], route).toBeUndefined();
  const permissions = headers['permissions-policy'] ?? '';
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(permissions, route).toContain(`${feature}=()`);
  const csp = directives(headers['content-security-policy'] ?? '');
  expect(csp.get('default-src'), route).toEqual(["'self'"]);
  expect(csp.get('object-src'), route).toEqual(["'none'"]);
  expect(csp.get('base-uri'), route).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors'), route).toEqual(["'none'"]);
  expect(csp.get('form-action'), route).toEqual(["'self'"]);
  expect(csp.get('connect-src'), route).toEqual(["'self'"]);
  expect(csp.get('worker-src'), route).toEqual(["'self'"]);
  expect(csp.get('script-src'), route).not.toContain("'unsafe-inline'");
  expect(csp.get('script-src'), route).not.toContain("'unsafe-eval'");
  return csp;
}

test.describe('security headers', () => {
  for (const route of PAGES) {
    test(`${route} sends the headers and a per-request script nonce`, async ({ request }) => {
      const first = await request.get(route);
      expect(first.status()).toBe(200);
      const csp = expectCommonHeaders(first.headers(), route);
      const scriptSources = csp.get('script-src') ?? [];
      expect(scriptSources).toContain("'strict-dynamic'");
      const nonce = scriptSources.find((source) => source.startsWith("'nonce-"));
      expect(nonce, 'script-src has a nonce').toBeDefined();
      // Every <script> of the page carries that nonce; the next request gets another one.
      const html = await first.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      const value = nonce!.slice("'nonce-".length, -1);
      for (const tag of scripts) expect(tag).toContain(`nonce="${value}"`);
      const second = await request.get(route);
      expect(second.headers()['content-security-policy']).not.toBe(first.headers()['content-security-policy']);
    });
  }

  test('static files send them too', async ({ request }) => {
    for (const route of FILES) {
      const response = await request.get(route);
      expect(response.status(), route).toBe(200);
      expectCommonHeaders(response.headers(), route);
    }
  });
});

/** Collect CSP violations (DOM events and console messages) and page errors from the first script on. */
async function watchPolicy(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const list = ((window as unknown as { __csp?: string[] }).__csp ??= []);
      list.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page.on('console', (message) => {
    if (/content security policy|refused to (load|execute|apply|create|connect)/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return async () => {
    const fromDom = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    return [...problems, ...fromDom];
  };
}

test.describe('no CSP violations', () => {
  for (const route of ['/catalog', '/compare', '/methodology', '/report']) {
    test(`on ${route}`, async ({ page }) => {
      const problems = await watchPolicy(page);
      await page.goto(route);
      await expect(page.locator('main#main')).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(await problems()).toEqual([]);
    });
  }

  test('on the simulator, while editing and while the Monte Carlo worker runs, and after client navigation', async ({ page }) => {
    const problems = await watchPolicy(page);
    // The pool keeps its workers between runs and may start them during the first load: listen from the start.
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto('/');
    await expect(page.locator('[data-figure="total-tco"]').first()).toBeVisible();
    // Record every Monte Carlo state the results column goes through: a fast run can be over before a locator sees
    // "Monte Carlo updating…".
    await page.evaluate(() => {
      const column = document.querySelector('[data-mc-state]');
      const seen: string[] = ((window as unknown as { __mcStates: string[] }).__mcStates = []);
      if (column) new MutationObserver(() => seen.push(column.getAttribute('data-mc-state') ?? '')).observe(column, { attributes: true, attributeFilter: ['data-mc-state'] });
    });
    await page.getByLabel('Requests per day', { exact: true }).fill('120000');
    // The Monte Carlo run starts after a short pause and reports while it works; wait for it to run and finish.
    const states = () => page.evaluate(() => (window as unknown as { __mcStates: string[] }).__mcStates.join(','));
    await expect.poll(states, { timeout: 30_000 }).toMatch(/running|partial/);
    await expect(page.locator('[data-mc-state]').first()).toHaveAttribute('data-mc-state', 'settled', { timeout: 30_000 });
    await expect(page.getByText('Monte Carlo updating…')).toHaveCount(0);
    await expect(page.getByText(/Band: p5–p95 of [\d,]+ Monte Carlo trials/)).toBeVisible();
    expect(workers.length).toBeGreaterThan(0);
    for (const url of workers) expect(new URL(url).origin).toBe(new URL(page.url()).origin);
    await page.getByRole('link', { name: 'Catalog' }).first().click();
    await expect(page).toHaveURL(/\/catalog/);
    await expect(page.getByRole('heading', { level: 1, name: 'Model catalog' })).toBeVisible();
    expect(await problems()).toEqual([]);
  });
});
