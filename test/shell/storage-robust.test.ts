/**
 * Nothing lost, nothing half-written in the storage sheets (issue #14, items 1–4 and 7): each test
 * failed before its fix.
 */
import type { SheetSnapshot } from '../../emulator';
import { serverApi } from '../../src/addon/api';
import { OWNER_KEY } from '../../src/addon/owned-sheets';
import { addonEnv, salesKpi, salesObjective, salesWorkbook, saved, type AddonEnv } from '../support/addon-env';
import { metadataWithoutIds } from '../unit/dashboard/fixtures';
import { seedIds } from '../unit/history/workbook';

let env: AddonEnv;
let restoreRandom: (() => void) | undefined;
beforeEach(() => {
  restoreRandom = seedIds(); // ids from a seeded generator: runs repeated for each fault position compare equal
});
afterEach(() => {
  env?.close();
  restoreRandom?.();
});

const objectiveDraft = salesObjective;

const kpiDraft = salesKpi;

const ownedName = (kind: string): string | null =>
  env.emu.metadata().find((m) => m.key === OWNER_KEY && m.value === kind)?.sheet ?? null;
const norm = (s: SheetSnapshot) => ({ ...s, sheetId: 0, metadata: metadataWithoutIds(s) });
const state = () => Object.fromEntries(env.emu.sheetNames().map((n) => [n, norm(env.emu.snapshot(n))]));
const attempt = (f: () => unknown): { ok: boolean; error: string } => {
  try {
    const r = f() as { ok?: boolean; errors?: unknown[] };
    return { ok: r?.ok !== false, error: r?.ok === false ? JSON.stringify(r.errors) : '' };
  } catch (e) {
    return { ok: false, error: String(e) };
  }
};

describe('item 1: the first save can no longer break saving for good', () => {
  for (const kind of ['objectives', 'kpis'] as const) {
    test(`${kind}: a fault at every call of the first save leaves no sheet or a complete one, and the next save works`, () => {
      const first = (): { ok: true; value: unknown } | { ok: false; errors: unknown[] } =>
        kind === 'objectives' ? serverApi.saveObjective(objectiveDraft()) : serverApi.saveKpi(kpiDraft());
      // The positions: a clean first save, counted.
      env = addonEnv({}, salesWorkbook());
      const before = state();
      env.emu.calls.reset();
      restoreRandom?.();
      restoreRandom = seedIds();
      saved(first());
      const calls = env.emu.calls.total;
      const after = state();
      env.close();
      expect(calls).toBeGreaterThan(20);
      let untouched = 0;
      for (let k = 1; k <= calls; k++) {
        restoreRandom?.();
        restoreRandom = seedIds();
        env = addonEnv({}, salesWorkbook());
        env.emu.faults.failAt(k, 'Service Spreadsheets timed out');
        const outcome = attempt(first);
        env.emu.faults.clear();
        const now = state();
        if (outcome.ok) expect([k, now]).toEqual([k, after]);
        else {
          expect([k, now]).toEqual([k, before]);
          untouched++;
        }
        // The next save works, in a sheet named as it should be, with its header.
        saved<unknown>(
          kind === 'objectives'
            ? serverApi.saveObjective(objectiveDraft({ title: 'Autre' }))
            : serverApi.saveKpi(kpiDraft({ name: 'Autre' })),
        );
        const name = ownedName(kind)!;
        expect([k, name]).toEqual([k, kind === 'objectives' ? 'Boussole · Objectifs' : 'Boussole · KPI']);
        expect(env.emu.sheetNames().filter((n) => n.startsWith('Boussole')).length).toBe(1);
        expect(env.emu.sheetValues(name)).toHaveLength(outcome.ok ? 3 : 2);
        env.close();
      }
      expect(untouched).toBeGreaterThan(calls / 2);
    });
  }

  test('an untagged sheet left by an interrupted save (header only) is adopted, not duplicated as "(2)"', () => {
    env = addonEnv(
      {},
      { ...salesWorkbook(), 'Boussole · Objectifs': [['id', 'title', 'description', 'horizon', 'level', 'owner']] },
    );
    const o = saved(serverApi.saveObjective(objectiveDraft()));
    expect(env.emu.sheetNames().filter((n) => n.startsWith('Boussole'))).toEqual(['Boussole · Objectifs']);
    expect(ownedName('objectives')).toBe('Boussole · Objectifs');
    expect(serverApi.bootstrap().objectives).toEqual([o]);
  });

  test('a tagged sheet without its header (what the old first save could leave) gets it at the next save', () => {
    env = addonEnv({}, salesWorkbook());
    const sheet = env.emu.spreadsheet.insertSheet('Boussole · Objectifs');
    sheet.addDeveloperMetadata(
      OWNER_KEY,
      'objectives',
      env.emu.services.SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT,
    );
    const o = saved(serverApi.saveObjective(objectiveDraft()));
    expect(env.emu.sheetValues('Boussole · Objectifs')[0]).toEqual([
      'id',
      'title',
      'description',
      'horizon',
      'level',
      'owner',
    ]);
    expect(serverApi.bootstrap().objectives).toEqual([o]);
  });
});

