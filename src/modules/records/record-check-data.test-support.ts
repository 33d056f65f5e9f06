// Rows for tests of records in the check index, written straight into the tables with one event per change (as
// check-fixtures.ts does for entries): the rules need exact rows, not the whole procedure.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Clock, type DB, json, uuidv7, write, type Write } from '../shared/index.ts';
import { catalogStreamId } from './record-catalog.streams.ts';

export interface RecordSpec {
  subjectId: string;
  departmentId: string;
  domain?: string;
  severity?: 'minor' | 'general' | 'serious';
  penaltyType?: string;
  decisionDate?: string;
  disclosureEnd?: string;
  state?: 'proposed' | 'in_effect' | 'ended' | 'dismissed';
  objectionPending?: boolean;
}

export class RecordCheckData {
  constructor(private readonly deps: { db: Kysely<DB>; clock: Clock }) {}

  private change<T>(work: (w: Write) => Promise<T>): Promise<T> {
    return write(this.deps, 'test:records', work).then((r) => r.result);
  }

  async record(spec: RecordSpec): Promise<string> {
    const id = uuidv7();
    await this.change(async (w) => {
      await w.tx
        .insertInto('records')
        .values({
          id,
          subject_id: spec.subjectId,
          department_id: spec.departmentId,
          domain: spec.domain ?? 'market_regulation',
          decision_no: `罚〔2026〕${randomBytes(4).toString('hex')}号`,
          decision_date: spec.decisionDate ?? '2026-05-01',
          facts: '测试事实',
          basis: '测试依据',
          penalty_type: spec.penaltyType ?? 'fine',
          amount: null,
          severity: spec.severity ?? 'general',
          rule: json({ ruleVersion: 'test', minMonths: 3, maxMonths: 12, disclosedByDefault: true }),
          disclosed: true,
          earliest_repair_date: null,
          disclosure_end: spec.disclosureEnd ?? '2027-05-01',
          state: spec.state ?? 'in_effect',
          ended_reason: null,
          ended_note: null,
          ended_at: null,
          objection_pending: spec.objectionPending ?? false,
          repair_id: null,
          source_commitment_id: null,
          created_by: 'test',
          created_at: w.now,
          updated_at: w.now,
          last_version: '0',
        })
        .execute();
      w.event({ stream: 'record', streamId: id, type: 'record.created', departmentId: spec.departmentId, payload: {} });
    });
    return id;
  }

  async updateRecord(id: string, changes: { state?: 'ended'; objectionPending?: boolean }): Promise<void> {
    await this.change(async (w) => {
      await w.tx
        .updateTable('records')
        .set({
          ...(changes.state ? { state: changes.state, ended_reason: 'revoked' as const } : {}),
          ...(changes.objectionPending !== undefined ? { objection_pending: changes.objectionPending } : {}),
          updated_at: w.now,
        })
        .where('id', '=', id)
        .execute();
      w.event({
        stream: 'record',
        streamId: id,
        type: changes.state ? 'record.ended' : 'record.objection_opened',
        payload: {},
      });
    });
  }

  async liftMeasures(entryId: string, lifting: { from: string; until: string | null } | null): Promise<void> {
    await this.change(async (w) => {
      await w.tx
        .updateTable('entries')
        .set({ measures_lifted: lifting === null ? null : json({ ...lifting, repairId: null, reason: '重整计划' }) })
        .where('id', '=', entryId)
        .execute();
      w.event({
        stream: 'entry',
        streamId: entryId,
        type: lifting ? 'entry.measures_lifted' : 'entry.measures_restored',
        payload: {},
      });
    });
  }

  async domainSharing(code: string, departments: 'all' | string[]): Promise<void> {
    await this.change(async (w) => {
      await w.tx
        .updateTable('record_domains')
        .set({ sharing: json({ departments }), updated_at: w.now })
        .where('code', '=', code)
        .execute();
      w.event({
        stream: 'record_domain',
        streamId: catalogStreamId('record_domain', code),
        type: 'record_domain.changed',
        payload: {},
      });
    });
  }

  async eligibilityRule(o: {
    code: string;
    kind: 'red_list' | 'clean_record';
    params?: Record<string, unknown>;
    grants: ('green_channel' | 'accept_with_commitment')[];
    active?: boolean;
  }): Promise<void> {
    await this.change(async (w) => {
      const existing = await w.tx
        .selectFrom('eligibility_rules')
        .select('id')
        .where('code', '=', o.code)
        .executeTakeFirst();
      const id = existing?.id ?? uuidv7();
      const row = {
        name: `规则 ${o.code}`,
        kind: o.kind,
        params: json(o.params ?? {}),
        grants: json(o.grants),
        active: o.active ?? true,
        updated_by: 'test',
        updated_at: w.now,
      };
      if (existing) await w.tx.updateTable('eligibility_rules').set(row).where('id', '=', id).execute();
      else
        await w.tx
          .insertInto('eligibility_rules')
          .values({ id, code: o.code, ...row })
          .execute();
      w.event({ stream: 'eligibility_rule', streamId: id, type: 'eligibility_rule.updated', payload: {} });
    });
  }
}
