/** The emulator's clock: time moves only when a test (or Utilities.sleep, or a lock wait) moves it. */
export type Duration = number | { days?: number; hours?: number; minutes?: number; seconds?: number; ms?: number };

export class Clock {
  private t: number;

  constructor(start: Date | string | number = '2025-01-15T09:00:00.000Z') {
    this.t = new Date(start).getTime();
    if (Number.isNaN(this.t)) throw new Error(`emulator: invalid clock start ${String(start)}`);
  }

  /** A new Date for the current emulated instant. */
  now(): Date {
    return new Date(this.t);
  }

  millis(): number {
    return this.t;
  }

  set(date: Date | string | number): void {
    const t = new Date(date).getTime();
    if (Number.isNaN(t)) throw new Error(`emulator: invalid date ${String(date)}`);
    this.t = t;
  }

  advance(d: Duration): Date {
    this.t += toMillis(d);
    return this.now();
  }
}

export function toMillis(d: Duration): number {
  if (typeof d === 'number') return d;
  return (
    (d.days ?? 0) * 86_400_000 +
    (d.hours ?? 0) * 3_600_000 +
    (d.minutes ?? 0) * 60_000 +
    (d.seconds ?? 0) * 1000 +
    (d.ms ?? 0)
  );
}
