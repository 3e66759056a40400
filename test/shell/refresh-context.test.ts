/**
 * The clock trigger as Google runs it (issue #9): a time-driven run of an add-on may have no
 * containing document — no active spreadsheet, and LockService.getDocumentLock() and
 * PropertiesService.getDocumentProperties() null ("If this method is called outside of the
 * context of a containing document … null is returned", LockService reference; "When document
 * properties are not available this method returns null", PropertiesService reference). The
 * emulator's trigger mode is that by default; `documentContext: true` is the optimistic case.
 * Also: two users, one schedule (#14, item 5); the trigger records left by interrupted deletions
 * (#14, item 7); a trigger whose spreadsheet is gone.
 */
import type { DueTrigger } from '../../emulator';
import { serverApi } from '../../src/addon/api';
import { getSchedule, refreshNow, runScheduledRefresh, setSchedule } from '../../src/addon/refresh';
import { CONFIG_KEY, TRIGGER_DOC_PREFIX } from '../../src/addon/refresh/config';
import { REFRESH_HANDLER } from '../../src/addon/refresh/triggers';
import { PENDING_PREFIX, serializePending } from '../../src/core/history/pending';
import { STATE_KIND } from '../../src/addon/refresh/state-sheet';
import type { RunLogEntry } from '../../src/shared/api';
import { addonEnv, type AddonEnv } from '../support/addon-env';
import { OWNER_KEY } from '../../src/addon/owned-sheets';
import type { Kpi } from '../../src/core/kpi/model';
import { KPIS } from '../../src/core/storage/schemas';
import { encodeRow, headerOf } from '../../src/core/storage/table';
import {
  companyWorkbook,
  historyRows,
  kpiDraft,
  ownedSheetName,
  saveKpi,
  seedIds,
  setCell,
} from '../unit/history/workbook';

let env: AddonEnv | undefined;
afterEach(() => env?.close());
const quiet = { log: () => {} };

function company(): AddonEnv {
  const e = addonEnv(
    { now: '2026-06-01T04:00:00Z', timeZone: 'Europe/Paris' },
    companyWorkbook({ from: '2026-01-01', count: 200 }),
  );
  const restore = seedIds(11);
  saveKpi({}); // weekly, a single cell: its history comes from the refresh's own readings
  saveKpi({ name: 'NPS', frequency: 'daily', direction: 'higher', source: { kind: 'cell', ref: "'Support'!B4" } });
  saveKpi({
    name: 'CA',
    frequency: 'monthly',
    direction: 'higher',
    source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' },
  });
  restore();
  return e;
}

/** Fires every due trigger from now to `to`, typing a new reading before each. */
function fireUntil(e: AddonEnv, to: string, context: { documentContext?: boolean }, seen?: (t: DueTrigger) => void) {
  const entries: RunLogEntry[] = [];
  const from = e.emu.clock.now();
  let n = 0;
  for (const t of e.emu.dueTriggers(from, to)) {
    e.emu.clock.set(t.at);
    setCell(e, 'Support!B2', 40 - (n % 7));
    setCell(e, 'Support!B4', 20 + (n % 11));
    n++;
    entries.push(
      e.emu.runTrigger(
        t,
        (event) => {
          seen?.(t);
          return runScheduledRefresh(event, quiet);
        },
        context,
      ),
    );
  }
  e.emu.clock.set(to);
  return entries;
}

