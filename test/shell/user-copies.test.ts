/**
 * A user duplicates one of Boussole's sheets (Sheet › Duplicate). Whether Sheets copies the
 * sheet's developer metadata is not documented; the emulator does (the pessimistic case), so the
 * copy carries the add-on's tags. The copy is the user's: regeneration never replaces or deletes
 * it, refreshes never write to it, storage keeps reading and writing the original.
 */
import { serverApi } from '../../src/addon/api';
import { generateDashboards, listDashboards } from '../../src/addon/dashboard';
import { refreshNow } from '../../src/addon/refresh';
import { OWNER_KEY, SHEET_ID_KEY } from '../../src/addon/owned-sheets';
import { REFRESHED_CELL } from '../../src/core/dashboard/layout';
import { addonEnv, type AddonEnv } from '../support/addon-env';
import { contextOf, saveKpis, userView, workbook } from '../unit/dashboard/fixtures';
import { companyWorkbook, historyRows, ownedSheetName, saveKpi } from '../unit/history/workbook';

let env: AddonEnv;
afterEach(() => env?.close());

const ss = () => SpreadsheetApp.getActiveSpreadsheet();
const quiet = { log: () => {} };

/** What the user does: activate the sheet, Duplicate, then type a note in the copy. */
function duplicate(name: string, note?: string): string {
  ss().getSheetByName(name)!.activate();
  const copy = ss().duplicateActiveSheet();
  if (note) copy.getRange('J1').setValue(note);
  return copy.getName();
}

describe("a user's copy of a Boussole sheet", () => {
  test('every sheet the add-on creates is tagged with its own id', () => {
    env = addonEnv({}, workbook(60));
    saveKpis(3, 60, 1);
    generateDashboards(contextOf(env.emu), { layout: 'overall', smartScores: {} });
    const tagged = env.emu.metadata().filter((m) => m.key === OWNER_KEY);
    expect(tagged.length).toBeGreaterThanOrEqual(3); // objectives, KPIs, the dashboard
    for (const m of tagged) {
      const id = env.emu.metadata().find((x) => x.key === SHEET_ID_KEY && x.sheet === m.sheet)?.value;
      expect({ sheet: m.sheet, id }).toEqual({
        sheet: m.sheet,
        id: String(ss().getSheetByName(m.sheet!)!.getSheetId()),
      });
    }
  });

  test('a copied dashboard survives regeneration untouched, and is not listed as a dashboard', () => {
    env = addonEnv({}, workbook(60));
    saveKpis(4, 60, 2);
    const first = generateDashboards(contextOf(env.emu), { layout: 'by_level', smartScores: {} });
    const copy = duplicate('Direction', 'mes remarques pour le comité');
    // The copy carries the add-on's tags (the pessimistic case this test is about).
    expect(env.emu.metadata().some((m) => m.sheet === copy && m.key === OWNER_KEY && m.value === 'dashboard')).toBe(
      true,
    );
    const before = userView(env.emu.snapshot(copy));
    expect(listDashboards(ss())).toEqual(first);

    env.emu.clock.advance(3_600_000);
    const second = generateDashboards(contextOf(env.emu), { layout: 'by_level', smartScores: {} });
    expect(second).toEqual(first);
    expect(env.emu.sheetNames()).toContain(copy);
    expect(userView(env.emu.snapshot(copy))).toEqual(before);
    expect(env.emu.cell(`${copy}!J1`).value).toBe('mes remarques pour le comité');

    // Switching to one overall dashboard retires every dashboard of the add-on, never the copy.
    const overall = generateDashboards(contextOf(env.emu), { layout: 'overall', smartScores: {} });
    expect(overall.map((d) => d.level)).toEqual(['overall']);
    expect(env.emu.sheetNames()).toEqual(expect.arrayContaining([copy, overall[0].sheetName]));
    expect(env.emu.sheetNames()).not.toContain('Managers');
    expect(userView(env.emu.snapshot(copy))).toEqual(before);
  });

  test("the refresh writes the time on the add-on's dashboards only", () => {
    env = addonEnv({ now: '2026-06-15T06:00:00Z', timeZone: 'Europe/Paris' }, workbook(60));
    saveKpis(3, 60, 1);
    const [dash] = generateDashboards(contextOf(env.emu), { layout: 'overall', smartScores: {} });
    const copy = duplicate(dash.sheetName);
    const at = (sheet: string) =>
      env.emu.cell(`${sheet}!${String.fromCharCode(64 + REFRESHED_CELL.column)}${REFRESHED_CELL.row}`).value;
    const stamped = at(copy);
    env.emu.clock.set('2026-06-16T07:30:00Z');
    refreshNow(quiet);
    expect(at(dash.sheetName)).toBe('16/06/2026 09:30');
    expect(at(copy)).toBe(stamped);
  });

  test('storage and history keep using the original when their sheets are copied', () => {
    env = addonEnv(
      { now: '2026-06-15T06:00:00Z', timeZone: 'Europe/Paris' },
      companyWorkbook({ from: '2026-01-01', count: 160 }),
    );
    const sales = saveKpi({
      name: 'CA mensuel',
      unit: '€',
      direction: 'higher',
      frequency: 'monthly',
      source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' },
      baseline: null,
      target: 2000,
    });
    expect(refreshNow(quiet).rowsWritten).toBe(1);
    const kpiSheet = ownedSheetName(env, 'kpis')!;
    const historySheet = ownedSheetName(env, 'history')!;
    const kpiCopy = duplicate(kpiSheet);
    const historyCopy = duplicate(historySheet);
    // Put the copies first, where a search in sheet order would meet them before the originals.
    for (const name of [historyCopy, kpiCopy]) {
      ss().getSheetByName(name)!.activate();
      ss().moveActiveSheet(1);
    }
    const copies = { kpis: env.emu.sheetValues(kpiCopy), history: env.emu.sheetValues(historyCopy) };

    const tickets = saveKpi({});
    expect(
      serverApi
        .bootstrap()
        .kpis.map((k) => k.kpi.id)
        .sort(),
    ).toEqual([sales.id, tickets.id].sort());
    expect(env.emu.sheetValues(kpiSheet)).toHaveLength(3);
    env.emu.clock.set('2026-07-01T06:00:00Z');
    // June for the sales; nothing for the tickets, a single cell never read during a past week.
    expect(refreshNow(quiet).rowsWritten).toBe(1);
    expect(historyRows(env).map((r) => r.period)).toEqual(['2026-05', '2026-06']);
    expect({ kpis: env.emu.sheetValues(kpiCopy), history: env.emu.sheetValues(historyCopy) }).toEqual(copies);
  });

  test('a lone copy whose original the user deleted is adopted: its KPIs are still there', () => {
    env = addonEnv({}, companyWorkbook({ from: '2026-01-01', count: 30 }));
    const kpi = saveKpi({});
    const kpiSheet = ownedSheetName(env, 'kpis')!;
    const copy = duplicate(kpiSheet);
    ss().deleteSheet(ss().getSheetByName(kpiSheet)!);
    expect(serverApi.bootstrap().kpis.map((k) => k.kpi.id)).toEqual([kpi.id]);
    const edited = serverApi.saveKpi({ ...kpi, target: 15 });
    expect(edited.ok).toBe(true);
    expect(env.emu.sheetValues(copy)).toHaveLength(2);
  });
});
