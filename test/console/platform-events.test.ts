/**
 * The console with a platform key and the product's events, in a real browser: a platform key
 * chooses the organization (kept in the URL, never the key) and sees that organization's
 * integrations over HTTP and the live socket; switching organization reconnects the socket for
 * the new one; an organization's key sees no picker. The catalog lists a product event type with
 * its schema and example; a test event with edited data arrives at a receiver as edited; data
 * that breaks the type's schema shows the API's field error beside the data; the message log
 * shows each message's delivery per endpoint. No key or secret is in the page.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SapSimulator } from '../../tools/sap-simulator';
import { expectNoSecretInPage, launchBrowser, openConsole, screenshotDir, signIn } from '../support/browser';
import { rest } from '../support/http';
import { startTestHub, type TestHub } from '../support/hub';
import { startReceiver, type Receiver } from '../support/receiver';
import { configureSap, startSap } from '../support/sap';
import { fastJobs } from '../support/webhooks';

const catalog = path.resolve('examples/catalogs/fractal.json');

let hub: TestHub;
let sap: SapSimulator;
let receiver: Receiver;
let browser: Browser;
let platformKey: string;
let acme: { orgId: string; apiKey: string };
let globex: { orgId: string; apiKey: string };
let endpoint: { id: string; secret: string };
let shots: string;

beforeAll(async () => {
  [hub, sap, receiver, browser] = await Promise.all([
    startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true', HUB_EVENT_CATALOG: catalog, ...fastJobs }),
    startSap({ products: 10 }),
    startReceiver(),
    launchBrowser(),
  ]);
  [acme, globex] = await Promise.all([hub.createOrg('Acme Funds'), hub.createOrg('Globex Capital')]);
  platformKey = (await hub.services.orgs.createPlatformKey('console test')).apiKey;
  await configureSap(hub, acme.apiKey, sap);
  const created = await rest(hub.url, 'POST', '/api/v1/webhooks', { apiKey: acme.apiKey, body: { url: `${receiver.url}/product`, eventTypes: ['offering.*'] } });
  expect(created.status, created.text).toBe(201);
  endpoint = created.body as { id: string; secret: string };
  shots = screenshotDir(hub.db.dir);
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([hub?.stop(), sap?.close(), receiver?.close()]);
});

const secrets = () => [endpoint.secret, sap.clientSecret];

/** Keys are in sessionStorage by design; never in the page's text, inputs or address. */
async function expectNoKeyInPage(page: Page, keys: string[]) {
  await expectNoSecretInPage(page, secrets());
  const html = await page.content();
  const values = await page.evaluate(() => [...document.querySelectorAll('input, textarea, select')].map((element) => (element as HTMLInputElement).value));
  for (const key of keys) {
    expect(html.includes(key), 'an API key is in the DOM').toBe(false);
    expect(values.some((value) => value.includes(key)), 'an API key is in an input').toBe(false);
    expect(page.url()).not.toContain(key);
  }
}

/** The `orgId` each graphql-ws socket of the page named in its connection params, in order. */
function socketOrgs(page: Page): string[] {
  const named: string[] = [];
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const message = JSON.parse(String(payload)) as { type: string; payload?: { orgId?: string } };
      if (message.type === 'connection_init') named.push(message.payload?.orgId ?? '(none)');
    });
  });
  return named;
}

