import type { ApiKeyRow } from './api-keys.repository.ts';
import type { UserRow } from './users.repository.ts';

const department = (row: { department_id: string; department_code: string; department_name: string }) => ({
  id: row.department_id,
  code: row.department_code,
  name: row.department_name,
});

/** A user as administrators and the user see it: never the password hash. */
export const presentUser = (user: Omit<UserRow, 'password_hash'>) => ({
  id: user.id,
  username: user.username,
  displayName: user.display_name,
  department: department(user),
  roles: user.roles,
  mustChangePassword: user.must_change_password,
  disabled: user.disabled_at !== null,
  createdAt: user.created_at.toISOString(),
});

/** An API key without its secret or hash. */
export const presentApiKey = (key: ApiKeyRow) => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  department: department(key),
  createdAt: key.created_at.toISOString(),
  expiresAt: key.expires_at.toISOString(),
  revokedAt: key.revoked_at?.toISOString() ?? null,
});
