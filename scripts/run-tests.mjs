// Runs every *.test.ts file by name (Node 20's --test takes no globs) and fails when fewer files reported
// results than exist, so a file that silently fails to load cannot pass unnoticed.
//
// A file whose process the runtime itself killed (a signal such as SIGSEGV, or a V8 or WebAssembly fatal error on
// stderr) while none of its tests failed is run once more, alone, and the run says so; any other failure stands.
// Why: docs/decisions/0010-test-processes-killed-by-the-runtime.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const roots = ['src', 'bench', 'web/src'].filter((d) => fs.existsSync(d));
const only = process.argv.slice(2);
const found = roots
  .flatMap((root) => walk(root))
  .filter((f) => /\.test\.tsx?$/.test(f))
  .sort();
const browser = only.length === 0 && found.some(isBrowserTest) && browserTestsWanted();
const files = only.length > 0 ? only : found.filter((f) => browser || !isBrowserTest(f));
if (files.length === 0) {
  console.error('没有找到测试文件。');
  process.exit(1);
}

const RUNTIME_SIGNALS = new Set(['SIGSEGV', 'SIGABRT', 'SIGBUS', 'SIGILL', 'SIGTRAP', 'SIGFPE']);
const RUNTIME_FATAL =
  /Fatal error in |Check failed: |RuntimeError: (Aborted\(|unreachable|memory access out of bounds)|Segmentation fault/;

const first = runFiles(files);
let status = first.status;
let ran = first.ran;
const crashed = first.ended.filter(killedByRuntime);
printEndings(first.ended);
if (status !== 0 && first.failedTests === 0 && crashed.length > 0 && crashed.length === first.ended.length) {
  const again = crashed.map((e) => path.relative(process.cwd(), e.file));
  console.error(
    `\n${again.length} 个测试文件的进程被运行时终止（其中没有失败的测试），单独重新运行一次：\n  ${again.join('\n  ')}\n`,
  );
  const second = runFiles(again);
  printEndings(second.ended);
  status = second.status;
  ran = new Set([...ran, ...second.ran]);
  console.error(
    status === 0
      ? `\n重新运行通过。被运行时终止的文件：${again.join(', ')}（见上方的退出方式和 stderr）。`
      : '\n重新运行仍然失败。',
  );
}

const missing = files.filter((f) => !ran.has(path.resolve(f)));
if (missing.length > 0) {
  console.error(
    `\n${files.length} 个测试文件中有 ${missing.length} 个没有报告任何测试结果：\n  ${missing.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`\n${ran.size}/${files.length} test files reported results.`);
process.exit(status);

/** One run of the node:test runner over the files: its exit status, the files that reported, how failed files ended. */
function runFiles(list) {
  const stamp = `${process.pid}-${Date.now()}`;
  const ranFile = path.join(os.tmpdir(), `credlink-tests-${stamp}.ndjson`);
  const failuresFile = path.join(os.tmpdir(), `credlink-test-failures-${stamp}.ndjson`);
  const concurrency = process.env.TEST_CONCURRENCY ?? '2';
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${concurrency}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/test-file-reporter.mjs',
      `--test-reporter-destination=${ranFile}`,
      '--test-reporter=./scripts/test-failure-reporter.mjs',
      `--test-reporter-destination=${failuresFile}`,
      ...list,
    ],
    { stdio: 'inherit', env: { ...process.env, CREDLINK_TEST: '1' } },
  );
  const lines = (f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8').split('\n').filter(Boolean) : []);
  const ranFiles = new Set(lines(ranFile));
  const records = lines(failuresFile).map((l) => JSON.parse(l));
  for (const f of [ranFile, failuresFile]) fs.rmSync(f, { force: true });
  const summary = records.find((r) => r.summary) ?? { failedTests: 0 };
  return {
    status: result.status ?? 1,
    ran: ranFiles,
    ended: records.filter((r) => !r.summary),
    failedTests: summary.failedTests,
  };
}

function killedByRuntime(e) {
  return e.failedTests === 0 && (RUNTIME_SIGNALS.has(e.signal) || e.stderr.some((line) => RUNTIME_FATAL.test(line)));
}

/** Printed last, so that a CI log's tail shows how each failed test process ended and what it wrote to stderr. */
function printEndings(ended) {
  for (const e of ended) {
    console.error(
      `\n${e.file}: the test process ended with ${e.signal ? `signal ${e.signal}` : `exit code ${e.exitCode ?? 'unknown'}`}` +
        `, ${e.failedTests} of its tests failed`,
    );
    for (const line of e.stderr) console.error(`  stderr: ${line}`);
    for (const message of e.diagnostics) console.error(`  diagnostic: ${message}`);
  }
}

function isBrowserTest(file) {
  return /\.browser\.test\.tsx?$/.test(file);
}

/**
 * Browser tests (*.browser.test.ts) drive Debian's chromium. BROWSER_TESTS=0 leaves them out (CI runs them in one of
 * its three passes); BROWSER_TESTS=require fails the run when chromium is missing; otherwise they run when chromium
 * is installed and are left out, with a notice, when it is not.
 */
function browserTestsWanted() {
  const mode = process.env.BROWSER_TESTS ?? 'auto';
  if (mode === '0') return false;
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (fs.existsSync(chromium)) return true;
  if (mode === 'require') {
    console.error(
      `需要运行浏览器测试，但没有找到 Chromium（${chromium}）。请安装：apt-get install -y chromium fonts-noto-cjk`,
    );
    process.exit(1);
  }
  if (!browserNoticeShown) {
    console.error(
      `未找到 Chromium（${chromium}），浏览器测试未运行。安装方法见 README（apt-get install -y chromium fonts-noto-cjk）。`,
    );
    browserNoticeShown = true;
  }
  return false;
}
let browserNoticeShown = false;

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.name === 'node_modules' || d.name.startsWith('.')) return [];
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : [p];
  });
}
