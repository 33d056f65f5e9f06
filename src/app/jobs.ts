import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { claimJob, finishJob, registerJob } from '../modules/jobs/index.ts';
import { type Job as ModuleJob, redactIdentifiersInText } from '../modules/shared/index.ts';
import type { AppContext } from './context.ts';

/** A job of some module, run with the composition root's context. */
export type Job = ModuleJob<AppContext>;

/**
 * How long a claim holds: twice the interval, at least 30 s and at most 10 minutes. If the process holding it dies,
 * another takes the job over once it has run out (the dispatcher within 30 s). A run that outlasts its lease may
 * overlap the next one elsewhere, which every job tolerates (see Job).
 */
export const leaseMs = (job: Job) => Math.min(10 * 60_000, Math.max(30_000, 2 * job.intervalMs));

/**
 * Runs each job on its interval, one run of a job at a time. A scheduled run first claims the job's row in the
 * jobs table (FOR UPDATE SKIP LOCKED, then a lease): with several processes, each due run happens in one of them,
 * and the row records how it ended. Tests, the CLI and the demo call run() or runAll(), which run at once.
 */
export class JobRunner {
  private timers = new Map<string, NodeJS.Timeout>();
  private running = new Map<string, Promise<unknown>>();
  private stopped = true;
  private registered: Promise<void> | null = null;
  /** Scheduled runs under way, claim and record included: stop() waits for them. */
  private inflight = new Set<Promise<void>>();
  /** This process, as named in the jobs table's lease_owner. */
  readonly owner = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

  constructor(
    private readonly ctx: AppContext,
    private readonly jobs: Job[],
  ) {}

  get names(): string[] {
    return this.jobs.map((j) => j.name);
  }

  start(): void {
    this.stopped = false;
    for (const job of this.jobs) this.schedule(job, Math.min(job.intervalMs, 1000));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inflight, ...this.running.values()]);
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

  /** Registers every job in the jobs table once per process (again after a failure). */
  register(): Promise<void> {
    this.registered ??= (async () => {
      for (const job of this.jobs) await registerJob(this.ctx.db, job.name, job.intervalMs);
    })().catch((error) => {
      this.registered = null;
      throw error;
    });
    return this.registered;
  }

  /** A scheduled run: only if this process claims the job; the outcome is recorded on the job's row. */
  private async claimedRun(job: Job): Promise<void> {
    await this.register();
    if (!(await claimJob(this.ctx.db, job.name, this.owner, leaseMs(job)))) return;
    let error: string | null = null;
    let result: unknown;
    try {
      result = await this.once(job);
    } catch (caught) {
      const err = caught as Error;
      error = redactIdentifiersInText(`${err?.name ?? 'Error'}: ${err?.message ?? String(caught)}`).slice(0, 2000);
      this.ctx.log.error({ job: job.name, err: { type: err?.name, message: err?.message } }, 'job failed');
    }
    await finishJob(this.ctx.db, job.name, this.owner, { error, result });
  }

  private schedule(job: Job, delayMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      const run = this.claimedRun(job).catch((error) => {
        const err = error as Error;
        this.ctx.log.error(
          { job: job.name, err: { type: err?.name, message: err?.message } },
          'job could not be claimed or recorded',
        );
      });
      this.inflight.add(run);
      // `run` never rejects (its failure is logged above), so what follows it cannot either.
      void run.then(() => {
        this.inflight.delete(run);
        this.schedule(job, job.intervalMs);
      });
    }, delayMs);
    timer.unref();
    this.timers.set(job.name, timer);
  }
}
