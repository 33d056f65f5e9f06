import type { Kysely } from 'kysely';
import { type Actor, type Clock, type DB, requireRole, uuidv7, write } from '../shared/index.ts';
import { parseAllowPattern } from './egress.ts';
import * as repo from './egress.repository.ts';
import { allowEntryNotFound, duplicatePattern, invalidPattern } from './webhooks.errors.ts';

interface Deps {
  db: Kysely<DB>;
  clock: Clock;
  actor: Actor;
}

// The outbound allow-list opens private, loopback or link-local targets to webhooks: administrators only, audited.

export async function listAllowlist(deps: Deps) {
  requireRole(deps.actor, 'admin');
  return { entries: await repo.listAllowlist(deps.db) };
}

/** Stored in a canonical form (lower-case host; network/prefix), so the same block cannot be listed twice. */
export async function allowTarget(deps: Deps, input: { pattern: string; note: string }) {
  requireRole(deps.actor, 'admin');
  const parsed = parseAllowPattern(input.pattern);
  if (!parsed) throw invalidPattern();
  const pattern = parsed.kind === 'host' ? parsed.host : `${parsed.network}/${parsed.prefix}`;
  const id = uuidv7(deps.clock.now().getTime());
  await write(deps, deps.actor.ref, async (w) => {
    if (await repo.findAllowPattern(w.tx, pattern)) throw duplicatePattern();
    await repo.insertAllowEntry(w.tx, { id, pattern, note: input.note, created_by: deps.actor.ref, created_at: w.now });
    w.event({
      stream: 'egress_allowlist',
      streamId: id,
      type: 'egress_allowlist.added',
      payload: { pattern, note: input.note },
    });
    w.audit({
      action: 'egress_allowlist.added',
      target: `egress_allowlist:${id}`,
      details: { pattern, note: input.note },
    });
  });
  return { entry: (await repo.findAllowEntry(deps.db, id))! };
}

export async function removeAllowEntry(deps: Deps, id: string) {
  requireRole(deps.actor, 'admin');
  await write(deps, deps.actor.ref, async (w) => {
    const entry = await repo.findAllowEntry(w.tx, id);
    if (!entry) throw allowEntryNotFound();
    await repo.deleteAllowEntry(w.tx, id);
    w.event({
      stream: 'egress_allowlist',
      streamId: id,
      type: 'egress_allowlist.removed',
      payload: { pattern: entry.pattern },
    });
    w.audit({
      action: 'egress_allowlist.removed',
      target: `egress_allowlist:${id}`,
      details: { pattern: entry.pattern, note: entry.note },
    });
  });
}
