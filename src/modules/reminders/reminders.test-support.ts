// Open items with deadlines, inserted straight into their tables: the reminder and recomputation tests need every
// kind of item while the workflows that create them are built elsewhere. Deadlines come from the real settings.
import { randomBytes, randomUUID } from 'node:crypto';
import { departmentId } from '../../test/fixtures.ts';
import { makeUscc } from '../../test/entry-fixtures.ts';
import type { TestApp } from '../../test/harness.ts';
import { dueAfter, newDue, type DeadlineKey, type Due, type DueTable } from '../deadlines/index.ts';
import { json } from '../shared/index.ts';

export interface DueItemOptions {
  departmentCode: string;
  /** Day 0 of the deadline. */
  from: string;
  /** Working days; default: the current setting for the table's kind (commitments: 5). */
  days?: number;
  closed?: boolean;
  state?: string;
}

const KEYS: Partial<Record<DueTable, DeadlineKey>> = {
  dispatches: 'feedback',
  objections: 'objection',
  repairs: 'repair_acceptance',
  tipoffs: 'tipoff',
};
const appNo = () => `T${randomBytes(6).toString('hex').toUpperCase()}`;

export async function insertDueItem(t: TestApp, table: DueTable, o: DueItemOptions): Promise<{ id: string } & Due> {
  const calendar = t.ctx.calendar.get();
  const key = KEYS[table];
  const due =
    o.days !== undefined || !key
      ? dueAfter(calendar, o.from, o.days ?? 5)
      : await newDue(t.ctx.db, calendar, key, o.from);
  const id = randomUUID();
  const now = t.clock.now();
  const common = {
    id,
    department_id: await departmentId(t, o.departmentCode),
    ...due,
    closed_at: o.closed ? now : null,
  };
  const rows: Record<DueTable, () => Record<string, unknown>> = {
    dispatches: () => ({
      ...common,
      stream: 'entry',
      stream_id: randomUUID(),
      event_version: String(BigInt(`0x${randomBytes(6).toString('hex')}`)),
      event_type: 'entry.published',
      change: json({}),
      created_at: now,
      feedback_required: true,
    }),
    objections: () => ({
      ...common,
      application_no: appNo(),
      origin: 'department',
      filed_by: 'test',
      party: json({ name: '异议人' }),
      content: '异议内容',
      state: o.state ?? 'received',
      created_at: now,
      updated_at: now,
    }),
    repairs: () => ({
      ...common,
      application_no: appNo(),
      kind: 'repair',
      origin: 'department',
      filed_by: 'test',
      party: json({ name: '申请人' }),
      proof: '履行证明',
      commitment_text: '信用承诺',
      state: o.state ?? 'received',
      created_at: now,
      updated_at: now,
    }),
    commitments: () => ({
      ...common,
      code: `370125${'20260302'}${randomBytes(3).toString('hex').slice(0, 6).replace(/[a-f]/g, '7')}`,
      type: 'accept_with_commitment',
      content: '补正材料',
      liability: '违约责任',
      term_start: o.from,
      state: o.state ?? 'open',
      created_by: 'test',
      created_at: now,
      updated_at: now,
    }),
    tipoffs: () => ({
      ...common,
      application_no: appNo(),
      subject: json({ name: '被举报的测试公司' }),
      anonymous: false,
      reporter_sealed: 'sealed:举报人王某某 13800000000',
      key_id: 'test1',
      content: '举报内容',
      state: o.state ?? 'received',
      tracking_hash: 'x',
      created_at: now,
      updated_at: now,
    }),
  };
  const row = rows[table]();
  if (table === 'commitments') row.subject_id = await insertSubject(t);
  await t.ctx.db
    .insertInto(table)
    .values(row as never)
    .execute();
  return { id, ...due };
}

async function insertSubject(t: TestApp): Promise<string> {
  const id = randomUUID();
  const now = t.clock.now();
  await t.ctx.db
    .insertInto('subjects')
    .values({
      id,
      kind: 'organization',
      name: '承诺测试有限公司',
      name_key: '承诺测试有限公司',
      uscc: makeUscc(),
      citizen_id_digest: null,
      citizen_id_masked: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}
