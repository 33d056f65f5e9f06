import { type KeyRing, loadSecretKey, SecretKeyMissingError } from '../modules/shared/index.ts';
import { loadTipoffKeys, TipoffKeysMissingError } from '../modules/tipoffs/index.ts';
import type { Config } from './config.ts';
import { DataDirLockedError } from './data-dir-lock.ts';
import { openDatabase, type Database } from './database.ts';
import { installationExists, installationKeyFiles } from './installation.ts';
import { checkInstallationKeys, InstallationKeyMismatchError } from './installation-keys.ts';
import { migrate } from './migrate.ts';

/** A read-only command found no database to read: its own exit code, and a message naming where it looked. */
export class NoInstallationError extends Error {}

export interface OpenedInstallation {
  /** The configuration with the key files actually used. */
  config: Config;
  database: Database;
  /** Null only for a read-only command on a database whose key is missing: the command decides what that means. */
  secretKey: Buffer | null;
  tipoffKeys: KeyRing | undefined;
  /** A new server key file was written (first start). */
  createdKeyFile: boolean;
  /** Shared key files of an installation made before keys were kept per data directory. */
  legacyKeyFiles: string[];
  /** Key fingerprints this start stored in the database. */
  adopted: string[];
}

/**
 * Opens this installation's database with its keys, in the order that writes nothing a refusal would leave
 * behind: the tip-off keys first (no key, no data directory), then the database, then the server key, whose
 * fingerprint must match the one the database stored. `readOnly` commands (verification, backup) never create a
 * database, a key or a fingerprint, and never migrate.
 */
export async function openInstallation(
  config: Config,
  options: { readOnly: boolean; tipoffKeys: boolean; now: Date },
): Promise<OpenedInstallation> {
  const existing = await installationExists(config);
  if (options.readOnly && !existing) throw new NoInstallationError(noInstallationMessage(config));
  const { config: resolved, legacy } = installationKeyFiles(config, existing);
  const tipoffKeys = options.tipoffKeys ? loadTipoffKeys(resolved) : undefined;
  const database = await openDatabase({ databaseUrl: resolved.databaseUrl, dataDir: resolved.dataDir });
  try {
    if (!options.readOnly) await migrate(database);
    const loaded = options.readOnly ? optionalKey(resolved) : loadSecretKey(resolved, { create: !existing });
    if (loaded === null)
      return {
        config: resolved,
        database,
        secretKey: null,
        tipoffKeys,
        createdKeyFile: false,
        legacyKeyFiles: legacy,
        adopted: [],
      };
    const { adopted } = await checkInstallationKeys(
      database.db,
      {
        serverKey: loaded.key,
        serverKeySource: resolved.secretKey ? 'CREDLINK_SECRET_KEY' : resolved.secretKeyFile,
        tipoffKeys,
        tipoffKeySource: resolved.tipoffKeys ? 'CREDLINK_TIPOFF_KEYS' : (resolved.tipoffKeyFile ?? undefined),
      },
      { now: options.now, adopt: !options.readOnly },
    );
    return {
      config: resolved,
      database,
      secretKey: loaded.key,
      tipoffKeys,
      createdKeyFile: loaded.created,
      legacyKeyFiles: legacy,
      adopted,
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The server key if there is one; read-only commands never create it. */
function optionalKey(config: Config): { key: Buffer; created: boolean } | null {
  try {
    return loadSecretKey(config, { create: false });
  } catch (error) {
    if (error instanceof SecretKeyMissingError) return null;
    throw error;
  }
}

export function noInstallationMessage(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  return config.databaseUrl
    ? `${databaseLocation(config)}中没有 CredLink 的数据（尚未迁移）。请检查 DATABASE_URL。`
    : `${databaseLocation(config)}不存在或其中没有数据库。请检查 CREDLINK_DATA_DIR（或在该数据库所在目录下运行）。`;
}

/** Where the database is, for messages: the data directory, or the PostgreSQL URL without its password. */
export function databaseLocation(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  return config.databaseUrl ? `数据库 ${redactUrl(config.databaseUrl)} ` : `数据目录 ${config.dataDir} `;
}

/** Errors an operator can act on: their message is the whole answer, without a stack or a prefix. */
export function isOperatorError(error: unknown): error is Error {
  return (
    error instanceof DataDirLockedError ||
    error instanceof TipoffKeysMissingError ||
    error instanceof SecretKeyMissingError ||
    error instanceof InstallationKeyMismatchError ||
    error instanceof NoInstallationError
  );
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return '（DATABASE_URL）';
  }
}
