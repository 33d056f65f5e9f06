import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  currentDataVersion,
  eventsAfter,
  EVENTS_CHANNEL,
  sendNotification,
  type Clock,
  type DB,
  type EventRow,
  type SyncStatus,
} from '../modules/shared/index.ts';
import type { Database } from './database.ts';

const PAGE_SIZE = 1000;
const PING_PREFIX = 'ping:';

export type { SyncStatus } from '../modules/shared/index.ts';

export interface EventSyncDeps {
  database: Database;
  db: Kysely<DB>;
  clock: Clock;
  log: { info(o: object, msg: string): void; warn(o: object, msg: string): void; error(o: object, msg: string): void };
  intervalMs: number;
  staleAfterMs: number;
  /** How often the notification listener proves it still receives (a ping through pg_notify). */
  listenerCheckMs?: number;
}

type Handler = (events: EventRow[]) => Promise<void>;

/**
 * Follows the event log and feeds the in-memory views. Versions are gap-free and visible in commit order
 * (docs/decisions/0002-data-versions.md), so `version > current` never skips an event. Notifications only
 * shorten the delay; the timer alone keeps every view current, also while the listener is down.
 */
export class EventSync {
  private readonly handlers: Handler[] = [];
  private current = 0n;
  private loaded = false;
  private dbState: 'up' | 'down' = 'up';
  private lastSuccessAt: Date | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private listenerTimer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private pingOutstanding: string | null = null;
  private pingCounter = 0;
  private readonly instance = randomBytes(6).toString('hex');
  private stopped = true;

  constructor(private readonly deps: EventSyncDeps) {}

  subscribe(handler: Handler): void {
    this.handlers.push(handler);
  }

  /**
   * Reads the head before loading: whatever commits during the load has a higher version and is applied again
   * by the first poll (subscribers are idempotent), so nothing falls between the load and the log.
   */
  async initialize(load: () => Promise<void>): Promise<void> {
    const head = await currentDataVersion(this.deps.db);
    await load();
    this.current = BigInt(head.data_version);
    this.loaded = true;
    await this.pollOnce();
  }

  /** Applies every event committed before the call. Concurrent requests share one follow-up poll. */
  pollOnce(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.running) return this.run();
    this.queued = this.running.then(() => {
      this.queued = null;
      return this.run();
    });
    return this.queued;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.timer = setInterval(() => void this.pollOnce(), this.deps.intervalMs);
    this.timer.unref();
    const checkMs = this.deps.listenerCheckMs ?? 5000;
    this.listenerTimer = setInterval(() => void this.checkListener(), checkMs);
    this.listenerTimer.unref();
    void this.connectListener();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.listenerTimer) clearInterval(this.listenerTimer);
    this.timer = this.listenerTimer = null;
    const unlisten = this.unlisten;
    this.unlisten = null;
    if (unlisten) void unlisten().catch(() => {});
  }

  status(): SyncStatus {
    const last = this.lastSuccessAt;
    const stale = last === null || this.deps.clock.now().getTime() - last.getTime() >= this.deps.staleAfterMs;
    return { dataVersion: this.current, loaded: this.loaded, stale, db: this.dbState, lastSuccessAt: last };
  }

  /** Whether the notification listener is connected (the timer works either way). */
  get listening(): boolean {
    return this.unlisten !== null;
  }

  private run(): Promise<void> {
    const running = this.drain().finally(() => {
      this.running = null;
    });
    this.running = running;
    return running;
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const rows = await eventsAfter(this.deps.db, this.current, PAGE_SIZE);
        if (rows.length === 0) break;
        const events: EventRow[] = rows.map((r) => ({
          version: BigInt(r.version),
          stream: r.stream,
          streamId: r.stream_id,
          type: r.type,
          departmentId: r.department_id,
          actor: r.actor,
          payload: r.payload,
          occurredAt: r.occurred_at,
          effectiveAt: r.effective_at,
        }));
        for (const handler of this.handlers) await handler(events);
        this.current = events[events.length - 1]!.version;
        if (rows.length < PAGE_SIZE) break;
      }
      if (this.dbState === 'down')
        this.deps.log.info({ dataVersion: this.current.toString() }, 'event log reachable again');
      this.dbState = 'up';
      this.lastSuccessAt = this.deps.clock.now();
    } catch (error) {
      if (this.dbState === 'up') {
        this.deps.log.warn(
          {
            err: { type: (error as Error).name, message: (error as Error).message },
            dataVersion: this.current.toString(),
          },
          'event log poll failed; answering from the last loaded version',
        );
      }
      this.dbState = 'down';
    }
  }

  private onNotify(payload: string): void {
    if (payload.startsWith(PING_PREFIX)) {
      if (payload === this.pingOutstanding) this.pingOutstanding = null;
      return;
    }
    void this.pollOnce();
  }

  private async connectListener(): Promise<void> {
    if (this.stopped || this.unlisten) return;
    const { database, db } = this.deps;
    const listen = () => database.listen(EVENTS_CHANNEL, (payload) => this.onNotify(payload));
    try {
      // PGlite has one connection: LISTEN must not run inside a transaction someone else has open on it.
      const unlisten = database.kind === 'pglite' ? await db.connection().execute(() => listen()) : await listen();
      if (this.stopped) {
        await unlisten().catch(() => {});
        return;
      }
      this.unlisten = unlisten;
      this.pingOutstanding = null;
      void this.pollOnce(); // what was written while nobody listened
    } catch (error) {
      this.deps.log.warn(
        { err: { type: (error as Error).name, message: (error as Error).message } },
        'event listener could not connect; polling only',
      );
    }
  }

  /**
   * A dropped LISTEN connection says nothing, so each check sends a ping on the channel: a ping not heard back
   * by the next check means the listener is gone, and it is replaced.
   */
  private async checkListener(): Promise<void> {
    if (this.stopped) return;
    if (this.unlisten && this.pingOutstanding !== null) {
      this.deps.log.warn({}, 'event listener stopped receiving; reconnecting');
      const unlisten = this.unlisten;
      this.unlisten = null;
      this.pingOutstanding = null;
      await unlisten().catch(() => {});
    }
    if (!this.unlisten) return this.connectListener();
    const ping = `${PING_PREFIX}${this.instance}-${++this.pingCounter}`;
    this.pingOutstanding = ping;
    try {
      await sendNotification(this.deps.db, EVENTS_CHANNEL, ping);
    } catch {
      // The database is unreachable: the poll reports that; judge the listener once a ping can be sent.
      if (this.pingOutstanding === ping) this.pingOutstanding = null;
    }
  }
}
