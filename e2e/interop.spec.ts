import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Interop in the browser (issue 12, docs/decisions/010): import a LiteLLM config, a Portkey config, an OpenRouter
 * body, a price map and a usage log into the active scenario, each with a preview of what changes; refuse hostile
 * files with a message; export the active routing as LiteLLM YAML, Portkey JSON and the OpenRouter body.
 */

const FIXTURES = path.join(__dirname, '../lib/interop/__fixtures__');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const SHOTS = process.env.E2E_OUTPUT_DIR ?? 'test-results';

async function openSimulator(page: Page) {
  await page.goto('/');
  // The simulator opens after hydration; a loaded machine can take a while.
  await expect(page.locator('[data-figure="total-tco"]').first()).toBeVisible({ timeout: 30_000 });
}

function importDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Import a gateway config, price map or usage log' });
}

/** Open the import dialog and pick a file; returns the dialog. */
async function pick(page: Page, name: string, buffer: Buffer, mimeType = 'application/json'): Promise<Locator> {
  await page.getByRole('button', { name: 'Import config…' }).click();
  const dialog = importDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Import a gateway config, price map or usage log').setInputFiles({ name, mimeType, buffer });
  return dialog;
}

async function applyImport(dialog: Locator) {
  await dialog.getByRole('button', { name: /^Apply to “/ }).click();
  await expect(dialog).toBeHidden();
}

async function exportGateway(page: Page, item: string): Promise<{ name: string; text: string }> {
  await page.getByText('Gateway config ▾').click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: item }).click();
  const download = await downloadPromise;
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

