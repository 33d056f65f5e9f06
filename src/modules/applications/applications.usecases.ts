import type { Kysely } from 'kysely';
import {
  type Actor,
  type AppError,
  type Clock,
  conflict,
  type DB,
  decodeCursor,
  forbidden,
  hasRole,
  notFound,
  requireRole,
  type Role,
  type Secrets,
  seesAllDepartments,
  byCreation,
  toPage,
  type WorkingCalendar,
  write,
  type Write,
} from '../shared/index.ts';
import * as repo from './applications.repository.ts';
import { isCreditOfficeCaller, isUpward } from './routing.ts';
import { stateMachine, type StateMachine } from './states.ts';
import { assertTargetState, lockTarget, type Target, type TargetRef } from './targets.ts';

/** What the public routes need: no actor. */
export interface PublicDeps {
  db: Kysely<DB>;
  clock: Clock;
  secrets: Secrets;
  calendar: { get(): WorkingCalendar };
}
export interface ApplicationDeps extends PublicDeps {
  actor: Actor;
}

/** Who may file or withdraw on behalf of a party: department staff, a department's business system, the credit office. */
export const FILERS: Role[] = ['operator', 'reviewer', 'system', 'credit_office'];

/** What makes objections and repairs different kinds of one workflow: their table, words and states. */
export interface ApplicationKind<T extends repo.ApplicationTable, S extends string = string> {
  table: T;
  stream: 'objection' | 'repair';
  /** 异议申请, 信用修复申请: in "not found" and state messages. */
  noun: string;
  states: StateMachine<S, never>;
  /** States in which the party may still withdraw (before the decision). */
  open: readonly S[];
  otherDepartment: () => AppError;
  reviewerRequired: () => AppError;
  /** The 409 message when the credit office assigns an application that already has its target. */
  alreadyAssigned: string;
}
type Kind = ApplicationKind<repo.ApplicationTable>;
type Row<K extends Kind> = repo.ApplicationRowOf<K['table']> & repo.ApplicationCore;

/**
 * The deciding department sees its applications, the department that took one in sees it too; the credit office,
 * administrators and auditors see all. Anyone else gets "not found".
 */
export function canSee(actor: Actor, a: { department_id: string; filed_department_id: string | null }): boolean {
  return (
    seesAllDepartments(actor) || actor.departmentId === a.department_id || actor.departmentId === a.filed_department_id
  );
}

const notFoundOf = (kind: Kind) => notFound(kind.noun, `${kind.stream}.not_found`);

export async function getApplication<K extends Kind>(deps: { db: Kysely<DB>; actor: Actor }, kind: K, id: string) {
  const row = await repo.findApplication(deps.db, kind.table, id);
  if (!row || !canSee(deps.actor, row)) throw notFoundOf(kind);
  return row as Row<K>;
}

/** One keyset page of what the actor sees, newest first. */
export async function listApplications<K extends Kind>(
  deps: { db: Kysely<DB>; actor: Actor },
  kind: K,
  query: { state?: string; origin?: string; kind?: string; limit: number; cursor?: string },
) {
  const departmentId = seesAllDepartments(deps.actor) ? undefined : deps.actor.departmentId;
  const after = decodeCursor(query.cursor, ['string', 'string'] as const);
  const rows = await repo.listApplications(deps.db, kind.table, { ...query, departmentId, after });
  return toPage(rows as Row<K>[], query.limit, byCreation.key);
}

export async function lockVisible<K extends Kind>(w: Write, actor: Actor, kind: K, id: string) {
  const row = await repo.findApplicationForUpdate(w.tx, kind.table, id);
  if (!row || !canSee(actor, row)) throw notFoundOf(kind);
  return row as Row<K>;
}

/** Locked, visible and handled by the actor's department (谁决定、谁负责). */
export async function lockOwn<K extends Kind>(w: Write, actor: Actor, kind: K, id: string) {
  const row = await lockVisible(w, actor, kind, id);
  if (row.department_id !== actor.departmentId) throw kind.otherDepartment();
  return row;
}

export const lockTargetOf = (w: Write, a: { target_stream: 'entry' | 'record' | null; target_id: string | null }) =>
  a.target_stream && a.target_id ? lockTarget(w, { stream: a.target_stream, id: a.target_id }) : Promise.resolve(null);

/** The event on the application's stream and its audit row; the application number leads both. */
export function announce(
  w: Write,
  kind: Kind,
  a: { id: string; application_no: string; department_id: string },
  type: string,
  payload: Record<string, unknown>,
  details: Record<string, unknown> = {},
) {
  const body = { applicationNo: a.application_no, ...payload };
  w.event({ stream: kind.stream, streamId: a.id, type, departmentId: a.department_id, payload: body });
  w.audit({ action: type, target: `${kind.stream}:${a.id}`, details: { ...body, ...details } });
}

/** A decision hook: what the kind does to the target and what it records; the skeleton stores and announces it. */
export interface Decided {
  state: string;
  decision: Record<string, unknown>;
  payload: Record<string, unknown>;
  details?: Record<string, unknown>;
  after?: () => Promise<void>;
}

/**
 * The deciding department's reviewer decides (the credit office too, for an application it triages that matched
 * nothing). `decide` does what the kind's decision means; the application is then closed and the decision announced.
 */
