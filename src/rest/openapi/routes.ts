/**
 * `GET /api/v1/openapi.json` (the document, built once at its first request from the routes the
 * server registered) and `GET /api/v1/docs`, a reference page that renders it with Swagger UI
 * from the installed swagger-ui-dist package, not a CDN: the hub works without internet access.
 * The page runs under the same strict Content-Security-Policy as the console (no inline script
 * or style; its initializer is a file of its own) and never calls Swagger's online validator.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { consoleContentSecurityPolicy } from '../../console/routes';
import { contract, type RouteCatalog } from '../contract';
import { referenceContracts as c } from '../contracts/reference';
import { sendError } from '../errors';
import { API_PREFIX, openApiDocument } from './document';

const page = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Integration Hub REST API</title>
  <link rel="stylesheet" href="docs/swagger-ui.css">
  <link rel="stylesheet" href="docs/page.css">
  <link rel="icon" type="image/png" href="docs/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="docs/swagger-ui-bundle.js"></script>
  <script src="docs/init.js"></script>
</body>
</html>
`;

/** The page's own files, and the ones it takes from swagger-ui-dist. */
const ownFiles: Record<string, string> = {
  'init.js': `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: 'openapi.json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null, presets: [SwaggerUIBundle.presets.apis], layout: 'BaseLayout' });
});
`,
  'page.css': 'body { margin: 0; background: #fafafa; }\n',
};
const packageFiles = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'];
const mediaTypes: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png' };

const securityHeaders = {
  'content-security-policy': consoleContentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/** Read on first request (the bundle is 1.7 MB), then kept. */
const loaded = new Map<string, Promise<Buffer>>();
function packageFile(name: string): Promise<Buffer> {
  let file = loaded.get(name);
  if (!file) {
    const dir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
    file = readFile(path.join(dir, name));
    loaded.set(name, file);
  }
  return file;
}

export function openApiRoutes(catalog: RouteCatalog) {
  let document: string | undefined;
  return async (app: FastifyInstance) => {
    app.get('/openapi.json', contract(c.getOpenApiDocument), async (_request, reply) => {
      document ??= JSON.stringify(openApiDocument(catalog.routes));
      return reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(document);
    });

    app.get('/docs', contract(c.getReferencePage), async (_request, reply) =>
      reply.headers(securityHeaders).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page),
    );

    app.get<{ Params: { file: string } }>('/docs/:file', contract(c.getReferencePageFile), async (request, reply) => {
      const { file } = request.params;
      const own = ownFiles[file];
      if (own === undefined && !packageFiles.includes(file)) return sendError(reply, 404, 'NOT_FOUND', `no file ${API_PREFIX}/docs/${file}`);
      return reply
        .headers(securityHeaders)
        .header('cache-control', 'public, max-age=3600')
        .type(mediaTypes[path.extname(file)]!)
        .send(own ?? (await packageFile(file)));
    });
  };
}
