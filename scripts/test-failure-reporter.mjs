// A node:test reporter that, for each file whose process failed, writes how it ended (exit code or signal) with
// the file's own stderr and the runner's diagnostics, so a failure with no failing test still says why.
import { fileOf, isFileLevel } from './test-events.mjs';

const SUMMARY = /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) /;
const KEEP_LINES = 60;

export default async function* failureReporter(source) {
  const stderr = new Map();
  const diagnostics = [];
  const failed = new Map();
  for await (const event of source) {
    const { data } = event;
    if (event.type === 'test:stderr' && fileOf(data)) {
      const file = fileOf(data);
      const lines = stderr.get(file) ?? [];
      lines.push(...String(data.message).split('\n').filter(Boolean));
      stderr.set(file, lines.slice(-KEEP_LINES));
    } else if (event.type === 'test:diagnostic' && !SUMMARY.test(data.message)) {
      diagnostics.push(data.message);
    } else if (event.type === 'test:fail' && isFileLevel(data)) {
      const error = data.details?.error;
      failed.set(fileOf(data), error?.signal ? `signal ${error.signal}` : `exit code ${error?.exitCode ?? 'unknown'}`);
    }
  }
  for (const [file, ending] of failed) {
    yield `\n${file}: the test process ended with ${ending}\n`;
    for (const line of stderr.get(file) ?? []) yield `  stderr: ${line}\n`;
  }
  if (failed.size > 0) for (const message of diagnostics) yield `  diagnostic: ${message}\n`;
}
