/** What provisioning organizations and their keys takes, as zod schemas (also the REST API's documented bodies). */
import { z } from 'zod';
import { keyModes } from './org-service';

const mode = z.enum(keyModes, { message: 'must be "test" or "live"' }).optional().meta({ description: 'the kind of API key: fpk_test_… (default) or fpk_live_…' });

export const createOrgInput = z
  .object(
    {
      name: z.string({ message: 'must be a string of 1 to 200 characters' }).trim().min(1, 'must be 1 to 200 characters').max(200, 'must be 1 to 200 characters').meta({ example: 'Acme' }),
      mode,
    },
    { message: 'body must be a JSON object' },
  )
  .strict();

export const createApiKeyInput = z
  .object(
    {
      mode,
      label: z.string({ message: 'must be a string of at most 100 characters' }).max(100, 'must be at most 100 characters').optional().meta({ description: 'to tell keys apart, e.g. "ci"' }),
    },
    { message: 'body must be a JSON object' },
  )
  .strict();
