// Test data for the check index, written straight into the tables (plus one event per change through write(), so
// the data version advances as it would). Tests of the rules need exact rows, not the whole entry lifecycle.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Clock, type DB, json, maskCitizenId, type Secrets, uuidv7, write, type Write } from '../shared/index.ts';
import { normalizeSubjectName } from '../subjects/index.ts';

export type Role = 'organization' | 'legalRepresentative' | 'principal' | 'responsiblePerson' | 'person';

export interface EntrySpec {
  listTypeId: string;
  subjectId: string;
  kind?: 'red' | 'black';
  state?: string;
  reason?: string;
  documentNo?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  objectionPending?: boolean;
  persons?: { personId: string; role: 'legalRepresentative' | 'principal' | 'responsiblePerson' }[];
  measureIds?: string[];
}

const tag = () => randomBytes(4).toString('hex');

export class CheckData {
  private userId: string | null = null;
  constructor(private readonly deps: { db: Kysely<DB>; clock: Clock; secrets: Secrets }) {}

  private change<T>(work: (w: Write) => Promise<T>): Promise<T> {
    return write(this.deps, 'test:checks', work).then((r) => r.result);
  }

  async department(code = `d_${tag()}`, name = `测试部门 ${code}`): Promise<string> {
    const id = uuidv7();
    await this.change(async (w) => {
      await w.tx.insertInto('departments').values({ id, code, name, kind: 'department', created_at: w.now }).execute();
      w.event({ stream: 'department', streamId: id, type: 'department.created', payload: {} });
    });
    return id;
  }

