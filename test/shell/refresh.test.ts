import {
  CONFIG_KEY,
  getSchedule,
  LAST_RUN_KEY,
  loadRefreshState,
  refreshNow,
  resolveSpreadsheet,
  runScheduledRefresh,
  setSchedule,
} from '../../src/addon/refresh';
import { TRIGGER_DOC_PREFIX } from '../../src/addon/refresh/config';
import { HISTORY_HEADER } from '../../src/core/history/rows';
import { addonEnv, type AddonEnv } from '../support/addon-env';
import { serverApi } from '../../src/addon/api';
import { ensureHistorySheet } from '../../src/addon/refresh/history-store';
import {
  companyWorkbook,
  historyRows,
  kpiDraft,
  ownedSheetName,
  saveKpi,
  setCell,
  USER_SHEETS,
} from '../unit/history/workbook';

let env: AddonEnv;
afterEach(() => env?.close());
const quiet = { log: () => {} };

function setup(now = '2026-06-15T06:00:00Z') {
  env = addonEnv({ now, timeZone: 'Europe/Paris' }, companyWorkbook({ from: '2026-01-01', count: 160 }));
}

describe('a refresh', () => {
  test('archives ended periods, keeps the current one pending, logs the run, and is idempotent', () => {
    setup(); // Monday 15 June 2026, 08:00 in Paris
    const tickets = saveKpi({});
    const sales = saveKpi({
      name: 'CA mensuel',
      unit: '€',
      direction: 'higher',
      frequency: 'monthly',
      source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' },
      baseline: null,
      target: 2000,
    });

    const first = refreshNow(quiet);
    expect(first).toEqual({
      start: '2026-06-15T08:00:00+02:00',
      durationMs: 0,
      trigger: 'manual',
      rowsWritten: 1,
      errors: [],
    });
    expect(historyRows(env).map(({ row: _, ...r }) => r)).toEqual([
      {
        kpiId: sales.id,
        kpiName: 'CA mensuel',
        period: '2026-05',
        periodStart: '2026-05-01',
        // May's sales, one row a day at 1000 + day number (1 May is day 120): 31 × 1000 + (120 + … + 150) = 35 185.
        value: 35185,
        target: 2000,
        status: 'achieved',
        takenAt: '2026-06-15T08:00:00+02:00',
      },
    ]);
    const historySheet = ownedSheetName(env, 'history')!;
    expect(historySheet).toBe('Boussole · Historique');
    expect(env.emu.sheetValues(historySheet)[0]).toEqual([...HISTORY_HEADER]);
    // Readable by a person: the name beside the id, the status in French, euros as euros; ids,
    // keys and stamps as plain text (an id "001" stays 001).
    expect(env.emu.sheetValues(historySheet)[1]?.slice(0, 7)).toEqual([
      sales.id,
      'CA mensuel',
      '2026-05',
      '2026-05-01',
      35185,
      2000,
      'Atteint',
    ]);
    expect([...'ABCDEFGH'].map((c) => env.emu.cell(`${historySheet}!${c}2`).numberFormat)).toEqual([
      '@',
      '@',
      '@',
      '@',
      '#,##0.00 [$€]',
      '#,##0.00 [$€]',
      '@',
      '@',
    ]);
    expect(env.emu.protections().filter((p) => p.sheet === historySheet)).toMatchObject([
      { type: 'SHEET', warningOnly: true },
    ]);
    expect(
      env.emu
        .metadata()
        .filter((m) => m.sheet === historySheet)
        .map((m) => [m.key, m.value]),
    ).toEqual([
      ['boussole.sheet', 'history'],
      ['boussole.schema', '2'],
      ['boussole.sheetId', String(SpreadsheetApp.getActiveSpreadsheet().getSheetByName(historySheet)!.getSheetId())],
    ]);

    // Later the same week: the ticket count changed; nothing new is due.
    env.emu.clock.set('2026-06-19T15:00:00Z');
    setCell(env, 'Support!B2', 33);
    expect(refreshNow(quiet).rowsWritten).toBe(0);
    expect(refreshNow(quiet).rowsWritten).toBe(0);

    // Next Monday: the week is over; its row holds the last value read in it (33, on Friday).
    env.emu.clock.set('2026-06-22T06:00:00Z');
    setCell(env, 'Support!B2', 35);
    expect(refreshNow(quiet).rowsWritten).toBe(1);
    expect(
      historyRows(env)
        .slice(1)
        .map(({ row: _, ...r }) => r),
    ).toEqual([
      {
        kpiId: tickets.id,
        kpiName: 'Tickets ouverts',
        period: '2026-W25',
        periodStart: '2026-06-15',
        value: 33,
        target: 20,
        status: 'on_track',
        takenAt: '2026-06-19T17:00:00+02:00',
      },
    ]);

    // The run log has one line per completed run; the last run is in the state sheet.
    const log = env.emu.sheetValues(ownedSheetName(env, 'runlog')!);
    expect(log[0]).toEqual(['start', 'durationMs', 'trigger', 'rowsWritten', 'errors']);
    expect(log.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['2026-06-15T08:00:00+02:00', 'manual', 1],
      ['2026-06-19T17:00:00+02:00', 'manual', 0],
      ['2026-06-19T17:00:00+02:00', 'manual', 0],
      ['2026-06-22T08:00:00+02:00', 'manual', 1],
    ]);
    expect(getSchedule().lastRun).toMatchObject({ start: '2026-06-22T08:00:00+02:00', rowsWritten: 1, errors: [] });
  });

  test("one KPI's failure is logged and does not stop the others; the sidebar sees it", () => {
    setup();
    saveKpi({ name: 'Perdu', source: { kind: 'cell', ref: "'Archives'!B2" } });
    saveKpi({ name: 'Vide', source: { kind: 'cell', ref: "'Support'!Z9" } });
    const sales = saveKpi({
      name: 'CA',
      frequency: 'monthly',
      direction: 'higher',
      source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' },
    });
    const entry = refreshNow(quiet);
    expect(entry.rowsWritten).toBe(1);
    expect(historyRows(env).map((r) => r.kpiId)).toEqual([sales.id]);
    expect(entry.errors).toEqual([
      "KPI «\u00a0Perdu\u00a0»\u00a0: L'onglet «\u00a0Archives\u00a0» n'existe pas.",
      "KPI «\u00a0Vide\u00a0»\u00a0: la source ne contient aucun nombre\u202f; rien n'est relevé.",
    ]);
    expect(getSchedule().lastRun!.errors).toEqual(entry.errors);
    expect(env.emu.sheetValues(ownedSheetName(env, 'runlog')!)[1][4]).toBe(entry.errors.join('\n'));
  });

  test('a dashboards update that fails once (a transient service error) is tried again: history and dashboards in step, no error', () => {
    setup();
    saveKpi({ frequency: 'monthly', source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' } });
    let calls = 0;
    const entry = refreshNow({
      log: () => {},
      afterRun: () => {
        calls++;
        if (calls === 1) throw new Error('Service Spreadsheets timed out');
      },
    });
    expect(calls).toBe(2);
    expect(entry.errors).toEqual([]);
    expect(historyRows(env)).toHaveLength(1);
  });

  test('the step after the history (dashboard header) gets the refreshed text; tried twice, its failure is reported, the rows stay', () => {
    setup();
    saveKpi({ frequency: 'monthly', source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' } });
    const seen: unknown[] = [];
    const entry = refreshNow({
      log: () => {},
      afterRun: (_ss, nowText, info) => {
        seen.push(nowText, info.timeZone, info.lang);
        throw new Error('chart quota');
      },
    });
    expect(seen).toEqual(['15/06/2026 08:00', 'Europe/Paris', 'fr', '15/06/2026 08:00', 'Europe/Paris', 'fr']);
    expect(entry.rowsWritten).toBe(1);
    expect(entry.errors).toEqual(['En-tête des tableaux de bord non mis à jour\u00a0: chart quota']);
    expect(historyRows(env)).toHaveLength(1);
    expect(env.emu.sheetValues(ownedSheetName(env, 'runlog')!)[1][4]).toBe(entry.errors[0]);
  });

  test('a busy document lock: the run says so and writes nothing', () => {
    setup();
    saveKpi({ frequency: 'monthly', source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' } });
    const release = env.emu.holdDocumentLock();
    const entry = refreshNow(quiet);
    expect(entry.rowsWritten).toBe(0);
    expect(entry.errors[0]).toMatch(/déjà en cours/);
    expect(ownedSheetName(env, 'history')).toBeNull();
    expect(ownedSheetName(env, 'runlog')).toBeNull();
    release();
    expect(refreshNow(quiet).rowsWritten).toBe(1);
  });

  test('a lock released within the wait: the run goes ahead after it and sees what the other run wrote', () => {
    setup();
    saveKpi({ frequency: 'monthly', source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' } });
    expect(refreshNow(quiet).rowsWritten).toBe(1);
    env.emu.holdDocumentLock({ until: 2_000 });
    const entry = refreshNow(quiet);
    expect(entry).toMatchObject({ rowsWritten: 0, errors: [], durationMs: 2_000 });
    expect(historyRows(env)).toHaveLength(1);
  });

  test('history rows broken by hand are kept as they are and never duplicated', () => {
    setup();
    const sales = saveKpi({
      frequency: 'monthly',
      direction: 'higher',
      source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' },
    });
    refreshNow(quiet);
    const name = ownedSheetName(env, 'history')!;
    env.emu.spreadsheet.getSheetByName(name)!.getRange('E2').setValue('effacé');
    const before = env.emu.snapshot(name);
    env.emu.clock.set('2026-06-16T06:00:00Z');
    expect(refreshNow(quiet)).toMatchObject({ rowsWritten: 0 });
    expect(env.emu.snapshot(name)).toEqual(before);
    // July: June is due and appended after the broken row.
    env.emu.clock.set('2026-07-01T06:00:00Z');
    expect(refreshNow(quiet).rowsWritten).toBe(1);
    const values = env.emu.sheetValues(name);
    expect(values.slice(1).map((r) => [r[0], r[2], r[4]])).toEqual([
      [sales.id, '2026-05', 'effacé'],
      // The sales data ends on 9 June: 9 × 1000 + (151 + … + 159) = 10 395.
      [sales.id, '2026-06', 10395],
    ]);
  });

  test('ids that look like a number or a boolean ("001", "TRUE") match their rows, in a sheet from before the name column too: nothing appended again', () => {
    setup();
    const draft = kpiDraft({
      frequency: 'monthly',
      unit: '€',
      direction: 'higher',
      target: 2000,
      source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' },
    });
    for (const id of ['001', 'TRUE']) {
      const r = serverApi.saveKpi({ ...draft, id, name: `KPI ${id}` }, { create: true });
      if (!r.ok) throw new Error(JSON.stringify(r));
    }
    // A history sheet as an earlier version wrote it: no name column, ids in an automatic
    // (General) column, where Sheets reads "001" as the number 1 and "TRUE" as a boolean.
    const sheet = ensureHistorySheet(env.emu.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, 'fr');
    sheet.getRange('A:H').setNumberFormat('General');
    sheet.getRange('C:C').setNumberFormat('@');
    sheet.getRange('G:G').setNumberFormat('@');
    sheet
      .getRange(1, 1, 1, 8)
      .setValues([['kpiId', 'period', 'periodStart', 'value', 'target', 'status', 'takenAt', '']]);
    expect(refreshNow(quiet)).toMatchObject({ rowsWritten: 2, errors: [] });
    const name = ownedSheetName(env, 'history')!;
    const sheetRows = () => env.emu.sheetValues(name);
    // The ids are written as text (the column's format set with the block), the name at the end.
    expect(sheetRows()[0]).toEqual([
      'kpiId',
      'period',
      'periodStart',
      'value',
      'target',
      'status',
      'takenAt',
      'kpiName',
    ]);
    expect(
      sheetRows()
        .slice(1)
        .map((r) => [r[0], r[1], r[3], r[7]]),
    ).toEqual([
      ['001', '2026-05', 35185, 'KPI 001'],
      ['TRUE', '2026-05', 35185, 'KPI TRUE'],
    ]);
    expect(historyRows(env).map((r) => r.kpiId)).toEqual(['001', 'TRUE']);
    // The next runs find both rows: nothing appended, in June or on the first of July for May.
    for (const now of ['2026-06-16T06:00:00Z', '2026-06-30T20:00:00Z']) {
      env.emu.clock.set(now);
      expect(refreshNow(quiet)).toMatchObject({ rowsWritten: 0, errors: [] });
    }
    expect(sheetRows()).toHaveLength(3);
    // Rows typed before the fix, where Sheets made 1 and true of the ids, still match their KPI.
    sheet.getRange('A2:A3').setNumberFormat('General');
    sheet.getRange('A3').setValue(true);
    expect(historyRows(env).map((r) => r.kpiId)).toEqual(['001', 'TRUE']);
    env.emu.clock.set('2026-07-01T06:00:00Z');
    expect(refreshNow(quiet)).toMatchObject({ rowsWritten: 2, errors: [] });
    expect(
      sheetRows()
        .slice(1)
        .map((r) => [r[0], r[1]]),
    ).toEqual([
      ['001', '2026-05'],
      [true, '2026-05'],
      ['001', '2026-06'],
      ['TRUE', '2026-06'],
    ]);
  });

  test('a moved history column stops the history (reported), not the rest of the run', () => {
    setup();
    saveKpi({ frequency: 'monthly', source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' } });
    refreshNow(quiet);
    const name = ownedSheetName(env, 'history')!;
    env.emu.spreadsheet
      .getSheetByName(name)!
      .getRange('D1:E1')
      .setValues([['target', 'value']]);
    env.emu.clock.set('2026-07-01T06:00:00Z');
    const entry = refreshNow(quiet);
    expect(entry.rowsWritten).toBe(0);
    expect(entry.errors[0]).toMatch(/n'a plus les colonnes/);
    expect(env.emu.sheetValues(name)).toHaveLength(2);
  });
});

describe('the schedule', () => {
  const clockTriggers = () => env.emu.triggers().filter((t) => t.eventType === 'CLOCK');

  test('hourly, daily, weekly, off: at most one trigger, replaced (delete then create), with the handler name', () => {
    setup();
    const ssId = env.emu.spreadsheet.getId();
    expect(getSchedule()).toEqual({
      schedule: { kind: 'off' },
      runBy: 'nobody',
      staleTrigger: false,
      layout: 'by_level',
      lastRun: null,
      dashboards: [],
    });

    expect(setSchedule({ kind: 'hourly' }).schedule).toEqual({ kind: 'hourly' });
    expect(clockTriggers()).toHaveLength(1);
    expect(clockTriggers()[0]).toMatchObject({
      handler: 'runScheduledRefresh',
      documentId: ssId,
      schedule: { kind: 'hours', every: 1 },
    });
    // Kept in the spreadsheet (its state sheet), with the trigger that runs it; nothing in document properties.
    expect(JSON.parse(loadRefreshState(env.emu.spreadsheet).state.values[CONFIG_KEY]!)).toEqual({
      v: 1,
      schedule: { kind: 'hourly' },
      layout: 'by_level',
      spreadsheetId: ssId,
      runner: {
        trigger: clockTriggers()[0]!.id,
        user: expect.stringMatching(/^[0-9a-f]{16}$/),
        since: '2026-06-15T06:00:00.000Z',
      },
    });
    expect(env.emu.properties.document()).toEqual({});

    const firstId = clockTriggers()[0].id;
    env.emu.calls.reset();
    expect(setSchedule({ kind: 'daily', hour: 7 }).schedule).toEqual({ kind: 'daily', hour: 7 });
    const log = env.emu.calls.log;
    expect(log.indexOf('ScriptApp.deleteTrigger')).toBeGreaterThan(-1);
    expect(log.indexOf('ScriptApp.deleteTrigger')).toBeLessThan(log.indexOf('ScriptApp.newTrigger'));
    expect(clockTriggers()).toHaveLength(1);
    expect(clockTriggers()[0].id).not.toBe(firstId);
    expect(clockTriggers()[0].schedule).toMatchObject({ kind: 'days', every: 1, atHour: 7, timeZone: 'Europe/Paris' });

    expect(setSchedule({ kind: 'weekly', day: 'FRIDAY', hour: 18 }).schedule).toEqual({
      kind: 'weekly',
      day: 'FRIDAY',
      hour: 18,
    });
    expect(clockTriggers()).toHaveLength(1);
    expect(clockTriggers()[0].schedule).toMatchObject({
      kind: 'weeks',
      weekDay: 5,
      atHour: 18,
      timeZone: 'Europe/Paris',
    });
    // Fires on Fridays at 18:00 Paris time.
    expect(env.emu.dueTriggers('2026-06-15T00:00:00Z', '2026-06-30T00:00:00Z').map((t) => t.at.toISOString())).toEqual([
      '2026-06-19T16:00:00.000Z',
      '2026-06-26T16:00:00.000Z',
    ]);
    // The user property that maps the trigger to its document follows the trigger.
    expect(Object.keys(env.emu.properties.user()).filter((k) => k.startsWith(TRIGGER_DOC_PREFIX))).toEqual([
      TRIGGER_DOC_PREFIX + clockTriggers()[0].id,
    ]);

    expect(setSchedule({ kind: 'off' }).schedule).toEqual({ kind: 'off' });
    expect(clockTriggers()).toHaveLength(0);
    expect(Object.keys(env.emu.properties.user()).filter((k) => k.startsWith(TRIGGER_DOC_PREFIX))).toEqual([]);
  });

  test('an invalid schedule is refused in the document language and changes nothing', () => {
    setup();
    setSchedule({ kind: 'hourly' });
    const before = env.emu.triggers();
    expect(() => setSchedule({ kind: 'daily', hour: 25 } as never)).toThrow(/Planification invalide/);
    expect(env.emu.triggers()).toEqual(before);
  });

  test('the handler runs with no active spreadsheet (a clock trigger), from the stored id', () => {
    setup();
    const sales = saveKpi({
      frequency: 'monthly',
      source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' },
    });
    setSchedule({ kind: 'daily', hour: 9 });
    const [due] = env.emu.dueTriggers('2026-06-15T06:00:00Z', '2026-06-16T06:00:00Z');
    expect(due.at.toISOString()).toBe('2026-06-15T07:00:00.000Z');
    env.emu.clock.set(due.at);
    env.emu.calls.reset();
    const entry = env.emu.asTrigger(() => runScheduledRefresh(due.event, quiet), due.documentId!);
    expect(env.emu.calls.count('SpreadsheetApp.openById')).toBe(1);
    expect(entry).toMatchObject({ trigger: 'schedule', rowsWritten: 1, errors: [] });
    expect(historyRows(env).map((r) => [r.kpiId, r.period])).toEqual([[sales.id, '2026-05']]);
  });

  test('with no document context, the trigger finds its document through its id in user properties', () => {
    setup();
    setSchedule({ kind: 'hourly' });
    const [t] = env.emu.triggers();
    const ss = env.emu.asTrigger(() => resolveSpreadsheet({ triggerUid: t!.id }), t!.documentId!);
    expect(ss.getId()).toBe(env.emu.spreadsheet.getId());
    expect(() => env.emu.asTrigger(() => resolveSpreadsheet({ triggerUid: 'unknown' }), t!.documentId!)).toThrow(
      /no spreadsheet recorded/,
    );
    expect(() => env.emu.asTrigger(() => resolveSpreadsheet(), t!.documentId!)).toThrow(/no spreadsheet to refresh/);
  });

  test("a trigger firing while the document's schedule is off removes itself and writes nothing", () => {
    setup();
    saveKpi({ frequency: 'monthly', source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' } });
    setSchedule({ kind: 'hourly' });
    // Turned off by hand in the state sheet (as another user's setSchedule would, without removing this user's trigger).
    const state = loadRefreshState(env.emu.spreadsheet);
    const cfg = JSON.parse(state.state.values[CONFIG_KEY]!);
    state.state.sheet!.getRange('B2').setValue(JSON.stringify({ ...cfg, schedule: { kind: 'off' }, runner: null }));
    const [due] = env.emu.dueTriggers('2026-06-15T06:00:00Z', '2026-06-15T08:00:00Z');
    env.emu.clock.set(due!.at);
    const entry = env.emu.asTrigger(() => runScheduledRefresh(due!.event, quiet), due!.documentId!);
    expect(entry.rowsWritten).toBe(0);
    expect(env.emu.triggers()).toEqual([]);
    expect(ownedSheetName(env, 'history')).toBeNull();
    expect(loadRefreshState(env.emu.spreadsheet).state.values[LAST_RUN_KEY]).toBe('');
  });
});

describe("the user's own sheets", () => {
  test('are byte-for-byte unchanged after any number of refreshes', () => {
    setup('2026-01-05T06:00:00Z');
    saveKpi({});
    saveKpi({ name: 'NPS', frequency: 'daily', source: { kind: 'cell', ref: "'Support'!B4" } });
    saveKpi({
      name: 'CA',
      frequency: 'monthly',
      source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' },
    });
    saveKpi({ name: 'Cumul', frequency: 'quarterly', source: { kind: 'range', values: 'Ventes!C2:C' } });
    const sheet = env.emu.spreadsheet.getSheetByName('Ventes')!;
    sheet.getRange('B2:B20').setNumberFormat('#,##0 [$€]');
    sheet.getRange('A1:C1').setFontWeight('bold').setBackground('#ffeeaa');
    sheet.setFrozenRows(1);
    const before = Object.fromEntries(USER_SHEETS.map((s) => [s, env.emu.snapshot(s)]));
    const kpiSheet = ownedSheetName(env, 'kpis')!;
    const kpisBefore = env.emu.snapshot(kpiSheet);
    setSchedule({ kind: 'daily', hour: 6 });
    let written = 0;
    for (let i = 0; i < 60; i++) {
      env.emu.clock.advance({ hours: 31 });
      written += refreshNow(quiet).rowsWritten;
    }
    expect(written).toBeGreaterThan(60);
    for (const s of USER_SHEETS) expect(env.emu.snapshot(s)).toEqual(before[s]);
    expect(env.emu.snapshot(kpiSheet)).toEqual(kpisBefore);
  });
});
