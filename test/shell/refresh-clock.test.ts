/**
 * 18 months in Europe/Paris (January 2025 to June 2026, across four daylight-saving changes),
 * day by day, firing the triggers the emulator says are due: exactly one history row per KPI
 * and period, with the value of the last reading in that period, counted from the calendar.
 * Run twice: as Google may run a clock trigger (no active spreadsheet, no document lock, no
 * document properties: the emulator's default trigger context) and in the optimistic context
 * (the document's lock and properties); both archive exactly the same rows.
 */
import { refreshNow, runScheduledRefresh, setSchedule } from '../../src/addon/refresh';
import { parsePeriodKey, periodOf, periodsBetween } from '../../src/core/history/periods';
import { dayIn } from '../../src/core/history/time';
import { dayIso, isoDay } from '../../src/core/kpi/dates';
import type { Frequency } from '../../src/core/kpi/model';
import { addonEnv, type AddonEnv } from '../support/addon-env';
import { historyRows, saveKpi, seedIds } from '../unit/history/workbook';

/** The rows each context archived (row numbers aside), compared at the end. */
const archived = new Map<string, unknown[]>();

let env: AddonEnv;
afterEach(() => env?.close());
const quiet = { log: () => {} };

const FIRST = isoDay('2025-01-01')!;
const LAST = isoDay('2026-06-30')!;
const parisDay = dayIn('Europe/Paris');

/** What the user types in the point-in-time cells on a given day (distinct per day and per cell). */
const ticketsOn = (day: number) => 1000 + (day - FIRST);
const npsOn = (day: number) => -50 + ((day * 7) % 101);

