import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { normalizeSubjectName } from '../src/modules/subjects/names.ts';
import { maskCitizenId } from '../src/modules/shared/identifiers.ts';
import { uuidv7 } from '../src/modules/shared/ids.ts';
import { createSecrets } from '../src/modules/shared/secrets.ts';
import { chinaDate } from '../src/modules/shared/working-days.ts';
import {
  decisionJson,
  entryPlan,
  noticeJson,
  periodRuleJson,
  readBenchCatalog,
  type NamedPersonJson,
} from './bench-data.ts';
import { loaderApplicationName, type Prepared } from './bench-db.ts';
import { copyListRows, LIST_TABLES } from './bulk-load.lists.ts';
import { copyRows, type CopyValue } from './copy-rows.ts';
import {
  citizenIdFor,
  hasRecord,
  isIndividualBusiness,
  isNamed,
  isPersonSubject,
  organizationName as numberedOrganizationName,
  personName as numberedPersonName,
  usccFor,
} from './synthetic.ts';

// Bulk load for the check benchmark: `entries` black-list entries in effect over as many distinct subjects, with
// their decided measures and named legal representatives, written with COPY in foreign-key order. Events are not
// written: the check index loads from the tables, and ledger_head.data_version is raised as if each entry had
// taken its four events (created, notice served, decided, in effect).

export interface BulkLoadOptions {
  url: string;
  schema: string;
  entries: number;
  /** Share of organization entries whose decision names a person (the rules require 1). */
  namedShare: number;
  /** Share of subjects that also have a general penalty record in effect (default 0). */
  recordShare?: number;
  secretKey: Buffer;
  prepared: Prepared;
  progress?: (message: string) => void;
  /** Connections loading in parallel (default: one per CPU). */
  parallel?: number;
  /** Also the rows the list benchmark pages through: objections, repairs, dispatch items (bulk-load.lists.ts). */
  lists?: boolean;
  /** Names of subject i (default: synthetic.ts's numbered names); the portal benchmark gives realistic ones. */
  names?: { organization(i: number, individualBusiness: boolean): string; person(i: number): string };
}

export interface BulkLoadResult {
  loadMs: number;
  rows: Record<string, number>;
  dataVersion: string;
  /** 'skipped' when the session could turn off foreign-key triggers (superuser), else 'on'. */
  foreignKeyChecks: 'skipped' | 'on';
}

const EVENTS_PER_ENTRY = 4;
const LOADED_TABLES = [
  'entries',
  'subjects',
  'entry_measures',
  'subject_identities',
  'entry_persons',
  'related_persons',
  'records',
];

