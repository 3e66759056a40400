import { serverApi } from '../../src/addon/api';
import { OWNER_KEY } from '../../src/addon/owned-sheets';
import type { Kpi, Objective } from '../../src/core/kpi/model';
import { addonEnv, salesKpi, salesObjective, salesWorkbook, saved, type AddonEnv } from '../support/addon-env';

let env: AddonEnv;
afterEach(() => env?.close());

const objectiveDraft = salesObjective;

const kpiDraft = (objectiveId: string, over: Partial<Kpi> = {}): Partial<Kpi> =>
  salesKpi({ objectiveId, definition: 'Nombre de clients signés dans le mois, hors renouvellements', ...over });

function ownedSheetName(env: AddonEnv, kind: string): string {
  const m = env.emu.metadata().find((x) => x.key === OWNER_KEY && x.value === kind);
  if (!m?.sheet) throw new Error(`no ${kind} sheet`);
  return m.sheet;
}

describe('objectives and KPIs in sheets the add-on owns', () => {
  test('create, reopen, edit, delete', () => {
    env = addonEnv({}, salesWorkbook());
    const obj = saved(serverApi.saveObjective(objectiveDraft()));
    expect(obj.id).toMatch(/^obj_[0-9a-f]{6}$/);
    const kpi = saved(serverApi.saveKpi(kpiDraft(obj.id)));
    expect(kpi.id).toMatch(/^kpi_[0-9a-f]{6}$/);

    // Reopen: a fresh read finds them intact.
    let boot = serverApi.bootstrap();
    expect(boot.objectives).toEqual([obj]);
    expect(boot.kpis.map((k) => k.kpi)).toEqual([kpi]);
    expect(boot.kpis[0].latest).toBe(51);
    // Created today with its baseline: the way to the target starts today, so it is on track.
    expect(kpi.createdAt).toBe('2026-06-15');
    expect(boot.kpis[0].status).toBe('on_track');
    expect(boot.kpis[0].series.values).toHaveLength(12);
    expect(boot.problems).toEqual([]);

    // Edit keeps the id and the row.
    env.emu.clock.advance({ days: 40 });
    const edited = saved(
      serverApi.saveKpi({ ...kpi, target: 80, name: 'Clients signés par mois', createdAt: '2020-01-01' }),
    );
    expect(edited.id).toBe(kpi.id);
    expect(edited.createdAt).toBe('2026-06-15'); // kept by storage, not taken from the form
    const sheet = ownedSheetName(env, 'kpis');
    expect(env.emu.sheetValues(sheet)).toHaveLength(2);
    boot = serverApi.bootstrap();
    expect(boot.kpis[0].kpi.target).toBe(80);
    expect(boot.kpis[0].kpi.name).toBe('Clients signés par mois');

    // An objective with KPIs can't be deleted; the KPI can, then the objective.
    const refused = serverApi.deleteObjective(obj.id);
    expect(refused).toEqual({ ok: false, message: expect.stringContaining('encore 1 KPI'), errors: [] });
    // A change answers with the summary Home then shows: one round trip.
    const deletedKpi = serverApi.deleteKpi(kpi.id);
    expect(deletedKpi).toMatchObject({ ok: true, value: kpi.id });
    expect(deletedKpi.ok && deletedKpi.summary?.kpis).toEqual([]);
    const deletedObjective = serverApi.deleteObjective(obj.id);
    expect(deletedObjective).toMatchObject({ ok: true, value: obj.id });
    expect(deletedObjective.ok && deletedObjective.summary?.objectives).toEqual([]);
    boot = serverApi.bootstrap();
    expect(boot.objectives).toEqual([]);
    expect(boot.kpis).toEqual([]);
  });

  test('storage sheets are tagged, warning-protected, and found by the tag even when renamed', () => {
    env = addonEnv({}, salesWorkbook());
    const obj = saved(serverApi.saveObjective(objectiveDraft()));
    saved(serverApi.saveKpi(kpiDraft(obj.id)));
    const name = ownedSheetName(env, 'kpis');
    expect(name).toBe('Boussole · KPI');
    const protection = env.emu.protections().find((p) => p.sheet === name);
    expect(protection).toMatchObject({ warningOnly: true });
    env.emu.spreadsheet.getSheetByName(name)!.setName('Mes indicateurs');
    const boot = serverApi.bootstrap();
    expect(boot.kpis).toHaveLength(1);
    expect(boot.problems).toEqual([]);
  });

  test("a user's sheet with the same name is never touched", () => {
    env = addonEnv({}, { ...salesWorkbook(), 'Boussole · Objectifs': [['mes notes'], ['=1+1']] });
    const before = env.emu.snapshot('Boussole · Objectifs');
    saved(serverApi.saveObjective(objectiveDraft()));
    expect(env.emu.snapshot('Boussole · Objectifs')).toEqual(before);
    expect(ownedSheetName(env, 'objectives')).toBe('Boussole · Objectifs (2)');
  });

  test('hostile text is stored and read back as text, never as a formula', () => {
    env = addonEnv({}, salesWorkbook());
    const obj = saved(
      serverApi.saveObjective(
        objectiveDraft({ title: '=IMPORTXML("http://x.example","//a")', owner: '+33 6 12 34 56 78' }),
      ),
    );
    const kpi = saved(
      serverApi.saveKpi(
        kpiDraft(obj.id, { name: '@x', definition: '-1 est le pire =HYPERLINK("http://x")', owner: "'quoted" }),
      ),
    );
    const objectives = ownedSheetName(env, 'objectives');
    const kpis = ownedSheetName(env, 'kpis');
    expect(env.emu.sheetFormulas(objectives).flat().filter(Boolean)).toEqual([]);
    expect(env.emu.sheetFormulas(kpis).flat().filter(Boolean)).toEqual([]);
    const boot = serverApi.bootstrap();
    expect(boot.objectives[0].title).toBe('=IMPORTXML("http://x.example","//a")');
    expect(boot.objectives[0].owner).toBe('+33 6 12 34 56 78');
    expect(boot.kpis[0].kpi).toEqual(kpi);
  });

  test('invalid drafts come back as field errors in the user language, and nothing is written', () => {
    env = addonEnv({}, salesWorkbook());
    const r = serverApi.saveKpi({ name: '', unit: 'count' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['name', 'direction', 'deadline']));
    expect(r.errors.find((e) => e.field === 'name')!.message).toMatch(/^Nom\s:\sobligatoire/u);
    expect(env.emu.metadata().filter((m) => m.key === OWNER_KEY)).toEqual([]);
  });

  test('a KPI pointing at an unknown objective is refused', () => {
    env = addonEnv({ locale: 'en_US', userLocale: 'en' }, salesWorkbook());
    const r = serverApi.saveKpi(kpiDraft('obj_nothere'));
    expect(r).toEqual({
      ok: false,
      message: 'Objective: "obj_nothere" does not exist; pick an objective from the list.',
      errors: [
        expect.objectContaining({
          field: 'objectiveId',
          message: 'Objective: "obj_nothere" does not exist; pick an objective from the list.',
        }),
      ],
    });
  });

  test('English sheet names and messages for an English user', () => {
    env = addonEnv({ locale: 'en_US', userLocale: 'en' }, salesWorkbook());
    const obj = saved(serverApi.saveObjective(objectiveDraft()));
    saved(serverApi.saveKpi(kpiDraft(obj.id)));
    expect(ownedSheetName(env, 'kpis')).toBe('Boussole · KPIs');
    expect(serverApi.deleteObjective(obj.id)).toEqual({
      ok: false,
      message: expect.stringContaining('still has 1 KPI'),
      errors: [],
    });
  });

  test('a save waits for another execution holding the lock, then says so plainly', () => {
    env = addonEnv({}, salesWorkbook());
    const release = env.emu.holdDocumentLock({ until: 60_000 });
    expect(serverApi.saveObjective(objectiveDraft())).toMatchObject({
      ok: false,
      message: expect.stringContaining('Un autre enregistrement est en cours'),
    });
    release();
    expect(serverApi.saveObjective(objectiveDraft()).ok).toBe(true);
  });
});

