/**
 * Seed 000's REST API for integrations and field mappings, a thin layer over IntegrationService.
 * Every route here requires an API key and acts on the key's organization only.
 */
import type { FastifyInstance } from 'fastify';
import { listConnectors } from '../connectors/registry';
import { ValidationError } from '../domain/errors';
import type { Services } from '../services';
import { orgOf, requireApiKey } from './auth';
import { connectorJson, integrationJson, syncStatusJson } from './serializers';

type ByType = { Params: { connectorType: string } };

export function integrationRoutes(services: Services) {
  const { integrations } = services;
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requireApiKey(services));

    app.get('/connectors', async () => listConnectors().map(connectorJson));

    app.get('/', async (request) => (await integrations.list(orgOf(request))).map((i) => integrationJson(i, services)));

    app.get<ByType>('/:connectorType', async (request) => integrationJson(await integrations.get(orgOf(request), request.params.connectorType), services));

    app.put<ByType>('/:connectorType', async (request, reply) => {
      const { integration, created } = await integrations.configure(orgOf(request), request.params.connectorType, request.body);
      return reply.status(created ? 201 : 200).send(integrationJson(integration, services));
    });

    app.delete<ByType>('/:connectorType', async (request, reply) => {
      await integrations.remove(orgOf(request), request.params.connectorType);
      return reply.status(204).send();
    });

    app.get<ByType>('/:connectorType/mappings', async (request) => integrations.mappings(orgOf(request), request.params.connectorType));

    app.put<ByType>('/:connectorType/mappings', async (request) =>
      integrations.updateMappings(orgOf(request), request.params.connectorType, request.body),
    );

    app.get<ByType>('/:connectorType/mappings/defaults', async (request) => integrations.defaultMappings(request.params.connectorType));

    app.post<ByType>('/:connectorType/mappings/reset', async (request) => integrations.resetMappings(orgOf(request), request.params.connectorType));

    app.post<ByType>('/:connectorType/test', async (request) => services.sync.testConnection(orgOf(request), request.params.connectorType));

    // Seed 000 answers a manual sync with its result, so this waits for the run to end; the
    // GraphQL `startSync` returns at once and streams progress instead.
    app.post<ByType & { Querystring: { mode?: string } }>('/:connectorType/sync', async (request) => {
      const mode = request.query.mode ?? 'full';
      if (mode !== 'full' && mode !== 'incremental') {
        throw new ValidationError([{ path: 'mode', message: 'must be "full" or "incremental"' }]);
      }
      return services.sync.runToCompletion(orgOf(request), request.params.connectorType, { mode });
    });

    app.get<ByType>('/:connectorType/sync/status', async (request) =>
      syncStatusJson(await integrations.get(orgOf(request), request.params.connectorType)),
    );
  };
}
