// Lint: ESLint's and typescript-eslint's recommended rules, plus the type-aware rules that catch real bugs in a
// server that is async all the way down (a promise nobody awaits, a promise where a boolean or callback is expected).
// Every rule switched off or relaxed here says why beside it.
import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      'data/',
      'bench/results/',
      'web/dist/',
      'web/.dist-*/',
      '.tmp/',
      // Generated from docs/api/openapi.json (npm run openapi).
      'web/src/lib/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly' },
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's describe/it/test return promises the runner itself awaits; every other promise must be handled.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/no-base-to-string': 'error',
      '@typescript-eslint/restrict-plus-operands': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-array-delete': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      // `const { secret: _, ...rest } = x` is how a field is left out of a copy: the named one is unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // All SQL lives in *.repository.ts, so the committed SQL snapshot (src/test/repository-sql.*) shows every query.
    files: ['src/{modules,app,cli}/**/*.ts'],
    ignores: [
      'src/**/*.repository.ts',
      // Tests and their support build their own data and tamper with it on purpose.
      'src/**/*.test.ts',
      'src/modules/**/*.test-support.ts',
      'src/modules/checks/check-fixtures.ts',
      // The migration runner runs the migration scripts and keeps its own ledger of them: SQL is its input.
      'src/app/migrate.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|selectNoFrom)$/]',
          message: 'Queries belong in a *.repository.ts, where the SQL snapshot covers them.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'kysely',
              importNames: ['sql'],
              message: 'Raw SQL belongs in a *.repository.ts, where the SQL snapshot covers it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/request-strings.ts', 'src/modules/checks/check-record-line.ts'],
    // These files exist to find control characters in input: their patterns name them on purpose.
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },
  ...webBoundaries(),
);

/**
 * The web app's one-way flow (docs/decisions/0018-web-app-build.md): app → features → shared (components, lib).
 * A feature never imports another feature, and nothing but app imports app. Across areas imports go through the
 * `@/` alias, so a relative import may not climb out of its own area: at depth k below the area, k + 1 `../` leave it.
 */
function webBoundaries() {
  const featuresDir = path.join(import.meta.dirname, 'web/src/features');
  const features = fs.existsSync(featuresDir)
    ? fs
        .readdirSync(featuresDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];
  const areas = [
    ...features.map((name) => ({
      dir: `features/${name}`,
      forbidden: [
        { regex: '^@/app(/|$)', message: 'features 不得引用 app：app 组合各功能，而不是反过来。' },
        {
          regex: `^@/features/(?!${name}/)`,
          message: '功能之间不得互相引用：共用的部分移到 web/src/components 或 web/src/lib。',
        },
      ],
    })),
    ...['components', 'lib'].map((dir) => ({
      dir,
      forbidden: [{ regex: '^@/(app|features)(/|$)', message: '共用的 components、lib 不得引用 app 或某个功能。' }],
    })),
  ];
  const blocks = [];
  for (const area of areas) {
    for (let depth = 0; depth <= 4; depth++) {
      blocks.push({
        files: [`web/src/${area.dir}/${'*/'.repeat(depth)}*.{ts,tsx}`],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: [
                ...area.forbidden,
                {
                  regex: `^(\\.\\./){${depth + 1}}`,
                  message: '跨出本目录的引用请写成 @/…（如 @/lib/api/client.ts），以便检查依赖方向。',
                },
              ],
            },
          ],
        },
      });
    }
  }
  return blocks;
}
