import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { journalLine } from './check-record-line.ts';
import type { CheckJournalWriter, CheckRecordInput } from './check-recorder.ts';

/** A segment is closed after this many rows or this long, so that written rows stop taking disk. */
const SEGMENT_ROWS = 20_000;
const SEGMENT_AGE_MS = 10_000;

// Each write returns once its data is on disk (O_DSYNC: write and fdatasync in one call), so a group costs one trip
// to the thread pool instead of two; on a busy machine every trip waits for a CPU.
const { O_WRONLY, O_APPEND, O_CREAT, O_DSYNC } = fsConstants;
const APPEND_DSYNC = O_WRONLY | O_APPEND | O_CREAT | (O_DSYNC ?? 0);

export const JOURNAL_FILE = /^(checks|replay)-(\d+)-([0-9a-f]+)-(\d+)\.journal$/;

interface Segment {
  file: string;
  handle: fs.FileHandle | null;
  openedAt: number;
  lines: number;
  /** Rows of this segment now in the database (or set aside). */
  settled: number;
}

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * The local journal of check records: a check is answered only once its record is in a file on this host's disk,
 * so that it survives the death of the process (decision 0004). Appends are written in groups: every check that
 * arrives while one group is being written and synced waits for the next group, so one fsync serves many checks
 * and the check path never waits on the database.
 *
 * Each process writes its own files, named `checks-<pid>-<token>-<n>.journal`, in segments; a segment is deleted
 * once every row in it has reached the database. What a dead process leaves is replayed by the next process
 * (check-journal-replay.ts).
 */
export class CheckJournal implements CheckJournalWriter {
  /** `<pid>-<token>`: this process's files; the token tells them from those of an earlier process with the same pid. */
  readonly owner = `${process.pid}-${randomBytes(6).toString('hex')}`;
  private lines: string[] = [];
  private waiters: Waiter[] = [];
  private rows: CheckRecordInput[] = [];
  private writing: Promise<void> | null = null;
  private current: Segment | null = null;
  private counter = 0;
  /** Group writes so far: each one write and one fsync, for as many checks as were waiting. */
  groups = 0;
  private readonly segmentOf = new WeakMap<CheckRecordInput, Segment>();
  private readonly open = new Set<Segment>();

  private constructor(
    readonly dir: string,
    private readonly log: { warn(obj: object, msg: string): void },
  ) {}

  static async open(dir: string, log: { warn(obj: object, msg: string): void }): Promise<CheckJournal> {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    return new CheckJournal(dir, log);
  }

  append(row: CheckRecordInput): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.lines.push(journalLine(row));
      this.rows.push(row);
      this.waiters.push({ resolve, reject });
      // The first check after a quiet moment starts a group at once; the others join the next one.
      this.writing ??= this.writeGroups();
    });
  }

  settle(rows: readonly CheckRecordInput[]): void {
    for (const row of rows) {
      const segment = this.segmentOf.get(row);
      if (segment === undefined) continue; // a row replayed from another journal
      this.segmentOf.delete(row);
      segment.settled += 1;
      if (segment !== this.current) void this.dropIfDone(segment);
    }
  }

  /** Rows written to the journal and not yet settled. */
  get unsettled(): number {
    let n = 0;
    for (const s of this.open) n += s.lines - s.settled;
    return n;
  }

  /** Waits for the groups under way and closes the files; segments whose rows are all settled are deleted. */
  async close(): Promise<void> {
    while (this.writing) await this.writing;
    const current = this.current;
    this.current = null;
    if (current) await this.dropIfDone(current);
    const left = this.unsettled;
    for (const s of this.open) await s.handle?.close().catch(() => {});
    if (left > 0)
      this.log.warn({ dir: this.dir, rows: left }, 'check records left in the journal for the next start to replay');
  }

  private async writeGroups(): Promise<void> {
    try {
      while (this.lines.length > 0) {
        const lines = this.lines;
        const rows = this.rows;
        const waiters = this.waiters;
        this.lines = [];
        this.rows = [];
        this.waiters = [];
        try {
          const segment = await this.segment();
          await writeAll(segment.handle!, Buffer.from(`${lines.join('\n')}\n`));
          segment.lines += rows.length;
          this.groups += 1;
          for (const row of rows) this.segmentOf.set(row, segment);
          for (const w of waiters) w.resolve();
        } catch (error) {
          // A failed write may leave a torn line: later groups go to a new file, never after it.
          await this.rotate().catch(() => {});
          for (const w of waiters) w.reject(error);
        }
      }
    } finally {
      this.writing = null;
    }
  }

  /** The segment to write to, a new one when the current one is full or old. */
  private async segment(): Promise<Segment> {
    const c = this.current;
    if (c !== null && c.lines < SEGMENT_ROWS && performance.now() - c.openedAt < SEGMENT_AGE_MS) return c;
    await this.rotate();
    this.counter += 1;
    const file = path.join(this.dir, `checks-${this.owner}-${this.counter}.journal`);
    const segment: Segment = {
      file,
      handle: await fs.open(file, APPEND_DSYNC, 0o600),
      openedAt: performance.now(),
      lines: 0,
      settled: 0,
    };
    // The new name must survive a power cut too: sync the directory once per segment.
    await syncDirectory(this.dir);
    this.open.add(segment);
    this.current = segment;
    return segment;
  }

  private async rotate(): Promise<void> {
    const old = this.current;
    this.current = null;
    if (old !== null) await this.dropIfDone(old);
  }

  private async dropIfDone(segment: Segment): Promise<void> {
    if (segment.settled < segment.lines || !this.open.has(segment) || segment === this.current) return;
    this.open.delete(segment);
    const handle = segment.handle;
    segment.handle = null;
    await handle?.close().catch(() => {});
    await fs.rm(segment.file, { force: true });
  }
}

/**
 * The subdirectory of the journal directory for one database: the PostgreSQL URL without its password, or the
 * embedded data directory. Two installations given the same journal directory then never replay each other's
 * checks into the wrong database.
 */
export function journalScope(database: { url: string | null; dataDir: string }): string {
  let identity = `pglite:${path.resolve(database.dataDir)}`;
  if (database.url !== null) {
    try {
      const url = new URL(database.url);
      url.password = '';
      identity = `postgres:${url.toString()}`;
    } catch {
      identity = `postgres:${database.url}`;
    }
  }
  return createHash('sha256').update(identity).digest('hex').slice(0, 16);
}

async function writeAll(handle: fs.FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
  // Where O_DSYNC is unknown (it is on Linux and macOS), sync explicitly.
  if (O_DSYNC === undefined) await handle.datasync();
}

export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* not every platform can sync a directory */
  }
}
