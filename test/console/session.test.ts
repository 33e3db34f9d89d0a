/**
 * The console's session and connection in a real browser: a wrong key is refused and nothing is
 * kept; a deep link survives signing in; a key revoked meanwhile signs the console out; a lost
 * live connection is shown, re-established, and what changed meanwhile is reloaded; a hub that
 * does not answer is said so, with a retry; GraphiQL works with nothing but the hub reachable.
 */
import type { Browser, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openConsole, signIn } from '../support/browser';
import { rest } from '../support/http';
import { configureSap, startSap } from '../support/sap';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub({ HUB_ALLOW_PRIVATE_TARGETS: 'true' }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

describe('signing in', () => {
  it('refuses a wrong key and keeps nothing of it', async () => {
    const { page, context, problems } = await openConsole(browser, hub.url);
    const wrong = 'fpk_test_this_key_does_not_exist_0000000000';
    await signIn(page, wrong);
    await page.getByRole('alert').filter({ hasText: 'This API key was refused' }).waitFor();
    await expect(page.getByRole('button', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
    expect(page.url()).not.toContain(wrong);
    // The browser logs the 401 itself; nothing else went wrong.
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    await context.close();
  });

  it('lands on the deep-linked screen after signing in, and signs out', async () => {
    const { apiKey } = await hub.createOrg('Deep Link Co');
    const { page, context } = await openConsole(browser, hub.url, '/console/endpoints');
    await signIn(page, apiKey);
    await page.getByText('No endpoint yet').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/endpoints');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await context.close();
  });

  it('signs out with the reason when the key is revoked meanwhile', async () => {
    const org = await hub.services.orgs.createOrg('Revoked Co');
    const { page, context } = await openConsole(browser, hub.url);
    await signIn(page, org.apiKey);
    await page.getByText('No integration yet').waitFor();
    await hub.services.orgs.revokeApiKey(org.keyId);
    // Whichever notices first signs out: the next request (401), or the hub closing the live
    // socket of a revoked key (4403). When the socket was first, the link is gone already.
    await page
      .getByRole('link', { name: 'Endpoints' })
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    await page.getByRole('status').filter({ hasText: /This API key was refused|this API key is no longer valid/ }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await context.close();
  });
});

describe('integration health', () => {
  it("shows the hub's health state and its reason when the host refuses the credentials", async () => {
    const sap = await startSap({ products: 10 });
    try {
      const { apiKey } = await hub.createOrg('Wrong Secret Co');
      await configureSap(hub, apiKey, sap, { credentials: { clientId: sap.clientId, clientSecret: 'not-the-secret', tokenUrl: sap.tokenUrl } });
      const { page, context } = await openConsole(browser, hub.url);
      await signIn(page, apiKey);
      await page.getByText('Healthy').or(page.getByText('Not synced yet')).first().waitFor();
      // A refused client secret is a configuration failure: the integration needs attention, live.
      expect((await rest(hub.url, 'POST', '/api/v1/integrations/sap-s4hana/test', { apiKey })).body).toMatchObject({ success: false });
      await page.getByText('Needs attention').waitFor();
      await expect(page.locator('.reason').first().textContent()).resolves.toMatch(/client|credential|401|invalid/i);
      await context.close();
    } finally {
      await sap.close();
    }
  });
});

describe('the live connection', () => {
  it('shows a lost connection, re-establishes it and reloads what changed meanwhile', async () => {
    const { apiKey } = await hub.createOrg('Flaky Network Co');
    const { page, context, problems } = await openConsole(browser, hub.url);
    // Between the page and the hub: while `unreachable`, new sockets are closed at once.
    let unreachable = false;
    const open: WebSocketRoute[] = [];
    await context.routeWebSocket(/\/graphql$/, (socket) => {
      if (unreachable) return void socket.close({ code: 1001, reason: 'test: hub unreachable' });
      open.push(socket);
      socket.connectToServer();
    });
    await page.reload();
    await signIn(page, apiKey);
    await page.getByRole('link', { name: 'Endpoints' }).click();
    await page.getByText('No endpoint yet').waitFor();
    await page.locator('[data-live="live"]').waitFor();

    unreachable = true;
    for (const socket of open.splice(0)) await socket.close({ code: 1001, reason: 'test: connection lost' });
    await page.getByTestId('live-lost').waitFor();
    await page.locator('[data-live="lost"]').waitFor();
    // A change the live view cannot hear about while the socket is down.
    const created = await rest(hub.url, 'POST', '/api/v1/webhooks', { apiKey, body: { url: 'http://127.0.0.1:9/created-while-offline', events: ['sync.*'] } });
    expect(created.status).toBe(201);
    await page.waitForTimeout(300);
    await expect(page.getByText('created-while-offline').count()).resolves.toBe(0);

    unreachable = false;
    await page.locator('[data-live="live"]').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('live-lost').count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'http://127.0.0.1:9/created-while-offline' }).waitFor();
    expect(problems.filter((p) => !p.includes('WebSocket'))).toEqual([]);
    await context.close();
  });
});

describe('when the hub does not answer', () => {
  it('says so where the data would be, and loads it on "Try again"', async () => {
    const { apiKey } = await hub.createOrg('Unreachable Co');
    const { page, context } = await openConsole(browser, hub.url);
    await signIn(page, apiKey);
    await page.getByText('No integration yet').waitFor();
    await context.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.getByRole('link', { name: 'Event types' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'The hub is not reachable' });
    await problem.waitFor();
    await context.unroute('**/graphql');
    await problem.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('article', { name: 'sync.completed' }).waitFor();
    await expect(problem.count()).resolves.toBe(0);
    await context.close();
  });
});

describe('GraphiQL', () => {
  it('runs with nothing but the hub reachable', async () => {
    const { page, context, problems } = await openConsole(browser, hub.url, '/console/');
    // Anything not served by the hub fails, as on a network without internet.
    const origin = new URL(hub.url).origin;
    await context.route(
      (url) => url.origin !== origin,
      (route) => route.abort('internetdisconnected'),
    );
    await page.goto('/graphql');
    await page.locator('.graphiql-container').first().waitFor({ timeout: 20_000 });
    // The editors are up, with the hub's default query in them.
    await page.getByText('requiredCredentialFields').first().waitFor();
    await expect(page.getByText('Loading').count()).resolves.toBe(0);
    expect(problems.filter((p) => p.startsWith('request to another host'))).toEqual([]);
    await context.close();
  });
});