test.each([
  ['strict', false],
  ['optimistic', true],
])(
  'day by day over 18 months (%s trigger context): one row per KPI and period, never two, even with repeated and overlapping runs',
  (context, documentContext) => {
    // Daily sales from 2024-12-01, one row appended every day at 07:00.
    const sales: unknown[][] = [['Date', 'CA du jour']];
    for (let d = isoDay('2024-12-01')!; d < FIRST; d++) sales.push([dayIso(d), d % 1000]);
    env = addonEnv(
      { now: '2025-01-01T07:00:00Z', timeZone: 'Europe/Paris' },
      {
        Support: [
          ['Indicateur', 'Valeur'],
          ['Tickets', ticketsOn(FIRST)],
          ['NPS', npsOn(FIRST)],
        ],
        Ventes: sales,
      },
    );
    const ventes = env.emu.spreadsheet.getSheetByName('Ventes')!;
    ventes.getRange('A2:A').setNumberFormat('@');
    ventes.getRange(2, 1, sales.length - 1, 1).setValues(sales.slice(1).map((r) => [r[0]]));

    const restore = seedIds(7);
    const cell = (frequency: Frequency, ref = "'Support'!B2") =>
      saveKpi({ name: `Cellule ${frequency} ${ref}`, frequency, source: { kind: 'cell', ref } }).id;
    const ids = {
      cellDaily: cell('daily'),
      cellWeekly: cell('weekly'),
      cellMonthly: cell('monthly', "'Support'!B3"),
      cellQuarterly: cell('quarterly', "'Support'!B3"),
      datedDaily: saveKpi({
        name: 'CA jour',
        frequency: 'daily',
        direction: 'higher',
        source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' },
      }).id,
      datedMonthly: saveKpi({
        name: 'CA mois',
        frequency: 'monthly',
        direction: 'higher',
        source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' },
      }).id,
    };
    restore();
    setSchedule({ kind: 'daily', hour: 23 });

    const support = env.emu.spreadsheet.getSheetByName('Support')!;
    let runs = 0;
    let skipped = 0;
    for (let day = FIRST; day <= LAST; day++) {
      // Morning: the user updates the point-in-time cells and appends today's sales row.
      env.emu.clock.set(`${dayIso(day)}T07:00:00Z`);
      support.getRange('B2:B3').setValues([[ticketsOn(day)], [npsOn(day)]]);
      ventes.appendRow([dayIso(day), day % 1000]);

      const from = env.emu.clock.now();
      const due = env.emu.dueTriggers(from, new Date(from.getTime() + 86_400_000 - 1));
      expect(due).toHaveLength(1); // once a day, at 23:00 Paris time, whatever the offset
      for (const t of due) {
        env.emu.clock.set(t.at);
        expect(dayIso(parisDay(t.at))).toBe(dayIso(day));
        if (day % 37 === 0) {
          // Another execution of the same user holds the user's lock for the whole wait (a clock
          // trigger has no document lock): this run stands down…
          const release = env.emu.holdUserLock();
          const entry = env.emu.runTrigger(t, (e) => runScheduledRefresh(e, quiet), { documentContext });
          expect(entry.rowsWritten).toBe(0);
          expect(entry.errors[0]).toMatch(/Une autre de vos actualisations est en cours/);
          release();
          skipped++;
          // …and the user's "Refresh now" a little later does the work once.
          env.emu.clock.advance({ minutes: 20 });
          expect(refreshNow(quiet).errors).toEqual([]);
        } else {
          const entry = env.emu.runTrigger(
            t,
            (e) => {
              if (day === FIRST) {
                const { SpreadsheetApp, LockService, PropertiesService } = env.emu.services;
                expect([
                  SpreadsheetApp.getActiveSpreadsheet(),
                  LockService.getDocumentLock() === null,
                  PropertiesService.getDocumentProperties() === null,
                ]).toEqual([null, !documentContext, !documentContext]);
              }
              return runScheduledRefresh(e, quiet);
            },
            { documentContext },
          );
          expect([dayIso(day), entry.errors]).toEqual([dayIso(day), []]);
          if (day % 10 === 0) {
            // The same period again (a second trigger, a "Refresh now"): nothing new.
            expect(refreshNow(quiet).rowsWritten).toBe(0);
          }
        }
        runs++;
      }
    }
    expect(runs).toBe(546);
    expect(skipped).toBe(15);

    const rows = historyRows(env);
    const byKpi = (id: string) => rows.filter((r) => r.kpiId === id);
    const periods = (f: Frequency) => periodsBetween(FIRST, LAST, f);
    // Never two rows for one KPI and period.
    expect(new Set(rows.map((r) => `${r.kpiId} ${r.period}`)).size).toBe(rows.length);

    // Point-in-time cells: every period touched, except the current one (still pending on 30 June).
    expect(periods('daily')).toHaveLength(546);
    expect(periods('weekly')).toHaveLength(79); // 2025-W01 (from Mon 30 Dec 2024) … 2026-W27
    expect(periods('monthly')).toHaveLength(18);
    expect(periods('quarterly')).toHaveLength(6);
    expect(byKpi(ids.cellDaily)).toHaveLength(545);
    expect(byKpi(ids.cellWeekly)).toHaveLength(78);
    expect(byKpi(ids.cellMonthly)).toHaveLength(17);
    expect(byKpi(ids.cellQuarterly)).toHaveLength(5);
    // Dated ranges: the latest ended period at the first run (31 Dec 2024 / Dec 2024), then each one.
    expect(byKpi(ids.datedDaily)).toHaveLength(546);
    expect(byKpi(ids.datedMonthly)).toHaveLength(18);
    expect(rows).toHaveLength(545 + 78 + 17 + 5 + 546 + 18);

    // Each row is the last reading of its period: the value typed on its last day, read at 23:00
    // (23:21:00 on days a run stood down: it waited 60 s for the user's lock), with the offset in force that day.
    const check = (id: string, f: Frequency, valueOn: (day: number) => number) => {
      const list = byKpi(id);
      const expected = periods(f).slice(0, list.length);
      expect(list.map((r) => r.period)).toEqual(expected.map((p) => p.key));
      for (const [i, r] of list.entries()) {
        const end = expected[i].end;
        expect([r.period, r.periodStart, r.value]).toEqual([expected[i].key, dayIso(expected[i].start), valueOn(end)]);
        const offset =
          end >= isoDay('2025-03-30')! && end < isoDay('2025-10-26')!
            ? '+02:00'
            : end >= isoDay('2026-03-29')!
              ? '+02:00'
              : '+01:00';
        expect(r.takenAt).toBe(`${dayIso(end)}T23:${end % 37 === 0 ? '21:00' : '00:00'}${offset}`);
      }
    };
    check(ids.cellDaily, 'daily', ticketsOn);
    check(ids.cellWeekly, 'weekly', ticketsOn);
    check(ids.cellMonthly, 'monthly', npsOn);
    check(ids.cellQuarterly, 'quarterly', npsOn);
    const dated = byKpi(ids.datedDaily);
    expect(dated[0].period).toBe('2024-12-31');
    expect(dated.slice(1).map((r) => r.period)).toEqual(
      periods('daily')
        .slice(0, 545)
        .map((p) => p.key),
    );
    expect(dated.every((r) => r.value === isoDay(r.period)! % 1000)).toBe(true);
    expect(byKpi(ids.datedMonthly).map((r) => r.period)).toEqual([
      '2024-12',
      ...periods('monthly')
        .slice(0, 17)
        .map((p) => p.key),
    ]);

    // 1 July, 00:30: June, Q2 and 30 June are over; week 27 is not.
    env.emu.clock.set('2026-06-30T22:30:00Z');
    expect(periodOf(parisDay(env.emu.clock.now()), 'weekly').key).toBe('2026-W27');
    expect(refreshNow(quiet).rowsWritten).toBe(1 + 1 + 1 + 1 + 1); // cell daily, monthly, quarterly; dated daily, monthly
    const after = historyRows(env);
    expect(after.filter((r) => r.kpiId === ids.cellDaily)).toHaveLength(546);
    expect(after.filter((r) => r.kpiId === ids.cellWeekly)).toHaveLength(78);
    expect(after.filter((r) => r.kpiId === ids.cellMonthly)).toHaveLength(18);
    expect(after.filter((r) => r.kpiId === ids.cellQuarterly)).toHaveLength(6);
    archived.set(
      context,
      after.map(({ row: _, ...r }) => r),
    );
  },
  180_000,
);