describe("item 2: the user's own columns in the KPI sheet are left exactly as they are", () => {
  test('columns named constructor, toString, __proto__, valueOf, text that looks like a number, a boolean, a percent or a formula', () => {
    env = addonEnv({}, salesWorkbook());
    const a = saved(serverApi.saveKpi(kpiDraft({ name: 'A' })));
    const b = saved(serverApi.saveKpi(kpiDraft({ name: 'B' })));
    const name = ownedName('kpis')!;
    const sheet = env.emu.spreadsheet.getSheetByName(name)!;
    // A column inserted by the user between Boussole's, and five after them.
    sheet.insertColumnAfter(2);
    const width = sheet.getLastColumn();
    sheet.insertColumnsAfter(width, 5);
    sheet.getRange(1, 3).setValue('Commentaire');
    sheet.getRange(1, width + 1, 1, 5).setValues([['constructor', 'toString', '__proto__', 'valueOf', 'Notes']]);
    sheet.getRange(2, 3).setValue("'0123");
    sheet.getRange(3, 3).setValue('=1+1');
    sheet.getRange(2, width + 1, 2, 5).setValues([
      ["'0123", "'TRUE", "'12%", "'=1+1", 42],
      ["'=SUM(A1)", "'1/2/2026", "'-5", "'+33 6 12", "'007"],
    ]);
    const userColumns = [3, ...[1, 2, 3, 4, 5].map((i) => width + i)];
    const userCells = () =>
      userColumns.map((c) => {
        const r = sheet.getRange(2, c, 3, 1);
        return { c, values: r.getValues(), formulas: r.getFormulas(), formats: r.getNumberFormats() };
      });
    const before = userCells();

    saved(serverApi.saveKpi({ ...a, name: 'A renommé', target: 75 }));
    saved(serverApi.saveKpi({ ...b, definition: 'Autre définition' }));
    const c = saved(serverApi.saveKpi(kpiDraft({ name: 'C' })));
    expect(userCells()).toEqual(before);
    expect(before[0].values).toEqual([['0123'], [2], ['']]);
    const boot = serverApi.bootstrap();
    expect(boot.kpis.map((k) => [k.kpi.id, k.kpi.name, k.kpi.target])).toEqual([
      [a.id, 'A renommé', 75],
      [b.id, 'B', 70],
      [c.id, 'C', 70],
    ]);
    expect(boot.problems).toEqual([]);
  });
});

describe('item 3: success once the commit is done; creates made idempotent', () => {
  test('a failure releasing the lock after the row is written is not reported as a failed save', () => {
    env = addonEnv({}, salesWorkbook());
    env.emu.faults.failOn('Lock.releaseLock', 1, 'Service error: Lock');
    const o = saved(serverApi.saveObjective(objectiveDraft()));
    expect(serverApi.bootstrap().objectives).toEqual([o]);
  });

  test('a create with a client-made id, retried after its answer was lost, makes one row', () => {
    env = addonEnv({}, salesWorkbook());
    const draft = kpiDraft({ id: 'kpi_c11e47' });
    const first = saved(serverApi.saveKpi(draft, { create: true }));
    const retry = saved(serverApi.saveKpi(draft, { create: true }));
    expect(retry).toEqual(first);
    expect(first.id).toBe('kpi_c11e47');
    expect(serverApi.bootstrap().kpis).toHaveLength(1);
    // The same id with other content is refused, not overwritten.
    expect(serverApi.saveKpi(kpiDraft({ id: 'kpi_c11e47', name: 'Autre' }), { create: true })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/existe déjà/),
    });
    expect(serverApi.bootstrap().kpis.map((k) => k.kpi.name)).toEqual(['Nouveaux clients par mois']);
  });
});