export async function decideApplication<K extends Kind>(
  deps: ApplicationDeps,
  kind: K,
  id: string,
  decide: (w: Write, row: Row<K>) => Promise<Decided>,
) {
  const { actor } = deps;
  await write(deps, actor.ref, async (w) => {
    const row = await lockOwn(w, actor, kind, id);
    const triage = row.target_id === null;
    if (!hasRole(actor, 'reviewer') && !(triage && hasRole(actor, 'credit_office'))) throw kind.reviewerRequired();
    const d = await decide(w, row);
    const closed = { decided_at: w.now, closed_at: w.now, updated_at: w.now };
    await repo.updateApplication(w.tx, kind.table, row.id, {
      state: d.state,
      decision: { ...d.decision, decidedBy: actor.ref },
      ...closed,
    });
    await d.after?.();
    announce(w, kind, row, `${kind.stream}.decided`, d.payload, d.details);
  });
}

/** Withdrawal before the decision (inside a write, the application locked); `release` frees what it held. */
export async function withdrawLocked<K extends Kind>(
  w: Write,
  kind: K,
  row: Row<K>,
  release: (w: Write, row: Row<K>) => Promise<void>,
) {
  kind.states.assertIn(row.state, kind.open, '撤回');
  await repo.updateApplication(w.tx, kind.table, row.id, {
    state: 'withdrawn',
    decided_at: w.now,
    closed_at: w.now,
    updated_at: w.now,
  });
  await release(w, row);
  announce(w, kind, row, `${kind.stream}.withdrawn`, { by: w.actor === 'public' ? 'party' : 'department' });
}

/** The party withdraws through the department that took it in, the deciding department, or (upward) the office. */
export async function withdrawApplication<K extends Kind>(
  deps: ApplicationDeps,
  kind: K,
  id: string,
  release: (w: Write, row: Row<K>) => Promise<void>,
) {
  requireRole(deps.actor, ...FILERS);
  await write(deps, deps.actor.ref, async (w) => {
    const row = await lockVisible(w, deps.actor, kind, id);
    const own = deps.actor.departmentId === row.department_id || deps.actor.departmentId === row.filed_department_id;
    if (!own && !(isUpward(row.origin) && (await isCreditOfficeCaller(w.tx, deps.actor)))) throw kind.otherDepartment();
    await withdrawLocked(w, kind, row, release);
  });
}

/** Withdrawal with the tracking secret already verified by the caller (public tracking). */
export async function withdrawByNumber<K extends Kind>(
  deps: PublicDeps,
  kind: K,
  applicationNo: string,
  release: (w: Write, row: Row<K>) => Promise<void>,
) {
  await write(deps, 'public', async (w) => {
    const found = await repo.findApplicationByNo(w.tx, kind.table, applicationNo);
    const row = found && (await repo.findApplicationForUpdate(w.tx, kind.table, found.id));
    if (!row) throw notFound('申请', 'tracking.not_found');
    await withdrawLocked(w, kind, row as Row<K>, release);
  });
}

/** How a kind takes an assigned target: the states it may be in, and what it checks and does once it has it. */
export interface AssignmentRules<K extends Kind> {
  targetStates: { entry: string[]; record: string[] };
  action: string;
  check?: (w: Write, row: Row<K>, target: Target) => Promise<void>;
  assigned: (w: Write, row: Row<K>, target: Target) => Promise<void>;
}

/** The credit office routes a public filing that matched nothing visible to the department that decided. */
export async function assignApplication<K extends Kind>(
  deps: ApplicationDeps,
  kind: K,
  id: string,
  ref: TargetRef,
  rules: AssignmentRules<K>,
) {
  requireRole(deps.actor, 'credit_office');
  await write(deps, deps.actor.ref, async (w) => {
    const row = await lockVisible(w, deps.actor, kind, id);
    kind.states.assertIn(row.state, ['received'], '分办');
    if (row.target_id) throw conflict(`${kind.stream}.already_assigned`, kind.alreadyAssigned, { state: row.state });
    const target = await lockTarget(w, ref);
    assertTargetState(target, rules.targetStates, rules.action);
    await rules.check?.(w, row, target);
    const to = target.row.department_id;
    await repo.assignTarget(
      w.tx,
      kind.table,
      row.id,
      { stream: target.stream, id: target.row.id, departmentId: to },
      w.now,
    );
    await rules.assigned(w, row, target);
    announce(w, kind, { ...row, department_id: to }, `${kind.stream}.assigned`, {
      target: ref,
      from: row.department_id,
      to,
    });
  });
}

/** A kind from its table, its states and its words; the codes follow the stream (objection.invalid_state …). */
export function applicationKind<T extends repo.ApplicationTable, S extends string>(
  table: T,
  spec: {
    noun: string;
    labels: Record<S, string>;
    open: readonly NoInfer<S>[];
    /** What the reviewer decides (异议处理决定), what a short reference calls it (异议), who handles it and why. */
    words: { decision: string; short: string; otherDepartment: string };
  },
): ApplicationKind<T, S> {
  const stream = table.slice(0, -1) as 'objection' | 'repair';
  return {
    table,
    stream,
    noun: spec.noun,
    states: stateMachine({ code: `${stream}.invalid_state`, noun: spec.noun, labels: spec.labels }),
    open: spec.open,
    otherDepartment: () => forbidden(spec.words.otherDepartment, `${stream}.other_department`),
    reviewerRequired: () =>
      forbidden(`只有本部门的审核人员可以作出${spec.words.decision}。`, `${stream}.reviewer_required`),
    alreadyAssigned: `该${spec.words.short}已确定对象并由认定部门办理，不能再分办。`,
  };
}
