import type { AppContext } from './context.ts';

/**
 * A scheduled job. Each run must be idempotent and safe with several server processes running (row locks,
 * SKIP LOCKED or a cursor row), and must catch up on everything due since the last run, however long ago.
 */
export interface Job {
  name: string;
  intervalMs: number;
  run(ctx: AppContext): Promise<unknown>;
}

/** Runs each job on its interval, one run of a job at a time; tests call run() or runAll() instead. */
export class JobRunner {
  private timers = new Map<string, NodeJS.Timeout>();
  private running = new Map<string, Promise<unknown>>();
  private stopped = true;

  constructor(private readonly ctx: AppContext, private readonly jobs: Job[]) {}

  get names(): string[] { return this.jobs.map((j) => j.name); }

  start(): void {
    this.stopped = false;
    for (const job of this.jobs) this.schedule(job, Math.min(job.intervalMs, 1000));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled(this.running.values());
  }

  /** One run of a job by name, waiting for a run already in progress first. */
  async run(name: string): Promise<unknown> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`unknown job ${name}`);
    return this.once(job);
  }

  /** Every job once, in order (dispatch before delivery, and so on). */
  async runAll(): Promise<void> {
    for (const job of this.jobs) await this.once(job);
  }

  private async once(job: Job): Promise<unknown> {
    const previous = this.running.get(job.name);
    if (previous) await previous.catch(() => {});
    const current = job.run(this.ctx);
    this.running.set(job.name, current);
    try {
      return await current;
    } finally {
      if (this.running.get(job.name) === current) this.running.delete(job.name);
    }
  }

  private schedule(job: Job, delayMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(async () => {
      try {
        await this.once(job);
      } catch (error) {
        const err = error as Error;
        this.ctx.log.error({ job: job.name, err: { type: err?.name, message: err?.message } }, 'job failed');
      }
      this.schedule(job, job.intervalMs);
    }, delayMs);
    timer.unref();
    this.timers.set(job.name, timer);
  }
}
