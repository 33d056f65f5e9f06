import type { Kysely } from 'kysely';
import { appendToLedger, checkBatchJson, type Clock, type DB } from '../shared/index.ts';
import { cleanText, journalLine } from './check-record-line.ts';
import * as repo from './check-recorder.repository.ts';

const BATCH_SIZE = 1000;
const MAX_BACKOFF_MS = 30_000;

/** One subject of a check as recorded: never an ID number in clear. */
export interface RecordedSubject {
  uscc?: string;
  citizenIdDigest?: string;
  citizenIdMasked?: string;
  name?: string;
  subjectId: string | null;
  entryIds: string[];
  candidate: boolean;
  /** false when the subject was not checked (a malformed code, or none); absent for a subject checked. */
  answered?: false;
  /** The codes of what was wrong with a subject not checked. */
  problems?: string[];
}

export interface CheckRecordInput {
  checkId: string;
  checkedAt: Date;
  departmentId: string;
  actor: string;
  scenario: string | null;
  dataVersion: bigint;
  stale: boolean;
  subjects: RecordedSubject[];
  /** Set once the database has refused this row on its own: it is then set aside, not retried. */
  refused?: Refusal;
}

/** Why the database refused a record: its SQLSTATE and message. */
export interface Refusal {
  code: string;
  message: string;
}

export interface CheckRecorderDeps {
  db: Kysely<DB>;
  clock: Clock;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** Rows the buffer holds at most (config.checkRecordBufferLimit). */
  limit: number;
  intervalMs?: number;
  /** The local journal a check is written to before it is answered; without one, a crash loses the buffer. */
  journal?: CheckJournalWriter | null;
}

/** What the recorder needs of the journal (check-journal.ts). */
export interface CheckJournalWriter {
  append(row: CheckRecordInput): Promise<void>;
  /** The rows are in the database (or set aside in the audit log): the journal may forget them. */
  settle(rows: readonly CheckRecordInput[]): void;
}

/** What /readyz reports about recording (public: counts and times, no error text). */
export interface RecorderStatus {
  /** Checks answered whose records are not in the database yet. */
  pending: number;
  /** Since when writes have failed for want of the database (rows wait, journaled); null while they succeed. */
  failingSince: string | null;
  /** Records the database refused, set aside in the audit log ('check.set_aside') since this process started. */
  setAside: number;
  lastSetAsideAt: string | null;
}

const RESOLVED = Promise.resolve();

/**
 * Writes check records outside the request path: every second, or as soon as 1,000 rows wait, one transaction
 * per batch chained into the audit log by one 'check.batch' link. While the database is unreachable the rows wait
 * in a bounded buffer, in order; when it is full, record() says so and the check is refused.
 *
 * A batch the database refuses for its content (a data error, not an outage) is split in halves until the rows
 * that cannot be written stand alone; each of those is set aside in the audit log ('check.set_aside', with the
 * record and the database's error) so that one poisoned check never holds back the others.
 */
export class CheckRecorder {
  private buffer: CheckRecordInput[] = [];
  private inFlight = 0;
  /** Checks being journaled: they count against the limit before they reach the buffer. */
  private reserved = 0;
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private retryAt = 0;
  private failingSince: string | null = null;
  private setAsideCount = 0;
  private lastSetAsideAt: string | null = null;

  constructor(private readonly deps: CheckRecorderDeps) {}

  /** Rows recorded and not yet written. */
  get pending(): number {
    return this.buffer.length + this.inFlight;
  }

  status(): RecorderStatus {
    return {
      pending: this.pending + this.reserved,
      failingSince: this.failingSince,
      setAside: this.setAsideCount,
      lastSetAsideAt: this.lastSetAsideAt,
    };
  }

  /**
   * Accepts a row: false when the buffer is full (the caller must not answer the check); otherwise a promise
   * that resolves once the row is durable (in the journal, when there is one) — only then may the check be
   * answered. Without a journal the row is queued at once.
   */
  record(row: CheckRecordInput): false | Promise<void> {
    if (this.pending + this.reserved >= this.deps.limit) return false;
    const journal = this.deps.journal;
    if (!journal) {
      this.queue(row);
      return RESOLVED;
    }
    this.reserved += 1;
    return journal.append(row).then(
      () => {
        this.reserved -= 1;
        this.queue(row);
      },
      (error: unknown) => {
        this.reserved -= 1;
        throw error;
      },
    );
  }

  private queue(row: CheckRecordInput): void {
    this.buffer.push(row);
    if (this.timer !== null && this.flushing === null && this.buffer.length >= BATCH_SIZE && this.failures === 0) {
      this.flushInBackground();
    }
  }

  /** Writes every row queued before the call; rejects (keeping the rows) when the database fails. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => {});
    if (this.buffer.length === 0) return;
    const running = this.drain();
    this.flushing = running;
    try {
      await running;
    } finally {
      this.flushing = null;
    }
  }

  /**
   * Writes rows read back from a journal: those already in the database (or already set aside) are skipped, so
   * a replay never records a check twice. Rejects when the database fails; nothing is kept in memory then (the
   * journal still holds the rows).
   */
  async replay(rows: CheckRecordInput[]): Promise<{ written: number; skipped: number }> {
    let written = 0;
    for (let i = 0; i < rows.length; i += BATCH_SIZE) {
      const chunk = rows.slice(i, i + BATCH_SIZE);
      const known = await repo.knownCheckIds(
        this.deps.db,
        chunk.map((r) => r.checkId),
      );
      const seen = new Set(known.map((r) => r.check_id));
      const fresh = chunk.filter((r) => !seen.has(r.checkId));
      if (fresh.length > 0) written += fresh.length - (await this.writeRows(fresh, { replaying: true }));
    }
    return { written, skipped: rows.length - written };
  }

