import { type Actor, type Executor, type ModuleContext, uuidv7, write } from '../shared/index.ts';
import { findDepartmentById, unknownDepartment } from '../departments/index.ts';
import {
  cannotLockOutSelf,
  creditOfficeRoleOutsideOffice,
  userNotFound,
  usernameTaken,
  weakPassword,
} from './auth.errors.ts';
import type { CreateUserInput, UpdateUserInput } from './auth.schemas.ts';
import { hashPassword, isStrongEnough } from './passwords.ts';
import { revokeUserSessions } from './sessions.repository.ts';
import {
  findUserById,
  insertUser,
  listUsers,
  updateUser,
  type UserPatch,
  type UserRole,
  type UserRow,
} from './users.repository.ts';

type Deps = Pick<ModuleContext, 'db' | 'clock'> & { actor: Actor };

const unique = (roles: UserRole[]) => [...new Set(roles)];

/** The credit office role acts across departments, so only members of the credit office may hold it. */
async function assertRolesFit(db: Executor, departmentId: string, roles: UserRole[]): Promise<void> {
  if (!roles.includes('credit_office')) return;
  const department = await findDepartmentById(db, departmentId);
  if (department?.kind !== 'credit_office') throw creditOfficeRoleOutsideOffice();
}

export async function getUsers(deps: Deps, filter: { departmentId?: string }): Promise<{ users: UserRow[] }> {
  return { users: await listUsers(deps.db, filter) };
}

/** Creates a user with a temporary password that must be changed at first login. */
export async function createUser(deps: Deps, input: CreateUserInput): Promise<{ user: UserRow }> {
  if (!isStrongEnough(input.password)) throw weakPassword('password');
  const roles = unique(input.roles);
  const passwordHash = await hashPassword(input.password);
  const { result } = await write(deps, deps.actor.ref, async (w) => {
    if (!(await findDepartmentById(w.tx, input.departmentId))) throw unknownDepartment();
    await assertRolesFit(w.tx, input.departmentId, roles);
    const id = uuidv7(w.now.getTime());
    const inserted = await insertUser(w.tx, {
      id,
      username: input.username,
      displayName: input.displayName,
      departmentId: input.departmentId,
      roles,
      passwordHash,
      mustChangePassword: true,
      now: w.now,
    });
    if (!inserted) throw usernameTaken(input.username);
    w.audit({
      action: 'user.created',
      target: `user:${id}`,
      details: { username: input.username, displayName: input.displayName, departmentId: input.departmentId, roles },
    });
    return (await findUserById(w.tx, id))!;
  });
  return { user: result };
}

/** Disabling a user or changing their roles ends their sessions: what they could do has changed. */
export async function updateUserAccount(deps: Deps, id: string, input: UpdateUserInput): Promise<{ user: UserRow }> {
  const { result } = await write(deps, deps.actor.ref, async (w) => {
    const user = await findUserById(w.tx, id);
    if (!user) throw userNotFound();
    const roles = input.roles ? unique(input.roles) : undefined;
    if (id === deps.actor.id && input.disabled === true) throw cannotLockOutSelf('disabled');
    if (id === deps.actor.id && roles && user.roles.includes('admin') && !roles.includes('admin'))
      throw cannotLockOutSelf('roles');
    if (roles) await assertRolesFit(w.tx, user.department_id, roles);

    const patch: UserPatch = {};
    const changes: Record<string, unknown> = {};
    if (input.displayName !== undefined && input.displayName !== user.display_name) {
      patch.displayName = changes.displayName = input.displayName;
    }
    const rolesChanged = roles !== undefined && [...roles].sort().join() !== [...user.roles].sort().join();
    if (rolesChanged) patch.roles = changes.roles = roles;
    const disabling = input.disabled === true && user.disabled_at === null;
    const enabling = input.disabled === false && user.disabled_at !== null;
    if (disabling || enabling) {
      patch.disabledAt = disabling ? w.now : null;
      changes.disabled = disabling;
    }
    if (Object.keys(changes).length === 0) return user;

    await updateUser(w.tx, id, patch);
    const revokedSessions =
      rolesChanged || disabling
        ? await revokeUserSessions(w.tx, id, w.now, disabling ? 'user_disabled' : 'roles_changed')
        : 0;
    w.audit({ action: 'user.updated', target: `user:${id}`, details: { ...changes, revokedSessions } });
    return (await findUserById(w.tx, id))!;
  });
  return { user: result };
}

/** An administrator sets a new temporary password: the user's sessions end and a change is required. */
export async function resetPassword(deps: Deps, id: string, input: { password: string }): Promise<{ user: UserRow }> {
  if (!isStrongEnough(input.password)) throw weakPassword('password');
  const passwordHash = await hashPassword(input.password);
  const { result } = await write(deps, deps.actor.ref, async (w) => {
    const user = await findUserById(w.tx, id);
    if (!user) throw userNotFound();
    await updateUser(w.tx, id, { passwordHash, mustChangePassword: true, passwordChangedAt: w.now });
    const revokedSessions = await revokeUserSessions(w.tx, id, w.now, 'password_reset');
    w.audit({ action: 'user.password_reset', target: `user:${id}`, details: { revokedSessions } });
    return (await findUserById(w.tx, id))!;
  });
  return { user: result };
}
