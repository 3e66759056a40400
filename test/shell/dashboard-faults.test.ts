/**
 * Faults: a failure injected at every service call of a render, in turn, leaves the previous
 * dashboards (and every other sheet) exactly as they were, and the next render completes.
 */
import { serverApi } from '../../src/addon/api';
import { generateDashboards, HISTORY_KIND } from '../../src/addon/dashboard';
import { OWNER_KEY } from '../../src/addon/owned-sheets';
import type { DashboardLayout } from '../../src/core/dashboard/build';
import { addonEnv, type AddonEnv } from '../support/addon-env';
import { contextOf, kpiDrafts, saved, withoutIds, workbook } from '../unit/dashboard/fixtures';

let env: AddonEnv;
afterEach(() => env?.close());

const everything = () => env.emu.sheetNames().map((n) => env.emu.snapshot(n));
const normalised = () => everything().map(withoutIds);

/** A small workbook: the cost of a render is in its service calls, and every call is tried. */
function setUp(levels: 1 | 3): void {
  env = addonEnv({}, workbook(14));
  const obj = saved(
    serverApi.saveObjective({
      title: 'Objectif',
      description: '',
      horizon: '2026-12-31',
      level: 'strategic',
      owner: '',
    }),
  );
  // Quarterly: 12 chart points, the smallest render; the categories KPI adds a bar chart.
  const drafts = kpiDrafts(3, 14, [obj.id]).map((d, i) => ({
    ...d,
    frequency: 'quarterly' as const,
    level: (['strategic', 'tactical', 'operational'] as const)[i],
  }));
  for (const d of levels === 1 ? [drafts[2], { ...drafts[0], level: 'operational' as const }] : drafts)
    saved(serverApi.saveKpi(d));
}

/** Injects a fault at call k of a render for every k in `positions(calls)`. */
function faultEveryCall(layout: DashboardLayout, tried: (k: number, calls: number) => boolean = () => true) {
  generateDashboards(contextOf(env.emu), { layout });
  env.emu.calls.reset();
  generateDashboards(contextOf(env.emu), { layout });
  const calls = env.emu.calls.total;
  // Calls up to the batch can fail the render; after it only the focus moves (its failure is ignored).
  const commit = env.emu.calls.log.indexOf('Sheets.Spreadsheets.batchUpdate') + 1;
  expect(commit).toBeGreaterThan(3);
  let failures = 0;
  let before = everything();
  let triedCount = 0;
  for (let k = 1; k <= calls; k++) {
    if (!tried(k, calls)) continue;
    triedCount++;
    env.emu.faults.failAt(k, `fault ${k}`);
    let failed = false;
    try {
      generateDashboards(contextOf(env.emu), { layout });
    } catch (e) {
      failed = true;
      expect(String(e)).toContain(`fault ${k}`);
    }
    env.emu.faults.clear();
    if (failed) {
      failures++;
      // Exactly as before: same sheets, same ids, same cells, charts, formats, tags, protections.
      expect({ k, sheets: everything() }).toEqual({ k, sheets: before });
    } else {
      // The fault hit a clean-up step that was retried or not needed: the new dashboards are complete.
      expect({ k, sheets: normalised() }).toEqual({ k, sheets: before.map(withoutIds) });
      before = everything();
    }
    // The next render completes and gives the same dashboards.
    generateDashboards(contextOf(env.emu), { layout });
    expect({ k, sheets: normalised() }).toEqual({ k, sheets: before.map(withoutIds) });
    before = everything();
  }
  if (process.env.DASHBOARD_FAULTS_LOG)
    console.log(`${layout}: ${calls} calls per render, ${triedCount} tried, ${failures} failed and rolled back`);
  // Every call up to the batch failed the render, and every one of them left the old dashboards in place.
  expect(failures).toBe([...Array(commit).keys()].filter((i) => tried(i + 1, calls)).length);
  // No draft or retired sheet is left behind.
  const kinds = env.emu
    .metadata()
    .filter((m) => m.key === OWNER_KEY)
    .map((m) => m.value);
  expect(kinds.filter((v) => v !== 'dashboard' && v !== HISTORY_KIND && v !== 'objectives' && v !== 'kpis')).toEqual(
    [],
  );
}

test('one dashboard: a fault at any call of a render leaves it exactly as it was', () => {
  setUp(1);
  faultEveryCall('overall');
}, 300_000);

test('three dashboards (one per level): a fault in the commit, or in the build, leaves them as they were', () => {
  setUp(3);
  // Every call (three old and three new sheets trade names, tags and places in the one batch).
  faultEveryCall('by_level');
}, 300_000);
