import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor, Clock, DB, EventRow } from '../shared/index.ts';
import { listActiveApiKeys, type ApiKeyRow } from './api-keys.repository.ts';
import { parseApiKey } from './tokens.ts';

interface CachedKey {
  id: string;
  secretHash: Buffer;
  departmentId: string;
  expiresAt: number;
}

interface Logger {
  warn(obj: object, msg?: string): void;
}

/**
 * Every API key not revoked, in memory. Department systems authenticate checks with these keys, and the check
 * path must never wait on the database (brief, principle 3), so `authenticate` is pure computation. Revocation
 * in any process reaches this one through the event log: the sync loop hands over 'api_key' events in order.
 */
export class ApiKeyCache {
  private readonly byPrefix = new Map<string, CachedKey>();
  private readonly prefixById = new Map<string, string>();
  private readonly db: Kysely<DB>;
  private readonly clock: Clock;
  private readonly log: Logger;

  constructor(deps: { db: Kysely<DB>; clock: Clock; log: Logger }) {
    this.db = deps.db;
    this.clock = deps.clock;
    this.log = deps.log;
  }

  get size(): number {
    return this.byPrefix.size;
  }

  async load(): Promise<void> {
    const rows = await listActiveApiKeys(this.db);
    this.byPrefix.clear();
    this.prefixById.clear();
    for (const row of rows) this.remember(row);
  }

  async apply(events: EventRow[]): Promise<void> {
    const ids = new Set<string>();
    for (const event of events) {
      if (event.stream !== 'api_key') continue;
      // A revocation needs no database read: forget the key at once, even if the database is unreachable.
      if (event.type === 'api_key.revoked') {
        this.forget(event.streamId);
        ids.delete(event.streamId);
      } else {
        ids.add(event.streamId);
      }
    }
    if (ids.size > 0) await this.reload([...ids]);
  }

  /** Reads these keys again: present and not revoked → cached, otherwise dropped. */
  async reload(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows = await listActiveApiKeys(this.db, ids);
    for (const id of ids) this.forget(id);
    for (const row of rows) this.remember(row);
  }

  forget(id: string): void {
    const prefix = this.prefixById.get(id);
    if (prefix === undefined) return;
    this.byPrefix.delete(prefix);
    this.prefixById.delete(id);
  }

  /** No database query: the prefix finds the key, SHA-256 of the secret is compared in constant time. */
  authenticate(token: string): Actor | null {
    const parsed = parseApiKey(token);
    if (!parsed) return null;
    const key = this.byPrefix.get(parsed.prefix);
    if (!key) return null;
    const digest = createHash('sha256').update(parsed.secret, 'utf8').digest();
    if (!timingSafeEqual(digest, key.secretHash)) return null;
    if (this.clock.now().getTime() >= key.expiresAt) return null;
    return { kind: 'api_key', id: key.id, ref: `api_key:${key.id}`, departmentId: key.departmentId, roles: ['system'] };
  }

  private remember(row: ApiKeyRow): void {
    const secretHash = Buffer.from(row.secret_hash, 'hex');
    if (secretHash.length !== 32) {
      this.log.warn({ apiKeyId: row.id }, 'api key with a malformed secret hash ignored');
      return;
    }
    this.byPrefix.set(row.prefix, {
      id: row.id,
      secretHash,
      departmentId: row.department_id,
      expiresAt: row.expires_at.getTime(),
    });
    this.prefixById.set(row.id, row.prefix);
  }
}
