import { auditHash, CheckBatchHasher, checkRecordForHash, type Executor, type Secrets } from '../shared/index.ts';
import { messages, ProblemList, type AuditProblem } from './audit-problems.ts';
import {
  auditRowsAfter,
  checkpointsAfter,
  checkRecordsAfter,
  checkRecordsPurgedThrough,
  latestCheckpoint,
  readAuditHead,
  type AuditRow,
  type CheckpointRow,
  type CheckRecordAuditRow,
} from './audit.repository.ts';
import { checkpointSignatureValid } from './checkpoint-signature.ts';
import { PagedCursor } from './paged-cursor.ts';

/** The hash before the first row (ledger_head's initial audit_hash). */
export const GENESIS_HASH = '0'.repeat(64);
export const VERIFY_PAGE_SIZE = 5_000;

export interface AuditVerification {
  ok: boolean;
  rowsChecked: number;
  lastSeq: bigint;
  checkpointsChecked: number;
  /** The highest checkpoint whose signature verified under the current key. */
  lastCheckpointSeq: bigint | null;
  checkBatchesChecked: number;
  /** Of those, batches whose records the retention job removed: their audit rows and hashes stay. */
  checkBatchesPurged: number;
  problems: AuditProblem[];
  /** Problems found beyond the per-code limit and left out of `problems`. */
  problemsOmitted: number;
}

/**
 * One pass over the chain in sequence order, merging three keyset scans (audit rows, checkpoints, check records),
 * so memory stays bounded by the page size whatever the log's length. Each row is checked on its own (its hash
 * over its content and stored prev_hash) and against its predecessor, so every modified row is found, not only
 * the first; signed checkpoints anchor the chain against wholesale recomputation and tail removal.
 */
export async function walkAuditChain(
  deps: { db: Executor; secrets: Secrets },
  pageSize = VERIFY_PAGE_SIZE,
): Promise<AuditVerification> {
  return new ChainWalk(deps.db, deps.secrets, pageSize).run();
}

class ChainWalk {
  private readonly problems = new ProblemList();
  private rowsChecked = 0;
  private checkpointsChecked = 0;
  private checkBatchesChecked = 0;
  private checkBatchesPurged = 0;
  /** Read when first needed, and again when a batch beyond it is empty (the job may have run meanwhile). */
  private purgedThrough: bigint | null = null;
  private prev: AuditRow | null = null;
  private firstModified: AuditProblem | null = null;
  private moreModified = 0;
  private lastValidCheckpoint: bigint | null = null;
  /** The last checkpoint whose hash matched the row it names: where a recomputed stretch can begin. */
  private lastMatchingCheckpoint = 0n;
  private tailCheckpoint: bigint | null = null;
  private otherKeys = { count: 0, first: null as bigint | null, keyIds: new Set<string>() };
  private lastOrphanSeq: bigint | null = null;

  constructor(
    private readonly db: Executor,
    private readonly secrets: Secrets,
    private readonly pageSize: number,
  ) {}

  async run(): Promise<AuditVerification> {
    // Checkpoints are bounded before the head is read: a genuine checkpoint never names a seq beyond the head at
    // the time it was signed, so one beyond the head read afterwards can only mean a head rolled back.
    const checkpointBound = (await latestCheckpoint(this.db))?.seq ?? 0n;
    const head = await readAuditHead(this.db);
    const headSeq = head.audit_seq;
    const { db, pageSize } = this;
    const rows = new PagedCursor<AuditRow>(
      (after) => auditRowsAfter(db, after?.seq ?? 0n, headSeq, pageSize),
      pageSize,
    );
    const checkpoints = new PagedCursor<CheckpointRow>(
      (after) => checkpointsAfter(db, after?.seq ?? 0n, checkpointBound, pageSize),
      pageSize,
    );
    const records = new PagedCursor<CheckRecordAuditRow>(
      (after) =>
        checkRecordsAfter(db, after ? { auditSeq: after.audit_seq, checkId: after.check_id } : null, headSeq, pageSize),
      pageSize,
    );

    for (let row = await rows.next(); row !== null; row = await rows.next()) {
      this.checkRow(row);
      for await (const cp of checkpoints.takeWhile((c) => c.seq <= row!.seq))
        this.checkCheckpoint(cp, cp.seq === row.seq ? row : null);
      await this.checkRecords(row, records);
      this.prev = row;
    }
    const lastSeq = this.prev?.seq ?? 0n;
    for await (const cp of checkpoints.takeWhile(() => true)) this.checkCheckpoint(cp, null);
    for await (const record of records.takeWhile(() => true)) this.orphan(record.audit_seq, false);
    this.checkTail(lastSeq, headSeq, head.audit_hash);
    this.finish();

    return {
      ok: this.problems.ok,
      rowsChecked: this.rowsChecked,
      lastSeq,
      checkpointsChecked: this.checkpointsChecked,
      lastCheckpointSeq: this.lastValidCheckpoint,
      checkBatchesChecked: this.checkBatchesChecked,
      checkBatchesPurged: this.checkBatchesPurged,
      problems: this.problems.items,
      problemsOmitted: this.problems.omitted,
    };
  }

