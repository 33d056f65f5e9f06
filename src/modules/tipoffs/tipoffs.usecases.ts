import type { Kysely } from 'kysely';
import type { CalendarService } from '../catalog/index.ts';
import {
  type Actor,
  type Clock,
  conflict,
  type DB,
  decodeCursor,
  forbidden,
  hasRole,
  type KeyRing,
  notFound,
  byCreation,
  toPage,
  unprocessable,
  write,
  type Write,
} from '../shared/index.ts';
import { departmentRefsByIds } from '../departments/index.ts';
import * as repo from './tipoffs.repository.ts';
import { openAttachment, openReporter } from './tipoffs.sealing.ts';

export interface TipoffDeps {
  db: Kysely<DB>;
  clock: Clock;
  tipoffKeys: KeyRing;
  calendar: Pick<CalendarService, 'get'>;
  actor: Actor;
}

// Who sees what. Tip-offs are handled by people, not business systems: API keys and administrators see none.
// Staff of the receiving department and the credit office see tip-offs (auditors too, read only), never the
// reporter. Only the assigned handler opens the reporter, whatever roles anyone holds.

const isUser = (actor: Actor) => actor.kind === 'user';
export const isStaffOf = (actor: Actor, t: { department_id: string }) =>
  isUser(actor) && hasRole(actor, 'operator', 'reviewer') && actor.departmentId === t.department_id;
export const isReviewerOf = (actor: Actor, t: { department_id: string }) =>
  isUser(actor) && hasRole(actor, 'reviewer') && actor.departmentId === t.department_id;
const seesAllTipoffs = (actor: Actor) => isUser(actor) && hasRole(actor, 'credit_office', 'auditor');
export const canSeeTipoff = (actor: Actor, t: { department_id: string }) =>
  seesAllTipoffs(actor) || isStaffOf(actor, t);

function requireReader(actor: Actor) {
  if (!isUser(actor) || !hasRole(actor, 'operator', 'reviewer', 'credit_office', 'auditor')) {
    throw forbidden('举报只由受理部门工作人员和信用办办理。', 'tipoff.forbidden');
  }
}

export async function visibleTipoffForUpdate(w: Write, actor: Actor, id: string) {
  requireReader(actor);
  const tipoff = await repo.findTipoffForUpdate(w.tx, id);
  if (!tipoff || !canSeeTipoff(actor, tipoff)) throw notFound('举报', 'tipoff.not_found');
  return tipoff;
}

/** Tip-offs with their departments, handlers' names and file counts: three queries whatever the count. */
async function readModels(db: Kysely<DB>, rows: repo.TipoffView[]) {
  const [counts, departments, handlers] = await Promise.all([
    repo.attachmentCounts(
      db,
      rows.map((r) => r.id),
    ),
    departmentRefsByIds(
      db,
      rows.map((r) => r.department_id),
    ),
    repo.handlerNames(
      db,
      rows.flatMap((r) => (r.handler_id ? [r.handler_id] : [])),
    ),
  ]);
  return rows.map((row) => ({
    row,
    department: departments.get(row.department_id)!,
    handler: row.handler_id ? (handlers.get(row.handler_id) ?? null) : null,
    attachmentCount: counts.get(row.id) ?? 0,
  }));
}
export type TipoffReadModel = Awaited<ReturnType<typeof readModels>>[number];

export async function listTipoffs(
  deps: { db: Kysely<DB>; actor: Actor },
  query: { state?: string; limit: number; cursor?: string },
) {
  requireReader(deps.actor);
  const departmentId = seesAllTipoffs(deps.actor) ? undefined : deps.actor.departmentId;
  const after = decodeCursor(query.cursor, ['string', 'string'] as const);
  const rows = await repo.listTipoffs(deps.db, { ...query, departmentId, after });
  const page = toPage(rows, query.limit, byCreation.key);
  return { tipoffs: await readModels(deps.db, page.rows), nextCursor: page.nextCursor };
}

/** The view of one tip-off already read (e.g. inside a step's write). */
export const tipoffView = async (db: Kysely<DB>, row: repo.TipoffView) => (await readModels(db, [row]))[0]!;

export async function getTipoff(deps: { db: Kysely<DB>; actor: Actor }, id: string) {
  requireReader(deps.actor);
  const tipoff = await repo.findTipoff(deps.db, id);
  if (!tipoff || !canSeeTipoff(deps.actor, tipoff)) throw notFound('举报', 'tipoff.not_found');
  return { tipoff: await tipoffView(deps.db, tipoff) };
}

/**
 * A reviewer of the receiving department, or the credit office, assigns the handler: an active member of the
 * receiving department's staff (operator or reviewer) who is not an administrator or auditor. Reassignment is
 * audited with the previous and the new handler.
 */
