/** Time is a dependency: domain code asks the clock, tests move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that reads `start` at the moment it is made and runs on in real time from there. */
export function clockFrom(start: Date | string): Clock {
  const offset = new Date(start).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** A clock tests control. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-06-01T02:00:00.000Z') {
    this.current = new Date(start).getTime();
  }
  now() {
    return new Date(this.current);
  }
  set(to: Date | string) {
    this.current = new Date(to).getTime();
  }
  advance(ms: number) {
    this.current += ms;
  }
  advanceDays(days: number) {
    this.current += days * 86_400_000;
  }
}
