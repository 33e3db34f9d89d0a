/**
 * Provisioning in GraphQL, for the product's backend: `organizations`, `createOrganization`,
 * `disableOrganization` / `enableOrganization`, `createOrganizationApiKey`,
 * `revokeOrganizationApiKey`. Platform keys only: these fields skip the root types' `org` scope
 * (they act for no organization, so X-Org-Id is not needed) and take the `platform` scope
 * instead, so an organization's key gets FORBIDDEN. API keys appear only in the mutations that
 * create them.
 */
import { createApiKeyInput, createOrgInput } from '../../domain/orgs/inputs';
import { orgStatusOf, type KeyMode, type Organization } from '../../domain/orgs/org-service';
import { parseInput } from '../../domain/validation';
import { builder } from '../builder';
import { domainErrors } from './errors';

/** The `platform` scope in place of the root types' `org` scope. */
const platformOnly = { skipTypeScopes: true, authScopes: { platform: true } } as const;

const OrgStatusEnum = builder.enumType('OrganizationStatus', {
  description: 'DISABLED: its keys are refused and no platform key may act for it',
  values: { ACTIVE: { value: 'active' }, DISABLED: { value: 'disabled' } } as const,
});

const KeyModeEnum = builder.enumType('ApiKeyMode', {
  description: 'TEST keys are fpk_test_…, LIVE keys fpk_live_…',
  values: { TEST: { value: 'test' }, LIVE: { value: 'live' } } as const,
});

interface ApiKeyInfo {
  id: string;
  prefix: string;
  mode: string;
  label: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const ApiKeyInfoRef = builder.objectRef<ApiKeyInfo>('ApiKeyInfo').implement({
  description: "One of an organization's API keys: never the key itself",
  fields: (t) => ({
    keyId: t.exposeString('id'),
    prefix: t.exposeString('prefix', { description: 'The first characters of the key, to tell keys apart' }),
    mode: t.field({ type: KeyModeEnum, resolve: (key) => key.mode as KeyMode }),
    label: t.exposeString('label', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

const OrganizationRef = builder.objectRef<Organization>('Organization').implement({
  description: 'An organization of the deployment (seen by platform keys only)',
  fields: (t) => ({
    orgId: t.exposeString('id'),
    name: t.exposeString('name'),
    status: t.field({ type: OrgStatusEnum, resolve: (org) => orgStatusOf(org) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    disabledAt: t.expose('disabledAt', { type: 'DateTime', nullable: true }),
    apiKeys: t.field({ type: [ApiKeyInfoRef], description: 'Its API keys, oldest first', resolve: (org, _args, ctx) => ctx.services.orgs.listApiKeys(org.id) }),
  }),
});

const CreatedApiKeyRef = builder.objectRef<{ keyId: string; apiKey: string; prefix: string }>('CreatedApiKey').implement({
  description: 'A new API key: `apiKey` is shown here once, only its hash is stored',
  fields: (t) => ({ keyId: t.exposeString('keyId'), apiKey: t.exposeString('apiKey'), prefix: t.exposeString('prefix') }),
});

const ProvisionedOrganizationRef = builder.objectRef<{ organization: Organization; key: { keyId: string; apiKey: string; prefix: string } }>('ProvisionedOrganization').implement({
  description: 'A new organization and its first API key (shown here once)',
  fields: (t) => ({
    orgId: t.string({ resolve: (created) => created.organization.id }),
    apiKey: t.string({ resolve: (created) => created.key.apiKey }),
    keyId: t.string({ resolve: (created) => created.key.keyId }),
    organization: t.field({ type: OrganizationRef, resolve: (created) => created.organization }),
  }),
});

const CreateOrganizationInput = builder.inputType('CreateOrganizationInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: '1 to 200 characters' }),
    mode: t.field({ type: KeyModeEnum, description: 'The kind of its first key; default TEST' }),
  }),
});

const CreateApiKeyInput = builder.inputType('CreateOrganizationApiKeyInput', {
  fields: (t) => ({
    mode: t.field({ type: KeyModeEnum, description: 'Default TEST' }),
    label: t.string({ description: 'At most 100 characters, to tell keys apart' }),
  }),
});

/** GraphQL's nulls as absent fields, for the same zod schemas as REST. */
const present = (input: Record<string, unknown>) => Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined));

builder.queryFields((t) => ({
  organizations: t.field({
    ...platformOnly,
    type: [OrganizationRef],
    description: 'Every organization of the deployment, oldest first (platform keys only)',
    resolve: (_root, _args, ctx) => ctx.services.orgs.listOrgs(),
  }),
  organization: t.field({
    ...platformOnly,
    type: OrganizationRef,
    nullable: true,
    description: 'One organization, or null when there is none with this id (platform keys only)',
    args: { orgId: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => (await ctx.services.db.organization.findUnique({ where: { id: args.orgId } })) ?? null,
  }),
}));

builder.mutationFields((t) => ({
  createOrganization: t.field({
    ...platformOnly,
    type: ProvisionedOrganizationRef,
    errors: { types: domainErrors },
    args: { input: t.arg({ type: CreateOrganizationInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const parsed = parseInput(createOrgInput, present(input), ['input']);
      const created = await ctx.services.orgs.createOrg(parsed.name, parsed.mode);
      return { organization: await ctx.services.orgs.getOrg(created.orgId), key: created };
    },
  }),
  disableOrganization: t.field({
    ...platformOnly,
    type: OrganizationRef,
    errors: { types: domainErrors },
    args: { orgId: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => ctx.services.orgs.setOrgStatus(args.orgId, 'disabled'),
  }),
  enableOrganization: t.field({
    ...platformOnly,
    type: OrganizationRef,
    errors: { types: domainErrors },
    args: { orgId: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => ctx.services.orgs.setOrgStatus(args.orgId, 'active'),
  }),
  createOrganizationApiKey: t.field({
    ...platformOnly,
    type: CreatedApiKeyRef,
    errors: { types: domainErrors },
    args: { orgId: t.arg.string({ required: true }), input: t.arg({ type: CreateApiKeyInput }) },
    resolve: (_root, args, ctx) => {
      const parsed = parseInput(createApiKeyInput, present(args.input ?? {}), ['input']);
      return ctx.services.orgs.createApiKey(args.orgId, parsed.mode, parsed.label);
    },
  }),
  revokeOrganizationApiKey: t.field({
    ...platformOnly,
    type: 'Boolean',
    errors: { types: domainErrors },
    args: { orgId: t.arg.string({ required: true }), keyId: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await ctx.services.orgs.revokeApiKey(args.keyId, args.orgId);
      return true;
    },
  }),
}));
