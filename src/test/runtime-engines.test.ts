import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
// @ts-expect-error: a plain JavaScript script without type declarations
import { runtimePackagesWarned } from '../../scripts/engine-warnings.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));

const warning = (spec: string) =>
  [
    'npm warn EBADENGINE Unsupported engine {',
    `npm warn EBADENGINE   package: '${spec}',`,
    "npm warn EBADENGINE   required: { node: '>=22' },",
    "npm warn EBADENGINE   current: { node: 'v20.19.0', npm: '10.8.2' }",
    'npm warn EBADENGINE }',
  ].join('\n');

test('an EBADENGINE warning for a package the server runs fails CI, one for a development tool does not', () => {
  const runtime = Object.entries(lock.packages as Record<string, { version: string; dev?: boolean }>).find(
    ([where, info]) => where === 'node_modules/fastify' && !info.dev,
  )!;
  const dev = Object.entries(lock.packages as Record<string, { version: string; dev?: boolean }>).find(
    ([where, info]) => where === 'node_modules/typescript' && info.dev,
  )!;
  const output = `${warning(`fastify@${runtime[1].version}`)}\n${warning(`typescript@${dev[1].version}`)}\nadded 1 package`;
  assert.deepEqual(runtimePackagesWarned(output, lock), [`fastify@${runtime[1].version}`]);
  assert.deepEqual(runtimePackagesWarned(warning(`typescript@${dev[1].version}`), lock), []);
});

test(
  'npm ci on this Node version warns EBADENGINE for no runtime dependency of the lock file',
  { timeout: 120_000 },
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credlink-engines-'));
    try {
      for (const file of ['package.json', 'package-lock.json'])
        fs.copyFileSync(path.join(root, file), path.join(dir, file));
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const result = spawnSync(npm, ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], {
        cwd: dir,
        encoding: 'utf8',
      });
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(runtimePackagesWarned(`${result.stdout}\n${result.stderr}`, lock), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
);
