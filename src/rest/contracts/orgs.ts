/** The contracts of the platform's provisioning routes under /api/v1/orgs (rest/orgs.ts): platform keys only. */
import { z } from 'zod';
import { createApiKeyInput, createOrgInput } from '../../domain/orgs/inputs';
import type { RouteContract } from '../contract';

const tag = 'Organizations (platform keys)';
const timestamp = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 date-time' });
const orgId = z.string().meta({ description: 'the organization id', example: 'org_3k2v9x0q4m1r8t6w2y5z' });
const byOrg = z.object({ orgId });
const byKey = z.object({ orgId, keyId: z.string().meta({ description: 'the API key id', example: 'key_8f3k2v9x0q4m1r8t6w2y' }) });
const noOrg = 'NOT_FOUND: no organization with this id';
const platformOnly = "FORBIDDEN: an organization's API key (only platform keys provision organizations)";

export const organization = z
  .object({
    orgId,
    name: z.string(),
    status: z.enum(['active', 'disabled']).meta({ description: 'disabled: its keys are refused and no platform key may act for it' }),
    createdAt: timestamp,
    disabledAt: timestamp.nullable(),
  })
  .strict();

export const provisionedOrganization = z
  .object({
    orgId,
    apiKey: z.string().meta({ description: 'the organization\'s first API key, shown once: only its hash is stored', example: 'fpk_test_Qm9v3k2v9x0q4m1r8t6w2y5zAbCdEfGh' }),
    keyId: z.string().meta({ description: 'the id of that key, to revoke it' }),
  })
  .strict();

export const apiKeyInfo = z
  .object({
    keyId: z.string(),
    prefix: z.string().meta({ description: 'the first characters of the key, to tell keys apart', example: 'fpk_test_Qm9v' }),
    mode: z.enum(['test', 'live']),
    label: z.string().nullable(),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable().meta({ description: 'to the minute' }),
    revokedAt: timestamp.nullable(),
  })
  .strict();

export const createdApiKey = z
  .object({
    keyId: z.string(),
    apiKey: z.string().meta({ description: 'the key, shown once: only its hash is stored' }),
    prefix: z.string(),
  })
  .strict();

const orgExample = { orgId: 'org_3k2v9x0q4m1r8t6w2y5z', name: 'Acme', status: 'active', createdAt: '2026-04-03T14:00:00.000Z', disabledAt: null };
const keyExample = { keyId: 'key_8f3k2v9x0q4m1r8t6w2y', prefix: 'fpk_test_Qm9v', mode: 'test', label: null, createdAt: '2026-04-03T14:00:00.000Z', lastUsedAt: null, revokedAt: null };

export const orgContracts = {
  createOrganization: {
    operationId: 'createOrganization',
    summary: 'Provision an organization and its first API key',
    description: 'Platform keys only. The answer carries the new organization\'s API key (shown once).',
    tag,
    auth: 'platformKey',
    body: { schema: createOrgInput, required: true, example: { name: 'Acme' } },
    responses: { 201: { description: 'provisioned', schema: provisionedOrganization, example: { orgId: 'org_3k2v9x0q4m1r8t6w2y5z', apiKey: 'fpk_test_Qm9v3k2v9x0q4m1r8t6w2y5zAbCdEfGh', keyId: 'key_8f3k2v9x0q4m1r8t6w2y' } } },
    errors: { 403: platformOnly },
  },
  listOrganizations: {
    operationId: 'listOrganizations',
    summary: 'List the organizations',
    description: 'Platform keys only: every organization of the deployment, oldest first.',
    tag,
    auth: 'platformKey',
    responses: { 200: { description: 'the organizations', schema: z.array(organization), example: [orgExample] } },
    errors: { 403: platformOnly },
  },
  getOrganization: {
    operationId: 'getOrganization',
    summary: 'Get one organization',
    tag,
    auth: 'platformKey',
    params: byOrg,
    responses: { 200: { description: 'the organization', schema: organization, example: orgExample } },
    errors: { 403: platformOnly, 404: noOrg },
  },
  disableOrganization: {
    operationId: 'disableOrganization',
    summary: 'Disable an organization',
    description: 'Its API keys are refused from now on (open GraphQL sockets close within HUB_AUTH_RECHECK_MS), and no platform key may act for it. Its data is kept; enabling it again restores access. Idempotent.',
    tag,
    auth: 'platformKey',
    params: byOrg,
    responses: { 200: { description: 'the organization, disabled', schema: organization, example: { ...orgExample, status: 'disabled', disabledAt: '2026-04-04T09:00:00.000Z' } } },
    errors: { 403: platformOnly, 404: noOrg },
  },
  enableOrganization: {
    operationId: 'enableOrganization',
    summary: 'Enable a disabled organization again',
    tag,
    auth: 'platformKey',
    params: byOrg,
    responses: { 200: { description: 'the organization, active', schema: organization, example: orgExample } },
    errors: { 403: platformOnly, 404: noOrg },
  },
  createOrganizationApiKey: {
    operationId: 'createOrganizationApiKey',
    summary: 'Create another API key for an organization',
    tag,
    auth: 'platformKey',
    params: byOrg,
    body: { schema: createApiKeyInput, required: false, example: { mode: 'live', label: 'backend' } },
    responses: { 201: { description: 'the new key, shown once', schema: createdApiKey, example: { keyId: 'key_8f3k2v9x0q4m1r8t6w2y', apiKey: 'fpk_live_Qm9v3k2v9x0q4m1r8t6w2y5zAbCdEfGh', prefix: 'fpk_live_Qm9v' } } },
    errors: { 403: platformOnly, 404: noOrg },
  },
  listOrganizationApiKeys: {
    operationId: 'listOrganizationApiKeys',
    summary: "List an organization's API keys",
    description: 'Never the keys themselves: their ids, prefixes and states.',
    tag,
    auth: 'platformKey',
    params: byOrg,
    responses: { 200: { description: 'the keys, oldest first', schema: z.array(apiKeyInfo), example: [keyExample] } },
    errors: { 403: platformOnly, 404: noOrg },
  },
  revokeOrganizationApiKey: {
    operationId: 'revokeOrganizationApiKey',
    summary: "Revoke one of an organization's API keys",
    description: 'The key is refused from now on; open GraphQL sockets using it close within HUB_AUTH_RECHECK_MS.',
    tag,
    auth: 'platformKey',
    params: byKey,
    responses: { 204: { description: 'revoked' } },
    errors: { 403: platformOnly, 404: 'NOT_FOUND: no active API key with this id in this organization' },
  },
} satisfies Record<string, RouteContract>;
