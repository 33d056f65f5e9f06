// Lint: ESLint's and typescript-eslint's recommended rules, plus the type-aware rules that catch real bugs in a
// server that is async all the way down (a promise nobody awaits, a promise where a boolean or callback is expected).
// Every rule switched off or relaxed here says why beside it.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['node_modules/', 'data/', 'bench/results/', 'web/dist/', '.tmp/'] },
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
    files: ['**/*.ts'],
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
);