test.describe('import', () => {
  // Several imports per test on a shared, busy machine.
  test.describe.configure({ timeout: 240_000 });

  test('a Portkey config: the preview lists the new chains and the keys left out, apply changes the chain builder', async ({ page }) => {
    await openSimulator(page);
    const dialog = await pick(page, 'portkey.json', fixture('portkey-config.json'));
    await expect(dialog.getByText('Portkey config', { exact: true })).toBeVisible();
    const table = dialog.getByRole('table', { name: 'What will change' });
    const chains = table.getByRole('row', { name: /^Chains/ });
    await expect(chains.getByRole('cell').nth(0)).toHaveText('Claude Haiku 4.5 → GPT-4o mini');
    await expect(chains.getByRole('cell').nth(1)).toHaveText('70 %: GPT-4o mini → Claude Haiku 4.5; 30 %: GPT-4o mini (Azure) → Claude Haiku 4.5');
    await expect(table.getByRole('row', { name: /^Retries/ })).toContainText('3');
    await expect(dialog.getByText(/targets\[0\]\.targets\[0\]\.api_key: not copied/)).toBeVisible();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/interop-import-preview.png` });
    const { violations } = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    const hashBefore = await page.evaluate(() => location.hash);
    await applyImport(dialog);
    await expect(page.getByRole('status').filter({ hasText: 'Imported portkey config “portkey.json”' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Remove GPT-4o mini (Azure) from chain 2' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Remove Claude Haiku 4.5 from chain 1' })).toBeVisible();
    // The import went into the link too: a reload keeps it.
    await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(hashBefore);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Remove GPT-4o mini (Azure) from chain 2' })).toBeVisible({ timeout: 30_000 });
  });

  test('the preview fits a phone, in dark mode, and stays accessible', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await openSimulator(page);
    const dialog = await pick(page, 'config.yaml', fixture('litellm-config.yaml'), 'application/yaml');
    await expect(dialog.getByRole('table', { name: 'What will change' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: /^Apply to “/ })).toBeInViewport();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/interop-import-preview-390-dark.png` });
    const { violations } = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Import config…' })).toBeFocused();
    await context.close();
  });

  test('Cancel leaves the scenario as it was', async ({ page }) => {
    await openSimulator(page);
    const dialog = await pick(page, 'body.json', fixture('openrouter-body.json'));
    await expect(dialog.getByText('OpenRouter request body', { exact: true })).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Remove Claude Haiku 4.5 from chain 1' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Claude Sonnet 4\.6 \(Bedrock\)/ })).toHaveCount(0);
  });

  test('a LiteLLM config, then a LiteLLM price map that stands in for the built-in price, then export it back', async ({ page }) => {
    await openSimulator(page);
    let dialog = await pick(page, 'config.yaml', fixture('litellm-config.yaml'), 'application/yaml');
    await expect(dialog.getByText('LiteLLM proxy config', { exact: true })).toBeVisible();
    await expect(dialog.getByText(/model_list\[1\]\.litellm_params\.api_key: not copied/)).toBeVisible();
    await applyImport(dialog);
    await expect(page.getByRole('button', { name: 'Remove GPT-4o (Azure) from chain 1' })).toBeVisible();

    dialog = await pick(page, 'model_prices.json', fixture('litellm-prices-hostile.json'));
    await expect(dialog.getByText('LiteLLM price map', { exact: true })).toBeVisible();
    const row = dialog.getByRole('row', { name: /^GPT-4o: input \$\/1M/ });
    await expect(row.getByRole('cell').nth(0)).toHaveText('2.5');
    await expect(row.getByRole('cell').nth(1)).toHaveText('2');
    await expect(dialog.getByText(/entries of the file skipped/)).toBeVisible();
    await applyImport(dialog);

    // The price is now the scenario's own: importing the same map again changes nothing.
    dialog = await pick(page, 'model_prices.json', fixture('litellm-prices-hostile.json'));
    await expect(dialog.getByText('Nothing in this scenario would change.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: /^Apply to “/ })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const yaml = await exportGateway(page, 'LiteLLM proxy config (YAML)');
    expect(yaml.name).toMatch(/\.litellm\.yaml$/);
    expect(yaml.text).toContain('model_list:');
    expect(yaml.text).toContain('model: azure/gpt-4o');
    expect(yaml.text).toContain('num_retries: 2');
    expect(yaml.text).toMatch(/fallbacks:\n\s+- primary:\n\s+- claude-sonnet-4-6/);
    expect(yaml.text).not.toMatch(/sk-live|AZURE_EU_API_KEY|^\s+api_key:/m);
  });

  test('an OpenRouter models list and a usage log dropped on the dialog', async ({ page }) => {
    await openSimulator(page);
    let dialog = await pick(page, 'body.json', fixture('openrouter-body.json'));
    await applyImport(dialog);
    await expect(page.getByRole('button', { name: 'Remove Claude Sonnet 4.6 (Bedrock) from chain 1' })).toBeVisible();

    dialog = await pick(page, 'models.json', fixture('openrouter-models.json'));
    await expect(dialog.getByText('OpenRouter models list', { exact: true })).toBeVisible();
    await expect(dialog.getByRole('row', { name: /^Claude Sonnet 4\.6: input \$\/1M/ })).toContainText('3.3');
    await applyImport(dialog);

    await page.getByRole('button', { name: 'Import config…' }).click();
    dialog = importDialog(page);
    const csv = fixture('litellm-spend-logs.csv').toString('utf8');
    const drop = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'spend-logs.csv', { type: 'text/csv' }));
      return transfer;
    }, csv);
    await dialog.getByTestId('interop-drop-zone').dispatchEvent('drop', { dataTransfer: drop });
    await expect(dialog.getByText('Usage log (CSV)', { exact: true })).toBeVisible();
    await expect(dialog.getByRole('row', { name: /^Requests per day/ }).getByRole('cell').nth(1)).toHaveText('133.2857');
    await expect(dialog.getByText(/fit: 1,800 requests over 14 day\(s\), 14 full; growth fit R²/)).toBeVisible();
    await applyImport(dialog);
    await expect(page.getByLabel('Requests per day', { exact: true })).toHaveValue(/133\.2857|133\.29/);

    const body = await exportGateway(page, 'OpenRouter request body (JSON)');
    expect(JSON.parse(body.text)).toEqual({
      models: ['anthropic/claude-sonnet-4.6', 'openai/gpt-4o', 'meta-llama/llama-3.1-8b-instruct'],
      provider: { order: ['anthropic', 'amazon-bedrock', 'openai'], allow_fallbacks: false },
    });
    const portkey = await exportGateway(page, 'Portkey config (JSON)');
    const config = JSON.parse(portkey.text) as { strategy: { mode: string }; targets: { provider: string; override_params: { model: string } }[] };
    expect(config.strategy.mode).toBe('fallback');
    expect(config.targets.map((t) => `${t.provider}:${t.override_params.model}`)).toEqual(['anthropic:claude-sonnet-4-6', 'bedrock:anthropic.claude-sonnet-4-6', 'openai:gpt-4o', 'meta-llama:meta-llama/llama-3.1-8b-instruct']);
  });

  test('hostile or wrong files get a message naming the field and change nothing', async ({ page }) => {
    await openSimulator(page);
    const dialog = await pick(page, 'config.yaml', fixture('portkey-config.json'), 'application/yaml');
    await expect(dialog.getByRole('alert')).toHaveText(/“config\.yaml” was not imported\. model_list: required \(this looks like a Portkey config/);
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', ...Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${new Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`), 'model_list: *i'].join('\n');
    await dialog.getByLabel('Import a gateway config, price map or usage log').setInputFiles({ name: 'bomb.yaml', mimeType: 'application/yaml', buffer: Buffer.from(bomb) });
    await expect(dialog.getByRole('alert')).toHaveText(/too many YAML aliases/);
    await dialog.getByLabel('Import a gateway config, price map or usage log').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(4 * 1024 * 1024 + 10, 32) });
    await expect(dialog.getByRole('alert')).toHaveText(/the limit is 4 MB/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: 'Remove Claude Haiku 4.5 from chain 1' })).toBeVisible();
  });
});
