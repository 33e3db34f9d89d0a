/** schema.graphql is printed from the Pothos schema and committed; it must not go stale. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../src/graphql/schema';

describe('schema.graphql', () => {
  it('matches the schema built from the code (run `npm run schema:print` after changing types)', () => {
    expect(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8')).toBe(printedSchema());
  });

  it('exposes no field that could carry a secret', () => {
    expect(printedSchema()).not.toMatch(/credentialsSealed|webhookSecretSealed|keyHash|clientSecret:/);
  });
});