  start(): void {
    if (this.timer !== null) return;
    const intervalMs = this.deps.intervalMs ?? 1000;
    this.timer = setInterval(() => {
      if (this.buffer.length > 0 && this.flushing === null && performance.now() >= this.retryAt)
        this.flushInBackground();
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what is left; rows that cannot be written now are reported (the journal keeps them). */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    try {
      await this.flush();
    } catch (error) {
      this.deps.log.error(
        { err: describe(error), left: this.pending, journaled: Boolean(this.deps.journal) },
        'check records could not be written before shutdown',
      );
    }
  }

  private flushInBackground(): void {
    this.flush().catch((error) => {
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(this.failures - 1, 5));
      this.retryAt = performance.now() + delay;
      if (this.failures === 1)
        this.deps.log.warn({ err: describe(error), pending: this.pending }, 'check records wait for the database');
    });
  }

  private async drain(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, BATCH_SIZE);
      this.inFlight = batch.length;
      try {
        await this.writeRows(batch, { replaying: false });
        this.failures = 0;
        this.failingSince = null;
      } catch (error) {
        // Only the rows not yet written go back, at the head, in order.
        this.buffer.unshift(...(error instanceof Unwritten ? error.rows : batch));
        this.failures += 1;
        this.failingSince ??= this.deps.clock.now().toISOString();
        throw error instanceof Unwritten ? error.cause : error;
      } finally {
        this.inFlight = 0;
      }
    }
  }

  /**
   * Writes the rows in as few batches as the database accepts: a batch refused for its content is halved, and a
   * row refused alone is set aside. Any other failure (the database unreachable) throws Unwritten with the rows
   * not written, in order.
   */
  private async writeRows(rows: CheckRecordInput[], options: { replaying: boolean }): Promise<number> {
    const stack: CheckRecordInput[][] = [rows];
    let alreadySetAside = 0;
    while (stack.length > 0) {
      const part = stack.pop()!;
      try {
        if (part.length === 1 && part[0]!.refused !== undefined) {
          if (!(await this.setAside(part[0]!, part[0]!.refused, options.replaying))) alreadySetAside += 1;
        } else {
          await this.writeBatch(part);
        }
        this.deps.journal?.settle(part);
      } catch (error) {
        if (!isDataError(error) || (part.length === 1 && part[0]!.refused !== undefined)) {
          throw new Unwritten(error, [...part, ...stack.reverse().flat()]);
        }
        if (part.length === 1) {
          part[0]!.refused = refusal(error);
          stack.push(part);
        } else {
          const middle = part.length >> 1;
          stack.push(part.slice(middle), part.slice(0, middle));
        }
      }
    }
    return alreadySetAside;
  }

  /** One audit link stating that this check was answered and why its record is not in check_records. */
  /** False when a replay finds the row already set aside. */
  private async setAside(row: CheckRecordInput, refused: Refusal, replaying: boolean): Promise<boolean> {
    const added = await this.deps.db.transaction().execute(async (tx) => {
      if (replaying) {
        const done = await repo.setAsideLink(tx, row.checkId);
        if (done) return false;
      }
      const record = cleanText(JSON.parse(journalLine(row))) as Record<string, unknown>;
      await appendToLedger(tx, {
        now: this.deps.clock.now(),
        actor: 'system:checks',
        events: [],
        audits: [
          { action: 'check.set_aside', target: row.checkId, details: { checkId: row.checkId, error: refused, record } },
        ],
      });
      return true;
    });
    if (!added) return false;
    this.setAsideCount += 1;
    this.lastSetAsideAt = this.deps.clock.now().toISOString();
    this.deps.log.error(
      { checkId: row.checkId, err: refused },
      'a check record the database refuses was set aside in the audit log',
    );
    return true;
  }

  private async writeBatch(batch: CheckRecordInput[]): Promise<void> {
    const forHash = batch.map((r) => ({
      checkId: r.checkId,
      checkedAt: r.checkedAt.toISOString(),
      departmentId: r.departmentId,
      actor: r.actor,
      scenario: r.scenario,
      dataVersion: r.dataVersion.toString(),
      stale: r.stale,
      subjects: r.subjects,
    }));
    let first = batch[0]!.checkId;
    let last = first;
    for (const r of batch) {
      if (r.checkId < first) first = r.checkId;
      if (r.checkId > last) last = r.checkId;
    }
    // Serialized once: the string hashed into the audit link is the one inserted.
    const { json: rows, rowsHash } = checkBatchJson(forHash);
    const details = { count: batch.length, firstCheckId: first, lastCheckId: last, rowsHash };
    await this.deps.db.transaction().execute(async (tx) => {
      await appendToLedger(tx, {
        now: this.deps.clock.now(),
        actor: 'system:checks',
        events: [],
        audits: [{ action: 'check.batch', details }],
      });
      const head = await repo.lastAuditSeq(tx);
      await repo.insertCheckBatch(tx, rows, head.audit_seq.toString());
    });
  }
}

function describe(error: unknown) {
  return { type: (error as Error)?.name, message: (error as Error)?.message };
}

/** Rows not written because the database failed (not because it refused them). */
class Unwritten extends Error {
  constructor(
    override readonly cause: unknown,
    readonly rows: CheckRecordInput[],
  ) {
    super((cause as Error)?.message ?? String(cause));
  }
}

/**
 * A refusal of the data itself (SQLSTATE class 22 data exception, 23 integrity constraint): the same rows would
 * fail again, so they are split. Anything else (no connection, a server shutting down) is an outage: retried.
 */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}

function refusal(error: unknown): Refusal {
  return {
    code: String((error as { code?: unknown }).code),
    message: cleanText(String((error as Error)?.message ?? error)) as string,
  };
}
