import { type Actor, type ModuleContext, uuidv7, write } from '../shared/index.ts';
import type { ApiKeyCache } from './api-key-cache.ts';
import { findDepartmentById, unknownDepartment } from '../departments/index.ts';
import { apiKeyAlreadyRevoked, apiKeyNotFound } from './auth.errors.ts';
import type { CreateApiKeyInput } from './auth.schemas.ts';
import { findApiKeyById, insertApiKey, listApiKeys, markApiKeyRevoked, type ApiKeyRow } from './api-keys.repository.ts';
import { newApiKey } from './tokens.ts';

type Deps = Pick<ModuleContext, 'db' | 'clock'> & { keys: ApiKeyCache; actor: Actor };

const DAY_MS = 86_400_000;

/** Creates a key bound to a department; the key in clear is returned here and nowhere else. */
export async function createApiKey(deps: Deps, input: CreateApiKeyInput): Promise<{ apiKey: ApiKeyRow; key: string }> {
  const { key, prefix, secretHash } = newApiKey();
  const { result } = await write(deps, deps.actor.ref, async (w) => {
    if (!(await findDepartmentById(w.tx, input.departmentId))) throw unknownDepartment();
    const id = uuidv7(w.now.getTime());
    const expiresAt = new Date(w.now.getTime() + input.expiresInDays * DAY_MS);
    await insertApiKey(w.tx, {
      id,
      prefix,
      secretHash,
      name: input.name,
      departmentId: input.departmentId,
      createdBy: deps.actor.kind === 'user' ? deps.actor.id : null,
      now: w.now,
      expiresAt,
    });
    const details = { name: input.name, prefix, departmentId: input.departmentId, expiresAt: expiresAt.toISOString() };
    w.event({
      stream: 'api_key',
      streamId: id,
      type: 'api_key.created',
      departmentId: input.departmentId,
      payload: details,
    });
    w.audit({ action: 'api_key.created', target: `api_key:${id}`, details });
    return (await findApiKeyById(w.tx, id))!;
  });
  // Usable in this process at once; other processes learn of it through the event log.
  await deps.keys.reload([result.id]);
  return { apiKey: result, key };
}

export async function getApiKeys(
  deps: Pick<Deps, 'db'>,
  filter: { departmentId?: string },
): Promise<{ apiKeys: ApiKeyRow[] }> {
  return { apiKeys: await listApiKeys(deps.db, filter) };
}

export async function revokeApiKey(deps: Deps, id: string): Promise<{ apiKey: ApiKeyRow }> {
  const { result } = await write(deps, deps.actor.ref, async (w) => {
    const existing = await findApiKeyById(w.tx, id);
    if (!existing) throw apiKeyNotFound();
    if (!(await markApiKeyRevoked(w.tx, id, w.now))) throw apiKeyAlreadyRevoked();
    const details = { name: existing.name, prefix: existing.prefix, departmentId: existing.department_id };
    w.event({
      stream: 'api_key',
      streamId: id,
      type: 'api_key.revoked',
      departmentId: existing.department_id,
      payload: details,
    });
    w.audit({ action: 'api_key.revoked', target: `api_key:${id}`, details });
    return (await findApiKeyById(w.tx, id))!;
  });
  deps.keys.forget(id);
  return { apiKey: result };
}
