/**
 * Seed 000's REST API for integrations and field mappings, a thin layer over IntegrationService.
 * Every route here requires an API key and acts on the key's organization only.
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { listConnectors } from '../connectors/registry';
import type { Services } from '../services';
import { orgOf, requireApiKey } from './auth';
import { contract } from './contract';
import { integrationContracts as c } from './contracts/integrations';
import { connectorJson, decidedJson, integrationJson, syncStatusJson } from './serializers';

type ByType = { Params: { connectorType: string } };
type ByRun = { Params: { connectorType: string; runId: string } };

export function integrationRoutes(services: Services) {
  const { integrations } = services;
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requireApiKey(services));

    app.get('/connectors', contract(c.listConnectors), async () => listConnectors().map(connectorJson));

    app.get('/', contract(c.listIntegrations), async (request) => (await integrations.list(orgOf(request))).map((i) => integrationJson(i, services)));

    app.get<ByType>('/:connectorType', contract(c.getIntegration), async (request) => integrationJson(await integrations.get(orgOf(request), request.params.connectorType), services));

    app.put<ByType>('/:connectorType', contract(c.configureIntegration), async (request, reply) => {
      const { integration, created } = await integrations.configure(orgOf(request), request.params.connectorType, request.body);
      return reply.status(created ? 201 : 200).send(integrationJson(integration, services));
    });

    app.delete<ByType>('/:connectorType', contract(c.deleteIntegration), async (request, reply) => {
      await integrations.remove(orgOf(request), request.params.connectorType);
      return reply.status(204).send();
    });

    app.get<ByType>('/:connectorType/mappings', contract(c.getMappings), async (request) => integrations.mappings(orgOf(request), request.params.connectorType));

    app.put<ByType>('/:connectorType/mappings', contract(c.updateMappings), async (request) =>
      integrations.updateMappings(orgOf(request), request.params.connectorType, request.body),
    );

    app.get<ByType>('/:connectorType/mappings/defaults', contract(c.getDefaultMappings), async (request) => integrations.defaultMappings(request.params.connectorType));

    app.post<ByType>('/:connectorType/mappings/reset', contract(c.resetMappings), async (request) => integrations.resetMappings(orgOf(request), request.params.connectorType));

    app.post<ByType>('/:connectorType/test', contract(c.testConnection), async (request) => services.sync.testConnection(orgOf(request), request.params.connectorType));

    // The integrations guide answers a manual sync with its result, so this waits for the run to
    // end (up to HUB_SYNC_WAIT_SECONDS; then 202 with the run id); the GraphQL `startSync`
    // returns at once and streams progress instead.
    app.post<ByType & { Querystring: z.output<typeof c.runSync.query> }>('/:connectorType/sync', contract(c.runSync), async (request, reply) => {
      const outcome = await services.sync.runToCompletion(orgOf(request), request.params.connectorType, { mode: request.query.mode });
      return 'success' in outcome ? outcome : reply.status(202).send(outcome);
    });

    // The removals a full sync held back (mass-deletion guard): applied or dropped by a person.
    app.post<ByRun>('/:connectorType/sync/:runId/confirm', contract(c.confirmSyncDeletions), async (request) =>
      decidedJson(await services.syncDeletions.confirm(orgOf(request), request.params.runId, request.params.connectorType)),
    );

    app.post<ByRun>('/:connectorType/sync/:runId/discard', contract(c.discardSyncDeletions), async (request) =>
      decidedJson(await services.syncDeletions.discard(orgOf(request), request.params.runId, request.params.connectorType)),
    );

    app.get<ByType>('/:connectorType/sync/status', contract(c.getSyncStatus), async (request) =>
      syncStatusJson(await integrations.get(orgOf(request), request.params.connectorType)),
    );
  };
}
