import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';

// The lint rules are only worth their place if they catch the bugs they are there for, and only if CI runs them.

const root = path.resolve(import.meta.dirname, '../..');

const UNHANDLED = `
async function save(): Promise<void> {}
function later(callback: () => void): void { callback(); }
export function onRequest(): void {
  save();
  later(async () => { await save(); });
}
`;

test(
  'the linter refuses a promise nobody awaits and an async callback whose failure nobody sees',
  { timeout: 120_000 },
  async () => {
    // The probe is a project of its own outside the tree, so that no other run (tsc, the linter) ever sees it.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credlink-lint-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] } }),
      );
      fs.writeFileSync(path.join(dir, 'probe.ts'), UNHANDLED);
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: path.join(root, 'eslint.config.js') });
      const [result] = await eslint.lintFiles(['probe.ts']);
      const rules = (result?.messages ?? []).map((m) => m.ruleId);
      assert.ok(rules.includes('@typescript-eslint/no-floating-promises'), JSON.stringify(result?.messages));
      assert.ok(rules.includes('@typescript-eslint/no-misused-promises'), JSON.stringify(result?.messages));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
);

const QUERY = `
import { sql } from 'kysely';
export const load = (db: { selectFrom(table: string): unknown }) => db.selectFrom('entries');
export const raw = sql;
`;

test(
  'the linter refuses a query or raw SQL outside a repository, and accepts them in one',
  { timeout: 120_000 },
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credlink-lint-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] } }),
      );
      const feature = path.join(dir, 'src/modules/probe');
      fs.mkdirSync(feature, { recursive: true });
      fs.writeFileSync(path.join(feature, 'probe.usecases.ts'), QUERY);
      fs.writeFileSync(path.join(feature, 'probe.repository.ts'), QUERY);
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: path.join(root, 'eslint.config.js') });
      const results = await eslint.lintFiles(['src/modules/probe/*.ts']);
      const rulesOf = (file: string) =>
        (results.find((r) => r.filePath.endsWith(file))?.messages ?? []).map((m) => m.ruleId);
      assert.deepEqual(rulesOf('probe.usecases.ts').sort(), ['no-restricted-imports', 'no-restricted-syntax']);
      assert.deepEqual(rulesOf('probe.repository.ts'), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
);

test('CI lints, checks the formatting of and type-checks the tree before it runs the tests', () => {
  const ci = fs.readFileSync(path.join(root, '.ci/run'), 'utf8');
  // A command may be preceded by environment settings (BROWSER_TESTS=require npm test).
  const at = (command: string) =>
    ci.search(new RegExp(`^\\s*(?:[A-Z0-9_]+=\\S*\\s+)*${command.replace(/ /g, '\\s+')}\\s*$`, 'm'));
  const firstTest = at('npm test');
  assert.ok(firstTest > 0, 'CI runs npm test');
  for (const command of ['npm run lint', 'npm run format:check', 'npm run typecheck']) {
    const where = at(command);
    assert.ok(
      where > at('npm ci --no-audit --no-fund.*') && where < firstTest,
      `${command} runs after npm ci and before the tests`,
    );
  }
});
