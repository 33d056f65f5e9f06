import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from './config.ts';

test('a first start listens on 127.0.0.1 only, unless HOST says otherwise', () => {
  assert.equal(loadConfig({}).host, '127.0.0.1');
  assert.equal(loadConfig({ HOST: '0.0.0.0' }).host, '0.0.0.0');
});

test('keys default to a directory named after the data directory, and check records to 36 months', () => {
  const config = loadConfig({ CREDLINK_DATA_DIR: '/srv/credlink/office-a' });
  assert.equal(config.secretKeyFile, path.resolve('/srv/credlink/office-a-keys/server.key'));
  assert.equal(config.tipoffKeyFile, path.resolve('/srv/credlink/office-a-keys/tipoff.key'));
  assert.equal(config.checkRecordRetentionMonths, 36);
  assert.equal(loadConfig({ CREDLINK_CHECK_RECORD_RETENTION_MONTHS: '0' }).checkRecordRetentionMonths, 0);
});
