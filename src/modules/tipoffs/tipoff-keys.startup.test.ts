import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';

// The real command, as an operator runs it: without a tip-off key the server refuses to start, and writes no key
// (nor anything else) anywhere, least of all into the data directory.
const root = path.resolve(import.meta.dirname, '../../..');

function run(args: string[], env: Record<string, string | undefined>) {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('CREDLINK_') && k !== 'DATABASE_URL') clean[k] = v;
  }
  for (const [k, v] of Object.entries(env)) if (v !== undefined) clean[k] = v;
  return spawnSync(process.execPath, ['bin/credlink.mjs', ...args], {
    cwd: root,
    env: clean,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

function sandbox() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credlink-keys-'));
  return {
    dir,
    env: {
      CREDLINK_DATA_DIR: path.join(dir, 'data'),
      CREDLINK_SECRET_KEY_FILE: path.join(dir, 'secret', 'credlink-secret.key'),
      CREDLINK_ADMIN_PASSWORD: 'Startup-Test-2026',
      PORT: String(20000 + Math.floor(Math.random() * 20000)),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    [Symbol.dispose]: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

describe('the tip-off key comes from configuration only', () => {
  test('the server refuses to start without a tip-off key, says so in Chinese and writes nothing', () => {
    using box = sandbox();
    const keyFile = path.join(box.dir, 'keys', 'credlink-tipoff.key');
    const res = run(['start'], { ...box.env, CREDLINK_TIPOFF_KEY_FILE: keyFile });
    assert.notEqual(res.status, 0, `it started: ${res.stdout}${res.stderr}`);
    assert.match(res.stderr, /举报人信息密钥文件不存在/);
    assert.match(res.stderr, /CREDLINK_TIPOFF_KEYS/);
    assert.equal(fs.existsSync(keyFile), false, 'no key file created');
    assert.equal(fs.existsSync(box.env.CREDLINK_DATA_DIR), false, 'the data directory is not even created');
    assert.deepEqual(filesUnder(box.dir), [], 'nothing written anywhere (no server key either)');
  });

  test('a key file inside the data directory is refused, and so is a malformed key ring', () => {
    using box = sandbox();
    fs.mkdirSync(box.env.CREDLINK_DATA_DIR, { recursive: true });
    const inside = path.join(box.env.CREDLINK_DATA_DIR, 'tipoff.key');
    fs.writeFileSync(inside, `k1:${randomBytes(32).toString('hex')}\n`);
    const res = run(['start'], { ...box.env, CREDLINK_TIPOFF_KEY_FILE: inside });
    assert.notEqual(res.status, 0);
    assert.match(res.stderr, /不得放在数据目录中/);
    assert.deepEqual(filesUnder(box.env.CREDLINK_DATA_DIR), [inside], 'the data directory holds nothing new');

    const malformed = run(['start'], { ...box.env, CREDLINK_TIPOFF_KEYS: 'k1:tooshort' });
    assert.notEqual(malformed.status, 0);
    assert.match(malformed.stderr, /长度无效/);
    assert.deepEqual(filesUnder(box.env.CREDLINK_DATA_DIR), [inside]);
  });

  test('keys init writes the key file outside the data directory only, once, readable by its owner only', () => {
    using box = sandbox();
    const keyFile = path.join(box.dir, 'keys', 'credlink-tipoff.key');
    const first = run(['keys', 'init'], { ...box.env, CREDLINK_TIPOFF_KEY_FILE: keyFile });
    assert.equal(first.status, 0, first.stderr);
    assert.match(fs.readFileSync(keyFile, 'utf8'), /^k\d{8}:[0-9a-f]{64}\n$/);
    if (process.platform !== 'win32') assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
    const content = fs.readFileSync(keyFile, 'utf8');
    assert.equal(run(['keys', 'init'], { ...box.env, CREDLINK_TIPOFF_KEY_FILE: keyFile }).status, 0);
    assert.equal(fs.readFileSync(keyFile, 'utf8'), content, 'an existing key is never replaced');

    const inside = run(['keys', 'init'], {
      ...box.env,
      CREDLINK_TIPOFF_KEY_FILE: path.join(box.env.CREDLINK_DATA_DIR, 'k.key'),
    });
    assert.notEqual(inside.status, 0);
    assert.match(inside.stderr, /不得放在数据目录中/);
    assert.equal(fs.existsSync(box.env.CREDLINK_DATA_DIR), false);
  });
});
