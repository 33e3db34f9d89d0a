/**
 * The operator console in a real browser (Debian's chromium), from an empty hub: sign in,
 * configure SAP S/4HANA against the SAP simulator, test the connection, sync and watch the
 * progress bar reach the end, watch a signed webhook appear live with its transfer, create an
 * endpoint and watch a delivery attempt arrive at a real receiver. No secret is in the page
 * after it was saved. Screenshots of the main screens are taken on the way (see screenshotDir).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import { expectNoSecretInPage, launchBrowser, openConsole, screenshotDir, signIn, type ConsolePage } from '../support/browser';
import { startTestHub, type TestHub } from '../support/hub';
import { startReceiver, type Receiver } from '../support/receiver';
import { startSap } from '../support/sap';
import { fastJobs, postWebhook } from '../support/webhooks';

const webhookSecret = 'whsec_console_journey_secret_42';
const products = 2500;

let hub: TestHub;
let sap: SapSimulator;
let receiver: Receiver;
let browser: Browser;
let org: { orgId: string; apiKey: string };
let consolePage: ConsolePage;
let page: Page;
let shots: string;

beforeAll(async () => {
  [hub, sap, receiver, browser] = await Promise.all([
    startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', ...fastJobs }),
    startSap({ products }),
    startReceiver(),
    launchBrowser(),
  ]);
  org = await hub.createOrg('Console Co');
  shots = screenshotDir(hub.db.dir);
  mkdirSync(shots, { recursive: true });
  consolePage = await openConsole(browser, hub.url);
  page = consolePage.page;
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([hub?.stop(), sap?.close(), receiver?.close()]);
});

const secrets = () => [sap.clientSecret, webhookSecret];

async function screenshot(name: string) {
  await expectNoSecretInPage(page, secrets());
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

describe('the console journey from an empty hub', () => {
  it('signs in with an API key kept for the tab only, never in the URL', async () => {
    await page.getByRole('heading', { name: 'Integration Hub console' }).waitFor();
    await screenshot('sign-in');
    await signIn(page, org.apiKey);
    await page.getByText('No integration yet').waitFor();
    expect(page.url()).toBe(`${hub.url}/console/integrations`);
    expect(page.url()).not.toContain(org.apiKey);
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).toContain(org.apiKey);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await consolePage.context.cookies()).toEqual([]);
    await page.locator('[data-live="live"]').waitFor();
    await screenshot('integrations-empty');
  });

  it('configures SAP S/4HANA from the generated form; no secret stays in the page', async () => {
    await page.getByRole('link', { name: 'Configure SAP S/4HANA' }).click();
    await page.getByLabel('Tenant URL').fill(sap.url);
    await page.getByLabel('clientId (required)').fill(sap.clientId);
    await page.getByLabel('clientSecret (required)').fill(sap.clientSecret);
    await page.getByLabel('tokenUrl (required)').fill(sap.tokenUrl);
    await page.getByLabel('Webhook secret').fill(webhookSecret);
    await page.getByRole('button', { name: 'Create SAP S/4HANA integration' }).click();
    await page.getByText('Integration created.').waitFor();
    await expectNoSecretInPage(page, secrets());
    // Write-only fields say only that they are set.
    await expect(page.getByText('set', { exact: true }).count()).resolves.toBe(3);
    await expect(page.getByText('configured', { exact: true }).count()).resolves.toBe(1);
  });

  it('shows a field error from the API beside its field', async () => {
    await page.getByLabel('Tenant URL').fill('not a url');
    await page.getByRole('button', { name: 'Save configuration' }).click();
    await page.getByRole('alert').filter({ hasText: 'must be an absolute http(s) URL' }).first().waitFor();
    await page.getByLabel('Tenant URL').fill(sap.url);
    await page.getByRole('button', { name: 'Save configuration' }).click();
    await page.getByText('Configuration saved.').waitFor();
  });

  it('tests the connection', async () => {
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.locator('.connection-test').textContent()).resolves.toContain('Connection successful');
    await screenshot('integration-configuration');
  });

  it('syncs and the progress bar reaches the end, live', async () => {
    sap.faults = { pageDelayMs: 400 };
    await page.getByRole('link', { name: 'Sync', exact: true }).click();
    await page.getByText('No sync yet').waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    // Partway: the host's count is known after the first page, and the bar shows a share of it.
    const bar = page.getByRole('progressbar', { name: 'Sync progress' });
    await page.locator('.progress[data-status="RUNNING"] progress[max="2500"]').waitFor();
    await page.locator('.progress[data-status="SUCCESS"]').waitFor({ timeout: 20_000 });
    expect(await bar.getAttribute('max')).toBe(String(products));
    expect(await bar.evaluate((element) => (element as HTMLProgressElement).value)).toBe(products);
    await expect(page.locator('.progress-text').textContent()).resolves.toContain('2,500 of 2,500 records read · 2,500 stored · 0 errors');
    await page.getByRole('table', { name: 'Sync runs' }).getByText('success').waitFor();
    sap.faults = {};
    await screenshot('integration-sync');
  });

  it('shows the mappings with the connector source fields and units', async () => {
    await page.getByRole('link', { name: 'Mappings' }).click();
    const sku = page.locator('#itemMappings-sku');
    await expect(sku.inputValue()).resolves.toBe('MaterialNumber');
    await expect(page.locator('#itemMappings-length option').allTextContents()).resolves.toContain('GrossLength · length (MM, CM, M, IN, FT)');
    await screenshot('integration-mappings');
  });

  it('lists the integration as healthy with its last sync', async () => {
    await page.getByRole('link', { name: 'Integrations', exact: true }).first().click();
    const row = page.locator('tr[data-connector="sap-s4hana"]');
    await row.getByText('Healthy').waitFor();
    await expect(row.textContent()).resolves.toContain('2,500');
    await page.getByRole('link', { name: 'SAP S/4HANA' }).click();
    await page.locator('.page-head').getByText('Healthy').waitFor();
    await page.goBack();
  });

  it('shows a signed webhook as it arrives, with its transfer', async () => {
    await page.getByRole('link', { name: 'Inbound webhooks' }).click();
    await page.getByText('No inbound webhook yet').waitFor();
    const sent = await postWebhook(hub, org.orgId, { outboundDelivery: '80000001' }, { secret: webhookSecret });
    expect(sent.status).toBe(200);
    const row = page.locator(`tr[data-delivery="${sent.body.deliveryId}"]`);
    await row.getByText('processed').waitFor({ timeout: 15_000 });
    await screenshot('webhooks');
    await row.getByRole('link').click();
    const transfer = page.getByRole('table', { name: 'Transfers' });
    await transfer.getByText('succeeded').waitFor();
    await expect(transfer.textContent()).resolves.toContain('delivery/updated');
    await expect(page.getByLabel('Body', { exact: true }).textContent()).resolves.toContain('"outboundDelivery": "80000001"');
    await expect(page.getByLabel('Headers', { exact: true }).textContent()).resolves.toContain('content-type');
    await screenshot('webhook-event');
  });

  it('creates an endpoint and a delivery attempt arrives live at the receiver', async () => {
    await page.getByRole('link', { name: 'Endpoints' }).click();
    await page.getByText('No endpoint yet').waitFor();
    await page.getByLabel('URL').fill(`${receiver.url}/hooks`);
    await page.getByLabel('Description').fill('The journey receiver');
    await page.getByRole('checkbox', { name: 'sync.*' }).check();
    await page.getByRole('button', { name: 'Create endpoint' }).click();
    await page.getByRole('heading', { name: `${receiver.url}/hooks` }).waitFor();
    // The secret stays out of the page until asked for.
    await expect(page.getByTestId('revealed-secret').count()).resolves.toBe(0);
    await page.getByLabel('Event type to send').selectOption('sync.completed');
    await page.getByRole('button', { name: 'Send test event' }).click();
    const attempt = page.getByRole('table', { name: 'Delivery attempts' }).locator('tr[data-attempt]');
    await attempt.first().getByText('200').waitFor({ timeout: 15_000 });
    const [delivered] = await receiver.waitFor(1);
    expect(JSON.parse(delivered!.body)).toMatchObject({ event: 'sync.completed', data: { test: true } });
    expect(await attempt.first().getAttribute('data-event')).toBe(delivered!.headers['webhook-id']);
    await page.getByRole('table', { name: 'Messages' }).getByText('succeeded').waitFor();
    await screenshot('endpoint');
  });

  it('reveals the endpoint secret only on purpose, and hides it again', async () => {
    await page.getByRole('button', { name: 'Reveal secret' }).click();
    const shown = await page.getByTestId('revealed-secret').locator('code').first().textContent();
    expect(shown).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'Hide' }).click();
    await expectNoSecretInPage(page, [shown!]);
  });

  it('shows the event catalog and the message log', async () => {
    await page.getByRole('link', { name: 'Event types' }).click();
    await page.getByRole('article', { name: 'sync.completed' }).waitFor();
    await screenshot('event-types');
    await page.getByRole('link', { name: 'Messages', exact: true }).click();
    await page.getByRole('table', { name: 'Messages' }).getByText('succeeded').waitFor();
    await screenshot('messages');
    await page.getByRole('link', { name: 'Integrations', exact: true }).first().click();
    await page.locator('tr[data-connector="sap-s4hana"]').getByText('Healthy').waitFor();
    await screenshot('integrations');
  });

  it('never asked another host for anything, and logged no error', async () => {
    expect(consolePage.problems).toEqual([]);
  });
});
