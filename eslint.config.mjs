// ESLint flat config. The rules that matter most here are the layering ones at the bottom: they
// make docs/architecture.md's dependency direction (graphql → domain → pricing) something CI
// checks rather than something a reviewer has to notice.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// An import of a top-level folder of src/, from any depth below src/ (`../graphql/x`,
// `../../graphql/x`). No folder inside src/ has a subfolder named like the folders the rules
// below forbid to it (src/domain has a portal/, but portal is not forbidden to it), so such a
// relative path can only mean that top-level folder.
const srcFolder = (...names) => `^(\\.\\./)+(${names.join('|')})(/|$)`;

const layer = (message, ...patterns) => ({
  regex: patterns.length === 1 ? patterns[0] : patterns.map((p) => `(?:${p})`).join('|'),
  message,
});

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

// The browser scripts of the portal, the dashboard and the shared page helpers: plain scripts
// that share a namespace object on `window`, no bundler.
const browserGlobals = Object.fromEntries(
  [
    'window',
    'document',
    'console',
    'fetch',
    'location',
    'history',
    'sessionStorage',
    'localStorage',
    'navigator',
    'URL',
    'URLSearchParams',
    'Intl',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'Chart',
    'HTMLElement',
    'Event',
    'CustomEvent',
    'AbortController',
    'FormData',
    'Blob',
    'requestAnimationFrame',
    'crypto',
    'alert',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  globalIgnores([
    'dist/',
    'coverage/',
    'node_modules/',
    'schema/',
    '**/generated/',
    '**/*.generated.ts',
    '**/*.bundle.js',
    '**/vendor/',
    'test/support/einvoicing/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // Unused parameters are documentation in resolvers and callbacks; an `_` prefix is the habit.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Text inputs are checked for NUL and other control characters on purpose (PostgreSQL
      // refuses NUL in text): a control character in a regular expression is meant here.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // `any` is banned where it matters (domain, pricing: below); elsewhere a warning would be noise
      // until the untyped GraphQL responses of the tests are typed (issue 14).
      '@typescript-eslint/no-explicit-any': 'off',
      // type-graphql's `@Field(() => X)` and MikroORM's namespaces for declaration merging.
      '@typescript-eslint/no-namespace': 'off',
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/pricing/**/*.ts', 'pricing-rules/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    ignores: ['src/**/public/**'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: browserGlobals },
  },

  // ---- Layering (docs/architecture.md). A rule per folder: what it may not import.
  {
    files: ['src/pricing/**/*.ts'],
    rules: restrict(
      layer(
        'src/pricing is pure: no domain, GraphQL, database, jobs, import or HTTP.',
        srcFolder('domain', 'graphql', 'db', 'jobs', 'import', 'http', 'pages', 'portal', 'dashboard'),
      ),
      layer(
        'src/pricing is pure: no ORM, GraphQL or HTTP libraries.',
        '^(@mikro-orm/|graphql$|graphql/|type-graphql|@apollo/|express|pg$)',
      ),
    ),
  },
  {
    files: ['pricing-rules/**/*.ts'],
    rules: restrict(
      layer('A pricing rule imports only src/pricing (and its own folder).', '^\\.\\./(?!src/pricing(/|$))', '^(\\.\\./){2,}'),
      layer(
        'A pricing rule imports only src/pricing: no ORM, GraphQL or HTTP libraries.',
        '^(@mikro-orm/|graphql$|graphql/|type-graphql|@apollo/|express|pg$)',
      ),
    ),
  },
  {
    // A kind split into a folder of its own (pricing-rules/formula/): one level deeper, the same rule.
    files: ['pricing-rules/*/**/*.ts'],
    rules: restrict(
      layer('A pricing rule imports only src/pricing (and its own folder).', '^\\.\\./\\.\\./(?!src/pricing(/|$))', '^(\\.\\./){3,}'),
      layer(
        'A pricing rule imports only src/pricing: no ORM, GraphQL or HTTP libraries.',
        '^(@mikro-orm/|graphql$|graphql/|type-graphql|@apollo/|express|pg$)',
      ),
    ),
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict(
      layer(
        'src/domain is below GraphQL, HTTP, jobs and the importer: it never imports them (the dependency goes the other way).',
        srcFolder('graphql', 'http', 'jobs', 'import'),
      ),
      layer(
        'src/domain never imports GraphQL or HTTP libraries; src/graphql maps domain types and errors.',
        '^(graphql$|graphql/|type-graphql|@apollo/|express)',
      ),
    ),
  },
  {
    files: ['src/graphql/**/*.ts'],
    rules: restrict(
      layer(
        'A resolver calls a domain service; jobs and the importer are entry points of their own, not a layer below GraphQL.',
        srcFolder('jobs', 'import'),
      ),
    ),
  },
  {
    files: ['src/db/**/*.ts'],
    rules: restrict(
      layer('src/db is infrastructure below GraphQL, HTTP, jobs and the importer.', srcFolder('graphql', 'http', 'jobs', 'import')),
    ),
  },
  {
    files: ['src/jobs/**/*.ts', 'src/import/**/*.ts'],
    rules: restrict(layer('Jobs and the importer call the domain; they never go through GraphQL or HTTP.', srcFolder('graphql', 'http'))),
  },
);
