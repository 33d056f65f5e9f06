// Runs every *.test.ts file by name (Node 20's --test takes no globs) and fails when fewer files reported
// results than exist, so a file that silently fails to load cannot pass unnoticed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const roots = ['src', 'bench', 'web/src'].filter((d) => fs.existsSync(d));
const only = process.argv.slice(2);
const files = only.length > 0 ? only : roots.flatMap((root) => walk(root)).filter((f) => /\.test\.tsx?$/.test(f)).sort();
if (files.length === 0) {
  console.error('没有找到测试文件。');
  process.exit(1);
}

const ranFile = path.join(os.tmpdir(), `credlink-tests-${process.pid}.ndjson`);
const failuresFile = path.join(os.tmpdir(), `credlink-test-failures-${process.pid}.txt`);
for (const f of [ranFile, failuresFile]) fs.rmSync(f, { force: true });
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const result = spawnSync(process.execPath, [
  '--import', 'tsx',
  '--test',
  `--test-concurrency=${concurrency}`,
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=./scripts/test-file-reporter.mjs', `--test-reporter-destination=${ranFile}`,
  '--test-reporter=./scripts/test-failure-reporter.mjs', `--test-reporter-destination=${failuresFile}`,
  ...files,
], { stdio: 'inherit', env: { ...process.env, CREDLINK_TEST: '1' } });

const ran = new Set(fs.existsSync(ranFile) ? fs.readFileSync(ranFile, 'utf8').split('\n').filter(Boolean) : []);
fs.rmSync(ranFile, { force: true });
// Files whose process failed, with how it ended and what it wrote to stderr, printed last so a CI log's tail shows them.
const failures = fs.existsSync(failuresFile) ? fs.readFileSync(failuresFile, 'utf8') : '';
fs.rmSync(failuresFile, { force: true });
if (failures.trim()) console.error(failures);
const missing = files.filter((f) => !ran.has(path.resolve(f)));
if (missing.length > 0) {
  console.error(`\n${files.length} 个测试文件中有 ${missing.length} 个没有报告任何测试结果：\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(`\n${ran.size}/${files.length} test files reported results.`);
process.exit(result.status ?? 1);

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.name === 'node_modules' || d.name.startsWith('.')) return [];
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : [p];
  });
}
