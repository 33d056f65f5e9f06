// A node:test reporter that writes the path of every file that reported a passing or failing test.
export default async function* fileReporter(source) {
  const seen = new Set();
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.file && !seen.has(event.data.file)) {
      // A file that failed to load reports one failure named after the file itself; that is not a result.
      if (event.type === 'test:fail' && event.data.nesting === 0 && event.data.name === event.data.file) continue;
      seen.add(event.data.file);
      yield `${event.data.file}\n`;
    }
  }
}
