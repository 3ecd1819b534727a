import type { CodegenConfig } from '@graphql-codegen/cli';
import { scalars } from '../../codegen';

/**
 * Typed documents for the tests: every `graphql(`...`)` call under test/ becomes a typed document
 * whose result and variables follow from the committed schema. Scalars travel as JSON: money and
 * quantities as exact decimal strings, instants as ISO 8601, currencies as codes: the mapping of
 * the clients' codegen.ts (docs/clients.md). Kept apart from it so that the example's check
 * does not depend on the tests. `npm run codegen:tests` rewrites test/support/generated/;
 * test/support/generated.test.ts fails when it is stale.
 */
export const testsCodegen: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/**/*.ts', '!test/support/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'test/support/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        scalars: { ...scalars, _Any: 'Record<string, unknown>', federation__FieldSet: 'string', link__Import: 'unknown' },
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        skipTypename: true,
      },
    },
  },
};

export default testsCodegen;