export async function assignHandler(deps: TipoffDeps, id: string, handlerId: string) {
  const { actor } = deps;
  await write(deps, actor.ref, async (w) => {
    const tipoff = await visibleTipoffForUpdate(w, actor, id);
    if (!isReviewerOf(actor, tipoff) && !hasRole(actor, 'credit_office')) {
      throw forbidden('只有受理部门的审核人员或信用办可以指定承办人。', 'tipoff.assign_forbidden');
    }
    if (tipoff.state === 'closed')
      throw conflict('tipoff.invalid_state', '举报已办结，不能再指定承办人。', { state: tipoff.state });
    const handler = await repo.findUser(w.tx, handlerId);
    const roles = (handler?.roles ?? []) as string[];
    if (
      !handler ||
      handler.disabled_at ||
      handler.department_id !== tipoff.department_id ||
      !roles.some((r) => r === 'operator' || r === 'reviewer') ||
      roles.some((r) => r === 'admin' || r === 'auditor')
    ) {
      throw unprocessable(
        'tipoff.handler_not_eligible',
        '承办人须为受理部门在岗的经办或审核人员（不得为系统管理员或审计人员）。',
        { field: 'handlerId' },
      );
    }
    if (tipoff.handler_id === handlerId) return;
    await repo.updateTipoff(w.tx, id, { handler_id: handlerId, updated_at: w.now });
    const payload = { handlerId, previousHandlerId: tipoff.handler_id };
    w.event({ stream: 'tipoff', streamId: id, type: 'tipoff.assigned', departmentId: tipoff.department_id, payload });
    w.audit({
      action: tipoff.handler_id ? 'tipoff.reassigned' : 'tipoff.assigned',
      target: `tipoff:${id}`,
      details: payload,
    });
  });
  return getTipoff(deps, id);
}

/** Only the assigned handler: no role (administrator, credit office, auditor) opens a reporter. */
function requireHandler(actor: Actor, tipoff: repo.TipoffView) {
  if (!isUser(actor) || tipoff.handler_id !== actor.id || actor.departmentId !== tipoff.department_id) {
    throw forbidden('只有本举报的承办人可以查看举报人信息和附件。', 'tipoff.handler_only');
  }
}

async function tipoffOfHandler(w: Write, actor: Actor, id: string) {
  const tipoff = await repo.findTipoff(w.tx, id);
  if (!tipoff) throw notFound('举报', 'tipoff.not_found');
  requireHandler(actor, tipoff);
  return tipoff;
}

/** The handler opens the reporter and the files list; the read is audited naming the reader, never the reporter. */
export async function readReporter(deps: TipoffDeps, id: string) {
  const { actor } = deps;
  const { result } = await write(deps, actor.ref, async (w) => {
    const tipoff = await tipoffOfHandler(w, actor, id);
    const { anonymous, reporter_sealed } = await repo.findSealedReporter(w.tx, id);
    const reporter = reporter_sealed ? openReporter(deps.tipoffKeys, id, reporter_sealed) : null;
    const files = await repo.filesOfTipoff(w.tx, id);
    const attachments = files.map((f) => {
      const opened = openAttachment(deps.tipoffKeys, id, f.id, f.content);
      return {
        id: f.id,
        fileName: opened.fileName,
        contentType: f.content_type,
        size: f.size,
        sha256: opened.sha256,
        createdAt: f.created_at.toISOString(),
      };
    });
    w.audit({
      action: 'tipoff.reporter_read',
      target: `tipoff:${id}`,
      details: { reader: actor.ref, applicationNo: tipoff.application_no },
    });
    return {
      tipoffId: id,
      anonymous,
      reporter: reporter ? { ...reporter, citizenId: reporter.citizenId ?? null } : null,
      attachments,
    };
  });
  return result;
}

export async function readAttachment(deps: TipoffDeps, id: string, attachmentId: string) {
  const { actor } = deps;
  const { result } = await write(deps, actor.ref, async (w) => {
    const tipoff = await tipoffOfHandler(w, actor, id);
    const file = await repo.fileOfTipoff(w.tx, id, attachmentId);
    if (!file) throw notFound('附件', 'tipoff.attachment_not_found');
    const opened = openAttachment(deps.tipoffKeys, id, file.id, file.content);
    w.audit({
      action: 'tipoff.attachment_read',
      target: `tipoff:${id}`,
      details: { reader: actor.ref, applicationNo: tipoff.application_no, attachmentId },
    });
    return { fileName: opened.fileName, contentType: file.content_type, content: opened.content };
  });
  return result;
}
