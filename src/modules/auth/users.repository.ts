import { type Executor, json, type USER_ROLES } from '../shared/index.ts';

/** A role a person can hold ('system' belongs to API keys). */
export type UserRole = (typeof USER_ROLES)[number];

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  department_id: string;
  department_code: string;
  department_name: string;
  roles: UserRole[];
  password_hash: string;
  must_change_password: boolean;
  disabled_at: Date | null;
  created_at: Date;
  password_changed_at: Date;
}

const selectUsers = (db: Executor) =>
  db
    .selectFrom('users')
    .innerJoin('departments', 'departments.id', 'users.department_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.department_id',
      'departments.code as department_code',
      'departments.name as department_name',
      'users.roles',
      'users.password_hash',
      'users.must_change_password',
      'users.disabled_at',
      'users.created_at',
      'users.password_changed_at',
    ]);

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return (await selectUsers(db).where('users.username', '=', username).executeTakeFirst()) as UserRow | undefined;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return (await selectUsers(db).where('users.id', '=', id).executeTakeFirst()) as UserRow | undefined;
}

export async function listUsers(db: Executor, filter: { departmentId?: string }): Promise<UserRow[]> {
  let query = selectUsers(db);
  if (filter.departmentId) query = query.where('users.department_id', '=', filter.departmentId);
  return (await query.orderBy('users.username').execute()) as UserRow[];
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  departmentId: string;
  roles: UserRole[];
  passwordHash: string;
  mustChangePassword: boolean;
  now: Date;
}

/** Inserts unless the username exists; returns whether it did. */
export async function insertUser(tx: Executor, user: NewUser): Promise<boolean> {
  const inserted = await tx
    .insertInto('users')
    .values({
      id: user.id,
      username: user.username,
      display_name: user.displayName,
      department_id: user.departmentId,
      roles: json(user.roles),
      password_hash: user.passwordHash,
      must_change_password: user.mustChangePassword,
      created_at: user.now,
      password_changed_at: user.now,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export interface UserPatch {
  displayName?: string;
  roles?: UserRole[];
  disabledAt?: Date | null;
  passwordHash?: string;
  mustChangePassword?: boolean;
  passwordChangedAt?: Date;
}

export async function updateUser(tx: Executor, id: string, patch: UserPatch): Promise<void> {
  await tx
    .updateTable('users')
    .set({
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.roles !== undefined ? { roles: json(patch.roles) } : {}),
      ...(patch.disabledAt !== undefined ? { disabled_at: patch.disabledAt } : {}),
      ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
      ...(patch.mustChangePassword !== undefined ? { must_change_password: patch.mustChangePassword } : {}),
      ...(patch.passwordChangedAt !== undefined ? { password_changed_at: patch.passwordChangedAt } : {}),
    })
    .where('id', '=', id)
    .execute();
}
