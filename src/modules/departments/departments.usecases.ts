import type { Kysely } from 'kysely';
import { type Actor, type Clock, type DB, uuidv7, write, type Write } from '../shared/index.ts';
import { creditOfficeExists, departmentCodeTaken, departmentNotFound } from './departments.errors.ts';
import {
  findCreditOffice,
  findDepartmentByCode,
  findDepartmentById,
  insertDepartment,
  listDepartments,
  type DepartmentRow,
} from './departments.repository.ts';
import type { CreateDepartmentInput } from './departments.schemas.ts';

interface Deps {
  db: Kysely<DB>;
  clock: Clock;
}

export async function getDepartments(deps: Deps): Promise<{ departments: DepartmentRow[] }> {
  return { departments: await listDepartments(deps.db) };
}

export async function getDepartment(deps: Deps, id: string): Promise<{ department: DepartmentRow }> {
  const department = await findDepartmentById(deps.db, id);
  if (!department) throw departmentNotFound();
  return { department };
}

export async function createDepartment(
  deps: Deps & { actor: Actor },
  input: CreateDepartmentInput,
): Promise<{ department: DepartmentRow }> {
  const { result } = await write(deps, deps.actor.ref, async (w) => {
    if (await findDepartmentByCode(w.tx, input.code)) throw departmentCodeTaken(input.code);
    if (input.kind === 'credit_office' && (await findCreditOffice(w.tx))) throw creditOfficeExists();
    return addDepartment(w, input);
  });
  return { department: result };
}

/** Inserts a department with its event and audit row inside an open write (also used by the bootstrap). */
export async function addDepartment(w: Write, input: CreateDepartmentInput): Promise<DepartmentRow> {
  const department: DepartmentRow = {
    id: uuidv7(w.now.getTime()),
    code: input.code,
    name: input.name,
    kind: input.kind,
    created_at: w.now,
  };
  await insertDepartment(w.tx, department);
  const payload = { code: department.code, name: department.name, kind: department.kind };
  w.event({
    stream: 'department',
    streamId: department.id,
    type: 'department.created',
    departmentId: department.id,
    payload,
  });
  w.audit({ action: 'department.created', target: `department:${department.id}`, details: payload });
  return department;
}
