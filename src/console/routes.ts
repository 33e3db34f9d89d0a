/**
 * The operator console at /console: the static files of the web app (web/), which is a client of
 * the public GraphQL API like any other. Hashed assets are cached for a year; index.html is
 * revalidated every time, so a new build is picked up at the next load. Every path that is not a
 * file is a screen of the app (deep links), answered with index.html.
 *
 * Every answer carries a strict Content-Security-Policy: scripts, styles and connections only
 * from the hub itself (the console has no inline script or style and loads nothing from a CDN),
 * no framing.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { sendError } from '../rest/errors';
import { webBuildDir } from './web-build';

export const consoleContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  // 'self' covers the same-origin ws:/wss: socket of the live views (CSP Level 3).
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders: Record<string, string> = {
  'content-security-policy': consoleContentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Vite names every file under assets/ by its content hash: it never changes under that name. */
const ASSETS = 'assets';
const immutable = 'public, max-age=31536000, immutable';

export function consoleRoutes(dir: string = webBuildDir): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onSend', async (_request, reply) => {
      reply.headers(securityHeaders);
    });

    if (!existsSync(path.join(dir, 'index.html'))) {
      const notBuilt = async (_request: unknown, reply: FastifyReply) =>
        sendError(reply, 503, 'CONSOLE_NOT_BUILT', 'the console has not been built: run `npm run build:web` and restart the hub');
      app.get('/', notBuilt);
      app.get('/*', notBuilt);
      return;
    }

    // Loaded here, not at import: processes that serve no HTTP (the CLI) never pay for it.
    const { default: fastifyStatic } = await import('@fastify/static');
    await app.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      index: false,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const inAssets = path.relative(dir, filePath).split(path.sep)[0] === ASSETS;
        res.setHeader('cache-control', inAssets ? immutable : 'no-cache');
      },
    });

    const sendApp = (reply: FastifyReply) => reply.sendFile('index.html');
    app.get('/', (_request, reply) => sendApp(reply));
    app.setNotFoundHandler((request, reply) => {
      const pathname = request.url.split('?')[0] ?? '';
      const screen = (request.method === 'GET' || request.method === 'HEAD') && !pathname.startsWith(`/console/${ASSETS}/`);
      if (screen) return sendApp(reply);
      return sendError(reply, 404, 'NOT_FOUND', `no file ${pathname}`);
    });
  };
}
