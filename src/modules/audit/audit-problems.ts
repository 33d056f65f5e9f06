export type AuditProblemCode =
  | 'audit.row_modified'
  | 'audit.gap'
  | 'audit.tail_removed'
  | 'audit.chain_recomputed'
  | 'audit.head_mismatch'
  | 'audit.checkpoint_forged'
  | 'audit.checkpoint_other_key'
  | 'audit.check_batch_modified';

export interface AuditProblem {
  code: AuditProblemCode;
  /** A warning does not make the verification fail. */
  severity: 'error' | 'warning';
  message: string;
  /** The audit sequence number (or checkpoint's) the problem is found at. */
  seq: bigint | null;
}

/** Problems kept per code: a wholesale tampering must not turn the report itself into an unbounded list. */
export const MAX_PROBLEMS_PER_CODE = 100;

export class ProblemList {
  readonly items: AuditProblem[] = [];
  omitted = 0;
  private readonly perCode = new Map<string, number>();

  add(
    code: AuditProblemCode,
    seq: bigint | null,
    message: string,
    severity: 'error' | 'warning' = 'error',
  ): AuditProblem | null {
    const count = this.perCode.get(code) ?? 0;
    this.perCode.set(code, count + 1);
    if (count >= MAX_PROBLEMS_PER_CODE) {
      this.omitted += 1;
      return null;
    }
    const problem: AuditProblem = { code, severity, message, seq };
    this.items.push(problem);
    return problem;
  }

  has(code: AuditProblemCode): boolean {
    return (this.perCode.get(code) ?? 0) > 0;
  }

  get ok(): boolean {
    return this.items.every((p) => p.severity !== 'error');
  }
}

const range = (from: bigint, to: bigint) =>
  from === to ? `第 ${from} 条` : `第 ${from}–${to} 条（共 ${to - from + 1n} 条）`;

export const messages = {
  rowModified: (seq: bigint) => `第 ${seq} 条审计记录与其哈希不符：内容或哈希在写入后被修改。`,
  linkBroken: (seq: bigint, prev: bigint | null) =>
    `第 ${seq} 条审计记录的前序哈希与${prev === null ? '链的起点' : `第 ${prev} 条的哈希`}不符：链在此处被改动。`,
  moreModified: (count: number) => `此后另有 ${count} 条记录与链不符。`,
  gap: (from: bigint, to: bigint) => `审计记录缺失${range(from, to)}：记录被删除。`,
  tailRemoved: (lastSeq: bigint, evidence: string[]) =>
    `审计链尾部的记录被删除：现存最后一条为第 ${lastSeq} 条，但${evidence.join('，且')}。`,
  tailByCheckpoint: (seq: bigint) => `已签名的检查点记到第 ${seq} 条`,
  tailByHead: (seq: bigint) => `链头记到第 ${seq} 条`,
  chainRecomputed: (from: bigint, seq: bigint) =>
    `第 ${seq} 条审计记录的哈希与已签名的检查点不符，而链本身前后一致：${range(from, seq)}之间的记录在签署检查点后被改写，并整体重新计算了哈希。`,
  headMismatch: (seq: bigint) => `链头（ledger_head）记录的哈希与第 ${seq} 条审计记录的哈希不符：链头或审计链被改动。`,
  checkpointForged: (seq: bigint) => `第 ${seq} 条处的检查点签名无效：检查点系伪造或被篡改。`,
  checkpointOtherKey: (count: number, keyIds: string[]) =>
    `${count} 个检查点由其他服务器密钥（密钥标识 ${keyIds.join('、')}）签署，无法用当前密钥验证，未作为核验依据。`,
  checkBatchModified: (seq: bigint, expected: unknown, actual: number) =>
    `第 ${seq} 条审计记录所链接的核查批次与其哈希不符（应有 ${String(expected)} 条，现有 ${actual} 条）：核查记录被修改、增加或删除。`,
  checkRecordsOrphaned: (seq: bigint, rowExists: boolean) =>
    `有核查记录指向第 ${seq} 条审计记录，但该条${rowExists ? '不是核查批次记录' : '不存在'}：核查记录被伪造或改动。`,
};