describe('item 4: two sidebars, one KPI', () => {
  test("B's rename survives A's target change made on the older copy", () => {
    env = addonEnv({}, salesWorkbook());
    const loaded = saved(serverApi.saveKpi(kpiDraft()));
    const inA = { ...loaded };
    const inB = { ...loaded };
    saved(serverApi.saveKpi({ ...inB, name: 'Clients signés' }, { base: inB }));
    const r = saved(serverApi.saveKpi({ ...inA, target: 90 }, { base: inA }));
    expect([r.name, r.target]).toEqual(['Clients signés', 90]);
    expect(serverApi.bootstrap().kpis.map((k) => [k.kpi.name, k.kpi.target])).toEqual([['Clients signés', 90]]);
  });

  test('both change the same field: refused, showing the newer value; nothing written', () => {
    env = addonEnv({}, salesWorkbook());
    const loaded = saved(serverApi.saveKpi(kpiDraft()));
    saved(serverApi.saveKpi({ ...loaded, target: 80 }, { base: loaded }));
    const sheet = state();
    const r = serverApi.saveKpi({ ...loaded, target: 90, owner: 'Inès' }, { base: loaded });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.field, e.code])).toEqual([['target', 'changed_meanwhile']]);
    expect(r.errors[0].message).toMatch(
      /^Cible\s:\smodifié entre-temps ailleurs \(maintenant «\s80\s»\)\s;\s«\s90\s» n.est pas enregistré/,
    );
    expect(state()).toEqual(sheet);
  });
});

describe('item 7', () => {
  test('objectives that cannot be read: the KPI save says so, not "does not exist"', () => {
    env = addonEnv({}, salesWorkbook());
    const o = saved(serverApi.saveObjective(objectiveDraft()));
    const sheet = env.emu.spreadsheet.getSheetByName(ownedName('objectives')!)!;
    sheet.getRange('B1').setValue('Titre'); // the header "title" typed over
    const r = serverApi.saveKpi(kpiDraft({ objectiveId: o.id }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.code)).toEqual(['objectives_unreadable']);
      expect(r.errors[0].message).toMatch(
        /^Objectif\s:\sLa feuille «\sBoussole · Objectifs\s» n'a plus la colonne title/,
      );
    }
    sheet.getRange('B1').setValue('title');
    sheet.getRange('D2').setValue('pas une date'); // the objective's row made unreadable
    const r2 = serverApi.saveKpi(kpiDraft({ objectiveId: o.id }));
    expect(!r2.ok && r2.errors.map((e) => [e.code, /ligne 2/.test(e.message)])).toEqual([
      ['objective_unreadable', true],
    ]);
  });

  test('the KPI sheet lost its tag: reported, found again by its name and header, tagged again by the next save', () => {
    env = addonEnv({}, salesWorkbook());
    const a = saved(serverApi.saveKpi(kpiDraft({ name: 'A' })));
    const name = ownedName('kpis')!;
    for (const m of env.emu.spreadsheet.getSheetByName(name)!.getDeveloperMetadata()) m.remove();
    const boot = serverApi.bootstrap();
    expect(boot.kpis.map((k) => k.kpi.id)).toEqual([a.id]);
    expect(boot.problems).toEqual([
      {
        sheet: 'kpis',
        row: 1,
        id: null,
        reason: expect.stringMatching(/«\sBoussole · KPI\s» avait perdu sa marque.*retrouvée/),
      },
    ]);
    saved(serverApi.saveKpi(kpiDraft({ name: 'B' })));
    expect(env.emu.sheetNames().filter((n) => n.startsWith('Boussole'))).toEqual(['Boussole · KPI']);
    expect(ownedName('kpis')).toBe('Boussole · KPI');
    expect(serverApi.bootstrap().problems).toEqual([]);
  });

  test("storage sheets are named in the spreadsheet's language, whatever the user's locale or a failing Session", () => {
    env = addonEnv({ locale: 'fr_FR', userLocale: 'en' });
    env.emu.faults.failOn('Session.getActiveUserLocale', 1);
    saved(serverApi.saveObjective(objectiveDraft()));
    saved(serverApi.saveKpi(kpiDraft({ source: { kind: 'cell', ref: 'Sheet1!A1' } })));
    expect(ownedName('objectives')).toBe('Boussole · Objectifs');
    expect(ownedName('kpis')).toBe('Boussole · KPI');
  });
});
