/** Set-based writes of outbound delivery results (the delivery hot path). */
import { join, sqltag as sql } from '@prisma/client/runtime/client';
import type { DbTx } from './job-store';

/**
 * Marks deliveries succeeded in one statement: all of them answered on the same attempt number
 * with the same status code; each one's completedAt is the time of its own attempt, read from the
 * attempt rows (`attemptIds`) written in the same transaction. Returns how many rows it updated.
 */
export function markSucceeded(tx: DbTx, deliveryIds: readonly string[], attemptIds: readonly string[], attempts: number, statusCode: number | null): Promise<number> {
  const attemptedAt = sql`(SELECT a."attemptedAt" FROM "DeliveryAttempt" a WHERE a."deliveryId" = "EventDelivery"."id" AND a."id" IN (${join([...attemptIds])}))`;
  return tx.$executeRaw`UPDATE "EventDelivery" SET "status" = 'succeeded', "attempts" = ${attempts}, "lastStatusCode" = ${statusCode}, "lastError" = NULL, "nextAttemptAt" = NULL, "completedAt" = ${attemptedAt}, "updatedAt" = ${attemptedAt} WHERE "id" IN (${join([...deliveryIds])})`;
}
