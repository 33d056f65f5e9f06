// A node:test reporter that writes the path of every file that reported a passing or failing test.
import { fileOf, isFileLevel } from './test-events.mjs';

export default async function* fileReporter(source) {
  const seen = new Set();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const file = fileOf(event.data);
    if (!file || seen.has(file)) continue;
    // A file that failed to load, or whose process died before any test ended, reports one failure named after the
    // file itself; that is not a result.
    if (event.type === 'test:fail' && isFileLevel(event.data)) continue;
    seen.add(file);
    yield `${file}\n`;
  }
}
