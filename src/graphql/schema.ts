/** Imports every type module (they register on the builder) and builds the schema once. */
import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder';
import './types/errors';
import './types/node';
import './types/failure';
import './types/connector';
import './types/field-mappings';
import './types/mapping-targets';
import './types/sync-status';
import './types/integration';
import './types/sync-run';
import './types/item';
import './types/delivery';
import './types/changes';
import './types/webhook-event';
import './types/transfer-request';
import './types/webhook-endpoint';
import './types/organization';
import './types/product-events';
import './types/job-queue';

export const schema = builder.toSchema();

/** The SDL committed as schema.graphql; a test fails when it is stale. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
