import type { CopyValue } from './copy-rows.ts';

// The rows the list benchmark adds to the check benchmark's load (npm run bench:lists): one dispatch item per entry,
// an objection on every tenth entry and a repair application on every tenth other one. Written by bulkLoad's own
// COPY, over the same item numbers, so ids and versions line up with the entries.

export interface ListRowsPlan {
  entryId: (i: number) => string;
  subjectId: (i: number) => string;
  /** The data version of entry i's last event; its dispatch items carry it. */
  entryVersion: (i: number) => string;
  /** Unused ids for new rows: a distinct one for each (table, i). */
  newId: (table: 'objections' | 'repairs' | 'dispatches', i: number) => string;
  departmentIds: string[];
  creditOfficeId: string;
  nowIso: string;
  today: string;
  dueDate: string;
}

export type CopyTable = (table: string, columns: string[], rowsOf: (i: number) => CopyValue[][]) => Promise<void>;

/** The tables this adds, for the loader's closing vacuum. */
export const LIST_TABLES = ['objections', 'repairs', 'dispatches'];

export const hasObjection = (i: number) => i % 10 === 0;
export const hasRepair = (i: number) => i % 10 === 5;

const party = (i: number) =>
  JSON.stringify({
    name: `样本当事人${i + 1}`,
    contact: '0571-0000000',
    uscc: null,
    citizenIdMasked: null,
    citizenIdDigest: null,
  });

const APPLICATION_COLUMNS = [
  'id',
  'application_no',
  'target_stream',
  'target_id',
  'department_id',
  'origin',
  'filed_by',
  'party',
  'state',
  'due_from',
  'due_days',
  'due_date',
  'created_at',
  'updated_at',
];

export async function copyListRows(copy: CopyTable, plan: ListRowsPlan): Promise<void> {
  const { nowIso, today, dueDate } = plan;
  const application = (table: 'objections' | 'repairs', prefix: string, i: number) => [
    plan.newId(table, i),
    `${prefix}${String(i + 1).padStart(10, '0')}`,
    'entry',
    plan.entryId(i),
    plan.creditOfficeId,
    'department',
    'user:bench',
    party(i),
    'received',
    today,
    15,
    dueDate,
    nowIso,
    nowIso,
  ];
  await copy('objections', [...APPLICATION_COLUMNS, 'content'], (i) =>
    hasObjection(i) ? [[...application('objections', 'YY', i), `对名单记录的异议（样本 ${i + 1}）`]] : [],
  );
  await copy('repairs', [...APPLICATION_COLUMNS, 'kind', 'proof', 'commitment_text'], (i) =>
    hasRepair(i)
      ? [[...application('repairs', 'XF', i), 'repair', '已履行相关义务（样本）', '本单位承诺依法诚信经营（样本）']]
      : [],
  );
  const departments = plan.departmentIds;
  await copy(
    'dispatches',
    [
      'id',
      'department_id',
      'stream',
      'stream_id',
      'event_version',
      'event_type',
      'change',
      'created_at',
      'feedback_required',
      'due_from',
      'due_days',
      'due_date',
      'closed_at',
    ],
    (i) => {
      const version = plan.entryVersion(i);
      const change = JSON.stringify({
        stream: 'entry',
        id: plan.entryId(i),
        state: 'in_effect',
        subject: {
          id: plan.subjectId(i),
          kind: 'organization',
          name: `样本主体${i + 1}`,
          uscc: null,
          citizenIdMasked: null,
        },
        measures: [],
        event: { type: 'entry.published', occurredAt: nowIso, effectiveAt: nowIso, payload: {} },
        dataVersion: version,
      });
      // Most items are fed back (closed); one in five is still open.
      const open = i % 5 === 0;
      return [
        [
          plan.newId('dispatches', i),
          departments[i % departments.length]!,
          'entry',
          plan.entryId(i),
          version,
          'entry.published',
          change,
          nowIso,
          true,
          today,
          15,
          dueDate,
          open ? null : nowIso,
        ],
      ];
    },
  );
}
