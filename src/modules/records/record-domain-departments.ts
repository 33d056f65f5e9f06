// Which departments record in which domain (migration 0009): a department records dishonesty records only in the
// domains the credit office has given it, so that one regulator cannot record a penalty in another's field. A
// department may hold several domains (a 综合行政执法 bureau), and a domain several departments.
import type { Kysely } from 'kysely';
import {
  type Actor,
  type Clock,
  type DB,
  type Executor,
  forbidden,
  notFound,
  unprocessable,
  write,
} from '../shared/index.ts';
import { requireCatalogEditor } from '../catalog/index.ts';
import { catalogStreamId } from './record-catalog.streams.ts';
import { departmentRefs, lockDomainCode } from './record-catalog.repository.ts';
import * as repo from './records.repository.ts';

export interface DepartmentRef {
  id: string;
  code: string;
  name: string;
}

/** The recording departments of each domain asked for, by code; a domain without any maps to []. */
export async function recordingDepartmentsOf(
  db: Executor,
  domains: readonly string[],
): Promise<Map<string, DepartmentRef[]>> {
  const out = new Map<string, DepartmentRef[]>(domains.map((d) => [d, []]));
  if (domains.length === 0) return out;
  for (const r of await repo.recordingDepartments(db, domains))
    out.get(r.domain)?.push({ id: r.id, code: r.code, name: r.name });
  return out;
}

export const holdsDomain = repo.holdsDomain;

export const domainNotHeld = (domainName: string) =>
  forbidden(
    `本部门不是「${domainName}」领域的记录部门，不能在该领域记录失信信息；记录部门由信用办设定。`,
    'record.domain_not_held',
  );

/** Departments named by code (or id), each once; 422 naming the entry that names no department. */
export async function resolveDepartments(
  db: Executor,
  values: readonly string[],
  field: string,
): Promise<DepartmentRef[]> {
  const departments = await departmentRefs(db);
  const found = new Map<string, DepartmentRef>();
  values.forEach((value, i) => {
    const d = departments.find((x) => x.code === value || x.id === value);
    if (!d)
      throw unprocessable('record_domain.unknown_department', `部门「${value}」不存在。`, { field: `${field}[${i}]` });
    found.set(d.id, d);
  });
  return [...found.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Replaces the set of recording departments inside the caller's write; returns the codes before and after. */
export async function replaceRecordingDepartments(db: Executor, domain: string, departments: readonly DepartmentRef[]) {
  const before = (await recordingDepartmentsOf(db, [domain])).get(domain)!.map((d) => d.code);
  await repo.clearRecordingDepartments(db, domain);
  if (departments.length > 0)
    await repo.addRecordingDepartments(
      db,
      domain,
      departments.map((d) => d.id),
    );
  return { before, after: departments.map((d) => d.code) };
}

/**
 * The credit office (or an administrator) sets which departments record in a domain. Records already made stay
 * with the department that made them; only new recording is affected.
 */
export async function setRecordingDepartments(
  deps: { db: Kysely<DB>; clock: Clock; actor: Actor },
  domain: string,
  input: { departments: string[] },
) {
  requireCatalogEditor(deps.actor);
  await write(deps, deps.actor.ref, async (w) => {
    const current = await lockDomainCode(w.tx, domain);
    if (!current) throw notFound('领域', 'record_domain.not_found');
    const departments = await resolveDepartments(w.tx, input.departments, 'departments');
    const { before, after } = await replaceRecordingDepartments(w.tx, domain, departments);
    if (before.join(',') === after.join(',')) return;
    const payload = { code: domain, recordingDepartments: after, previous: before };
    w.event({
      stream: 'record_domain',
      streamId: catalogStreamId('record_domain', domain),
      type: 'record_domain.recording_departments_set',
      payload,
    });
    w.audit({ action: 'record_domain.recording_departments_set', target: `record_domain:${domain}`, details: payload });
  });
}
