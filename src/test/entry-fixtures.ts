// Entries through the HTTP API, as a department would make them: for tests that need a subject on a list.
import { citizenIdCheckCharacter, usccCheckCharacter } from '../modules/shared/identifiers.ts';
import type { Headers, TestUser } from './fixtures.ts';
import type { TestApp } from './harness.ts';

let counter = 0;
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid unified social credit code, different on every call (enterprise, Jiyang-like division 370125). */
export function makeUscc(seed = ++counter): string {
  let body = '';
  let n = seed + 1000 * process.pid;
  for (let i = 0; i < 9; i++) {
    body = USCC_CHARSET[n % 31] + body;
    n = Math.floor(n / 31);
  }
  const body17 = `91370125${body}`;
  return body17 + usccCheckCharacter(body17);
}

/**
 * A valid citizen ID number, different on every call. About one number in 31 would also pass as a unified social
 * credit code (same length, a check character that happens to fit); those are skipped, so tests that expect an ID
 * number to be refused as a USCC cannot pass or fail by chance.
 */
export function makeCitizenId(seed = ++counter): string {
  for (let s = seed; ; s = ++counter) {
    const sequence = String((s * 7 + process.pid) % 1000).padStart(3, '0');
    const day = String(1 + (s % 28)).padStart(2, '0');
    const body17 = `37012519850${(s % 9) + 1}${day}${sequence}`;
    const id = body17 + citizenIdCheckCharacter(body17);
    if (usccCheckCharacter(body17) !== id[17]) return id;
  }
}

export async function listTypeId(t: TestApp, code: string): Promise<string> {
  return (await t.ctx.db.selectFrom('list_types').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** Sanction measures the catalog applies to a list type. */
export async function sanctionIds(t: TestApp, listTypeCode: string): Promise<string[]> {
  const id = await listTypeId(t, listTypeCode);
  const rows = await t.ctx.db
    .selectFrom('measures')
    .select(['id', 'list_type_ids', 'kind'])
    .where('kind', '=', 'sanction')
    .execute();
  return rows.filter((m) => m.list_type_ids.includes(id)).map((m) => m.id);
}

export async function post(t: TestApp, url: string, headers: Headers, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers, payload: payload as object });
}

function ok(res: { statusCode: number; body: string }, what: string, status = 200) {
  if (res.statusCode !== status) throw new Error(`${what}: expected ${status}, got ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body);
}

export interface BlackEntryOptions {
  operator: TestUser;
  reviewer: TestUser;
  listTypeCode: string;
  subject: { uscc?: string; citizenId?: string; name: string };
  relatedPersons?: {
    citizenId: string;
    name: string;
    role: 'legalRepresentative' | 'principal' | 'responsiblePerson';
  }[];
  basisDate?: string;
}

/**
 * Takes a black-list entry from draft to in effect: notice served on the clock's day, the clock moved past the
 * statement period, decision on a basis document, publication. Returns the published entry.
 */
export async function publishBlackEntry(t: TestApp, o: BlackEntryOptions) {
  const decided = await decideBlackEntry(t, o);
  return ok(await post(t, `/api/v1/entries/${decided.id}/publication`, o.reviewer.headers, {}), 'publication');
}

/** The same up to the decision: the entry is decided, not yet published. */
export async function decideBlackEntry(t: TestApp, o: BlackEntryOptions) {
  const draft = ok(
    await post(t, '/api/v1/entries', o.operator.headers, {
      listTypeId: await listTypeId(t, o.listTypeCode),
      subject: o.subject,
      reason: '测试用失信事由',
    }),
    'draft',
    201,
  );
  const today = () => new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const noticed = ok(
    await post(t, `/api/v1/entries/${draft.id}/notice`, o.operator.headers, {
      documentNo: `告知〔2026〕${++counter}号`,
      servedDate: today(),
      content: '拟列入严重失信主体名单的事由、依据及陈述申辩权利',
    }),
    'notice',
  );
  const due: string = noticed.notice.statementDue;
  while (today() <= due) t.clock.advanceDays(1);
  const decided = ok(
    await post(t, `/api/v1/entries/${draft.id}/decision`, o.reviewer.headers, {
      documentNo: `认定〔2026〕${counter}号`,
      date: today(),
      reason: '经查实的严重失信行为',
      basis: '《市场监督管理严重违法失信名单管理办法》第二条',
      measureIds: (await sanctionIds(t, o.listTypeCode)).slice(0, 3),
      removalConditions: '期满或信用修复',
      removalProcedure: '依申请或期满自动移出',
      remedies: '可自收到决定之日起六十日内申请行政复议，或六个月内提起行政诉讼',
      basisDocument: {
        kind: 'penalty_decision',
        documentNo: `罚〔2026〕${counter}号`,
        date: o.basisDate ?? '2026-05-20',
      },
      relatedPersons:
        o.relatedPersons ??
        (o.subject.uscc ? [{ citizenId: makeCitizenId(), name: '张测试', role: 'legalRepresentative' }] : []),
    }),
    'decision',
  );
  return decided;
}
