/**
 * Configuration comes from the environment only, is validated once at start-up, and fails with
 * one line per problem instead of a stack trace.
 */
import path from 'node:path';
import { z } from 'zod';
import { defaultKeyFile, parseDatabaseUrl, type DatabaseTarget } from './db/connection';
import { DEFAULT_SCHEDULE, parseSchedule } from './domain/events/retry-schedule';
import type { AuthFailureLimit } from './domain/orgs/authenticator';
import { parseKeys } from './lib/crypto/keyring';
import { trustedProxies } from './lib/client-address';
import { signatureFormats, type SignatureFormat } from './lib/webhook-signatures';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be "true" or "false"' })
  .transform((value) => value === 'true' || value === '1');

/** scheme://host[:port] exactly, as browsers send it in the Origin header. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/** A string the code that reads it will parse: its complaint becomes a configuration problem now. */
function readableBy(parse: (value: string) => unknown) {
  return z.string().superRefine((value, ctx) => {
    try {
      parse(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Comma-separated `keyId:base64(32 bytes)`; the first one encrypts, all of them decrypt. */
  HUB_ENCRYPTION_KEYS: readableBy(parseKeys).optional(),
  /** Development only: where the generated key is kept when HUB_ENCRYPTION_KEYS is unset (default: beside the database). */
  HUB_KEY_FILE: z.string().min(1).optional(),
  /** Public base URL used to show webhook URLs, e.g. https://hub.example.com. */
  HUB_PUBLIC_URL: z.url({ message: 'must be an absolute URL' }).optional(),
  HUB_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  HUB_GRAPHIQL: booleanFlag.optional(),
  /** Schema introspection and "Did you mean …?" hints in errors; both default to off in production. */
  HUB_GRAPHQL_INTROSPECTION: booleanFlag.optional(),
  HUB_GRAPHQL_SUGGESTIONS: booleanFlag.optional(),
  HUB_MAX_QUERY_COMPLEXITY: z.coerce.number().int().min(10).default(2000),
  HUB_MAX_QUERY_DEPTH: z.coerce.number().int().min(2).default(10),
  /** Fields selected in one operation, aliases and __typename included. */
  HUB_MAX_QUERY_BREADTH: z.coerce.number().int().min(10).default(200),
  /** Tokens in one GraphQL document: the parser stops there, before any validation. */
  HUB_MAX_QUERY_TOKENS: z.coerce.number().int().min(100).default(5000),
  /** Live subscriptions (graphql-ws and SSE) one API key may hold open on one hub instance. */
  HUB_MAX_SUBSCRIPTIONS_PER_KEY: z.coerce.number().int().min(1).default(100),
  /** How often open WebSockets and SSE streams re-check that their key (and organization) may still act. */
  HUB_AUTH_RECHECK_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
  /** Browser origins allowed to call /graphql cross-origin, comma-separated; unset: none. */
  HUB_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
    .superRefine((origins, ctx) => {
      for (const origin of origins) {
        if (!isOrigin(origin)) ctx.addIssue({ code: 'custom', message: `"${origin}" is not an origin such as https://app.example.com` });
      }
    }),
  /** Lets connectors call loopback/private hosts (simulators, on-premise systems). */
  HUB_ALLOW_PRIVATE_TARGETS: booleanFlag.default(false),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
  /** Largest inbound webhook body. */
  HUB_WEBHOOK_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(256 * 1024),
  /** Run background jobs (webhook processing, transfers) in this process. */
  HUB_WORKER: booleanFlag.default(true),
  HUB_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  /**
   * An API process that also runs jobs runs them in a worker thread of its own (its own event
   * loop and database connection), so that job work never delays a webhook's acknowledgement.
   * Default: on for PostgreSQL, off for SQLite. On SQLite the thread's connection is a second
   * writer: a transaction of the request thread that reads and then writes while the thread holds
   * the one write lock fails with SQLITE_BUSY (its snapshot cannot be upgraded), so API writes
   * would fail now and then under job load until every write transaction begins IMMEDIATE.
   */
  HUB_WORKER_THREAD: booleanFlag.default(true),
  /** Attempts before a job is dead-lettered. */
  HUB_JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  /** First retry delay bound; it doubles per failed attempt (full jitter), up to HUB_JOB_RETRY_MAX_MS. */
  HUB_JOB_RETRY_BASE_MS: z.coerce.number().int().min(1).default(2_000),
  HUB_JOB_RETRY_MAX_MS: z.coerce.number().int().min(1).default(15 * 60_000),
  /** How long a claimed job stays leased without a heartbeat. */
  HUB_JOB_LEASE_MS: z.coerce.number().int().min(100).default(60_000),
  HUB_JOB_POLL_MS: z.coerce.number().int().min(10).default(1_000),
  /** How long `POST …/sync` waits for the run's end before answering 202 with the run id (the run goes on). */
  HUB_SYNC_WAIT_SECONDS: z.coerce.number().min(0).max(3_600).default(300),
  /** Delays between outbound delivery attempts, e.g. "5s,5m,30m,2h,5h,10h,10h" (±20 % jitter). */
  HUB_DELIVERY_RETRY_SCHEDULE: readableBy(parseSchedule).default(DEFAULT_SCHEDULE),
  HUB_DELIVERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** An endpoint that fails without any success for this long is disabled. */
  HUB_ENDPOINT_DISABLE_AFTER_HOURS: z.coerce.number().min(0.01).default(120),
  /** How long a rotated-out endpoint secret keeps signing beside the new one. */
  HUB_ENDPOINT_SECRET_OVERLAP_HOURS: z.coerce.number().min(0).default(24),
  /** Outbound events with their attempt logs, and inbound webhooks, older than this are deleted. */
  HUB_RETENTION_DAYS: z.coerce.number().min(0.001).default(30),
  /** Failed API-key authentications per client address before it is answered 429 (0: no limit)… */
  HUB_AUTH_FAILURE_LIMIT: z.coerce.number().int().min(0).default(30),
  /** …per this many seconds (a token bucket: the limit at once, then refilled over the window). */
  HUB_AUTH_FAILURE_WINDOW_SECONDS: z.coerce.number().min(1).default(60),
  /** Proxies whose X-Forwarded-For names the client: addresses, CIDR ranges or `loopback`, `linklocal`, `uniquelocal`. */
  HUB_TRUST_PROXY: readableBy(trustedProxies).optional(),
  /** Apply pending migrations at start; false when the release runs `npm run db:migrate` as a step of its own. */
  HUB_MIGRATE_ON_START: booleanFlag.default(true),
  /** After SIGTERM, keep serving this long while /readyz answers 503, so load balancers stop routing here first. */
  HUB_SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  /** A catalog of the product's event types (JSON, or YAML by a .yaml/.yml extension), loaded at start: see examples/catalogs/. */
  HUB_EVENT_CATALOG: z.string().min(1).optional(),
  /** The header that carries the product's own signature of every delivery (Standard Webhooks headers are always sent too). */
  HUB_SIGNATURE_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,100}$/, 'must be an HTTP header name, e.g. X-Fractal-Signature')
    .refine((name) => !name.toLowerCase().startsWith('webhook-') && !['content-type', 'user-agent', 'content-length', 'host'].includes(name.toLowerCase()), 'must not be a Standard Webhooks header or one the hub sets itself')
    .default('X-Fractal-Signature'),
  /** How that header's value is written: `sha256=<hex>` (the Fractal webhook reference) or bare `<hex>` (the Fractio webhook tutorial). */
  HUB_SIGNATURE_FORMAT: z.enum(signatureFormats, { message: 'must be "sha256=hex" or "hex"' }).default('sha256=hex'),
  /** When set, GET /metrics answers only `Authorization: Bearer <this token>`. */
  HUB_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (e.g. `openssl rand -hex 32`)').optional(),
});

/** Every environment variable the hub reads (the README's Configuration table lists them). */
export const configVariables = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: DatabaseTarget;
  logLevel: string;
  /** Always set in production (loadConfig refuses to go on without it). */
  encryptionKeys: string | undefined;
  /** Absolute path of the development key file, used when encryptionKeys is unset. */
  keyFile: string;
  publicUrl: string | undefined;
  bodyLimitBytes: number;
  graphql: GraphQLSettings;
  allowPrivateTargets: boolean;
  redisUrl: string | undefined;
  webhookBodyLimitBytes: number;
  jobs: JobSettings;
  outbound: OutboundSettings;
  authFailures: AuthFailureLimit;
  /** Comma-separated proxies whose X-Forwarded-For is believed; unset: the peer address is the client. */
  trustProxy: string | undefined;
  migrateOnStart: boolean;
  shutdownDelayMs: number;
  /** The bearer token GET /metrics requires; unset: /metrics is open. */
  metricsToken: string | undefined;
  /** Absolute path of the event catalog loaded at start, if any. */
  eventCatalog: string | undefined;
}

