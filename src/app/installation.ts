import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Config } from './config.ts';

/**
 * Whether the configured database already holds an installation, found without creating anything: for the embedded
 * database, a PostgreSQL data directory inside the data directory; for PostgreSQL, the migrations table.
 */
export async function installationExists(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<boolean> {
  if (!config.databaseUrl) return fs.existsSync(path.join(config.dataDir, 'pgdata', 'PG_VERSION'));
  const client = new pg.Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ present: boolean }>(
      `select to_regclass('schema_migrations') is not null as present`,
    );
    return rows[0]!.present;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The key files this installation uses. Keys are kept per data directory (`<data dir>-keys/`); an installation made
 * before that has its keys beside the data directory (`credlink-secret.key`, `credlink-tipoff.key`), and keeps
 * using them as long as the per-directory file does not exist. A new installation never takes such a shared file:
 * it may belong to another data directory under the same parent.
 */
export function installationKeyFiles(config: Config, existing: boolean): { config: Config; legacy: string[] } {
  const legacy: string[] = [];
  const pick = (file: string, old: string | null) => {
    if (fs.existsSync(file) || old === null || !existing || !fs.existsSync(old)) return file;
    legacy.push(old);
    return old;
  };
  return {
    config: {
      ...config,
      secretKeyFile: pick(config.secretKeyFile, config.legacySecretKeyFile),
      tipoffKeyFile: config.tipoffKeyFile === null ? null : pick(config.tipoffKeyFile, config.legacyTipoffKeyFile),
    },
    legacy,
  };
}
