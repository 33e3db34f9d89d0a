/**
 * Whose fault a failure is, which decides whether trying again can help. Shared by connectors
 * (which know what a host's answer means), the domain (records, mappings) and the job worker
 * (which retries only what may pass next time).
 *
 * - configuration: the integration is set up wrong (credentials refused, 401/403, a wrong URL or
 *   setting, a connector that is gone): every attempt fails the same way until someone fixes it.
 * - transient: the host or the network is having a moment (timeouts, 429, 5xx, connection
 *   errors): retried with backoff.
 * - data: this one record cannot be brought over (the host does not have it, it cannot be
 *   mapped): the other records are fine, and retrying it changes nothing.
 */
export const failureClasses = ['configuration', 'transient', 'data'] as const;
export type FailureClass = (typeof failureClasses)[number];

/** Only transient failures are worth another attempt. */
export function isRetryable(failureClass: FailureClass): boolean {
  return failureClass === 'transient';
}

/** An error that knows its class. */
export class ClassifiedError extends Error {
  constructor(
    message: string,
    readonly failureClass: FailureClass,
  ) {
    super(message);
  }
}

/**
 * The class of anything thrown. What nobody classified (a database hiccup, a bug, an abort) counts
 * as transient: another attempt may pass, and costs little.
 */
export function failureClassOf(error: unknown): FailureClass {
  return error instanceof ClassifiedError ? error.failureClass : 'transient';
}
