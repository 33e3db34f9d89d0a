/**
 * Structured logging. Request bodies are never logged, and anything that could carry a secret
 * is redacted by path, so a secret can only reach a log line by being put in a message string.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

export const redactedPaths = [
  'credentials',
  '*.credentials',
  'webhookSecret',
  '*.webhookSecret',
  'settings.webhookSecret',
  '*.settings.webhookSecret',
  'apiKey',
  '*.apiKey',
  'req.headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers["x-webhook-signature"]',
  'headers["x-api-key"]',
  'headers.authorization',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' } }, destination);
}
