import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed clients from the committed schema (docs/clients.md). Custom scalars travel as JSON
 * strings, so they are typed as such: money and quantities stay exact decimal strings (never
 * JavaScript numbers), instants are ISO 8601, currencies ISO 4217 codes. `npx graphql-codegen`
 * rewrites the generated file; test/e2e/storefront-example.test.ts fails when it is stale.
 */
export const scalars = {
  Decimal: 'string',
  DateTime: 'string',
  Currency: 'string',
  JSONObject: 'Record<string, unknown>',
};

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: 'examples/storefront/operations.graphql',
  generates: {
    'examples/storefront/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: {
        // Federation's own scalars (a gateway's business, never a client's) only need a name.
        scalars: { ...scalars, _Any: 'Record<string, unknown>', federation__FieldSet: 'string', link__Import: 'unknown' },
        strictScalars: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        useTypeImports: true,
        onlyOperationTypes: true,
      },
    },
  },
};

export default config;
