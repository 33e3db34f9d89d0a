/**
 * Typed GraphQL documents, generated from schema.graphql by `npm run codegen` and committed:
 * - test/gql/ for every graphql(`...`) document under test/ (parsed documents, for the tests);
 * - web/src/gql/ for the console's documents under web/src/ (plain strings: the browser bundle
 *   carries no GraphQL parser).
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const shared = { useTypeImports: true, enumsAsTypes: true };

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'test/gql/': {
      documents: ['test/**/*.ts', '!test/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { ...shared, scalars: { DateTime: 'string' } },
    },
    'web/src/gql/': {
      documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { ...shared, documentMode: 'string', scalars: { DateTime: 'string', JSONObject: 'Record<string, unknown>' } },
    },
  },
};

export default config;