test('the strict trigger context archives exactly the rows of the optimistic one', () => {
  const strict = archived.get('strict');
  const optimistic = archived.get('optimistic');
  if (!strict || !optimistic) throw new Error('run both 18-month tests first (they fill `archived`)');
  expect(strict).toHaveLength(545 + 78 + 17 + 5 + 546 + 18 + 5);
  expect(strict).toEqual(optimistic);
});

test.each([
  ['spring forward', '2026-03-25T00:00:00Z', '2026-04-02T00:00:00Z', '2026-03-29', 23],
  ['fall back', '2025-10-22T00:00:00Z', '2025-10-30T00:00:00Z', '2025-10-26', 25],
])(
  'hourly across %s: each day archives the reading of its last hour, local midnight to midnight',
  (_, from, to, dstDay, hoursThatDay) => {
    env = addonEnv(
      { now: from, timeZone: 'Europe/Paris' },
      {
        Support: [
          ['Indicateur', 'Valeur'],
          ['Tickets', 0],
        ],
      },
    );
    const restore = seedIds(3);
    const daily = saveKpi({ name: 'Tickets', frequency: 'daily', source: { kind: 'cell', ref: "'Support'!B2" } }).id;
    const weekly = saveKpi({
      name: 'Tickets semaine',
      frequency: 'weekly',
      source: { kind: 'cell', ref: "'Support'!B2" },
    }).id;
    restore();
    setSchedule({ kind: 'hourly' });
    const support = env.emu.spreadsheet.getSheetByName('Support')!;
    const lastReading = new Map<string, number>();
    const runsPerDay = new Map<string, number>();
    for (const t of env.emu.dueTriggers(from, to)) {
      env.emu.clock.set(t.at);
      const value = t.at.getTime() / 3_600_000; // hours since 1970: distinct for every run
      support.getRange('B2').setValue(value);
      const entry = env.emu.runTrigger(t, (e) => runScheduledRefresh(e, quiet));
      expect(entry.errors).toEqual([]);
      const local = dayIso(parisDay(t.at));
      lastReading.set(local, value);
      runsPerDay.set(local, (runsPerDay.get(local) ?? 0) + 1);
    }
    expect(runsPerDay.get(dstDay)).toBe(hoursThatDay);
    const rows = historyRows(env).filter((r) => r.kpiId === daily);
    const days = [...lastReading.keys()].slice(0, -1); // the last day is still pending
    expect(rows.map((r) => r.period)).toEqual(days);
    for (const r of rows) expect([r.period, r.value]).toEqual([r.period, lastReading.get(r.period)]);
    // The last reading of each day is its 23:00 local run, whatever the offset.
    for (const r of rows) expect(r.takenAt.slice(10, 19)).toBe('T23:00:00');
    // Weekly: the week that ended in the span, once.
    const weeks = historyRows(env).filter((r) => r.kpiId === weekly);
    expect(weeks).toHaveLength(1);
    expect(weeks[0].value).toBe(lastReading.get(dayIso(parsePeriodKey(weeks[0].period)!.end)));
  },
);