export async function bulkLoad(options: BulkLoadOptions): Promise<BulkLoadResult> {
  const started = performance.now();
  const { entries: n, namedShare, prepared } = options;
  const progress = options.progress ?? (() => {});
  const personName = options.names?.person ?? numberedPersonName;
  const organizationName = (i: number) =>
    options.names ? options.names.organization(i, isIndividualBusiness(i)) : numberedOrganizationName(i);
  const catalog = await readBenchCatalog(prepared.database.db);
  const secrets = createSecrets(options.secretKey);
  const now = new Date();
  const nowIso = now.toISOString();
  const today = chinaDate(now);
  const head = await prepared.database.db.selectFrom('ledger_head').select('data_version').executeTakeFirstOrThrow();
  const firstVersion = BigInt(head.data_version);

  // Ids in creation order: UUIDv7 of consecutive milliseconds ending now, so keyset pages follow entry numbers.
  const base = now.getTime() - 3 * n - 1;
  const subjectIds = Array.from({ length: n }, (_, i) => uuidv7(base + i));
  const personIds = Array.from({ length: n }, (_, i) => (isNamed(i, namedShare) ? uuidv7(base + n + i) : null));
  const entryIds = Array.from({ length: n }, (_, i) => uuidv7(base + 2 * n + i));

  // One connection per core: PostgreSQL's side of COPY (parsing, TOAST, indexes) is the slower one, and each
  // table is loaded as that many ranges in parallel.
  const clients = await Promise.all(
    Array.from({ length: Math.max(1, options.parallel ?? os.cpus().length) }, async () => {
      const client = new pg.Client({
        connectionString: options.url,
        options: `-c search_path=${options.schema}`,
        application_name: loaderApplicationName(options.schema),
      });
      client.on('error', () => {}); // a dropped connection also fails the COPY under way, which reports it
      await client.connect();
      return client;
    }),
  );
  // Generated rows are consistent by construction; per-row foreign-key triggers would triple the load time.
  // Skipping them needs a superuser: without one, the load checks them.
  const skipped = await Promise.all(
    clients.map((c) =>
      c.query('set session_replication_role = replica').then(
        () => true,
        () => false,
      ),
    ),
  );
  const foreignKeyChecks = skipped.every(Boolean) ? ('skipped' as const) : ('on' as const);
  const rows: Record<string, number> = {};
  const copy = async (table: string, columns: string[], rowsOf: (i: number) => CopyValue[][]) => {
    const t = performance.now();
    const share = Math.ceil(n / clients.length);
    const counts = await Promise.all(
      clients.map((client, k) =>
        copyRows(client, table, columns, { from: k * share, to: Math.min(n, (k + 1) * share) }, rowsOf),
      ),
    );
    rows[table] = counts.reduce((a, b) => a + b, 0);
    progress(`${table}: ${rows[table]} rows in ${Math.round(performance.now() - t)} ms`);
  };
  const personRow = (id: string, number: number, name: string) => {
    const citizenId = citizenIdFor(number);
    return [
      id,
      'person',
      name,
      normalizeSubjectName(name),
      null,
      secrets.digestCitizenId(citizenId),
      maskCitizenId(citizenId),
      nowIso,
      nowIso,
    ];
  };
  const namedRole = (i: number) => (isIndividualBusiness(i) ? 'principal' : 'legalRepresentative');

  try {
    await copy(
      'subjects',
      ['id', 'kind', 'name', 'name_key', 'uscc', 'citizen_id_digest', 'citizen_id_masked', 'created_at', 'updated_at'],
      (i) => {
        if (isPersonSubject(i)) return [personRow(subjectIds[i]!, i, personName(i))];
        const name = organizationName(i);
        const kind = isIndividualBusiness(i) ? 'individual_business' : 'organization';
        const org = [
          subjectIds[i]!,
          kind,
          name,
          normalizeSubjectName(name),
          usccFor(i, isIndividualBusiness(i)),
          null,
          null,
          nowIso,
          nowIso,
        ];
        const personId = personIds[i];
        return personId ? [org, personRow(personId, i, personName(i))] : [org];
      },
    );
    await copy('subject_identities', ['subject_id', 'citizen_id'], (i) => {
      const id = isPersonSubject(i) ? subjectIds[i]! : personIds[i];
      return id ? [[id, citizenIdFor(i)]] : [];
    });
    await copy('related_persons', ['organization_id', 'person_id', 'role', 'created_at'], (i) => {
      const personId = personIds[i];
      return personId ? [[subjectIds[i]!, personId, namedRole(i), nowIso]] : [];
    });
    await copy(
      'entries',
      [
        'id',
        'kind',
        'list_type_id',
        'list_type_version',
        'subject_id',
        'department_id',
        'state',
        'reason',
        'notice',
        'statement',
        'decision',
        'review',
        'decision_date',
        'document_no',
        'basis_document_no',
        'basis_document_date',
        'start_date',
        'end_date',
        'period_rule',
        'objection_pending',
        'created_by',
        'created_at',
        'updated_at',
        'last_version',
      ],
      (i) => {
        const plan = entryPlan(i, catalog, today);
        const personId = personIds[i];
        const named: NamedPersonJson | null = personId
          ? { personId, name: personName(i), citizenIdMasked: maskCitizenId(citizenIdFor(i)), role: namedRole(i) }
          : null;
        const lastVersion = firstVersion + BigInt(EVENTS_PER_ENTRY * (i + 1));
        return [
          [
            entryIds[i]!,
            'black',
            plan.listType.id,
            plan.listType.version,
            subjectIds[i]!,
            plan.listType.departmentId,
            'in_effect',
            plan.reason,
            noticeJson(plan),
            null,
            decisionJson(plan, named),
            null,
            plan.decisionDate,
            plan.documentNo,
            plan.basisNo,
            plan.basisDate,
            plan.basisDate,
            plan.endDate,
            periodRuleJson(plan),
            plan.objectionPending,
            prepared.benchUserId,
            nowIso,
            nowIso,
            lastVersion.toString(),
          ],
        ];
      },
    );
    await copy('entry_persons', ['entry_id', 'person_id', 'role'], (i) => {
      const personId = personIds[i];
      return personId ? [[entryIds[i]!, personId, namedRole(i)]] : [];
    });
    await copy('entry_measures', ['entry_id', 'measure_id', 'measure_version'], (i) =>
      entryPlan(i, catalog, today).measures.map((m) => [entryIds[i]!, m.id, m.version]),
    );

    const recordShare = options.recordShare ?? 0;
    const rule = JSON.stringify({ ruleVersion: 'bench', minMonths: 3, maxMonths: 12, disclosedByDefault: true });
    const amr = (
      await prepared.database.db
        .selectFrom('departments')
        .select('id')
        .where('code', '=', 'amr')
        .executeTakeFirstOrThrow()
    ).id;
    const recordDate = chinaDate(new Date(now.getTime() - 30 * 86_400_000));
    const recordEnd = chinaDate(new Date(now.getTime() + 300 * 86_400_000));
    await copy(
      'records',
      [
        'id',
        'subject_id',
        'department_id',
        'domain',
        'decision_no',
        'decision_date',
        'facts',
        'basis',
        'penalty_type',
        'amount',
        'severity',
        'rule',
        'disclosed',
        'earliest_repair_date',
        'disclosure_end',
        'state',
        'objection_pending',
        'created_by',
        'created_at',
        'updated_at',
        'last_version',
      ],
      (i) =>
        hasRecord(i, recordShare)
          ? [
              [
                uuidv7(base - 1 - i),
                subjectIds[i]!,
                amr,
                'market_regulation',
                `示市监罚〔2026〕${i + 1}号`,
                recordDate,
                '未按规定履行公示义务（样本）',
                '《企业信息公示暂行条例》（样本）',
                'fine',
                '5000.00',
                'general',
                rule,
                true,
                recordDate,
                recordEnd,
                'in_effect',
                false,
                `user:${prepared.benchUserId}`,
                nowIso,
                nowIso,
                firstVersion.toString(),
              ],
            ]
          : [],
    );

    if (options.lists) {
      const departments = await prepared.database.db.selectFrom('departments').select(['id', 'kind']).execute();
      const offsets = { objections: 2, repairs: 3, dispatches: 4 };
      await copyListRows(copy, {
        entryId: (i) => entryIds[i]!,
        subjectId: (i) => subjectIds[i]!,
        entryVersion: (i) => (firstVersion + BigInt(EVENTS_PER_ENTRY * (i + 1))).toString(),
        newId: (table, i) => uuidv7(base - offsets[table] * n - 1 - i),
        departmentIds: departments.filter((d) => d.kind !== 'credit_office').map((d) => d.id),
        creditOfficeId: departments.find((d) => d.kind === 'credit_office')!.id,
        nowIso,
        today,
        dueDate: recordEnd,
      });
    }

    const dataVersion = firstVersion + BigInt(EVENTS_PER_ENTRY * n);
    await clients[0]!.query('update ledger_head set data_version = $1 where id = 1', [dataVersion.toString()]);
    // A database in service has been vacuumed: hint bits set, visibility map current, statistics fresh. Without
    // this the server's first reads would pay for setting hint bits on every row.
    const t = performance.now();
    await Promise.all(
      clients.map(async (client, k) => {
        const tables = options.lists ? [...LOADED_TABLES, ...LIST_TABLES] : LOADED_TABLES;
        for (const table of tables.filter((_, j) => j % clients.length === k))
          await client.query(`vacuum (analyze) ${table}`);
      }),
    );
    progress(`vacuum (analyze): ${Math.round(performance.now() - t)} ms`);
    // Nor does it still hold gigabytes of freshly written pages: without a checkpoint here, the one PostgreSQL starts
    // on its own lands in the middle of the server's index load (46.7 s against 40.1 s after a checkpoint, at 1M).
    // CHECKPOINT needs a superuser or pg_checkpoint; without either the run goes on and says so.
    const c = performance.now();
    const checkpoint = await clients[0]!.query('checkpoint').then(
      () => 'done',
      (error: Error) => `not allowed (${error.message})`,
    );
    progress(`checkpoint: ${checkpoint}, ${Math.round(performance.now() - c)} ms`);
    return {
      loadMs: Math.round(performance.now() - started),
      rows,
      dataVersion: dataVersion.toString(),
      foreignKeyChecks,
    };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}
