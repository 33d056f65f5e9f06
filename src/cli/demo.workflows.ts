import type { AppContext } from '../app/context.ts';
import { createCommitment } from '../modules/commitments/index.ts';
import { fileObjection } from '../modules/objections/index.ts';
import { createRecord } from '../modules/records/index.ts';
import type { Actor } from '../modules/shared/index.ts';
import { demoCompanies as c } from './demo.data.ts';

/**
 * The workflows on top of the demo entries: penalty records of each severity class, an objection waiting for its
 * decision, a commitment, and the dispatch items the published entries produce in each implementing department.
 */
export async function loadDemoWorkflows(
  ctx: AppContext,
  as: (username: string) => AppContext & { actor: Actor },
): Promise<void> {
  const record = (
    dept: string,
    company: { uscc: string; name: string },
    no: number,
    penaltyType: string,
    decisionDate: string,
    facts: string,
    amount?: string,
  ) =>
    createRecord(as(`${dept}_operator`), {
      subject: company,
      domain: dept === 'amr' ? 'market_regulation' : 'tax',
      decisionNo: `示${dept}罚〔2026〕${100 + no}号`,
      decisionDate,
      facts,
      basis: '相关法律法规（演示）',
      penaltyType,
      amount,
    });
  await record('amr', c[6]!, 1, 'warning', '2026-10-15', '演示：未按规定公示年度报告，首次违法且及时改正');
  const general = await record(
    'amr',
    c[7]!,
    2,
    'fine',
    '2026-07-01',
    '演示：销售标签不符合规定的预包装食品',
    '20000.00',
  );
  await record('tax', c[9]!, 3, 'fine', '2026-05-20', '演示：逾期申报并少缴税款', '8500.00');
  await record('amr', c[10]!, 4, 'revocation', '2026-06-10', '演示：提交虚假材料取得许可，吊销许可证');

  const recordId = (general as { record: { id: string } }).record.id;
  await fileObjection(as('amr_operator'), {
    target: { stream: 'record', id: recordId },
    party: { name: c[7]!.name, uscc: c[7]!.uscc, contact: '0531-00000000（演示）' },
    content: '演示：当事人称处罚决定已被复议机关变更，罚款数额有误。',
    attachments: [],
    origin: 'department',
  });
  await createCommitment(as('amr_operator'), {
    subject: c[4]!,
    type: 'approval_substitute',
    content: '演示：承诺所提交的申请材料真实有效，并在取得许可后 30 日内补齐现场核查条件。',
    liability: '违反承诺的，自愿承担撤销许可及相应法律责任，并记入信用记录。',
    term: { start: '2026-11-02', end: '2027-11-01' },
    matter: { name: '食品经营许可（演示）', number: '示食许〔2026〕18号' },
  });
  await ctx.jobs.run('dispatch');
}
