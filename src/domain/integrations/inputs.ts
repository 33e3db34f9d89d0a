/**
 * The shape of integration input, shared by REST (seed 000's JSON body) and GraphQL (which
 * converts its typed input to this shape).
 */
import { z } from 'zod';

export const httpUrl = z
  .string({ message: 'must be a string' })
  .max(2048, 'must be at most 2048 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL, e.g. https://my-sap-instance.s4hana.cloud')
  .refine((value) => !URL.canParse(value) || (new URL(value).username === '' && new URL(value).password === ''), {
    message: 'must not contain a user name or password; put credentials in "credentials"',
  });

/**
 * An origin name of the CloudEvents webhook handshake (`WebHook-Request-Origin`): the DNS name
 * of the sending service, e.g. "eventemitter.example.com"; compared without regard to case.
 */
const originName = z
  .string({ message: 'must be an origin name such as "eventmesh.example.com"' })
  .max(253, 'must be at most 253 characters')
  .regex(/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/, 'must be a DNS name such as "eventmesh.example.com"')
  .transform((value) => value.toLowerCase());

const fieldMap = z.record(z.string(), z.string({ message: 'must be a source field name (string)' }).min(1, 'must not be empty'), {
  message: 'must be an object of target field -> source field',
});

export const mappingsInput = z
  .object({
    itemMappings: fieldMap.optional(),
    deliveryMappings: fieldMap.optional(),
  }, { message: 'must be an object with itemMappings and/or deliveryMappings' })
  .strict();
export type MappingsInput = z.infer<typeof mappingsInput>;

export const configureInput = z
  .object({
    tenantUrl: httpUrl.optional(),
    enabled: z.boolean({ message: 'must be true or false' }).optional(),
    credentials: z
      .record(z.string(), z.string({ message: 'must be a string' }).min(1, 'must not be empty').max(8192), {
        message: 'must be an object of credential field -> string value',
      })
      .optional(),
    settings: z
      .object({
        webhookSecret: z
          .string({ message: 'must be a string (or null to remove it)' })
          .min(8, 'must be at least 8 characters')
          .max(512, 'must be at most 512 characters')
          .nullable()
          .optional(),
        syncIntervalMinutes: z
          .number({ message: 'must be a whole number of minutes (or null for manual syncs only)' })
          .int('must be a whole number of minutes')
          .min(5, 'must be at least 5 minutes')
          .max(10_080, 'must be at most 10080 minutes (a week)')
          .nullable()
          .optional(),
        webhookScopes: z
          .array(z.string({ message: 'must be a scope name such as "delivery/updated"' }), { message: 'must be a list of scope names (or null for the defaults)' })
          .max(64)
          .nullable()
          .optional(),
        webhookAllowedOrigins: z
          .array(originName, { message: 'must be a list of origin names such as "eventmesh.example.com" (or null for none)' })
          .max(20, 'must list at most 20 origins')
          .nullable()
          .optional(),
        deleteHandling: z.enum(['deactivate', 'delete'], { message: 'must be "deactivate" (mark inactive) or "delete"' }).optional(),
        maxDeletePercent: z
          .number({ message: 'must be a percentage from 0 to 100 (or null for the default, 20)' })
          .min(0, 'must be at least 0')
          .max(100, 'must be at most 100')
          .nullable()
          .optional(),
        requireTimestampedSignatures: z.boolean({ message: 'must be true (Standard Webhooks signatures only) or false' }).optional(),
        previousWebhookSecretValidUntil: z
          .iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time (or null to stop accepting the previous secret)' })
          .nullable()
          .optional(),
      }, { message: 'must be an object' })
      // Other keys are the connector's own settings, checked by its settingsSchema.
      .catchall(z.unknown())
      .optional(),
    fieldMappings: mappingsInput.optional(),
  }, { message: 'body must be a JSON object' })
  .strict();
export type ConfigureInput = z.infer<typeof configureInput>;

/** The settings keys the hub itself reads; every other key belongs to the connector. */
export const hubSettingKeys = ['webhookSecret', 'syncIntervalMinutes', 'webhookScopes', 'webhookAllowedOrigins', 'deleteHandling', 'maxDeletePercent', 'previousWebhookSecretValidUntil', 'requireTimestampedSignatures'] as const;