test('scheduled in the spreadsheet, run with no document lock, properties or active spreadsheet: exactly the rows of the optimistic run', () => {
  const runs = (documentContext: boolean) => {
    const e = company();
    setSchedule({ kind: 'daily', hour: 7 });
    const entries = fireUntil(e, '2026-07-15T00:00:00Z', { documentContext }, () => {
      const { SpreadsheetApp, LockService, PropertiesService } = e.emu.services;
      expect(SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
      expect(LockService.getDocumentLock() === null).toBe(!documentContext);
      expect(PropertiesService.getDocumentProperties() === null).toBe(!documentContext);
    });
    const rows = historyRows(e).map(({ row: _, ...r }) => r);
    const log = e.emu.sheetValues(ownedSheetName(e, 'runlog')!).length - 1;
    e.close();
    return { entries, rows, log };
  };
  const strict = runs(false);
  const optimistic = runs(true);
  expect(strict.entries).toHaveLength(44); // 1 June … 14 July, daily at 07:00 Paris
  expect(strict.entries.filter((x) => x.errors.length)).toEqual([]);
  expect(strict.rows.length).toBeGreaterThan(40 + 5 + 1);
  expect(strict.rows).toEqual(optimistic.rows);
  expect(strict.log).toBe(44);
  expect(optimistic.log).toBe(44);
});

test('the state lives in the spreadsheet: a hidden sheet of its own, nothing in document properties', () => {
  env = company();
  setSchedule({ kind: 'daily', hour: 7 });
  fireUntil(env, '2026-06-10T00:00:00Z', {});
  expect(env.emu.properties.document()).toEqual({});
  const name = ownedSheetName(env, STATE_KIND)!;
  const snap = env.emu.snapshot(name);
  expect(snap.hidden).toBe(true);
  expect(snap.protections).toMatchObject([{ type: 'SHEET', warningOnly: true }]);
  expect(snap.values.map((r) => r[0])).toEqual([
    'key',
    'boussole.refresh',
    'boussole.lastRun',
    'boussole.running',
    expect.stringMatching(/^boussole\.pending\.kpi_/),
    expect.stringMatching(/^boussole\.pending\.kpi_/),
  ]);
  expect(getSchedule().lastRun).toMatchObject({ trigger: 'schedule', errors: [] });
});

test('a document scheduled by an earlier version (its state in document properties) keeps its schedule, trigger and pending reading', () => {
  env = company();
  const ss = env.emu.spreadsheet;
  const weekly = serverApi.bootstrap().kpis.find((k) => k.kpi.frequency === 'weekly')!.kpi;
  // What the earlier version left: the schedule and a pending reading of last week (Monday 25 to
  // Sunday 31 May) in document properties, and its trigger, its spreadsheet id alone in user properties.
  const { PropertiesService, ScriptApp } = env.emu.services;
  PropertiesService.getDocumentProperties().setProperties({
    [CONFIG_KEY]: JSON.stringify({
      v: 1,
      schedule: { kind: 'daily', hour: 7 },
      layout: 'by_level',
      spreadsheetId: ss.getId(),
    }),
    [PENDING_PREFIX + weekly.id]: serializePending({
      kpiId: weekly.id,
      period: '2026-W22',
      periodStart: '2026-05-25',
      value: 37,
      target: 20,
      status: 'off_track',
      takenAt: '2026-05-31T07:00:00+02:00',
    }),
  });
  const old = ScriptApp.newTrigger(REFRESH_HANDLER)
    .timeBased()
    .everyDays(1)
    .atHour(7)
    .inTimezone('Europe/Paris')
    .create();
  PropertiesService.getUserProperties().setProperty(TRIGGER_DOC_PREFIX + old.getUniqueId(), ss.getId());
  env.emu.endExecution();

  // The sidebar opens (a document): it shows the schedule and stores it in the state sheet…
  expect(getSchedule()).toMatchObject({ schedule: { kind: 'daily', hour: 7 }, runBy: 'you' });
  const state = env.emu.sheetValues(ownedSheetName(env, STATE_KIND)!);
  expect(JSON.parse(String(state[1]![1])).schedule).toEqual({ kind: 'daily', hour: 7 });
  env.emu.endExecution();

  // …so that its next run as a clock trigger, with no document properties, keeps its trigger and
  // archives last week's pending reading.
  const [t] = env.emu.dueTriggers(env.emu.clock.now(), '2026-06-02T00:00:00Z');
  env.emu.clock.set(t!.at);
  expect(env.emu.runTrigger(t!, (e) => runScheduledRefresh(e, quiet)).errors).toEqual([]);
  expect(env.emu.triggers().map((x) => x.id)).toEqual([old.getUniqueId()]);
  expect(
    historyRows(env)
      .filter((r) => r.kpiId === weekly.id)
      .map((r) => [r.period, r.value]),
  ).toEqual([['2026-W22', 37]]);
});

test("an earlier version's trigger run first with no document context: runs and stays (the schedule is not taken for off)", () => {
  env = company();
  const { PropertiesService, ScriptApp } = env.emu.services;
  PropertiesService.getDocumentProperties().setProperty(
    CONFIG_KEY,
    JSON.stringify({
      v: 1,
      schedule: { kind: 'hourly' },
      layout: 'by_level',
      spreadsheetId: env.emu.spreadsheet.getId(),
    }),
  );
  const old = ScriptApp.newTrigger(REFRESH_HANDLER).timeBased().everyHours(1).create();
  PropertiesService.getUserProperties().setProperty(
    TRIGGER_DOC_PREFIX + old.getUniqueId(),
    env.emu.spreadsheet.getId(),
  );
  env.emu.endExecution();
  for (const t of env.emu.dueTriggers(env.emu.clock.now(), '2026-06-01T08:00:00Z')) {
    env.emu.clock.set(t.at);
    expect(env.emu.runTrigger(t, (e) => runScheduledRefresh(e, quiet)).errors).toEqual([]);
  }
  expect(env.emu.triggers().map((x) => x.id)).toEqual([old.getUniqueId()]);
  expect(getSchedule()).toMatchObject({ schedule: { kind: 'hourly' }, runBy: 'you' });
});

describe('a run that stands down says why, in the run log and as the last run', () => {
  test("another run of the same user holds the user's lock (no document lock in a trigger)", () => {
    env = company();
    setSchedule({ kind: 'daily', hour: 7 });
    refreshNow(quiet); // the run log and the state exist (a run that stands down never creates a sheet)
    const [t] = env.emu.dueTriggers(env.emu.clock.now(), '2026-06-02T00:00:00Z');
    env.emu.clock.set(t!.at);
    const release = env.emu.holdUserLock();
    const entry = env.emu.runTrigger(t!, (e) => runScheduledRefresh(e, quiet));
    release();
    expect(entry.rowsWritten).toBe(0);
    expect(entry.errors).toEqual([expect.stringMatching(/^Une autre de vos actualisations est en cours/)]);
    const log = env.emu.sheetValues(ownedSheetName(env, 'runlog')!);
    expect(log.slice(1).map((r) => [r[2], r[3], String(r[4]).slice(0, 28)])).toEqual([
      ['manual', 1, ''],
      ['schedule', 0, 'Une autre de vos actualisati'],
    ]);
    expect(getSchedule().lastRun).toEqual(entry);
    // Waited the whole minute for the lock, then stood down.
    expect(entry.durationMs).toBe(60_000);
  });

  test('in the optimistic context, another execution holds the document lock', () => {
    env = company();
    setSchedule({ kind: 'daily', hour: 7 });
    refreshNow(quiet); // the state sheet and run log exist
    const [t] = env.emu.dueTriggers(env.emu.clock.now(), '2026-06-02T00:00:00Z');
    env.emu.clock.set(t!.at);
    const release = env.emu.holdDocumentLock();
    const entry = env.emu.runTrigger(t!, (e) => runScheduledRefresh(e, quiet), { documentContext: true });
    release();
    expect(entry.errors).toEqual([
      expect.stringMatching(/^Une actualisation \(ou un enregistrement\) est déjà en cours/),
    ]);
    expect(getSchedule().lastRun).toEqual(entry);
  });

  test("another user's run is in progress (its lease in the state sheet): this one stands down until it ends", () => {
    env = company();
    setSchedule({ kind: 'daily', hour: 7 });
    refreshNow(quiet);
    const sheet = env.emu.spreadsheet.getSheetByName(ownedSheetName(env, STATE_KIND)!)!;
    const lease = {
      user: 'someone-else',
      start: '2026-06-01T07:00:00+02:00',
      until: env.emu.clock.now().getTime() + 60_000,
    };
    sheet.getRange('B4').setValue(JSON.stringify(lease));
    const entry = refreshNow(quiet);
    expect(entry.errors).toEqual([
      expect.stringMatching(/lancée par un autre utilisateur à 2026-06-01T07:00:00\+02:00/),
    ]);
    env.emu.clock.advance({ minutes: 2 }); // the lease is stale: that run was cut short
    expect(refreshNow(quiet).errors).toEqual([]);
  });
});

describe('two users, one schedule (#14, item 5)', () => {
  test("each is told the truth; A's old daily trigger removes itself, B's weekly runs", () => {
    env = company();
    setSchedule({ kind: 'daily', hour: 7 });
    env.emu.asUser('bruno@pme.fr', () => setSchedule({ kind: 'weekly', day: 'MONDAY', hour: 9 }));
    expect(getSchedule()).toMatchObject({
      schedule: { kind: 'weekly', day: 'MONDAY', hour: 9 },
      runBy: 'another_user',
      staleTrigger: true,
    });
    expect(env.emu.asUser('bruno@pme.fr', () => getSchedule())).toMatchObject({ runBy: 'you', staleTrigger: false });

    const runs: { user: string; rows: number }[] = [];
    for (const t of env.emu.dueTriggers(env.emu.clock.now(), '2026-06-16T00:00:00Z')) {
      if (!env.emu.triggers().some((x) => x.id === t.triggerId)) continue; // deleted: no longer fires
      env.emu.clock.set(t.at);
      const entry = env.emu.runTrigger(t, (e) => runScheduledRefresh(e, quiet));
      runs.push({ user: t.user, rows: entry.rowsWritten });
    }
    // A's daily trigger fired once (Monday 1 June 07:00), found it no longer runs the schedule, and went.
    expect(runs[0]).toEqual({ user: 'user@example.com', rows: 0 });
    expect(runs.slice(1).map((r) => r.user)).toEqual(['bruno@pme.fr', 'bruno@pme.fr', 'bruno@pme.fr']); // Mondays 1, 8, 15 June at 09:00
    expect(env.emu.triggers().map((t) => t.user)).toEqual(['bruno@pme.fr']);
    expect(getSchedule()).toMatchObject({ runBy: 'another_user', staleTrigger: false });
    expect(historyRows(env).length).toBeGreaterThan(0);
  });

  test("A turning the schedule off stops B's trigger at its next firing", () => {
    env = company();
    env.emu.asUser('bruno@pme.fr', () => setSchedule({ kind: 'hourly' }));
    expect(setSchedule({ kind: 'off' })).toMatchObject({ schedule: { kind: 'off' }, runBy: 'nobody' });
    const [t] = env.emu.dueTriggers(env.emu.clock.now(), '2026-06-01T07:00:00Z');
    env.emu.clock.set(t!.at);
    expect(env.emu.runTrigger(t!, (e) => runScheduledRefresh(e, quiet)).rowsWritten).toBe(0);
    expect(env.emu.triggers()).toEqual([]);
  });
});

describe('trigger records in user properties', () => {
  const records = (e: AddonEnv) => Object.keys(e.emu.properties.user()).filter((k) => k.startsWith(TRIGGER_DOC_PREFIX));

  test('one left by a deletion interrupted at deleteProperty is swept by the next setSchedule (#14, item 7)', () => {
    env = company();
    setSchedule({ kind: 'daily', hour: 7 });
    env.emu.faults.failOn('Properties.deleteProperty', 1);
    expect(() => setSchedule({ kind: 'weekly', day: 'MONDAY', hour: 7 })).toThrow(/injected fault/);
    env.emu.faults.clear();
    // The failed save took back what it did: the record left by the interrupted deletion is swept,
    // and the schedule it replaced runs again (its trigger made again, recorded).
    expect(records(env)).toEqual([TRIGGER_DOC_PREFIX + env.emu.triggers()[0]!.id]);
    setSchedule({ kind: 'weekly', day: 'MONDAY', hour: 7 });
    expect(records(env)).toEqual([TRIGGER_DOC_PREFIX + env.emu.triggers()[0]!.id]);
  });

  test('a trigger whose spreadsheet was deleted removes itself once it has failed to open for 24 hours', () => {
    env = company();
    setSchedule({ kind: 'hourly' });
    const ssId = env.emu.spreadsheet.getId();
    env.emu.createSpreadsheet('Autre', { activate: true }); // the user works elsewhere
    env.emu.deleteSpreadsheet(ssId);
    const logged: string[] = [];
    const due = env.emu.dueTriggers(env.emu.clock.now(), '2026-06-03T00:00:00Z');
    let removedAt: Date | null = null;
    for (const t of due) {
      if (!env.emu.triggers().length) break;
      env.emu.clock.set(t.at);
      const entry = env.emu.runTrigger(t, (e) => runScheduledRefresh(e, { log: (m) => logged.push(m) }));
      expect(entry.rowsWritten).toBe(0);
      if (!env.emu.triggers().length) removedAt = t.at;
    }
    expect(removedAt?.toISOString()).toBe('2026-06-02T05:00:00.000Z'); // first failure 1 June 05:00 UTC + 24 h
    expect(logged.at(-1)).toMatch(/could not be opened since 2026-06-01T05:00:00.000Z.*trigger removed/);
    expect(records(env)).toEqual([]);
  });

  test('a trigger with no spreadsheet recorded removes itself at once', () => {
    env = company();
    setSchedule({ kind: 'hourly' });
    const [t] = env.emu.dueTriggers(env.emu.clock.now(), '2026-06-01T07:00:00Z');
    env.emu.services.PropertiesService.getUserProperties().deleteProperty(TRIGGER_DOC_PREFIX + t!.triggerId);
    env.emu.clock.set(t!.at);
    const entry = env.emu.runTrigger(t!, (e) => runScheduledRefresh(e, quiet));
    expect(entry.errors[0]).toMatch(/no spreadsheet recorded/);
    expect(env.emu.triggers()).toEqual([]);
  });
});

test('pending readings of 3,000 single-cell KPIs: one refresh, no property store to fill (#14, item 7)', () => {
  // Before, each pending reading was a document property (~200 bytes): about 2,800 filled the
  // 500 KB store and every refresh failed. Now they are rows of the state sheet. The KPI sheet is
  // written directly (saving 3,000 KPIs one by one is not what is tested).
  const header = headerOf(KPIS as never);
  const rows = Array.from({ length: 3000 }, (_, i) =>
    encodeRow(KPIS, header, {
      ...(kpiDraft({
        name: `K${i}`,
        frequency: 'monthly',
        source: { kind: 'cell', ref: `Releves!B${i + 2}` },
      }) as Kpi),
      id: `kpi_${String(i).padStart(6, '0')}`,
      createdAt: '2026-06-01',
    }),
  );
  env = addonEnv(
    { now: '2026-06-15T06:00:00Z', timeZone: 'Europe/Paris' },
    {
      Releves: [['KPI', 'Valeur'], ...Array.from({ length: 3000 }, (_, i) => [`K${i}`, i])],
      'Boussole · KPI': [header, ...rows] as unknown[][],
    },
  );
  const kpiSheet = env.emu.spreadsheet.getSheetByName('Boussole · KPI')!;
  kpiSheet.addDeveloperMetadata(
    OWNER_KEY,
    'kpis',
    env.emu.services.SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT,
  );
  const boot = serverApi.bootstrap();
  expect(boot.problems.slice(0, 2)).toEqual([]);
  expect(boot.kpis).toHaveLength(3000);
  const entry = refreshNow(quiet);
  expect(entry.errors).toEqual([]);
  const state = env.emu.sheetValues(ownedSheetName(env, STATE_KIND)!);
  expect(state.filter((r) => String(r[0]).startsWith('boussole.pending.'))).toHaveLength(3000);
  const bytes = (o: Record<string, string>) => Object.entries(o).reduce((n, [k, v]) => n + k.length + v.length, 0);
  expect(bytes(env.emu.properties.document())).toBe(0);
  expect(bytes(env.emu.properties.user())).toBeLessThan(1000);
  // A month later the 3,000 readings are archived and the next ones pending.
  env.emu.clock.set('2026-07-01T06:00:00Z');
  expect(refreshNow(quiet)).toMatchObject({ rowsWritten: 3000, errors: [] });
}, 300_000);
