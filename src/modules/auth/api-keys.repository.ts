import type { Executor } from '../shared/index.ts';

export interface ApiKeyRow {
  id: string;
  prefix: string;
  secret_hash: string;
  name: string;
  department_id: string;
  department_code: string;
  department_name: string;
  created_by: string | null;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

const selectKeys = (db: Executor) =>
  db
    .selectFrom('api_keys')
    .innerJoin('departments', 'departments.id', 'api_keys.department_id')
    .select([
      'api_keys.id',
      'api_keys.prefix',
      'api_keys.secret_hash',
      'api_keys.name',
      'api_keys.department_id',
      'departments.code as department_code',
      'departments.name as department_name',
      'api_keys.created_by',
      'api_keys.created_at',
      'api_keys.expires_at',
      'api_keys.revoked_at',
    ]);

export async function insertApiKey(
  tx: Executor,
  key: {
    id: string;
    prefix: string;
    secretHash: string;
    name: string;
    departmentId: string;
    createdBy: string | null;
    now: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await tx
    .insertInto('api_keys')
    .values({
      id: key.id,
      prefix: key.prefix,
      secret_hash: key.secretHash,
      name: key.name,
      department_id: key.departmentId,
      created_by: key.createdBy,
      created_at: key.now,
      expires_at: key.expiresAt,
    })
    .execute();
}

export async function findApiKeyById(db: Executor, id: string): Promise<ApiKeyRow | undefined> {
  return selectKeys(db).where('api_keys.id', '=', id).executeTakeFirst();
}

export async function listApiKeys(db: Executor, filter: { departmentId?: string }): Promise<ApiKeyRow[]> {
  let query = selectKeys(db);
  if (filter.departmentId) query = query.where('api_keys.department_id', '=', filter.departmentId);
  return query.orderBy('api_keys.created_at', 'desc').orderBy('api_keys.id', 'desc').execute();
}

/** Keys not revoked: what every process holds in memory. */
export async function listActiveApiKeys(db: Executor, ids?: string[]): Promise<ApiKeyRow[]> {
  let query = selectKeys(db).where('api_keys.revoked_at', 'is', null);
  if (ids) query = query.where('api_keys.id', 'in', ids);
  return query.execute();
}

export async function markApiKeyRevoked(tx: Executor, id: string, now: Date): Promise<boolean> {
  const result = await tx
    .updateTable('api_keys')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
