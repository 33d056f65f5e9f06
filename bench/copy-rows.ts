import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A value of PostgreSQL's COPY text format: \N for null; backslash, tab and line breaks escaped. */
export function copyValue(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

const CHUNK_ROWS = 2000;

export type CopyValue = string | number | boolean | null;

/**
 * Streams rows into `table` with COPY … FROM STDIN. `rows(i)` gives the rows for items i in [from, to) (none,
 * one or several), each an array of column values; chunks of a few thousand rows keep memory flat and respect
 * back-pressure. Returns the number of rows written.
 */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  range: { from: number; to: number },
  rows: (i: number) => CopyValue[][],
): Promise<number> {
  let written = 0;
  function* chunks(): Generator<string> {
    let buffer: string[] = [];
    for (let i = range.from; i < range.to; i++) {
      for (const row of rows(i)) {
        buffer.push(row.map(copyValue).join('\t'));
        written++;
      }
      if (buffer.length >= CHUNK_ROWS) {
        yield buffer.join('\n') + '\n';
        buffer = [];
      }
    }
    if (buffer.length > 0) yield buffer.join('\n') + '\n';
  }
  const sql = `copy ${table} (${columns.join(', ')}) from stdin`;
  await pipeline(Readable.from(chunks()), client.query(copyFrom(sql)));
  return written;
}
