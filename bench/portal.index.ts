import { performance } from 'node:perf_hooks';
import pg from 'pg';

// The bulk loader writes subjects with COPY, past the application: this builds their names and the search
// postings the way migration 0014 backfills an existing register (the same SQL), with the index built after the
// rows rather than kept up during the insert.

export async function buildNameIndex(url: string, schema: string, say: (m: string) => void): Promise<number> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  const step = async (what: string, sql: string) => {
    const t = performance.now();
    const result = await client.query(sql);
    say(`  ${what}: ${result.rowCount ?? ''} in ${Math.round(performance.now() - t)} ms`);
  };
  const started = performance.now();
  try {
    await client.query("set maintenance_work_mem = '512MB'");
    await client.query("set work_mem = '256MB'");
    await step(
      'subject_names',
      `insert into subject_names (id, subject_id, name, search_key, valid_from, valid_to, created_at)
       select id, id, name, replace(replace(replace(name_key, '(', ''), ')', ''), '有限责任', '有限'), null, null, created_at
       from subjects s where not exists (select 1 from subject_names n where n.subject_id = s.id)`,
    );
    await step('drop the scan index', 'drop index if exists subject_name_grams_scan');
    await step('truncate postings', 'truncate subject_name_grams');
    await step(
      'subject_name_grams',
      `insert into subject_name_grams (gram, name_length, name_id, subject_id, search_key, person)
       select distinct substr(n.search_key, i, 2), char_length(n.search_key), n.id, n.subject_id, n.search_key,
         s.kind = 'person'
       from subject_names n
       join subjects s on s.id = n.subject_id
       cross join lateral generate_series(1, char_length(n.search_key) - 1) as i`,
    );
    await step(
      'scan index',
      `create unique index subject_name_grams_scan on subject_name_grams (gram, name_length, name_id)
         include (subject_id, search_key, person)`,
    );
    await step('vacuum (analyze)', 'vacuum (analyze) subject_names, subject_name_grams');
    return Math.round(performance.now() - started);
  } finally {
    await client.end();
  }
}
