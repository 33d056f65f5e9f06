import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createSecrets } from '../src/modules/shared/secrets.ts';
import { createBenchSchema, dropBenchSchema, prepareSchema } from './bench-db.ts';
import { bulkLoad } from './bulk-load.ts';
import { citizenIdFor, hasRecord, isPersonSubject, usccFor } from './synthetic.ts';

// COPY goes through the PostgreSQL wire protocol: the loader runs on PostgreSQL only.
const url = process.env.DATABASE_URL;

test(
  'the bulk load writes entries in effect with the subjects, persons and measures the check index reads',
  { skip: url ? false : 'needs DATABASE_URL (COPY runs on PostgreSQL only)' },
  async () => {
    const schema = await createBenchSchema(url!);
    const secretKey = randomBytes(32);
    try {
      const prepared = await prepareSchema({ url: url!, schema, adminPassword: 'Bench-Admin-2026' });
      try {
        const result = await bulkLoad({
          url: url!,
          schema,
          entries: 200,
          namedShare: 1,
          recordShare: 0.5,
          secretKey,
          prepared,
        });
        const db = prepared.database.db;
        const persons = Array.from({ length: 200 }, (_, i) => i).filter(isPersonSubject).length;
        const organizations = 200 - persons;
        assert.equal(result.rows.entries, 200);
        assert.equal(result.rows.subjects, 200 + organizations, 'every organization names its legal representative');
        assert.equal(result.rows.subject_identities, 200);
        assert.equal(result.rows.entry_persons, organizations);
        assert.ok(result.rows.entry_measures! >= 3 * 200 && result.rows.entry_measures! <= 5 * 200);
        const withRecords = Array.from({ length: 200 }, (_, i) => i).filter((i) => hasRecord(i, 0.5)).length;
        assert.equal(result.rows.records, withRecords);
        assert.ok(withRecords > 60 && withRecords < 140, 'about half the subjects have a penalty record');
        const shared = await sql<{
          n: string;
        }>`select count(*) as n from records r join subjects s on s.id = r.subject_id
        where r.state = 'in_effect' and r.disclosure_end >= current_date`.execute(db);
        assert.equal(Number(shared.rows[0]!.n), withRecords, 'every loaded record is in effect and shared today');

        const counts = await sql<{ in_effect: string; future: string; subjects: string }>`
        select count(*) filter (where state = 'in_effect') as in_effect,
               count(*) filter (where end_date > current_date) as future,
               count(distinct subject_id) as subjects
        from entries`.execute(db);
        assert.deepEqual(counts.rows[0], { in_effect: 200n, future: 200n, subjects: 200n });
        const head = await db.selectFrom('ledger_head').select('data_version').executeTakeFirstOrThrow();
        assert.equal(head.data_version.toString(), result.dataVersion);

        // What the check index reads: entries in effect joined to their subjects, named persons, decided measures.
        const page = await db
          .selectFrom('entries as e')
          .innerJoin('subjects as s', 's.id', 'e.subject_id')
          .select([
            'e.id',
            's.uscc',
            's.citizen_id_digest',
            's.citizen_id_masked',
            sql<string>`e.decision->>'documentNo'`.as('document_no'),
          ])
          .where('e.state', '=', 'in_effect')
          .orderBy('e.id')
          .execute();
        assert.equal(page.length, 200);
        assert.equal(page[0]!.uscc, usccFor(0), 'entry ids follow subject numbers');
        assert.match(page[0]!.document_no, /^示.+信认〔\d{4}〕1号$/);
        const named = await db
          .selectFrom('entry_persons as ep')
          .innerJoin('subjects as s', 's.id', 'ep.person_id')
          .innerJoin('entries as e', 'e.id', 'ep.entry_id')
          .select('ep.role')
          .execute();
        assert.equal(named.length, organizations);
        const measures = await db
          .selectFrom('entry_measures as em')
          .innerJoin('measures as m', 'm.id', 'em.measure_id')
          .innerJoin('entries as e', 'e.id', 'em.entry_id')
          .select('m.kind')
          .execute();
        assert.equal(measures.length, result.rows.entry_measures);
        assert.ok(measures.every((m) => m.kind === 'sanction'));

        const digest = createSecrets(secretKey).digestCitizenId(citizenIdFor(9));
        const person = page.find((e) => e.citizen_id_digest === digest);
        assert.ok(person, 'person subject 9 is found by the digest the server computes with the same key');
        assert.equal(person.citizen_id_masked, `${citizenIdFor(9).slice(0, 4)}**********${citizenIdFor(9).slice(-4)}`);
      } finally {
        await prepared.database.close();
      }
    } finally {
      await dropBenchSchema(url!, schema);
    }
  },
);
