/**
 * Publishing the product's events over REST: `POST /api/v1/events` and `/api/v1/events/batch`,
 * a thin layer over Publisher. Who publishes for which organization is decided by the key.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { publishingOrgs } from '../domain/events/access';
import type { Services } from '../services';
import { requireApiKey } from './auth';
import { contract } from './contract';
import { publishContracts as c } from './contracts/events';

function principalOf(request: FastifyRequest) {
  if (!request.principal) throw new Error('route reached without authentication');
  return request.principal;
}

export function eventRoutes(services: Services) {
  return async (app: FastifyInstance) => {
    // The organization comes from each event's orgId (platform keys), or the key itself.
    app.addHook('onRequest', requireApiKey(services, 'optional'));

    app.post('/', contract(c.publishEvent), async (request, reply) => {
      const principal = principalOf(request);
      const { id } = await services.publisher.publish(request.body, publishingOrgs(services.orgs, principal, request.actingOrgId));
      return reply.status(202).send({ id });
    });

    app.post('/batch', contract(c.publishEvents), async (request, reply) => {
      const principal = principalOf(request);
      const results = await services.publisher.publishBatch(request.body, publishingOrgs(services.orgs, principal, request.actingOrgId));
      return reply.status(202).send({ results });
    });
  };
}
