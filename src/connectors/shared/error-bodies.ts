/**
 * What every connector does with a host system's error answers, whatever the system's own error
 * format: read the body as a JSON object (other bodies, an HTML page or nothing, are never
 * quoted), clip what it said to a readable length, and classify the status.
 */
import type { OutboundResponse } from '../../lib/http/outbound';
import type { SecretRedactor } from '../../lib/redaction';
import { ConnectorError } from '../types';

const MAX_MESSAGE = 300;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An error answer with the integration's secrets removed from its body, as soon as it arrives:
 * its text is quoted in messages, and clipping it later could cut an echoed secret in half,
 * leaving a piece no redaction recognizes. Successful answers are data and stay as they are.
 */
export function withoutSecrets(response: OutboundResponse, redactor: SecretRedactor): OutboundResponse {
  return response.status >= 200 && response.status < 300 ? response : { ...response, text: redactor.redact(response.text) };
}

/** The body as a JSON object, or undefined when it is not one. */
export function jsonObjectBody(response: OutboundResponse): Record<string, unknown> | undefined {
  try {
    const body: unknown = JSON.parse(response.text);
    return isObject(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

/** What the system said, at most MAX_MESSAGE characters; undefined when it said nothing. */
export function clipped(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

export function kindOfStatus(status: number): ConnectorError['kind'] {
  if (status === 401 || status === 403) return 'auth';
  if (status === 408) return 'timeout';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'protocol';
}

/**
 * A read of one record that the host refuses as a bad request: the record's id is not one it
 * takes (a malformed key from a hook), which is that record's problem, not the integration's.
 */
export function recordReadError(error: ConnectorError): ConnectorError {
  return error.status === 400 ? new ConnectorError(error.message, error.kind, error.status, 'data') : error;
}
