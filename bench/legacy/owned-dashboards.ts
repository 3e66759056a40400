/**
 * Dashboard sheets are found by their developer metadata, never by their name:
 * `boussole.sheet` = `dashboard` (a draft being built: `dashboard-draft`; a replaced one waiting
 * for deletion: `dashboard-retired`), `boussole.dashboard` = the audience level or `overall`,
 * `boussole.kpis` = how many KPIs it shows.
 */
import type { DashboardKey } from './dashboard/plan';
import type { DashboardInfo } from '../../src/shared/api';
import { isUserCopy, OWNER_KEY } from '../../src/addon/owned-sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Metadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

export const DASHBOARD_KIND = 'dashboard';
export const DRAFT_KIND = 'dashboard-draft';
export const RETIRED_KIND = 'dashboard-retired';
export const LEVEL_KEY = 'boussole.dashboard';
export const KPI_COUNT_KEY = 'boussole.kpis';
const KINDS = [DASHBOARD_KIND, DRAFT_KIND, RETIRED_KIND];
const KEYS: readonly string[] = ['strategic', 'tactical', 'operational', 'overall'];

export interface OwnedDashboard {
  sheet: Sheet;
  /** The `boussole.sheet` tag, to flip draft → dashboard → retired. */
  owner: Metadata;
  kind: string;
  key: DashboardKey | null;
  kpiCount: number;
}

/**
 * Every sheet tagged as a dashboard, draft or retired, in sheet order. Two metadata searches,
 * then a few calls per tag found: the cost grows with the number of dashboards, not with data.
 */
export function findDashboards(ss: Spreadsheet): OwnedDashboard[] {
  const found: OwnedDashboard[] = [];
  for (const m of ss.createDeveloperMetadataFinder().withKey(OWNER_KEY).find()) {
    const kind = m.getValue();
    if (kind === null || !KINDS.includes(kind)) continue;
    const sheet = m.getLocation().getSheet();
    // A user's copy of a dashboard is theirs: never replaced, never deleted.
    if (sheet && !isUserCopy(sheet)) found.push({ sheet, owner: m, kind, key: null, kpiCount: 0 });
  }
  if (!found.length) return found;
  const ids = found.map((d) => d.sheet.getSheetId());
  for (const key of [LEVEL_KEY, KPI_COUNT_KEY]) {
    for (const m of ss.createDeveloperMetadataFinder().withKey(key).find()) {
      const sheet = m.getLocation().getSheet();
      const i = sheet ? ids.indexOf(sheet.getSheetId()) : -1;
      if (i < 0) continue;
      const value = m.getValue() ?? '';
      if (key === LEVEL_KEY) found[i].key = KEYS.includes(value) ? (value as DashboardKey) : null;
      else found[i].kpiCount = Number(value) || 0;
    }
  }
  const index = found.map((d) => d.sheet.getIndex());
  return found
    .map((d, i) => ({ d, at: index[i] }))
    .sort((a, b) => a.at - b.at)
    .map((x) => x.d);
}

/** The dashboards in place now (for the sidebar's settings). */
export function listDashboards(ss: Spreadsheet): DashboardInfo[] {
  return findDashboards(ss)
    .filter((d) => d.kind === DASHBOARD_KIND && d.key !== null)
    .map((d) => ({ sheetName: d.sheet.getName(), level: d.key!, kpiCount: d.kpiCount }));
}