export interface GraphQLSettings {
  graphiql: boolean;
  introspection: boolean;
  suggestions: boolean;
  limits: QueryLimits;
  maxSubscriptionsPerKey: number;
  authRecheckMs: number;
  corsOrigins: string[];
}

export interface QueryLimits {
  complexity: number;
  depth: number;
  breadth: number;
  tokens: number;
}

export interface OutboundSettings {
  retryScheduleMs: number[];
  timeoutMs: number;
  disableAfterMs: number;
  secretOverlapMs: number;
  retentionMs: number;
  /** The product's signature header of every delivery, beside the Standard Webhooks headers. */
  signature: SignatureSettings;
}

export interface SignatureSettings {
  /** Header name, e.g. X-Fractal-Signature. */
  header: string;
  format: SignatureFormat;
}

export interface JobSettings {
  /** Whether this process runs workers at all (an ingest-only process sets HUB_WORKER=false). */
  worker: boolean;
  /** An API process runs its jobs in a worker thread (HUB_WORKER_THREAD), not on the event loop that answers requests. */
  thread: boolean;
  concurrency: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  leaseMs: number;
  pollMs: number;
  /** How long a REST sync call waits for its run to end. */
  syncWaitMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? `Invalid configuration: ${problems[0]}` : `Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/**
 * A production hub must not invent its own key: a key file generated on the server is lost with
 * the container or differs between instances, and every sealed secret with it.
 */
export const productionKeyProblem =
  'HUB_ENCRYPTION_KEYS: is required when NODE_ENV=production; create a key with `npm run --silent hub -- keys generate` and set HUB_ENCRYPTION_KEYS to its output';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  let database: DatabaseTarget;
  try {
    database = parseDatabaseUrl(e.DATABASE_URL);
  } catch (error) {
    throw new ConfigError([`DATABASE_URL: ${(error as Error).message}`]);
  }
  if (e.NODE_ENV === 'production' && !e.HUB_ENCRYPTION_KEYS?.trim()) throw new ConfigError([productionKeyProblem]);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database,
    logLevel: e.LOG_LEVEL,
    encryptionKeys: e.HUB_ENCRYPTION_KEYS,
    keyFile: e.HUB_KEY_FILE ? path.resolve(e.HUB_KEY_FILE) : defaultKeyFile(database),
    publicUrl: e.HUB_PUBLIC_URL?.replace(/\/$/, ''),
    bodyLimitBytes: e.HUB_BODY_LIMIT_BYTES,
    graphql: {
      graphiql: e.HUB_GRAPHIQL ?? !production,
      introspection: e.HUB_GRAPHQL_INTROSPECTION ?? !production,
      suggestions: e.HUB_GRAPHQL_SUGGESTIONS ?? !production,
      limits: { complexity: e.HUB_MAX_QUERY_COMPLEXITY, depth: e.HUB_MAX_QUERY_DEPTH, breadth: e.HUB_MAX_QUERY_BREADTH, tokens: e.HUB_MAX_QUERY_TOKENS },
      maxSubscriptionsPerKey: e.HUB_MAX_SUBSCRIPTIONS_PER_KEY,
      authRecheckMs: e.HUB_AUTH_RECHECK_MS,
      corsOrigins: e.HUB_CORS_ORIGINS,
    },
    allowPrivateTargets: e.HUB_ALLOW_PRIVATE_TARGETS,
    redisUrl: e.REDIS_URL,
    webhookBodyLimitBytes: e.HUB_WEBHOOK_BODY_LIMIT_BYTES,
    jobs: {
      worker: e.HUB_WORKER,
      thread: e.HUB_WORKER_THREAD,
      concurrency: e.HUB_WORKER_CONCURRENCY,
      maxAttempts: e.HUB_JOB_MAX_ATTEMPTS,
      retryBaseMs: e.HUB_JOB_RETRY_BASE_MS,
      retryMaxMs: e.HUB_JOB_RETRY_MAX_MS,
      leaseMs: e.HUB_JOB_LEASE_MS,
      pollMs: e.HUB_JOB_POLL_MS,
      syncWaitMs: e.HUB_SYNC_WAIT_SECONDS * 1000,
    },
    outbound: {
      retryScheduleMs: parseSchedule(e.HUB_DELIVERY_RETRY_SCHEDULE),
      timeoutMs: e.HUB_DELIVERY_TIMEOUT_MS,
      disableAfterMs: e.HUB_ENDPOINT_DISABLE_AFTER_HOURS * 3_600_000,
      secretOverlapMs: e.HUB_ENDPOINT_SECRET_OVERLAP_HOURS * 3_600_000,
      retentionMs: e.HUB_RETENTION_DAYS * 86_400_000,
      signature: { header: e.HUB_SIGNATURE_HEADER, format: e.HUB_SIGNATURE_FORMAT },
    },
    authFailures: { limit: e.HUB_AUTH_FAILURE_LIMIT, windowMs: e.HUB_AUTH_FAILURE_WINDOW_SECONDS * 1000 },
    trustProxy: e.HUB_TRUST_PROXY || undefined,
    migrateOnStart: e.HUB_MIGRATE_ON_START,
    shutdownDelayMs: e.HUB_SHUTDOWN_DELAY_MS,
    metricsToken: e.HUB_METRICS_TOKEN,
    eventCatalog: e.HUB_EVENT_CATALOG ? path.resolve(e.HUB_EVENT_CATALOG) : undefined,
  };
}
