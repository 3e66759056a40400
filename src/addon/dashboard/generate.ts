/**
 * Generates the dashboard sheets in ONE Sheets API batchUpdate, which Google applies atomically
 * ("if any request is not valid, the entire update fails and nothing is applied", Sheets API
 * spreadsheets.batchUpdate reference): every new dashboard is added under a temporary name with a
 * chosen sheetId and built completely, the old ones are deleted, and the new ones take their
 * names and places. A failure anywhere leaves the previous dashboards exactly as they were.
 *
 * Service calls, the same for any number of KPIs, source sheets and data rows: the spreadsheet's
 * id, one `Spreadsheets.get` for the sheets' ids, names and tags, one for the storage sheets'
 * cells, one for the sources' and the history's (workbook.ts), the batchUpdate, then moving the
 * focus to the first dashboard (2). A user's copy of a dashboard is theirs: never replaced, never deleted.
 */
import { buildDashboardPlan, type DashboardLayout, type DashboardInput } from '../../core/dashboard/build';
import { syntaxForLocale } from '../../core/formula';
import type { DashboardKey, SheetPlan } from '../../core/dashboard/plan';
import { TEXT } from '../../core/dashboard/text';
import { catalogue, localize } from '../../core/i18n/text';
import type { DashboardInfo } from '../../shared/api';
import { OWNER_KEY, SCHEMA_KEY, SHEET_ID_KEY } from '../owned-sheets';
import { refreshedText } from './headers';
import { sheetRequests } from './render';
import { advancedSheets, type SheetInfo, sheetsOf, spreadsheetOf } from './sheets-api';
import { type DashboardData, readDashboardData } from './workbook';
import type { Storage } from '../storage';

export const DASHBOARD_SCHEMA_VERSION = 2;
export const DASHBOARD_KIND = 'dashboard';
export const LEVEL_KEY = 'boussole.dashboard';
export const KPI_COUNT_KEY = 'boussole.kpis';
/** The KPI ids a dashboard shows, in order: a refresh rewrites its figures only while they match. */
export const LAYOUT_KEY = 'boussole.layout';

export interface DashboardContext extends Storage {
  timeZone: string;
  /** Now, for the "as of" cell. */
  now: Date;
}

export interface GenerateOptions {
  layout: DashboardLayout;
  /** The sidebar's SMART scores: the sidebar shows them; the cockpit has no column for them. */
  smartScores?: Record<string, number>;
}

/** Thrown when there is nothing to build from: the sidebar shows the message as it is. */
export class NothingToGenerate extends Error {}

const NOTHING = catalogue({
  noKpis: {
    fr: "Aucun KPI à afficher : définissez d'abord un KPI (onglet KPI), puis générez les tableaux de bord.",
    en: 'No KPI to show yet: define a KPI first (KPI tab), then generate the dashboards.',
  },
  unreadable: {
    fr: 'La feuille des KPI ne peut pas être lue : ',
    en: 'The KPI sheet cannot be read: ',
  },
});