  async scenario(code: string): Promise<void> {
    await this.deps.db
      .insertInto('scenarios')
      .values({ code, name: code })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async listType(o: {
    departmentId: string;
    kind?: 'red' | 'black';
    sharing?: 'all' | string[];
    name?: string;
  }): Promise<string> {
    const id = uuidv7();
    const code = `lt_${tag()}`;
    await this.change(async (w) => {
      await w.tx
        .insertInto('list_types')
        .values({
          id,
          code,
          kind: o.kind ?? 'black',
          name: o.name ?? `测试名单 ${code}`,
          version: 1,
          legal_basis: '测试依据',
          basis_level: 'law',
          identifying_department_id: o.departmentId,
          criteria: '测试标准',
          period_months: 36,
          early_removal_months: 12,
          removal_conditions: '期满',
          removal_procedure: '依申请',
          remedies: '复议或诉讼',
          statement_period_working_days: 5,
          disclosure: json({ public: true, fields: [], personIdentifiers: 'masked' }),
          sharing: json({ departments: o.sharing ?? 'all' }),
          source_note: '测试',
          updated_at: w.now,
        })
        .execute();
      w.event({ stream: 'list_type', streamId: id, type: 'list_type.created', payload: {} });
    });
    return id;
  }

  async measure(o: {
    departmentId: string;
    listTypeIds: string[];
    roles: Role[];
    scenarios?: string[];
    code?: string;
    kind?: 'incentive' | 'sanction';
  }): Promise<string> {
    const id = uuidv7();
    const code = o.code ?? `m_${tag()}`;
    await this.change(async (w) => {
      await w.tx
        .insertInto('measures')
        .values({
          id,
          code,
          kind: o.kind ?? 'sanction',
          version: 1,
          title: `措施 ${code}`,
          content: `措施内容 ${code}`,
          legal_basis: '测试依据',
          implementing_department_id: o.departmentId,
          list_type_ids: json(o.listTypeIds),
          subject_roles: json(o.roles),
          scenarios: json(o.scenarios ?? ['administrative_licensing']),
          seed_item: null,
          active: true,
          updated_at: w.now,
        })
        .execute();
      w.event({ stream: 'measure', streamId: id, type: 'measure.created', payload: {} });
    });
    return id;
  }

  async organization(uscc: string, name: string): Promise<string> {
    return this.subject({
      kind: uscc[0] === '9' && uscc[1] === '2' ? 'individual_business' : 'organization',
      name,
      uscc,
    });
  }

  async person(citizenId: string, name: string): Promise<string> {
    return this.subject({
      kind: 'person',
      name,
      digest: this.deps.secrets.digestCitizenId(citizenId),
      masked: maskCitizenId(citizenId),
    });
  }

  async renameSubject(id: string, name: string): Promise<void> {
    await this.change(async (w) => {
      await w.tx
        .updateTable('subjects')
        .set({ name, name_key: normalizeSubjectName(name), updated_at: w.now })
        .where('id', '=', id)
        .execute();
      w.event({ stream: 'subject', streamId: id, type: 'subject.renamed', payload: {} });
    });
  }

  async entry(spec: EntrySpec): Promise<string> {
    const id = uuidv7();
    const userId = await this.user();
    const documentNo = spec.documentNo === null ? null : (spec.documentNo ?? `认定〔2026〕${tag()}号`);
    await this.change(async (w) => {
      const dept = await w.tx
        .selectFrom('list_types')
        .select('identifying_department_id')
        .where('id', '=', spec.listTypeId)
        .executeTakeFirstOrThrow();
      await w.tx
        .insertInto('entries')
        .values({
          id,
          kind: spec.kind ?? 'black',
          list_type_id: spec.listTypeId,
          list_type_version: 1,
          subject_id: spec.subjectId,
          department_id: dept.identifying_department_id,
          state: spec.state ?? 'in_effect',
          reason: spec.reason ?? '测试事由',
          notice: null,
          statement: null,
          review: null,
          decision: json(documentNo === null ? null : { documentNo }),
          document_no: documentNo,
          decision_date: '2026-05-01',
          basis_document_no: '罚〔2026〕1号',
          basis_document_date: '2026-04-20',
          start_date: spec.startDate === undefined ? '2026-04-20' : spec.startDate,
          end_date: spec.endDate === undefined ? '2029-04-20' : spec.endDate,
          period_rule: null,
          ended_reason: null,
          ended_note: null,
          ended_at: null,
          objection_pending: spec.objectionPending ?? false,
          created_by: userId,
          created_at: w.now,
          updated_at: w.now,
          last_version: '0',
        })
        .execute();
      for (const p of spec.persons ?? [])
        await w.tx.insertInto('entry_persons').values({ entry_id: id, person_id: p.personId, role: p.role }).execute();
      for (const m of spec.measureIds ?? [])
        await w.tx.insertInto('entry_measures').values({ entry_id: id, measure_id: m, measure_version: 1 }).execute();
      w.event({ stream: 'entry', streamId: id, type: 'entry.published', payload: {} });
    });
    return id;
  }

  async updateEntry(
    id: string,
    changes: { state?: string; objectionPending?: boolean; endDate?: string | null },
  ): Promise<void> {
    await this.change(async (w) => {
      await w.tx
        .updateTable('entries')
        .set({
          ...(changes.state !== undefined ? { state: changes.state } : {}),
          ...(changes.objectionPending !== undefined ? { objection_pending: changes.objectionPending } : {}),
          ...(changes.endDate !== undefined ? { end_date: changes.endDate } : {}),
          updated_at: w.now,
        })
        .where('id', '=', id)
        .execute();
      w.event({ stream: 'entry', streamId: id, type: 'entry.changed', payload: {} });
    });
  }

  async setMeasureScenarios(id: string, scenarios: string[]): Promise<void> {
    await this.change(async (w) => {
      await w.tx
        .updateTable('measures')
        .set({ scenarios: json(scenarios), updated_at: w.now })
        .where('id', '=', id)
        .execute();
      w.event({ stream: 'measure', streamId: id, type: 'measure.changed', payload: {} });
    });
  }

  private async subject(o: {
    kind: 'organization' | 'individual_business' | 'person';
    name: string;
    uscc?: string;
    digest?: string;
    masked?: string;
  }): Promise<string> {
    const id = uuidv7();
    await this.change(async (w) => {
      await w.tx
        .insertInto('subjects')
        .values({
          id,
          kind: o.kind,
          name: o.name,
          name_key: normalizeSubjectName(o.name),
          uscc: o.uscc ?? null,
          citizen_id_digest: o.digest ?? null,
          citizen_id_masked: o.masked ?? null,
          created_at: w.now,
          updated_at: w.now,
        })
        .execute();
      w.event({ stream: 'subject', streamId: id, type: 'subject.created', payload: {} });
    });
    return id;
  }

  private async user(): Promise<string> {
    if (this.userId) return this.userId;
    const departmentId = await this.department();
    const id = uuidv7();
    await this.deps.db
      .insertInto('users')
      .values({
        id,
        username: `checks_${tag()}`,
        display_name: '测试',
        department_id: departmentId,
        roles: json(['operator']),
        password_hash: 'x',
        must_change_password: false,
        disabled_at: null,
        created_at: this.deps.clock.now(),
        password_changed_at: this.deps.clock.now(),
      })
      .execute();
    this.userId = id;
    return id;
  }
}
