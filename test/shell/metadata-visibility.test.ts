/**
 * Developer metadata visibility (issue #9, "Metadata"). PROJECT-visible metadata "is only visible
 * to and accessible by the developer project that created the metadata" (Apps Script reference,
 * DeveloperMetadataVisibility), and an add-on is published from a standard Cloud project, not the
 * default one its script had (Google Workspace add-ons, "Publish an add-on"). The emulator models
 * the project; Emulator.setCloudProject is the move publishing makes.
 */
import { serverApi } from '../../src/addon/api';
import { OWNER_KEY, SCHEMA_KEY, SHEET_ID_KEY } from '../../src/addon/owned-sheets';
import { refreshNow } from '../../src/addon/refresh';
import { addonEnv, type AddonEnv } from '../support/addon-env';
import { companyWorkbook, historyRows, saveKpi, seedIds } from '../unit/history/workbook';

let env: AddonEnv;
afterEach(() => env?.close());
const quiet = { log: () => {} };

function setUp(): void {
  env = addonEnv(
    { now: '2026-06-15T06:00:00Z', timeZone: 'Europe/Paris' },
    companyWorkbook({ from: '2026-01-01', count: 160 }),
  );
  const restore = seedIds();
  saveKpi({});
  saveKpi({
    name: 'CA',
    frequency: 'monthly',
    direction: 'higher',
    source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' },
  });
  restore();
}

test('every tag Boussole writes is DOCUMENT-visible', () => {
  setUp();
  expect(refreshNow(quiet).errors).toEqual([]);
  serverApi.generateDashboards('overall', {});
  const ours = env.emu.metadata().filter((m) => m.key.startsWith('boussole.'));
  expect(ours.length).toBeGreaterThan(8);
  expect(ours.filter((m) => m.visibility !== 'DOCUMENT')).toEqual([]);
});

test('after publishing (another Cloud project) the add-on finds its sheets: no KPI lost, no "(2)" sheet', () => {
  setUp();
  expect(refreshNow(quiet).rowsWritten).toBe(1);
  serverApi.generateDashboards('overall', {});
  const sheetsBefore = env.emu.sheetNames();

  env.emu.setCloudProject('boussole-marketplace');
  const boot = serverApi.bootstrap();
  expect(boot.kpis.map((k) => k.kpi.name)).toEqual(['Tickets ouverts', 'CA']);
  saveKpi({ name: 'NPS', source: { kind: 'cell', ref: "'Support'!B4" } });
  env.emu.clock.set('2026-07-01T06:00:00Z');
  expect(refreshNow(quiet).errors).toEqual([]);
  serverApi.generateDashboards('overall', {});
  expect(env.emu.sheetNames()).toEqual(sheetsBefore);
  // The same history sheet: the row of the first run is still its first row.
  expect(historyRows(env)[0]).toMatchObject({ period: '2026-05' });
  expect(historyRows(env).length).toBeGreaterThan(1);
  expect(new Set(historyRows(env).map((r) => `${r.kpiId} ${r.period}`)).size).toBe(historyRows(env).length);
});

test('PROJECT tags of an earlier version are read, and made DOCUMENT-visible by the next save', () => {
  setUp();
  // As an earlier version tagged them: the same tags, PROJECT-visible.
  for (const m of env.emu.services.SpreadsheetApp.getActiveSpreadsheet().createDeveloperMetadataFinder().find())
    if (m.getKey().startsWith('boussole.'))
      m.setVisibility(env.emu.services.SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
  expect(env.emu.metadata().filter((m) => m.visibility === 'PROJECT').length).toBeGreaterThan(0);

  // Same project: everything is read.
  expect(serverApi.bootstrap().kpis).toHaveLength(2);
  // A save (under the document lock) promotes them.
  saveKpi({ name: 'NPS', source: { kind: 'cell', ref: "'Support'!B4" } });
  const ours = env.emu.metadata().filter((m) => [OWNER_KEY, SCHEMA_KEY, SHEET_ID_KEY].includes(m.key));
  expect(ours.filter((m) => m.visibility !== 'DOCUMENT')).toEqual([]);

  env.emu.setCloudProject('boussole-marketplace');
  expect(serverApi.bootstrap().kpis).toHaveLength(3);
});
