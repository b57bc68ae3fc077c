import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for the widgets' operations (packages/schema/operations) from the committed SDL. Documents
 * are typed strings, not parsed ASTs: the widgets send them as they are and carry no graphql-js.
 * `src/core/generated.node.test.ts` fails when the committed output is stale.
 */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['../schema/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/core/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
