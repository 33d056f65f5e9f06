// What the node:test reporters here need to know of an event, the same on Node 20 and 24: Node 24 names a file's
// own test, and its stderr, by the path as given on the command line, Node 20 by the absolute path.
import path from 'node:path';

/** The absolute path of the test file an event belongs to, or null. */
export const fileOf = (data) => (data.file ? path.resolve(data.file) : null);

/** Whether the event is about a test file as a whole (its process), not one of its tests. */
export const isFileLevel = (data) =>
  data.nesting === 0 &&
  typeof data.name === 'string' &&
  data.file != null &&
  path.resolve(data.name) === path.resolve(data.file);
