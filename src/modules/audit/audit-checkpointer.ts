import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock, DB, Secrets } from '../shared/index.ts';
import { takeCheckpoint } from './audit.usecases.ts';

export interface AuditCheckpointerDeps {
  db: Kysely<DB>;
  clock: Clock;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'debug'>;
  secrets: Secrets;
  /** How often the chain head is signed; default one minute. */
  intervalMs?: number;
}

/**
 * Signs the audit chain head periodically (and once more when stopped), so that rows removed from the tail or a
 * chain recomputed wholesale show against a signature made with a key the database does not hold.
 */
export class AuditCheckpointer {
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private readonly intervalMs: number;

  constructor(private readonly deps: AuditCheckpointerDeps) {
    this.intervalMs = deps.intervalMs ?? 60_000;
  }

  /** The new checkpoint, or null when the head has not moved since the last one (or another process signed it). */
  async checkpoint(): Promise<{ seq: bigint; hash: string } | null> {
    const { created, checkpoint } = await takeCheckpoint(this.deps);
    if (!created || !checkpoint) return null;
    this.deps.log.debug({ seq: checkpoint.seq.toString() }, 'audit checkpoint signed');
    return { seq: checkpoint.seq, hash: checkpoint.hash };
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      // A slow database must not pile up checkpoints: a tick that finds one in flight does nothing.
      if (this.inFlight) return;
      this.inFlight = this.safeCheckpoint().finally(() => {
        this.inFlight = null;
      });
    }, this.intervalMs);
    this.timer.unref();
  }

  /**
   * Stops the timer and, if it was running, signs the head a last time. The returned promise settles when that
   * checkpoint is written (callers that close the database next should await it).
   */
  stop(): Promise<void> {
    if (!this.timer) return Promise.resolve();
    clearInterval(this.timer);
    this.timer = null;
    return (this.inFlight ?? Promise.resolve()).then(() => this.safeCheckpoint());
  }

  /** A failed checkpoint (database unreachable) is retried at the next tick; it never throws into the timer. */
  private async safeCheckpoint(): Promise<void> {
    try {
      await this.checkpoint();
    } catch (error) {
      this.deps.log.warn(
        { err: { type: (error as Error)?.name, message: (error as Error)?.message } },
        'audit checkpoint failed',
      );
    }
  }
}
