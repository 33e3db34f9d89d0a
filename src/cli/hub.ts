/**
 * Administration CLI: `npm run --silent hub -- <command>`.
 *
 *   org create <name> [--live] [--json]     new organization and its first API key
 *   org list [--json]
 *   org disable|enable <orgId> [--json]     its keys stop (or start again) working
 *   platformkey create [--label <text>] [--json]   a platform key: acts for any organization it names
 *   platformkey list [--json]
 *   platformkey revoke <keyId>
 *   apikey create <orgId> [--live] [--label <text>] [--json]
 *   apikey list <orgId> [--json]
 *   apikey revoke <keyId>
 *   keys generate [--json]                  a new encryption key, as one HUB_ENCRYPTION_KEYS entry
 *   secrets reseal [--json]                 re-encrypt every sealed secret with the active key
 *   worker                                  run jobs, schedules and retention until SIGTERM;
 *                                           serves only /healthz and /readyz on PORT
 *
 * API keys and platform keys are printed once and cannot be shown again.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { DomainError } from '../domain/errors';
import type { ResealReport } from '../domain/secrets/reseal';
import { orgStatusOf } from '../domain/orgs/org-service';
import { openHub } from '../hub';
import { generateKey, keyEntry } from '../lib/crypto/keyring';
import { createLogger } from '../lib/logger';
import { serve } from '../serve';

const usage = `usage: npm run --silent hub -- <command>
  org create <name> [--live] [--json]
  org list [--json]
  org disable|enable <orgId> [--json]
  platformkey create [--label <text>] [--json]
  platformkey list [--json]
  platformkey revoke <keyId>
  apikey create <orgId> [--live] [--label <text>] [--json]
  apikey list <orgId> [--json]
  apikey revoke <keyId>
  keys generate [--json]
  secrets reseal [--json]
  worker`;

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, live: { type: 'boolean', default: false }, label: { type: 'string' }, help: { type: 'boolean' } },
  });
  const [group, command, arg] = positionals;
  if (values.help || !group) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const print = (json: unknown, text: string) => console.log(values.json ? JSON.stringify(json) : text);
  // Needs no configuration and no database: it is how production gets its first key.
  if (`${group} ${command}` === 'keys generate') {
    const key = generateKey();
    print({ keyId: key.id, key: key.bytes.toString('base64'), entry: keyEntry(key) }, keyEntry(key));
    return 0;
  }
  const config = loadConfig();
  if (group === 'worker') return serve(config, 'worker');
  // The CLI's own output is the answer; keep the service log quiet.
  const hub = await openHub(config, createLogger('error'));
  const { orgs } = hub.services;
  const pending = await hub.health.pendingMigrations();
  if (pending.length) {
    await hub.close();
    throw new Error(`the database schema is not current (${pending.length} migration(s) not applied): run npm run db:migrate first`);
  }
  const mode = values.live ? 'live' : 'test';
  try {
    switch (`${group} ${command}`) {
      case 'org create': {
        if (!arg) throw new UsageError('org create needs a name');
        const created = await orgs.createOrg(arg, mode);
        print({ orgId: created.orgId, apiKey: created.apiKey }, `organization ${created.orgId}\nAPI key (shown once): ${created.apiKey}`);
        return 0;
      }
      case 'org list': {
        const list = await orgs.listOrgs();
        print(list, list.map((org) => `${org.id}  ${org.name}${org.disabledAt ? '  disabled' : ''}`).join('\n') || 'no organizations');
        return 0;
      }
      case 'org disable':
      case 'org enable': {
        if (!arg) throw new UsageError(`org ${command} needs an orgId`);
        const org = await orgs.setOrgStatus(arg, command === 'disable' ? 'disabled' : 'active');
        print({ orgId: org.id, status: orgStatusOf(org) }, `organization ${org.id} is ${orgStatusOf(org)}`);
        return 0;
      }
      case 'platformkey create': {
        const key = await orgs.createPlatformKey(values.label);
        print({ apiKey: key.apiKey, keyId: key.keyId }, `platform key ${key.keyId}\nplatform key (shown once): ${key.apiKey}`);
        return 0;
      }
      case 'platformkey list': {
        const keys = await orgs.listPlatformKeys();
        print(keys, keys.map((k) => `${k.id}  ${k.prefix}…  ${k.revokedAt ? 'revoked' : 'active'}${k.label ? `  ${k.label}` : ''}`).join('\n') || 'no platform keys');
        return 0;
      }
      case 'platformkey revoke': {
        if (!arg) throw new UsageError('platformkey revoke needs a keyId');
        await orgs.revokePlatformKey(arg);
        print({ revoked: arg }, `revoked ${arg}`);
        return 0;
      }
      case 'apikey create': {
        if (!arg) throw new UsageError('apikey create needs an orgId');
        const key = await orgs.createApiKey(arg, mode, values.label);
        print({ keyId: key.keyId, apiKey: key.apiKey }, `key ${key.keyId}\nAPI key (shown once): ${key.apiKey}`);
        return 0;
      }
      case 'apikey list': {
        if (!arg) throw new UsageError('apikey list needs an orgId');
        const keys = await orgs.listApiKeys(arg);
        print(keys, keys.map((k) => `${k.id}  ${k.prefix}…  ${k.revokedAt ? 'revoked' : 'active'}${k.label ? `  ${k.label}` : ''}`).join('\n') || 'no keys');
        return 0;
      }
      case 'apikey revoke': {
        if (!arg) throw new UsageError('apikey revoke needs a keyId');
        await orgs.revokeApiKey(arg);
        print({ revoked: arg }, `revoked ${arg}`);
        return 0;
      }
      case 'secrets reseal': {
        const report = await hub.services.resealer.resealAll();
        print(report, resealSummary(report));
        // Values left on an older key: dropping that key now would lose them.
        return report.remaining === 0 ? 0 : 1;
      }
      default:
        throw new UsageError(`unknown command "${positionals.join(' ')}"`);
    }
  } finally {
    await hub.close();
  }
}

class UsageError extends Error {}

function resealSummary(report: ResealReport): string {
  const lines = Object.entries(report.kinds).map(([kind, k]) => {
    const problems = [
      k.failed.length ? `${k.failed.length} do not open (${k.failed.map((f) => `${f.id}: ${f.reason}`).join('; ')})` : '',
      k.conflicts.length ? `${k.conflicts.length} kept changing (${k.conflicts.join(', ')}); run again` : '',
    ].filter(Boolean);
    return `  ${kind}: ${k.stored} stored, ${k.resealed} resealed, ${k.remaining} still on an older key${problems.length ? ` — ${problems.join('; ')}` : ''}`;
  });
  const verdict = report.remaining === 0
    ? `every secret is sealed with key ${report.activeKeyId}; older keys can be removed from HUB_ENCRYPTION_KEYS`
    : `${report.remaining} secret(s) are still sealed with an older key: keep it in HUB_ENCRYPTION_KEYS`;
  return [`resealed with key ${report.activeKeyId}:`, ...lines, verdict].join('\n');
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n${usage}`);
    else if (error instanceof ConfigError || error instanceof DomainError) console.error(error.message);
    else console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
