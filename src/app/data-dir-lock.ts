import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface DataDirLock {
  release(): void;
}

const ATTEMPTS = 50;
const RETRY_MS = 20;
/** A takeover guard older than this was left by a process that died while taking over. */
const GUARD_STALE_MS = 10_000;

/**
 * PGlite does not stop two processes from opening one data directory (which corrupts it), so the server holds
 * an exclusive lock file with its PID. A lock left by a dead process is taken over.
 *
 * The file appears with its PID already in it (written aside, then hard-linked into place, which fails if the
 * file exists), so no other process can read it empty. A stale file is removed only under a takeover guard (a
 * directory, created atomically) and only if it still names the dead process: of several processes finding the
 * same stale lock, exactly one ends up holding the directory.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.join(dataDir, 'credlink.lock');
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createWithPid(file)) {
      return {
        release() {
          try {
            if (readHolder(file) === process.pid) fs.unlinkSync(file);
          } catch {
            /* already gone */
          }
        },
      };
    }
    const holder = readHolder(file);
    if (holder === null) continue; // released in between: try again at once
    if (holder === process.pid || isAlive(holder)) throw new DataDirLockedError(dataDir, holder);
    if (!removeStale(file, holder)) sleep(RETRY_MS);
  }
  throw new Error(`无法获取数据目录锁：${file}`);
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `数据目录 ${dataDir} 正被进程 ${pid} 使用：嵌入式数据库同一时间只能由一个进程打开。请先停止该进程，或设置 CREDLINK_DATA_DIR 使用其他目录。`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** Creates the lock file holding this PID; false if a lock file exists. */
function createWithPid(file: string): boolean {
  const aside = `${file}.${process.pid}.${randomUUID()}`;
  fs.writeFileSync(aside, String(process.pid), { flag: 'wx' });
  try {
    fs.linkSync(aside, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

/** The PID in the lock file, 0 for a file that holds no PID (never ours: ours is complete when it appears), null if there is none. */
function readHolder(file: string): number | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const pid = Number(text);
  return Number.isInteger(pid) && pid > 0 ? pid : 0;
}

/** Removes a lock file naming a dead process, if no other process is doing so; true if this call removed it. */
function removeStale(file: string, stalePid: number): boolean {
  const guard = `${file}.takeover`;
  try {
    fs.mkdirSync(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    try {
      if (Date.now() - fs.statSync(guard).mtimeMs > GUARD_STALE_MS) fs.rmSync(guard, { recursive: true, force: true });
    } catch {
      /* removed by its owner meanwhile */
    }
    return false;
  }
  try {
    // Under the guard, the file can only change by being released: remove it only if it still names the dead PID.
    if (readHolder(file) !== stalePid) return false;
    fs.rmSync(file, { force: true });
    return true;
  } finally {
    fs.rmSync(guard, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  if (pid === 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
