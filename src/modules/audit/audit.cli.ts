import type { Kysely } from 'kysely';
import type { DB, Secrets } from '../shared/index.ts';
import { verifyAudit } from './audit.usecases.ts';

/** `credlink audit verify`: prints a readable report; exit code 0 when the chain verifies, 2 when problems were found. */
export async function auditVerifyCommand(
  deps: { db: Kysely<DB>; secrets: Secrets },
  out: (line: string) => void,
): Promise<number> {
  const result = await verifyAudit(deps);
  out('审计链核验报告');
  out(`  已核验审计记录：${result.rowsChecked} 条（最后一条序号 ${result.lastSeq}）`);
  out(`  已核验检查点：${result.checkpointsChecked} 个（最后一个有效检查点序号 ${result.lastCheckpointSeq ?? '无'}）`);
  out(
    `  已核验核查批次：${result.checkBatchesChecked} 个${result.checkBatchesPurged > 0 ? `（其中 ${result.checkBatchesPurged} 个批次的核查记录已按保存期限删除，批次哈希仍在审计链中）` : ''}`,
  );
  const errors = result.problems.filter((p) => p.severity === 'error');
  const warnings = result.problems.filter((p) => p.severity === 'warning');
  for (const [title, list] of [
    ['问题', errors],
    ['提示', warnings],
  ] as const) {
    if (list.length === 0) continue;
    out(`${title}（${list.length}）：`);
    for (const p of list) out(`  [${p.code}]${p.seq === null ? '' : ` 序号 ${p.seq}`}：${p.message}`);
  }
  if (result.problemsOmitted > 0) out(`另有 ${result.problemsOmitted} 个同类问题未逐条列出。`);
  if (result.lastCheckpointSeq === null && result.rowsChecked > 0)
    out('注意：尚无可用当前密钥验证的检查点，无法发现尾部删除或整体重算。');
  out(result.ok ? '结论：审计链完整，未发现篡改。' : '结论：审计链存在问题，请立即核查并保全现场。');
  return result.ok ? 0 : 2;
}
