/**
 * A frozen copy of the dashboards as they were before #11 (EmbeddedChartBuilder, ~75 live formulas
 * per KPI under TODAY()), kept for the bench only: `npm run bench` measures it side by side with
 * today's renderer in the same run. Never imported by src/.
 */
/**
 * Generates the dashboard sheets, safely:
 *
 * 1. Leftovers of an interrupted run (drafts, retired dashboards: tagged, so owned) are removed.
 * 2. Every new dashboard is built completely in a draft sheet (tagged `dashboard-draft`), placed
 *    just before the one it replaces. A failure here deletes the drafts: the old dashboards were
 *    not touched.
 * 3. Commit: the old dashboards are tagged `dashboard-retired` and renamed aside, the drafts take
 *    their names (a name the user gave is kept) and the `dashboard` tag. A failure here deletes
 *    the drafts and puts the old names and tags back.
 * 4. The old dashboards are deleted. If the first deletion fails, step 3 is undone as above. A
 *    later one failing (several dashboards) can't bring back the ones already deleted: the new
 *    set is complete, the deletion is retried, and a remaining retired sheet is removed by step 1
 *    of the next run.
 *
 * Only sheets found by their tag are renamed or deleted; the user's sheets are never touched.
 */
import { buildDashboardPlan, type DashboardLayout } from './dashboard/build';
import type { DashboardKey, SheetPlan } from './dashboard/plan';
import { TEXT } from './dashboard/text';
import type { DashboardInfo } from '../../src/shared/api';
import { OWNER_KEY, tagOwnedSheet } from '../../src/addon/owned-sheets';
import { loadKpis, loadObjectives, type Storage } from '../../src/addon/storage';
import { refreshedText } from '../../src/addon/dashboard/headers';
import { ensureHistorySheet } from '../../src/addon/dashboard/history-sheet';
import {
  DASHBOARD_KIND,
  DRAFT_KIND,
  findDashboards,
  KPI_COUNT_KEY,
  LEVEL_KEY,
  RETIRED_KIND,
  type OwnedDashboard,
} from './owned-dashboards';
import { renderSheetPlan } from './render';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Metadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

export const DASHBOARD_SCHEMA_VERSION = 1;

export interface DashboardContext extends Storage {
  timeZone: string;
  /** Now, for the "last refreshed" cell. */
  now: Date;
}

export interface GenerateOptions {
  layout: DashboardLayout;
  /**
   * SMART scores (0–100) by KPI id, as the sidebar computed them: the SMART engine is not in the
   * server bundle. Absent scores show as blank.
   */
  smartScores?: Record<string, number>;
}

interface Draft {
  plan: SheetPlan;
  sheet: Sheet;
  owner: Metadata | null;
  old: OwnedDashboard | null;
  name: string;
}

/** Runs each step even if one fails: used to clean up after a failure, where the first error is the one to report. */
function bestEffort(steps: (() => void)[]): void {
  for (const step of steps) {
    try {
      step();
    } catch {
      /* keep cleaning */
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

/** Builds the dashboards from the stored objectives and KPIs; returns what is in place afterwards. */
export function generateDashboards(ctx: DashboardContext, options: GenerateOptions): DashboardInfo[] {
  const { ss, lang } = ctx;
  const objectives = loadObjectives(ctx).items.map((x) => x.item);
  const kpis = loadKpis(ctx).items.map((x) => x.item);
  const historySheet = kpis.some((k) => k.source.kind === 'cell') ? ensureHistorySheet(ss, lang).getName() : null;
  const plan = buildDashboardPlan({
    lang,
    layout: options.layout,
    objectives,
    kpis,
    smartScores: options.smartScores,
    historySheet,
    refreshedText: refreshedText(ctx.now, ctx.timeZone, lang),
  });

  // 1. Leftovers of an interrupted run.
  let owned = findDashboards(ss);
  const leftovers = owned.filter((d) => d.kind !== DASHBOARD_KIND);
  for (const d of leftovers) ss.deleteSheet(d.sheet);
  owned = owned.filter((d) => d.kind === DASHBOARD_KIND);

  const active = ss.getActiveSheet();
  const names = new Set(ss.getSheets().map((s) => s.getName()));
  const olds = owned.map((d) => ({ d, name: d.sheet.getName() }));
  const oldFor = (key: DashboardKey) => olds.find((o) => o.d.key === key) ?? null;

  // 2. Build every draft completely.
  const drafts: Draft[] = [];
  const dropDrafts = () => bestEffort(drafts.map((x) => () => ss.deleteSheet(x.sheet)));
  try {
    for (const sheetPlan of plan.sheets) {
      const old = oldFor(sheetPlan.key);
      const at = old ? old.d.sheet.getIndex() - 1 : ss.getNumSheets();
      const draftName = uniqueName(names, `${sheetPlan.name} · Boussole…`);
      const sheet = ss.insertSheet(draftName, at);
      const draft: Draft = { plan: sheetPlan, sheet, owner: null, old: old?.d ?? null, name: draftName };
      drafts.push(draft);
      const visibility = SpreadsheetApp.DeveloperMetadataVisibility.PROJECT;
      tagOwnedSheet(sheet, DRAFT_KIND, DASHBOARD_SCHEMA_VERSION);
      sheet.addDeveloperMetadata(LEVEL_KEY, sheetPlan.key, visibility);
      sheet.addDeveloperMetadata(KPI_COUNT_KEY, String(sheetPlan.kpiIds.length), visibility);
      draft.owner = sheet.createDeveloperMetadataFinder().withKey(OWNER_KEY).find()[0] ?? null;
      if (!draft.owner) throw new Error('dashboard: the draft lost its tag');
      renderSheetPlan(ss, sheet, sheetPlan);
      sheet.protect().setWarningOnly(true).setDescription(TEXT.protection[lang]);
    }
  } catch (e) {
    dropDrafts();
    bestEffort([() => active.activate()]);
    throw e;
  }

  // 3. Commit: old ones aside, drafts in their place.
  const undo: (() => void)[] = [];
  const rollback = () => {
    dropDrafts();
    bestEffort(undo.reverse());
    bestEffort([() => active.activate()]);
  };
  try {
    for (const o of olds) {
      o.d.owner.setValue(RETIRED_KIND);
      undo.push(() => o.d.owner.setValue(DASHBOARD_KIND));
      o.d.sheet.setName(
        uniqueName(names, `${o.name} · ${lang === 'fr' ? 'ancienne version' : 'old version'}`.slice(0, 90)),
      );
      undo.push(() => o.d.sheet.setName(o.name));
    }
    for (const o of olds) names.delete(o.name);
    for (const d of drafts) {
      const name = d.old ? olds.find((o) => o.d === d.old)!.name : uniqueName(names, d.plan.name);
      names.add(name);
      d.sheet.setName(name);
      d.name = name;
      d.owner!.setValue(DASHBOARD_KIND);
    }
  } catch (e) {
    rollback();
    throw e;
  }

  // 4. Delete the old ones. Undoable until the first deletion has happened.
  let deleted = 0;
  for (const o of olds) {
    try {
      ss.deleteSheet(o.d.sheet);
      deleted++;
    } catch (e) {
      if (deleted === 0) {
        rollback();
        throw e;
      }
      bestEffort([() => ss.deleteSheet(o.d.sheet)]);
    }
  }
  bestEffort([() => (drafts[0] ? drafts[0].sheet.activate() : active.activate())]);
  return drafts.map((d) => ({ sheetName: d.name, level: d.plan.key, kpiCount: d.plan.kpiIds.length }));
}
