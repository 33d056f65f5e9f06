// The public portal's name (docs/portal.md): CREDLINK_SITE_NAME when the installation sets it, else the name the
// credit office stored (the demo stores one), else a plain default. Every process follows a change through the
// event log, so the next page it renders carries the new name.
import type { Kysely } from 'kysely';
import { type Actor, type Clock, type DB, type EventRow, forbidden, hasRole, write } from '../shared/index.ts';
import { findSiteName, saveSiteName } from './site-name.repository.ts';
import { settingStreamId } from './settings.usecases.ts';

export const DEFAULT_SITE_NAME = '信用信息公示平台';
const CHANGED = 'settings.site_name_changed';

export type SiteNameSource = 'configuration' | 'setting' | 'default';

/** The name pages use, kept in memory: read at start and again when the event log says it changed. */
export class SiteName {
  private stored: string | null = null;

  constructor(private readonly deps: { db: Kysely<DB>; config: { siteName: string | null } }) {}

  name(): string {
    return this.deps.config.siteName ?? this.stored ?? DEFAULT_SITE_NAME;
  }

  source(): SiteNameSource {
    return this.deps.config.siteName ? 'configuration' : this.stored ? 'setting' : 'default';
  }

  async load(): Promise<void> {
    this.stored = (await findSiteName(this.deps.db))?.value ?? null;
  }

  async apply(events: EventRow[]): Promise<void> {
    if (events.some((e) => e.type === CHANGED)) await this.load();
  }
}

export async function getSiteName(deps: { db: Kysely<DB>; site: SiteName }) {
  const row = await findSiteName(deps.db);
  return {
    siteName: deps.site.name(),
    source: deps.site.source(),
    stored: row ? { value: row.value, updatedBy: row.updated_by, updatedAt: row.updated_at.toISOString() } : null,
  };
}

/** Stores the portal's name (credit office, administrators); an event tells every process, the audit log records it. */
export async function setSiteName(
  deps: { db: Kysely<DB>; clock: Clock; actor: Actor; site: SiteName },
  siteName: string,
) {
  if (!hasRole(deps.actor, 'credit_office', 'admin'))
    throw forbidden('只有信用办或系统管理员可以修改网站名称。', 'settings.forbidden');
  const value = siteName.trim();
  await write(deps, deps.actor.ref, async (w) => {
    const before = await findSiteName(w.tx);
    if (before?.value === value) return;
    await saveSiteName(w.tx, value, deps.actor.ref, w.now);
    const payload = { from: before?.value ?? null, to: value };
    w.event({ stream: 'settings', streamId: settingStreamId('site_name'), type: CHANGED, payload });
    w.audit({ action: CHANGED, target: 'site_setting:site_name', details: payload });
  });
  await deps.site.load();
  return getSiteName(deps);
}
