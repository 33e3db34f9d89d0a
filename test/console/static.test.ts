/**
 * How the hub serves the console and GraphiQL: content types, long-lived caching of hashed
 * assets only, a strict Content-Security-Policy, deep links answered with the app, nothing
 * outside the build folder, and GraphiQL with no file from another host (it must work offline).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleContentSecurityPolicy, consoleRoutes } from '../../src/console/routes';
import { webBuildDir } from '../../src/console/web-build';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => hub?.stop());

const get = (pathname: string, headers: Record<string, string> = {}) => fetch(`${hub.url}${pathname}`, { headers, redirect: 'manual' });

function assetNamed(extension: string): string {
  const name = readdirSync(path.join(webBuildDir, 'assets')).find((file) => file.endsWith(extension));
  if (!name) throw new Error(`no ${extension} asset in ${webBuildDir}: run npm run build:web`);
  return `/console/assets/${name}`;
}

describe('the console at /console', () => {
  it('answers the app with a strict Content-Security-Policy and no long cache', async () => {
    const res = await get('/console/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toBe(consoleContentSecurityPolicy);
    expect(consoleContentSecurityPolicy).toContain("script-src 'self'");
    expect(consoleContentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const html = await res.text();
    // Everything comes from the hub: no inline script or style, no other host.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style="/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toMatch(/src="\/console\/assets\/index-[\w-]+\.js"/);
    // Absolute paths, so a deep link (/console/integrations/x/sync) finds them too.
    for (const [, reference] of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(reference).toMatch(/^\/console\//);
  });

  it('answers every screen path with the app (deep links), /console itself too', async () => {
    for (const screen of ['/console', '/console/integrations/sap-s4hana/sync', '/console/webhooks?status=FAILED', '/console/endpoints/ep_123']) {
      const res = await get(screen);
      expect(res.status, screen).toBe(200);
      expect(await res.text(), screen).toContain('<div id="root"></div>');
    }
  });

  it('serves hashed assets with their content type, cached for a year', async () => {
    const js = await get(assetNamed('.js'));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('content-security-policy')).toBe(consoleContentSecurityPolicy);
    const css = await get(assetNamed('.css'));
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.headers.get('cache-control')).toContain('immutable');
    const icon = await get('/console/favicon.svg');
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing asset with 404 in the API error shape, not with the app', async () => {
    const res = await get('/console/assets/index-missing.js');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'no file /console/assets/index-missing.js' } });
    expect((await fetch(`${hub.url}/console/`, { method: 'POST' })).status).toBe(404);
  });

  it('serves nothing outside the build folder', async () => {
    for (const attempt of ['/console/..%2f..%2fpackage.json', '/console/%2e%2e/%2e%2e/package.json', '/console/assets/..%2f..%2f..%2fpackage.json']) {
      const res = await get(attempt);
      expect(await res.text(), attempt).not.toContain('"name": "integration-hub"');
    }
  });

  it('sends the root to the console', async () => {
    const res = await get('/');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/console/');
  });

  it('says how to build the console when it is not built', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'hub-console-'));
    const app = Fastify();
    await app.register(consoleRoutes(empty), { prefix: '/console' });
    const res = await app.inject({ url: '/console/integrations' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: { code: 'CONSOLE_NOT_BUILT', message: expect.stringContaining('npm run build:web') } });
    await app.close();
    rmSync(empty, { recursive: true });
  });
});

describe('GraphiQL', () => {
  it('is served from the installed package: the page references no other host', async () => {
    const res = await get('/graphql', { accept: 'text/html' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('renderYogaGraphiQL');
    // No script, stylesheet, font or image from a CDN (the built-in page loads them from unpkg).
    expect(html).not.toMatch(/<(script|link|img)\b[^>]*\b(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import\s+url\(["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/unpkg\.com|cdn\.jsdelivr\.net/);
  });
});
