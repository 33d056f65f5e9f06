import fs from 'node:fs/promises';
import path from 'node:path';
import { JOURNAL_FILE, syncDirectory } from './check-journal.ts';
import { parseJournalLine } from './check-record-line.ts';
import type { CheckRecordInput, CheckRecorder } from './check-recorder.ts';

const SWEEP_MS = 60_000;

export interface JournalReplayDeps {
  dir: string;
  /** The owner id of this process's own journal, whose live segments are never replayed. */
  owner: string;
  recorder: Pick<CheckRecorder, 'replay'>;
  log: {
    info(obj: object, msg: string): void;
    warn(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
  };
  /** Whether a process is alive (tests may stand in a process table). */
  isAlive?: (pid: number) => boolean;
}

export interface SweepResult {
  files: number;
  written: number;
  skipped: number;
  torn: number;
}

/**
 * Replays into the database what dead processes left in the journal directory: at start, then every minute (a
 * neighbour that died, a replay the database could not take yet). A file is claimed by renaming it into this
 * process's name (`replay-<pid>-<token>-<n>.journal`): a rename succeeds once, so two processes never replay one
 * file, and a claimer that dies leaves a file the next process claims in turn. Rows already in the database are
 * skipped (CheckRecorder.replay), so a file replayed twice records nothing twice.
 */
export class JournalReplayer {
  private running: Promise<SweepResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private claimed = 0;

  constructor(private readonly deps: JournalReplayDeps) {}

  /** One pass over the directory; a file the database cannot take now stays for the next pass. */
  sweep(): Promise<SweepResult> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => {
      this.sweep().catch((error) =>
        this.deps.log.warn(
          { err: { type: error?.name, message: error?.message } },
          'check journal replay waits for the database',
        ),
      );
    }, SWEEP_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }

  private async pass(): Promise<SweepResult> {
    const result: SweepResult = { files: 0, written: 0, skipped: 0, torn: 0 };
    const [ownPid] = this.deps.owner.split('-');
    for (const name of (await fs.readdir(this.deps.dir)).sort()) {
      const m = JOURNAL_FILE.exec(name);
      if (m === null) continue;
      const [, kind, pid, token] = m;
      const owner = `${pid}-${token}`;
      let file = path.join(this.deps.dir, name);
      if (owner === this.deps.owner) {
        if (kind === 'checks') continue; // this process's own journal, being written
      } else {
        // A live process replays its own files; a pid equal to ours with another token was an earlier process.
        if (pid !== ownPid && (this.deps.isAlive ?? isAlive)(Number(pid))) continue;
        file = await this.claim(file);
        if (file === '') continue;
      }
      const { written, skipped, torn } = await this.replayFile(file);
      result.files += 1;
      result.written += written;
      result.skipped += skipped;
      result.torn += torn;
    }
    if (result.files > 0) this.deps.log.info({ ...result }, 'check records replayed from the journal');
    return result;
  }

  /** The file renamed into this process's name, or '' when another process claimed it first. */
  private async claim(file: string): Promise<string> {
    this.claimed += 1;
    const target = path.join(this.deps.dir, `replay-${this.deps.owner}-${this.claimed}.journal`);
    try {
      await fs.rename(file, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw error;
    }
    await syncDirectory(this.deps.dir);
    return target;
  }

  private async replayFile(file: string): Promise<{ written: number; skipped: number; torn: number }> {
    const text = await fs.readFile(file, 'utf8');
    const rows: CheckRecordInput[] = [];
    let torn = 0;
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const row = parseJournalLine(line);
      // Only a line the crash cut short (never acknowledged: its group was not synced) fails to parse.
      if (row === null) torn += 1;
      else rows.push(row);
    }
    if (torn > 0)
      this.deps.log.warn(
        { file: path.basename(file), torn },
        'check journal lines cut short by a crash were skipped (their checks were never answered)',
      );
    const { written, skipped } = await this.deps.recorder.replay(rows);
    await fs.rm(file, { force: true });
    return { written, skipped, torn };
  }
}

/** Whether a process with this pid exists on this host (EPERM: it exists, under another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
