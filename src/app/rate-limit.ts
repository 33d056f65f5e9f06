/**
 * A fixed-window counter per client address: at most `limit` requests per `windowMs`. Memory is bounded: when the
 * table is full, windows that have ended are dropped, and if none has, the oldest addresses go first (they would be
 * the first to reset anyway). Per process: behind several processes each counts its own share.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxAddresses = 100_000,
  ) {}

  /** Counts one request; answers how many seconds to wait when the address is over its limit, else null. */
  hit(address: string, now: number): number | null {
    let w = this.windows.get(address);
    if (!w || w.resetAt <= now) {
      if (w) this.windows.delete(address);
      if (this.windows.size >= this.maxAddresses) this.sweep(now);
      w = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(address, w);
    }
    w.count += 1;
    return w.count > this.limit ? Math.max(1, Math.ceil((w.resetAt - now) / 1000)) : null;
  }

  private sweep(now: number): void {
    for (const [address, w] of this.windows) if (w.resetAt <= now) this.windows.delete(address);
    for (const address of this.windows.keys()) {
      if (this.windows.size < this.maxAddresses) break;
      this.windows.delete(address);
    }
  }
}