describe('a platform key', () => {
  it("picks an organization, sees its integrations live, and switching reconnects for the other one", async () => {
    const { page, context, problems } = await openConsole(browser, hub.url);
    const sockets = socketOrgs(page);
    await signIn(page, platformKey);
    const organizations = page.getByRole('table', { name: 'Organizations' });
    await organizations.getByRole('link', { name: 'Acme Funds' }).waitFor();
    await organizations.getByRole('link', { name: 'Globex Capital' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/orgs');
    // No organization chosen yet, so no socket either.
    expect(sockets).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'organizations.png'), fullPage: true });

    await organizations.getByRole('link', { name: 'Acme Funds' }).click();
    await page.locator('tr[data-connector="sap-s4hana"]').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/console/orgs/${acme.orgId}/integrations`);
    await page.locator('[data-live="live"]').waitFor();
    expect(sockets).toEqual([acme.orgId]);
    await expect(page.getByLabel('Organization').inputValue()).resolves.toBe(acme.orgId);

    // The other organization's screens: its own (empty) integrations, over a socket of its own.
    await page.getByLabel('Organization').selectOption(globex.orgId);
    await page.getByText('No integration yet').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/console/orgs/${globex.orgId}/integrations`);
    await page.locator('[data-live="live"]').waitFor();
    expect(sockets).toEqual([acme.orgId, globex.orgId]);
    await expect(page.locator('tr[data-connector="sap-s4hana"]').count()).resolves.toBe(0);

    // Links inside an organization stay in it.
    await page.getByRole('link', { name: 'Endpoints' }).click();
    await page.getByText('No endpoint yet').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/console/orgs/${globex.orgId}/endpoints`);
    await expectNoKeyInPage(page, [platformKey, acme.apiKey, globex.apiKey]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("opens a deep link to an organization's screen after signing in; an unknown organization is said so", async () => {
    const { page, context } = await openConsole(browser, hub.url, `/console/orgs/${acme.orgId}/endpoints/${endpoint.id}`);
    await signIn(page, platformKey);
    await page.getByRole('heading', { name: `${receiver.url}/product` }).waitFor();
    await page.goto('/console/orgs/org_doesnotexist/integrations');
    await page.getByRole('heading', { name: 'No such organization' }).waitFor();
    await page.getByRole('link', { name: 'Choose an organization' }).click();
    await page.getByRole('table', { name: 'Organizations' }).waitFor();
    await context.close();
  });

  it("is not offered to an organization's key, which sees its own organization without a picker", async () => {
    const { page, context } = await openConsole(browser, hub.url);
    await signIn(page, acme.apiKey);
    await page.locator('tr[data-connector="sap-s4hana"]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/integrations');
    await expect(page.getByLabel('Organization').count()).resolves.toBe(0);
    await context.close();
  });
});

describe("the product's events", () => {
  it('lists a product event type in the catalog with its origin, schema and example', async () => {
    const { page, context } = await openConsole(browser, hub.url, `/console/orgs/${acme.orgId}/event-types`);
    await signIn(page, platformKey);
    const card = page.getByRole('article', { name: 'offering.status.changed' });
    await card.waitFor();
    await card.getByText('product', { exact: true }).waitFor();
    await expect(card.getByLabel('Example of offering.status.changed').textContent()).resolves.toContain('off_abc123');
    await card.getByText('Schema (JSON Schema 2020-12)').click();
    await expect(card.getByLabel('Schema of offering.status.changed').textContent()).resolves.toContain('previous_status');
    // The hub's own types are there too, marked as such.
    await page.getByRole('article', { name: 'sync.completed' }).getByText('hub', { exact: true }).waitFor();
    await page.getByLabel('Origin').selectOption('product');
    await expect(page.getByRole('article', { name: 'sync.completed' }).count()).resolves.toBe(0);
    expect(new URL(page.url()).searchParams.get('origin')).toBe('product');
    await page.screenshot({ path: path.join(shots, 'event-catalog.png'), fullPage: true });
    await context.close();
  });

  it('sends a test event with edited data, which arrives as edited; data against the schema shows the field error', async () => {
    const { page, context, problems } = await openConsole(browser, hub.url, `/console/endpoints/${endpoint.id}`);
    await signIn(page, acme.apiKey);
    await page.getByLabel('Event type to send').selectOption('offering.status.changed');
    const data = page.getByLabel('Test event data');
    // Prefilled with the type's example.
    expect(JSON.parse(await data.inputValue())).toEqual({ offering_id: 'off_abc123', previous_status: 'pending_review', new_status: 'open' });

    // Not what the schema asks for: the API's error is shown beside the data, nothing is sent.
    await data.fill(JSON.stringify({ previous_status: 'pending_review', new_status: 'open' }, null, 2));
    await page.getByRole('button', { name: 'Send test event' }).click();
    const field = page.locator('.field').filter({ has: data });
    await field.getByRole('alert').filter({ hasText: 'data.offering_id is required' }).waitFor();
    await expect(data.getAttribute('aria-invalid')).resolves.toBe('true');
    // Not JSON at all: said so before anything is sent.
    await data.fill('{"offering_id": ');
    await page.getByRole('button', { name: 'Send test event' }).click();
    await field.getByRole('alert').filter({ hasText: 'is not valid JSON' }).waitFor();
    expect(receiver.received).toHaveLength(0);

    await page.getByRole('button', { name: 'Reset to the example' }).click();
    const edited = { offering_id: 'off_EditedInConsole', previous_status: 'open', new_status: 'closed' };
    await data.fill(JSON.stringify(edited, null, 2));
    await page.getByRole('button', { name: 'Send test event' }).click();
    await page.getByRole('status').filter({ hasText: /Test event \S+ queued/ }).waitFor();
    await expect(field.getByRole('alert').count()).resolves.toBe(0);
    const [delivered] = await receiver.waitFor(1, 15_000);
    expect(delivered!.path).toBe('/product');
    expect(JSON.parse(delivered!.body)).toMatchObject({ event: 'offering.status.changed', data: edited });
    await page.getByRole('table', { name: 'Delivery attempts' }).locator('tr[data-attempt]').first().getByText('200').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, 'test-event.png'), fullPage: true });
    await expectNoKeyInPage(page, [acme.apiKey]);
    // The 400 of the refused data is the API's answer, not a page error.
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the message log with each delivery per endpoint, filtered by type and status in the URL', async () => {
    const { page, context } = await openConsole(browser, hub.url, `/console/orgs/${acme.orgId}/messages?type=offering.status.changed`);
    await signIn(page, platformKey);
    const messages = page.getByRole('table', { name: 'Messages' });
    const row = messages.locator('tr[data-message]').first();
    await row.getByText('offering.status.changed').waitFor();
    await row.getByText('succeeded').waitFor({ timeout: 15_000 });
    await row.getByRole('button').click();
    const messageId = await row.getAttribute('data-message');
    const deliveries = page.getByRole('table', { name: `Deliveries of ${messageId}` });
    await deliveries.getByRole('link', { name: `${receiver.url}/product` }).waitFor();
    await deliveries.locator(`tr[data-delivery="${endpoint.id}"]`).getByText('succeeded').waitFor();
    await expect(page.getByLabel('Payload').textContent()).resolves.toContain('off_EditedInConsole');
    await page.screenshot({ path: path.join(shots, 'message-log.png'), fullPage: true });

    await page.getByLabel('Delivery status').selectOption('FAILED');
    await page.getByText('No message matches these filters').waitFor();
    const url = new URL(page.url());
    expect([url.pathname, url.searchParams.get('type'), url.searchParams.get('status')]).toEqual([`/console/orgs/${acme.orgId}/messages`, 'offering.status.changed', 'FAILED']);
    await expectNoKeyInPage(page, [platformKey]);
    await context.close();
  });
});
