import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { migrate, migrationFiles } from '../../app/migrate.ts';
import { openTestDatabase } from '../../test/database.ts';
import { makeUscc } from '../../test/entry-fixtures.ts';

// Migration 0009 on a database that has lived under the earlier ones: recording keeps working for every department
// that has recorded before, and for the seed departments in their own domains.

test('an existing database keeps its recorders after the upgrade: each seed department its domain, each department the domains it recorded in', async () => {
  const d = await openTestDatabase({ migrate: false });
  try {
    await sql`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`.execute(
      d.db,
    );
    for (const file of migrationFiles().filter((f) => f.name < '0009')) {
      await d.runScript(`${file.sql}\ninsert into schema_migrations (name) values ('${file.name}');`);
    }
    const now = new Date('2026-03-02T02:00:00Z');
    const dept = (id: string, code: string) => ({
      id,
      code,
      name: `部门 ${code}`,
      kind: 'department' as const,
      created_at: now,
    });
    const amr = '00000000-0000-7000-8000-000000000001';
    const bureau = '00000000-0000-7000-8000-000000000002';
    const idle = '00000000-0000-7000-8000-000000000003';
    await d.db
      .insertInto('departments')
      .values([dept(amr, 'amr'), dept(bureau, 'zhzf'), dept(idle, 'civil')])
      .execute();
    const subject = '00000000-0000-7000-8000-0000000000aa';
    await d.db
      .insertInto('subjects')
      .values({
        id: subject,
        kind: 'organization',
        name: '升级测试有限公司',
        name_key: '升级测试有限公司',
        uscc: makeUscc(),
        citizen_id_digest: null,
        citizen_id_masked: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await d.db
      .insertInto('records')
      .values({
        id: '00000000-0000-7000-8000-0000000000bb',
        subject_id: subject,
        department_id: bureau,
        domain: 'transport',
        decision_no: '综执罚〔2026〕1号',
        decision_date: '2026-03-01',
        facts: '事实',
        basis: '依据',
        penalty_type: 'fine',
        amount: null,
        severity: 'general',
        rule: JSON.stringify({ ruleVersion: 'v', minMonths: 3, maxMonths: 12, disclosedByDefault: true }) as never,
        disclosed: true,
        earliest_repair_date: null,
        disclosure_end: '2027-03-01',
        state: 'in_effect',
        ended_reason: null,
        ended_note: null,
        ended_at: null,
        objection_pending: false,
        repair_id: null,
        source_commitment_id: null,
        created_by: 'user:x',
        created_at: now,
        updated_at: now,
        last_version: '0',
      } as never)
      .execute();

    assert.equal((await migrate(d))[0], '0009-record-domain-departments.sql');
    const rows = await d.db
      .selectFrom('record_domain_departments')
      .innerJoin('departments', 'departments.id', 'record_domain_departments.department_id')
      .select(['record_domain_departments.domain', 'departments.code'])
      .orderBy('domain')
      .orderBy('code')
      .execute();
    assert.deepEqual(
      rows.map((r) => `${r.domain}:${r.code}`),
      ['food_drug:amr', 'market_regulation:amr', 'transport:zhzf'],
    );
  } finally {
    await d.close();
  }
});