  private checkRow(row: AuditRow) {
    this.rowsChecked += 1;
    const expectedSeq = (this.prev?.seq ?? 0n) + 1n;
    const contiguous = row.seq === expectedSeq;
    if (!contiguous) this.problems.add('audit.gap', expectedSeq, messages.gap(expectedSeq, row.seq - 1n));
    const recomputed = auditHash(row.prev_hash, {
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      action: row.action,
      target: row.target,
      details: row.details,
    });
    // Across a gap the link cannot be checked: the gap itself is the finding.
    const linkOk = !contiguous || row.prev_hash === (this.prev?.hash ?? GENESIS_HASH);
    if (recomputed === row.hash && linkOk) return;
    if (this.firstModified) {
      this.moreModified += 1;
      return;
    }
    const message =
      recomputed !== row.hash ? messages.rowModified(row.seq) : messages.linkBroken(row.seq, this.prev?.seq ?? null);
    this.firstModified = this.problems.add('audit.row_modified', row.seq, message);
  }

  private checkCheckpoint(cp: CheckpointRow, row: AuditRow | null) {
    this.checkpointsChecked += 1;
    if (cp.key_id !== this.secrets.keyId) {
      this.otherKeys.count += 1;
      this.otherKeys.first ??= cp.seq;
      if (this.otherKeys.keyIds.size < 5) this.otherKeys.keyIds.add(cp.key_id);
      return;
    }
    if (!checkpointSignatureValid(this.secrets, cp)) {
      this.problems.add('audit.checkpoint_forged', cp.seq, messages.checkpointForged(cp.seq));
      return;
    }
    this.lastValidCheckpoint = cp.seq;
    if (row === null) {
      // Inside a gap the missing rows are already reported; past the last row it is tail removal.
      if (cp.seq > (this.prev?.seq ?? 0n)) this.tailCheckpoint = cp.seq;
      return;
    }
    if (row.hash === cp.hash) {
      this.lastMatchingCheckpoint = cp.seq;
      return;
    }
    // A row already found modified explains the mismatch; otherwise the chain was rewritten consistently.
    if (this.firstModified || this.problems.has('audit.chain_recomputed')) return;
    this.problems.add(
      'audit.chain_recomputed',
      cp.seq,
      messages.chainRecomputed(this.lastMatchingCheckpoint + 1n, cp.seq),
    );
  }

  private async checkRecords(row: AuditRow, records: PagedCursor<CheckRecordAuditRow>) {
    for await (const record of records.takeWhile((r) => r.audit_seq < row.seq)) this.orphan(record.audit_seq, false);
    if (row.action !== 'check.batch') {
      for await (const record of records.takeWhile((r) => r.audit_seq === row.seq)) this.orphan(record.audit_seq, true);
      return;
    }
    this.checkBatchesChecked += 1;
    const hasher = new CheckBatchHasher();
    for await (const record of records.takeWhile((r) => r.audit_seq === row.seq))
      hasher.add(checkRecordForHash(record));
    const { count, rowsHash } = row.details as { count?: unknown; rowsHash?: unknown };
    if (hasher.count === 0 && (await this.purged(row.seq))) {
      this.checkBatchesPurged += 1;
      return;
    }
    if (Number(count) !== hasher.count || rowsHash !== hasher.digest()) {
      this.problems.add(
        'audit.check_batch_modified',
        row.seq,
        messages.checkBatchModified(row.seq, count, hasher.count),
      );
    }
  }

  /** Whether the retention job removed this batch's records (a chained 'check.records_purged' row covers it). */
  private async purged(seq: bigint): Promise<boolean> {
    if (this.purgedThrough === null || seq > this.purgedThrough)
      this.purgedThrough = await checkRecordsPurgedThrough(this.db);
    return seq <= this.purgedThrough;
  }

  /** Check records that no 'check.batch' row covers: reported once per audit seq they point at. */
  private orphan(seq: bigint, rowExists: boolean) {
    if (this.lastOrphanSeq === seq) return;
    this.lastOrphanSeq = seq;
    this.problems.add('audit.check_batch_modified', seq, messages.checkRecordsOrphaned(seq, rowExists));
  }

  private checkTail(lastSeq: bigint, headSeq: bigint, headHash: string) {
    const evidence: string[] = [];
    if (this.tailCheckpoint !== null) evidence.push(messages.tailByCheckpoint(this.tailCheckpoint));
    if (headSeq > lastSeq) evidence.push(messages.tailByHead(headSeq));
    if (evidence.length > 0) {
      this.problems.add('audit.tail_removed', lastSeq + 1n, messages.tailRemoved(lastSeq, evidence));
    } else if (headHash !== (this.prev?.hash ?? GENESIS_HASH)) {
      this.problems.add('audit.head_mismatch', headSeq, messages.headMismatch(headSeq));
    }
  }

  private finish() {
    if (this.firstModified && this.moreModified > 0)
      this.firstModified.message += messages.moreModified(this.moreModified);
    const other = this.otherKeys;
    if (other.count > 0) {
      this.problems.add(
        'audit.checkpoint_other_key',
        other.first,
        messages.checkpointOtherKey(other.count, [...other.keyIds]),
        'warning',
      );
    }
  }
}
