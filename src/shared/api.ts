/**
 * The server API the sidebar calls through google.script.run: one TypeScript type shared by the
 * server (src/addon/api.ts implements it, src/main.ts exposes each method as a top-level function
 * of the same name) and the sidebar (src/sidebar/client.ts turns it into promises). A renamed
 * method or a changed payload breaks the build, not the user.
 *
 * Every payload is plain JSON: numbers, strings, booleans, null, arrays and objects of them.
 * No `Date` (google.script.run fails on one): dates are ISO strings `YYYY-MM-DD`.
 */
import type { Lang } from '../core/i18n/lang';
import type { FieldError, Kpi, KpiSource, Objective } from '../core/kpi/model';
import type { checkSmart } from '../core/kpi/smart';
import type { SourceData } from '../core/kpi/series';
import type { listTemplates } from '../core/kpi/templates';
import type { DashboardLayout } from '../core/dashboard/build';
import type { RunLogEntry, Schedule } from '../core/history/schedule';
import type { KpiStatus } from '../core/kpi/status';

/** Defined in core (where they are decided), re-exported here as part of the API's vocabulary. */
export type { DashboardLayout, KpiStatus, RunLogEntry, Schedule };

/** Computed in the browser (checkSmart, listTemplates are pure and bundled with the sidebar). */
export type SmartReport = ReturnType<typeof checkSmart>;
export type TemplateView = ReturnType<typeof listTemplates>[number];

/** What a form holds before it is valid: every field optional, ids absent for new items. */
export type KpiDraft = Partial<Kpi>;
export type ObjectiveDraft = Partial<Objective>;

/** A stored row that could not be read; kept untouched in its sheet and reported. */
export interface StorageProblem {
  sheet: 'objectives' | 'kpis';
  /** 1-based row number in the storage sheet. */
  row: number;
  id: string | null;
  reason: string;
}

/**
 * A KPI as Home lists it. Its SMART score is computed in the browser from `data` with the
 * shared pure engine (src/core/kpi/smart.ts): the engine and its messages stay out of the
 * server bundle that every custom-function call loads.
 */
export interface KpiSummary {
  kpi: Kpi;
  latest: number | null;
  /** The latest value formatted with its unit, in the user's language ('' when there is none). */
  latestText: string;
  status: KpiStatus;
  /** The source's cells as read, for the SMART checks in the browser. */
  data: SourceData;
  /** Why the source could not be read (unknown sheet…), or null. */
  sourceError: string | null;
}

export interface Settings {
  /** 'auto' follows the user's Google locale. */
  lang: Lang | 'auto';
}

export interface Bootstrap {
  /** The language the sidebar should speak now (settings, else the user's locale). */
  lang: Lang;
  settings: Settings;
  /** Today in the spreadsheet's time zone, ISO. */
  today: string;
  objectives: Objective[];
  kpis: KpiSummary[];
  problems: StorageProblem[];
}

/**
 * How a save is made (#14, items 3 and 4). Both are optional: without them a save writes the
 * whole form and a create gets an id from the server.
 */
export interface SaveOptions<T> {
  /**
   * The item as the form loaded it. Fields the user did not change keep what is stored now (a
   * rename made meanwhile in another window survives); a field changed both here and there is
   * refused with code `changed_meanwhile`, the message showing the newer value.
   */
  base?: T | null;
  /**
   * A create whose id (in the draft) the sidebar made: a retry whose first attempt was saved but
   * whose answer was lost finds that row and answers the same, instead of adding a second one.
   */
  create?: boolean;
}

export type SaveResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };
export type DeleteResult = { ok: true } | { ok: false; message: string };

/** What a source range holds, for the wizard's preview and the SMART checks run in the browser. */
export interface SourceRead {
  /** The normalised A1 reference(s) read. */
  source: KpiSource;
  data: SourceData;
  count: number;
  numbers: number;
  blanks: number;
  texts: number;
  latest: number | null;
  /** A human-readable error (unknown sheet, bad reference…), in the user's language; null when read. */
  error: string | null;
}

export interface SelectionInfo {
  /** `'Sheet name'!B2:B13`, or null when nothing usable is selected. */
  a1: string | null;
  rows: number;
  columns: number;
}

export interface DashboardInfo {
  sheetName: string;
  /** The audience level, or 'overall'. */
  level: 'strategic' | 'tactical' | 'operational' | 'overall';
  kpiCount: number;
}

export interface ScheduleState {
  schedule: Schedule;
  layout: DashboardLayout;
  lastRun: RunLogEntry | null;
  dashboards: DashboardInfo[];
}

export interface ServerApi {
  bootstrap(): Bootstrap;
  saveObjective(draft: ObjectiveDraft, options?: SaveOptions<Objective>): SaveResult<Objective>;
  deleteObjective(id: string): DeleteResult;
  saveKpi(draft: KpiDraft, options?: SaveOptions<Kpi>): SaveResult<Kpi>;
  deleteKpi(id: string): DeleteResult;
  readSelection(): SelectionInfo;
  readSource(source: KpiSource): SourceRead;
  saveSettings(settings: Settings): Settings;
  /**
   * Builds (or rebuilds) the dashboard sheets; the previous ones stay intact if anything fails.
   * `smartScores` (KPI id → 0–100) are the ones the sidebar computed: the SMART engine is not in
   * the server bundle.
   */
  generateDashboards(layout: DashboardLayout, smartScores: Record<string, number>): ScheduleState;
  /** Runs the scheduled refresh now (history snapshot, dashboard header, run log). */
  refreshNow(): RunLogEntry;
  getSchedule(): ScheduleState;
  /** Replaces the document's one time-driven trigger (or removes it for 'off'). */
  setSchedule(schedule: Schedule): ScheduleState;
}

export type ServerMethod = keyof ServerApi;
export const SERVER_METHODS: readonly ServerMethod[] = [
  'bootstrap',
  'saveObjective',
  'deleteObjective',
  'saveKpi',
  'deleteKpi',
  'readSelection',
  'readSource',
  'saveSettings',
  'generateDashboards',
  'refreshNow',
  'getSchedule',
  'setSchedule',
];
