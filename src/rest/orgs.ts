/**
 * Provisioning for the product's backend: organizations and their API keys under
 * /api/v1/orgs, a thin layer over OrgService. Platform keys only (an organization's key gets
 * 403); these routes act for no organization, so X-Org-Id plays no part.
 */
import type { FastifyInstance } from 'fastify';
import { createApiKeyInput, createOrgInput } from '../domain/orgs/inputs';
import { orgStatusOf, type Organization } from '../domain/orgs/org-service';
import { parseInput } from '../domain/validation';
import type { Services } from '../services';
import { requireApiKey } from './auth';
import { contract } from './contract';
import { orgContracts as c } from './contracts/orgs';

type ByOrg = { Params: { orgId: string } };
type ByKey = { Params: { orgId: string; keyId: string } };

export function orgJson(org: Organization) {
  return { orgId: org.id, name: org.name, status: orgStatusOf(org), createdAt: org.createdAt.toISOString(), disabledAt: org.disabledAt?.toISOString() ?? null };
}

export function orgRoutes(services: Services) {
  const { orgs } = services;
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requireApiKey(services, 'platform'));

    app.post('/', contract(c.createOrganization), async (request, reply) => {
      const input = parseInput(createOrgInput, request.body);
      const created = await orgs.createOrg(input.name, input.mode);
      return reply.status(201).send({ orgId: created.orgId, apiKey: created.apiKey, keyId: created.keyId });
    });

    app.get('/', contract(c.listOrganizations), async () => (await orgs.listOrgs()).map(orgJson));

    app.get<ByOrg>('/:orgId', contract(c.getOrganization), async (request) => orgJson(await orgs.getOrg(request.params.orgId)));

    app.post<ByOrg>('/:orgId/disable', contract(c.disableOrganization), async (request) => orgJson(await orgs.setOrgStatus(request.params.orgId, 'disabled')));

    app.post<ByOrg>('/:orgId/enable', contract(c.enableOrganization), async (request) => orgJson(await orgs.setOrgStatus(request.params.orgId, 'active')));

    app.post<ByOrg>('/:orgId/api-keys', contract(c.createOrganizationApiKey), async (request, reply) => {
      const input = parseInput(createApiKeyInput, request.body ?? {});
      const key = await orgs.createApiKey(request.params.orgId, input.mode, input.label);
      return reply.status(201).send({ keyId: key.keyId, apiKey: key.apiKey, prefix: key.prefix });
    });

    app.get<ByOrg>('/:orgId/api-keys', contract(c.listOrganizationApiKeys), async (request) => {
      await orgs.getOrg(request.params.orgId);
      return (await orgs.listApiKeys(request.params.orgId)).map((key) => ({
        keyId: key.id,
        prefix: key.prefix,
        mode: key.mode,
        label: key.label,
        createdAt: key.createdAt.toISOString(),
        lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
        revokedAt: key.revokedAt?.toISOString() ?? null,
      }));
    });

    app.delete<ByKey>('/:orgId/api-keys/:keyId', contract(c.revokeOrganizationApiKey), async (request, reply) => {
      await orgs.revokeApiKey(request.params.keyId, request.params.orgId);
      return reply.status(204).send();
    });
  };
}
