// A node:test reporter that writes one JSON line for each test file whose process failed: how it ended (exit code
// or signal), how many of its tests failed, its last lines of stderr, and the runner's diagnostics about it; then a
// last line with the number of failed tests in all files. The test script prints the files last, so a file that
// fails with no failing test still says why, and decides from them whether a crashed file is run again.
import { fileOf, isFileLevel } from './test-events.mjs';

const SUMMARY = /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) /;
const KEEP_LINES = 60;

export default async function* failureReporter(source) {
  const stderr = new Map();
  const failedTests = new Map();
  const diagnostics = [];
  const ended = [];
  for await (const event of source) {
    const { data } = event;
    const file = fileOf(data);
    if (event.type === 'test:stderr' && file) {
      const lines = stderr.get(file) ?? [];
      lines.push(...String(data.message).split('\n').filter(Boolean));
      stderr.set(file, lines.slice(-KEEP_LINES));
    } else if (event.type === 'test:diagnostic' && !SUMMARY.test(data.message)) {
      diagnostics.push({ file, message: data.message });
    } else if (event.type === 'test:fail' && isFileLevel(data)) {
      const error = data.details?.error;
      ended.push({ file, exitCode: error?.exitCode ?? null, signal: error?.signal ?? null });
    } else if (event.type === 'test:fail' && file) {
      failedTests.set(file, (failedTests.get(file) ?? 0) + 1);
    }
  }
  for (const e of ended) {
    // Node 24 names the file a diagnostic is about; Node 20 does not, so there every diagnostic goes with every file.
    const about = diagnostics.filter((d) => d.file === null || d.file === e.file).map((d) => d.message);
    yield `${JSON.stringify({ ...e, failedTests: failedTests.get(e.file) ?? 0, stderr: stderr.get(e.file) ?? [], diagnostics: about })}\n`;
  }
  let total = 0;
  for (const n of failedTests.values()) total += n;
  yield `${JSON.stringify({ summary: true, failedTests: total })}\n`;
}
