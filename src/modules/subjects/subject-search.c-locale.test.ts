import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import pg from 'pg';
import { openDatabase } from '../../app/database.ts';
import { migrate } from '../../app/migrate.ts';
import { makeUscc } from '../../test/entry-fixtures.ts';
import { createSecrets, ManualClock, systemActor } from '../shared/index.ts';
import { searchSubjects } from './subject-search.usecases.ts';
import { createSubject } from './subjects.usecases.ts';

// A database created with LC_CTYPE=C: pg_trgm extracts no trigrams from Chinese there, and LIKE prefixes and
// character classes follow bytes. The bigram postings do not depend on the locale, so the search must answer as it
// does anywhere else. It needs a PostgreSQL server to create the database on; PGlite has one fixed locale.

const url = process.env.DATABASE_URL;

test(
  'name search finds Chinese fragments of 2, 3 and 4 characters on a database created with LC_CTYPE=C',
  { skip: url ? false : 'DATABASE_URL is not set: creating a database with LC_CTYPE=C needs a PostgreSQL server' },
  async () => {
    const name = `credlink_c_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`);
      const target = new URL(url!);
      target.pathname = `/${name}`;
      const database = await openDatabase({ databaseUrl: target.toString(), dataDir: '', poolSize: 2 });
      try {
        await migrate(database);
        const ctype = await admin.query('select datctype from pg_database where datname = $1', [name]);
        assert.equal(ctype.rows[0].datctype, 'C');
        const clock = new ManualClock();
        const deps = { db: database.db, clock, secrets: createSecrets(randomBytes(32)) };
        const actor = systemActor('test', '00000000-0000-7000-8000-000000000000');
        for (const subject of ['济南鑫源商贸有限公司', '山东鑫源置业（集团）有限责任公司', '济南青松物流有限公司'])
          await createSubject({ ...deps, actor }, { uscc: makeUscc(), name: subject });
        const names = async (q: string) => {
          const answer = await searchSubjects(deps, { q });
          assert.equal(answer.kind, 'names');
          return answer.kind === 'names' ? answer.items.map((i) => i.name) : [];
        };
        assert.deepEqual(await names('鑫源'), ['济南鑫源商贸有限公司', '山东鑫源置业（集团）有限责任公司']);
        assert.deepEqual(await names('鑫源商'), ['济南鑫源商贸有限公司']);
        assert.deepEqual(await names('鑫源置业集团'), ['山东鑫源置业（集团）有限责任公司']);
        assert.deepEqual(await names('青松物流'), ['济南青松物流有限公司']);
        assert.deepEqual(await names('青松商贸'), []);
      } finally {
        await database.close();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.end();
    }
  },
);
