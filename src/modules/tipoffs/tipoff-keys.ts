import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { KeyRing } from '../shared/index.ts';

export class TipoffKeysMissingError extends Error {}

/**
 * The tip-off key ring, from configuration only: CREDLINK_TIPOFF_KEYS (`id:key,id:key`, the first seals new
 * values) or the file named by CREDLINK_TIPOFF_KEY_FILE (one `id:key` per line, the first current). Keys are 32
 * bytes in hex or base64. Without a key the server refuses to start; it never creates one itself.
 */
export function loadTipoffKeys(options: {
  tipoffKeys: string | null;
  tipoffKeyFile: string | null;
  dataDir: string;
}): KeyRing {
  let text = options.tipoffKeys;
  if (!text && options.tipoffKeyFile) {
    if (isInside(options.tipoffKeyFile, options.dataDir))
      throw new TipoffKeysMissingError('举报人信息密钥文件不得放在数据目录中。');
    if (!fs.existsSync(options.tipoffKeyFile))
      throw new TipoffKeysMissingError(
        `举报人信息密钥文件不存在：${options.tipoffKeyFile}。请设置 CREDLINK_TIPOFF_KEYS，或运行 credlink keys init 生成密钥文件（npm start 会在首次启动前自动生成）。`,
      );
    text = fs.readFileSync(options.tipoffKeyFile, 'utf8');
  }
  if (!text || !text.trim()) {
    throw new TipoffKeysMissingError(
      '未配置举报人信息加密密钥：请设置 CREDLINK_TIPOFF_KEYS 或 CREDLINK_TIPOFF_KEY_FILE（可用 credlink keys init 生成），服务器拒绝在没有密钥时启动。',
    );
  }
  return parseKeyRing(text);
}

export function parseKeyRing(text: string): KeyRing {
  const keys = new Map<string, Buffer>();
  let currentId: string | null = null;
  for (const item of text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('#'))) {
    const colon = item.indexOf(':');
    const id = colon > 0 ? item.slice(0, colon) : '';
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id))
      throw new TipoffKeysMissingError('举报人信息密钥格式无效：每项应为「密钥编号:密钥」。');
    const value = item.slice(colon + 1);
    const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
    if (key.length !== 32) throw new TipoffKeysMissingError(`举报人信息密钥 ${id} 长度无效：须为 32 字节。`);
    if (keys.has(id)) throw new TipoffKeysMissingError(`举报人信息密钥编号 ${id} 重复。`);
    keys.set(id, key);
    currentId ??= id;
  }
  if (currentId === null) throw new TipoffKeysMissingError('未配置举报人信息加密密钥。');
  return { currentId, keys };
}

/** Creates the tip-off key file (mode 0600) when neither it nor CREDLINK_TIPOFF_KEYS exists. Never in the data directory. */
export function initTipoffKeyFile(options: {
  tipoffKeys: string | null;
  tipoffKeyFile: string | null;
  dataDir: string;
}): { created: boolean; file: string | null } {
  if (options.tipoffKeys || !options.tipoffKeyFile || fs.existsSync(options.tipoffKeyFile))
    return { created: false, file: options.tipoffKeyFile };
  if (isInside(options.tipoffKeyFile, options.dataDir))
    throw new TipoffKeysMissingError('举报人信息密钥文件不得放在数据目录中。');
  fs.mkdirSync(path.dirname(options.tipoffKeyFile), { recursive: true, mode: 0o700 });
  const id = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
  fs.writeFileSync(options.tipoffKeyFile, `${id}:${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return { created: true, file: options.tipoffKeyFile };
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