/** A sheet id no sheet has (the API refuses a taken one): random, checked against the ids listed. */
function freeSheetId(taken: Set<number>): number {
  for (;;) {
    const id = 1 + Math.floor(Math.random() * 2_000_000_000);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

function uniqueName(taken: Set<string>, name: string): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  let candidate = name;
  for (let n = 2; lower.has(candidate.toLowerCase()); n++) candidate = `${name} (${n})`;
  taken.add(candidate);
  return candidate;
}

/** Our dashboards among the sheets (user copies aside: their id tag names another sheet). */
export function ownedDashboards(sheets: readonly SheetInfo[]): (SheetInfo & { key: DashboardKey | null })[] {
  return sheets
    .filter((s) => {
      const owner = s.tags.get(OWNER_KEY);
      const own = s.tags.get(SHEET_ID_KEY);
      return owner?.startsWith(DASHBOARD_KIND) && (own === undefined || own === String(s.sheetId));
    })
    .map((s) => ({ ...s, key: (s.tags.get(LEVEL_KEY) as DashboardKey | undefined) ?? null }));
}

/** What the plan is built from: the stored objectives and KPIs and their figures (workbook.ts). */
export function dashboardInput(
  ctx: DashboardContext,
  layout: DashboardLayout,
  data: DashboardData,
): Omit<DashboardInput, 'syntax'> {
  const { lang } = ctx;
  if (!data.kpis.length && data.kpiProblems.length)
    throw new NothingToGenerate(localize(NOTHING.unreadable, lang) + data.kpiProblems.join(' · '));
  if (!data.kpis.length) throw new NothingToGenerate(localize(NOTHING.noKpis, lang));
  return {
    lang,
    layout,
    objectives: data.objectives,
    kpis: data.kpis,
    figures: data.figures,
    refreshedText: refreshedText(ctx.now, ctx.timeZone, lang),
  };
}

/** Builds the dashboards from the stored objectives and KPIs; returns what is in place afterwards. */
export function generateDashboards(ctx: DashboardContext, options: GenerateOptions): DashboardInfo[] {
  const { ss, lang } = ctx;
  const spreadsheetId = ss.getId();
  const api = advancedSheets();
  const meta = spreadsheetOf(api, spreadsheetId);
  const { sheets, locale } = meta;
  const data = readDashboardData(ctx, api, spreadsheetId, meta, ctx.toIso(ctx.now));
  const input = dashboardInput(ctx, options.layout, data);
  const plan = buildDashboardPlan({ ...input, syntax: syntaxForLocale(locale) });
  const owned = ownedDashboards(sheets);
  const ids = new Map(sheets.map((s) => [s.title, s.sheetId]));
  const names = new Set(sheets.map((s) => s.title));
  const taken = new Set(sheets.map((s) => s.sheetId));
  const requests: gapi.client.sheets.Request[] = [];
  const placed: { plan: SheetPlan; sheetId: number; name: string; old: SheetInfo | null }[] = [];

  // New sheets first, under temporary names, each before the one it replaces (or at the end).
  let added = 0;
  for (const sheetPlan of plan.sheets) {
    const old = owned.find((d) => d.key === sheetPlan.key && !placed.some((p) => p.old === d)) ?? null;
    const sheetId = freeSheetId(taken);
    const temp = uniqueName(names, `${sheetPlan.name} · Boussole ${sheetId}`);
    const index = old ? old.index + added : sheets.length + added;
    added++;
    placed.push({ plan: sheetPlan, sheetId, name: temp, old });
    requests.push(
      ...sheetRequests(
        { sheetId, sheetIds: ids },
        sheetPlan,
        temp,
        index,
        [
          { key: OWNER_KEY, value: DASHBOARD_KIND },
          { key: SCHEMA_KEY, value: String(DASHBOARD_SCHEMA_VERSION) },
          { key: SHEET_ID_KEY, value: String(sheetId) },
          { key: LEVEL_KEY, value: sheetPlan.key },
          { key: KPI_COUNT_KEY, value: String(sheetPlan.kpiIds.length) },
          { key: LAYOUT_KEY, value: sheetPlan.kpiIds.join(',') },
        ],
        localize(TEXT.protection, lang),
      ),
    );
  }
  // Then the swap: every old dashboard goes (those no longer planned too), the new ones take the names.
  for (const d of owned) {
    requests.push({ deleteSheet: { sheetId: d.sheetId } });
    names.delete(d.title);
  }
  for (const p of placed) {
    names.delete(p.name);
    p.name = p.old ? p.old.title : uniqueName(names, p.plan.name);
    names.add(p.name);
    requests.push({ updateSheetProperties: { properties: { sheetId: p.sheetId, title: p.name }, fields: 'title' } });
  }
  api.Spreadsheets.batchUpdate({ requests }, spreadsheetId);
  try {
    ss.getSheetByName(placed[0].name)?.activate();
  } catch {
    /* the dashboards are in place; only the focus did not move */
  }
  return placed.map((p) => ({ sheetName: p.name, level: p.plan.key, kpiCount: p.plan.kpiIds.length }));
}

/** The dashboards in place now (for the sidebar's settings): one `Spreadsheets.get`. */
export function listDashboards(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): DashboardInfo[] {
  return ownedDashboards(sheetsOf(advancedSheets(), ss.getId())).flatMap((d) =>
    d.key === null ? [] : [{ sheetName: d.title, level: d.key, kpiCount: Number(d.tags.get(KPI_COUNT_KEY)) || 0 }],
  );
}