describe('corrupted storage: broken rows are reported with their row and kept; the others load', () => {
  function seeded(): { env: AddonEnv; obj: Objective; kpis: Kpi[]; sheet: string } {
    const e = addonEnv({ locale: 'en_US', userLocale: 'en' }, salesWorkbook());
    const obj = saved(serverApi.saveObjective(objectiveDraft()));
    const kpis = [1, 2, 3].map((i) => saved(serverApi.saveKpi(kpiDraft(obj.id, { name: `KPI number ${i}` }))));
    env = e;
    return { env: e, obj, kpis, sheet: ownedSheetName(e, 'kpis') };
  }

  test('text in a number column', () => {
    const { kpis, sheet } = seeded();
    const s = env.emu.spreadsheet.getSheetByName(sheet)!;
    const targetCol = (env.emu.sheetValues(sheet)[0] as string[]).indexOf('target') + 1;
    s.getRange(3, targetCol).setValue('soixante-dix');
    const before = env.emu.snapshot(sheet);
    const boot = serverApi.bootstrap();
    expect(boot.kpis.map((k) => k.kpi.id)).toEqual([kpis[0].id, kpis[2].id]);
    expect(boot.problems).toEqual([
      { sheet: 'kpis', row: 3, id: kpis[1].id, reason: expect.stringContaining('"soixante-dix" is not a number') },
    ]);
    // Saving another KPI leaves the broken row exactly as it was.
    saved(serverApi.saveKpi({ ...kpis[0], target: 99 }));
    const after = env.emu.snapshot(sheet);
    expect(after.values[2]).toEqual(before.values[2]);
    // The broken KPI can't be edited from the sidebar until the row is fixed.
    expect(serverApi.saveKpi({ ...kpis[1], target: 1 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('Row 3 holding'),
    });
  });

  test('a deleted column: every row reported, saving refused, nothing overwritten', () => {
    const { obj, sheet } = seeded();
    const s = env.emu.spreadsheet.getSheetByName(sheet)!;
    const col = (env.emu.sheetValues(sheet)[0] as string[]).indexOf('deadline') + 1;
    s.deleteColumn(col);
    const before = env.emu.snapshot(sheet);
    const boot = serverApi.bootstrap();
    expect(boot.kpis).toEqual([]);
    expect(boot.problems.map((p) => p.row)).toEqual([2, 3, 4]);
    expect(boot.problems[0].reason).toContain('the column "deadline" is missing');
    expect(serverApi.saveKpi(kpiDraft(obj.id))).toMatchObject({
      ok: false,
      message: expect.stringContaining('lost the column deadline'),
    });
    expect(env.emu.snapshot(sheet)).toEqual(before);
  });

  test('a sheet from before the aggregation: its KPIs load with a default, and the next save adds the columns', () => {
    const { obj, kpis, sheet } = seeded();
    const s = env.emu.spreadsheet.getSheetByName(sheet)!;
    const header = () => env.emu.sheetValues(sheet)[0] as string[];
    for (const key of ['sourceDenominator', 'aggregation']) s.deleteColumn(header().indexOf(key) + 1);
    const before = env.emu.snapshot(sheet);
    const boot = serverApi.bootstrap();
    expect(boot.problems).toEqual([]);
    expect(boot.kpis.map((k) => k.kpi.aggregation)).toEqual(['sum', 'sum', 'sum']); // counts add up
    expect(env.emu.snapshot(sheet)).toEqual(before); // reading changes nothing
    const avg = saved(serverApi.saveKpi({ ...kpis[1], aggregation: 'average' }));
    expect(header().slice(-2)).toEqual(['aggregation', 'sourceDenominator']);
    // Every other cell as it was; the edited row gains its aggregation.
    expect(env.emu.sheetValues(sheet).slice(1)).toEqual(
      before.values.slice(1).map((r, i) => [...r, ...(i === 1 ? ['average', ''] : ['', ''])]),
    );
    const again = serverApi.bootstrap();
    expect(again.kpis.map((k) => [k.kpi.id, k.kpi.aggregation])).toEqual([
      [kpis[0].id, 'sum'],
      [avg.id, 'average'],
      [kpis[2].id, 'sum'],
    ]);
    expect(obj.id).toBeTruthy();
  });

  test('a duplicated id: the second row is reported, the first loads', () => {
    const { kpis, sheet } = seeded();
    const s = env.emu.spreadsheet.getSheetByName(sheet)!;
    s.getRange(4, 1).setValue(kpis[0].id);
    const boot = serverApi.bootstrap();
    expect(boot.kpis.map((k) => k.kpi.id)).toEqual([kpis[0].id, kpis[1].id]);
    expect(boot.problems).toEqual([
      { sheet: 'kpis', row: 4, id: kpis[0].id, reason: `duplicate id "${kpis[0].id}" (already on row 2)` },
    ]);
  });

  test('a source on a sheet that no longer exists is reported on its KPI, not as a crash', () => {
    const { kpis } = seeded();
    saved(serverApi.saveKpi({ ...kpis[0], source: { kind: 'cell', ref: "'Disparu'!B2" } }));
    const boot = serverApi.bootstrap();
    expect(boot.kpis[0].sourceError).toBe('There is no sheet named "Disparu".');
    expect(boot.kpis[0].status).toBe('no_data');
  });
});

describe('service calls stay constant as KPIs grow from 5 to 200', () => {
  function callsFor(n: number): { list: number; save: number; boot: number } {
    const e = addonEnv({}, salesWorkbook(24));
    env = e;
    const obj = saved(serverApi.saveObjective(objectiveDraft()));
    // Seed n KPIs directly in one batch, as a restored copy of the file would hold them.
    saved(serverApi.saveKpi(kpiDraft(obj.id)));
    const sheet = e.emu.spreadsheet.getSheetByName(ownedSheetName(e, 'kpis'))!;
    const row = sheet.getRange(2, 1, 1, sheet.getLastColumn()).getValues()[0];
    const rows = Array.from({ length: n - 1 }, (_, i) => row.map((v, c) => (c === 0 ? `kpi_seed${i}` : v)));
    if (rows.length) sheet.getRange(3, 1, rows.length, row.length).setValues(rows);
    e.emu.calls.reset();
    const boot = serverApi.bootstrap();
    expect(boot.kpis).toHaveLength(n);
    const bootCalls = e.emu.calls.total;
    e.emu.calls.reset();
    saved(serverApi.saveKpi({ ...boot.kpis[n - 1].kpi, target: 90 }));
    const save = e.emu.calls.total;
    e.emu.calls.reset();
    saved(serverApi.saveKpi(kpiDraft(obj.id)));
    const create = e.emu.calls.total;
    e.close();
    return { list: bootCalls, save, boot: create };
  }

  test('listing (bootstrap) and saving cost the same number of calls for 5 and 200 KPIs', () => {
    const five = callsFor(5);
    const many = callsFor(200);
    console.log(
      `service calls — bootstrap: ${five.list} (5 KPIs) vs ${many.list} (200 KPIs); edit: ${five.save} vs ${many.save}; create: ${five.boot} vs ${many.boot}`,
    );
    expect(many).toEqual(five);
  });
});
