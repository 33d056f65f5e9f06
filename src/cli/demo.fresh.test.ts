import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

// `npm run demo` is what a newcomer runs first, before any `npm start` or `keys init`.
const root = path.resolve(import.meta.dirname, '../..');

test('npm run demo works on a fresh machine before the server has ever started', { timeout: 300_000 }, () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'credlink-demo-'));
  try {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env))
      if (v !== undefined && !k.startsWith('CREDLINK_') && k !== 'DATABASE_URL') env[k] = v;
    const res = spawnSync(process.execPath, ['bin/credlink.mjs', 'demo'], {
      cwd: root,
      env: { ...env, CREDLINK_DATA_DIR: path.join(parent, 'data'), LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 280_000,
    });
    assert.equal(res.status, 0, res.stdout + res.stderr);
    assert.match(res.stdout, /演示数据已载入/);
    assert.match(res.stdout, /credit_officer/);
    assert.ok(
      fs.existsSync(path.join(parent, 'data-keys', 'tipoff.key')),
      'the tip-off key file was made as npm start makes it',
    );
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
});
