import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { configFor, startInstallation, tempParent } from '../test/installation.ts';
import { openDatabase } from './database.ts';
import { installationKeyFiles } from './installation.ts';
import { openInstallation, type OpenedInstallation } from './startup.ts';

// Two installations under one parent, made once for the file (a first start on disk costs seconds).
let dir: string;
let a: OpenedInstallation;
let b: OpenedInstallation;
const startAndClose = async (...args: Parameters<typeof startInstallation>) => {
  const started = await startInstallation(...args);
  await started.close();
  return started;
};
const readKey = (file: string) => fs.readFileSync(file, 'utf8').trim();
const parents: string[] = [];

before(async () => {
  dir = tempParent();
  parents.push(dir);
  a = await startAndClose(configFor(path.join(dir, 'a')));
  b = await startAndClose(configFor(path.join(dir, 'b')));
});
after(() => {
  for (const p of parents) fs.rmSync(p, { recursive: true, force: true });
});

test('two data directories under one parent get server and tip-off keys of their own', () => {
  assert.equal(a.config.secretKeyFile, path.join(dir, 'a-keys', 'server.key'));
  assert.equal(b.config.tipoffKeyFile, path.join(dir, 'b-keys', 'tipoff.key'));
  assert.notEqual(a.secretKey!.toString('hex'), b.secretKey!.toString('hex'));
  assert.notEqual(readKey(a.config.tipoffKeyFile!), readKey(b.config.tipoffKeyFile!));
  assert.deepEqual(
    fs.readdirSync(dir).sort(),
    ['a', 'a-keys', 'b', 'b-keys'],
    'no key shared beside the data directories',
  );
  if (process.platform !== 'win32') assert.equal(fs.statSync(path.join(dir, 'a-keys')).mode & 0o777, 0o700);
  assert.deepEqual(
    a.adopted.sort(),
    ['server', `tipoff:${[...a.tipoffKeys!.keys.keys()][0]}`],
    'the first start stores the fingerprints',
  );
});

test('a server key or tip-off key made for another database is refused at start, and so is a missing key of an existing database', async () => {
  const open = (env: Record<string, string>) =>
    openInstallation(configFor(path.join(dir, 'b'), env), { readOnly: false, tipoffKeys: true, now: new Date() });
  await assert.rejects(
    open({ CREDLINK_SECRET_KEY_FILE: a.config.secretKeyFile }),
    /服务器密钥与本数据库不符.*另一个数据库/,
  );
  await assert.rejects(open({ CREDLINK_SECRET_KEY: randomBytes(32).toString('hex') }), /服务器密钥与本数据库不符/);
  await assert.rejects(
    open({ CREDLINK_TIPOFF_KEY_FILE: a.config.tipoffKeyFile! }),
    /举报人信息密钥.*不符.*另一个数据库/,
  );

  const moved = `${b.config.secretKeyFile}.moved`;
  fs.renameSync(b.config.secretKeyFile, moved);
  try {
    await assert.rejects(open({}), /找不到服务器密钥文件 .*b-keys.*server\.key/);
    assert.equal(fs.existsSync(b.config.secretKeyFile), false, 'no new key for a database that has data');
  } finally {
    fs.renameSync(moved, b.config.secretKeyFile);
  }
  const again = await open({});
  await again.database.close();
  assert.deepEqual(again.adopted, [], 'its own keys still open it');
});

test('an installation made before keys were kept per data directory keeps its shared key files and adopts them; a new one beside it does not take them', async () => {
  const other = tempParent();
  parents.push(other);
  // As such an installation was: key files beside the data directory, no fingerprints in the database.
  fs.cpSync(path.join(dir, 'a'), path.join(other, 'old'), { recursive: true });
  fs.copyFileSync(a.config.secretKeyFile, path.join(other, 'credlink-secret.key'));
  fs.copyFileSync(a.config.tipoffKeyFile!, path.join(other, 'credlink-tipoff.key'));
  const database = await openDatabase({ databaseUrl: null, dataDir: path.join(other, 'old') });
  await database.db.deleteFrom('installation_keys').execute();
  await database.close();

  const upgraded = await startAndClose(configFor(path.join(other, 'old')));
  assert.deepEqual(upgraded.legacyKeyFiles, [
    path.join(other, 'credlink-secret.key'),
    path.join(other, 'credlink-tipoff.key'),
  ]);
  assert.equal(upgraded.secretKey!.toString('hex'), a.secretKey!.toString('hex'));
  assert.ok(upgraded.adopted.includes('server'), 'the database adopts the key it has been using');
  assert.equal(fs.existsSync(path.join(other, 'old-keys')), false);

  const fresh = installationKeyFiles(configFor(path.join(other, 'new')), false);
  assert.deepEqual(fresh.legacy, [], 'a new installation never takes the shared files');
  assert.equal(fresh.config.secretKeyFile, path.join(other, 'new-keys', 'server.key'));
});
