import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

// The real command, as an operator runs it by mistake on a path that holds no installation.
const root = path.resolve(import.meta.dirname, '../..');

function verify(dataDir: string) {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith('CREDLINK_') && k !== 'DATABASE_URL') env[k] = v;
  return spawnSync(process.execPath, ['bin/credlink.mjs', 'audit', 'verify'], {
    cwd: root,
    env: { ...env, CREDLINK_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

test('audit verify on a data directory that does not exist, or is empty, fails with exit code 3 naming it, and creates nothing', () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'credlink-verify-'));
  try {
    const missing = path.join(parent, 'typo');
    const res = verify(missing);
    assert.equal(res.status, 3, res.stdout + res.stderr);
    assert.ok(res.stderr.includes(`数据目录 ${missing} 不存在或其中没有数据库`), res.stderr);
    assert.doesNotMatch(res.stdout, /审计链完整|初始管理员密码/);
    assert.deepEqual(fs.readdirSync(parent), [], 'no database, no key, no tip-off key');

    const empty = path.join(parent, 'empty');
    fs.mkdirSync(empty);
    const again = verify(empty);
    assert.equal(again.status, 3, again.stdout + again.stderr);
    assert.ok(again.stderr.includes(empty));
    assert.deepEqual(fs.readdirSync(parent), ['empty']);
    assert.deepEqual(fs.readdirSync(empty), []);
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
});
