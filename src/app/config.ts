import net from 'node:net';
import path from 'node:path';
import type { Config } from '../modules/shared/index.ts';

export type { Config } from '../modules/shared/index.ts';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.CREDLINK_DATA_DIR ?? './data');
  // Keys live apart from the data, in a directory named after the data directory: two installations under one
  // parent never share a key (docs/decisions/0005, 0007).
  const keyDir = path.join(path.dirname(dataDir), `${path.basename(dataDir)}-keys`);
  return {
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    port: intFrom(env.PORT, 3000),
    // Loopback unless HOST says otherwise: a first start on a laptop must not be reachable from the network.
    host: env.HOST || '127.0.0.1',
    adminPassword: env.CREDLINK_ADMIN_PASSWORD || null,
    secretKeyFile: path.resolve(env.CREDLINK_SECRET_KEY_FILE || path.join(keyDir, 'server.key')),
    legacySecretKeyFile: env.CREDLINK_SECRET_KEY_FILE ? null : path.join(path.dirname(dataDir), 'credlink-secret.key'),
    secretKey: env.CREDLINK_SECRET_KEY || null,
    tipoffKeys: env.CREDLINK_TIPOFF_KEYS || null,
    tipoffKeyFile: path.resolve(env.CREDLINK_TIPOFF_KEY_FILE || path.join(keyDir, 'tipoff.key')),
    legacyTipoffKeyFile: env.CREDLINK_TIPOFF_KEY_FILE ? null : path.join(path.dirname(dataDir), 'credlink-tipoff.key'),
    divisionCode: env.CREDLINK_DIVISION_CODE ?? '370115',
    siteName: env.CREDLINK_SITE_NAME?.trim() || null,
    // A person reading pages makes a few requests a minute; a crawler copying the register makes thousands.
    publicRateLimit: intFrom(env.CREDLINK_PUBLIC_RATE_LIMIT, 300),
    publicRateWindowSeconds: Math.max(1, intFrom(env.CREDLINK_PUBLIC_RATE_WINDOW_SECONDS, 60)),
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionIdleMinutes: intFrom(env.CREDLINK_SESSION_IDLE_MINUTES, 30),
    sessionAbsoluteMinutes: intFrom(env.CREDLINK_SESSION_ABSOLUTE_MINUTES, 12 * 60),
    syncIntervalMs: intFrom(env.CREDLINK_SYNC_INTERVAL_MS, 500),
    staleAfterMs: intFrom(env.CREDLINK_STALE_AFTER_MS, 5000),
    checkRecordBufferLimit: intFrom(env.CREDLINK_CHECK_BUFFER_LIMIT, 100_000),
    trustProxy: proxiesFrom(env.CREDLINK_TRUST_PROXY),
    // 36 months: the longest period the rules set (a serious dishonesty record's disclosure, a black list's term).
    checkRecordRetentionMonths: intFrom(env.CREDLINK_CHECK_RECORD_RETENTION_MONTHS, 36),
    checkJournalDir: path.resolve(env.CREDLINK_CHECK_JOURNAL_DIR || path.join(dataDir, 'check-journal')),
  };
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Only named proxies: `true` or a hop count would let any client that reaches the server directly choose its own
 * address, and with it escape the login throttle.
 */
function proxiesFrom(value: string | undefined): string[] {
  const items = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items) {
    const [address, bits, ...rest] = item.split('/');
    const family = net.isIP(address!);
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!(PROXY_NAMES.has(item) || (family !== 0 && validBits && rest.length === 0))) {
      throw new Error(`配置项 CREDLINK_TRUST_PROXY 取值无效：${item}（应为反向代理的 IP 地址或 CIDR，多个以逗号分隔）`);
    }
  }
  return items;
}

function intFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`配置项取值无效：${value}`);
  return n;
}
