/**
 * Wall-clock conversion on daylight-saving days, east of UTC+12 too (Pacific/Auckland,
 * Pacific/Chatham, Australia/Lord_Howe): a date typed that day reads back as that day, and a
 * midnight trigger fires once that day. The oracle is Intl (the instant → wall clock direction).
 */
import { createEmulator } from '../../emulator';
import { fromWallClock, wallClock } from '../../emulator/dates';

const ZONES = ['Pacific/Auckland', 'Pacific/Chatham', 'Australia/Lord_Howe', 'Europe/Paris', 'America/New_York'];

/** The days of 2025 and 2026 on which a zone's offset changes. */
function transitionDays(zone: string): { y: number; m: number; d: number }[] {
  const out: { y: number; m: number; d: number }[] = [];
  const offsetAt = (t: number) => {
    const w = wallClock(t, zone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(t / 60_000) * 60_000;
  };
  for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
    if (offsetAt(t) !== offsetAt(t + 3_600_000)) {
      const w = wallClock(t + 3_600_000, zone);
      out.push({ y: w.year, m: w.month, d: w.day });
    }
  }
  return out;
}

describe.each(ZONES)('%s', (zone) => {
  const days = transitionDays(zone);

  test('has four daylight-saving days in 2025–2026', () => {
    expect(days).toHaveLength(4);
  });

  test('every hour of a change day that exists maps back to itself; the earlier instant when it repeats', () => {
    for (const { y, m, d } of days) {
      for (let h = 0; h < 24; h++) {
        for (const min of [0, 30, 45]) {
          const t = fromWallClock(zone, y, m, d, h, min);
          const w = wallClock(t, zone);
          const back = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
          const asked = Date.UTC(y, m - 1, d, h, min);
          // In a gap the time does not exist: it reads after the jump, never before the asked time.
          if (back !== asked) {
            expect(back).toBeGreaterThan(asked);
            expect(back - asked).toBeLessThanOrEqual(3_600_000);
          }
          // In an overlap the earlier of the two instants is taken.
          const hourEarlier = wallClock(t.getTime() - 3_600_000, zone);
          if (back === asked && hourEarlier.hour === h && hourEarlier.minute === min && hourEarlier.day === d)
            throw new Error(`${zone} ${y}-${m}-${d} ${h}:${min}: not the earlier instant`);
        }
      }
      // Midnight exists on each of these days and is that day's first instant.
      const midnight = fromWallClock(zone, y, m, d);
      expect(wallClock(midnight, zone)).toMatchObject({ year: y, month: m, day: d, hour: 0, minute: 0 });
      expect(wallClock(midnight.getTime() - 1, zone).day).not.toBe(d);
    }
  });

  test('a date typed on a change day reads back as that day', () => {
    const emu = createEmulator({ timeZone: zone });
    const sheet = emu.spreadsheet.getSheets()[0]!;
    days.forEach(({ y, m, d }, i) => {
      const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      sheet.getRange(i + 1, 1).setValue(iso);
      sheet.getRange(i + 1, 2).setValue(fromWallClock(zone, y, m, d, 12));
      const typed = sheet.getRange(i + 1, 1).getValue() as Date;
      expect(wallClock(typed, zone)).toMatchObject({ year: y, month: m, day: d, hour: 0, minute: 0 });
      expect(sheet.getRange(i + 1, 2).getValue()).toEqual(fromWallClock(zone, y, m, d, 12));
    });
  });

  test('a daily midnight trigger fires once on each change day, at its midnight', () => {
    const emu = createEmulator({ timeZone: zone, now: '2025-01-01T00:00:00Z' });
    const uninstall = emu.install();
    try {
      ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(0).inTimezone(zone).create();
      for (const { y, m, d } of days) {
        const from = fromWallClock(zone, y, m, d - 1, 12);
        const to = fromWallClock(zone, y, m, d, 12);
        const fired = emu.dueTriggers(from, to).map((f) => wallClock(f.at, zone));
        expect(fired).toHaveLength(1);
        expect(fired[0]).toMatchObject({ year: y, month: m, day: d, hour: 0 });
      }
    } finally {
      uninstall();
    }
  });
});
