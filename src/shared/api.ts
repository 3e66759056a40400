/**
 * The server API the sidebar calls through google.script.run: one TypeScript type shared by the
 * server (src/addon/api.ts implements it, src/main.ts exposes each method as a top-level function
 * of the same name) and the sidebar (src/sidebar/client.ts turns it into promises). A renamed
 * method or a changed payload breaks the build, not the user.
 *
 * Every payload is plain JSON: numbers, strings, booleans, null, arrays and objects of them.
 * No `Date` (google.script.run fails on one): dates are ISO strings `YYYY-MM-DD`.
 */
import type { FormulaSyntax } from '../core/formula/syntax';
import type { Lang } from '../core/i18n/lang';
import type { FieldError, Frequency, Kpi, KpiSource, Objective, Unit } from '../core/kpi/model';
import type { checkSmart } from '../core/kpi/smart';
import type { Aggregation } from '../core/kpi/aggregation';
import type { Change } from '../core/kpi/format';
import type { SeriesPayload } from '../core/kpi/kpi-series';
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
 * A KPI as Home lists it: its value per period, decided on the server by the one rule
 * (core/kpi/status.ts assessKpi). Its SMART score is computed in the browser from `series`
 * with the shared pure engine (src/core/kpi/smart.ts): the engine and its messages stay out of
 * the server bundle that every custom-function call loads. The series is bounded
 * (PAYLOAD_PERIODS): 200 KPIs over 50,000-row sources stay a few hundred KB.
 */
export interface KpiSummary {
  kpi: Kpi;
  /** The latest period's value (month to date while it runs); null without any. */
  latest: number | null;
  /** The latest value formatted with its unit, in the user's language ('' when there is none). */
  latestText: string;
  /** The latest period's history key (`2026-03`), or null when its period is not known (no value). */
  latestPeriod: string | null;
  /** The latest period is today's and still running: shown as "so far", not judged (unless a stock or a cell). */
  inProgress: boolean;
  /** The period the status is about and its value, formatted. */
  judgedPeriod: string | null;
  judgedText: string;
  status: KpiStatus;
  /** (value − baseline) ÷ (target − baseline) of the judged period; null when unknown. */
  progress: number | null;
  /** The judged period against the one before it (points for percentages), and as text. */
  change: Change | null;
  changeText: string;
  /** One value per period (bounded), with what was read: for SMART and the previews. */
  series: SeriesPayload;
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
  /** How the spreadsheet's locale spells formulas (";" in fr_FR), for the formulas the sidebar shows. */
  syntax: FormulaSyntax;
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
   * refused with code `changed_meanwhile`, the message showing the newer value. The sidebar sends
   * the draft its form made of the item when it opened (fields the form does not show are then
   * untouched, and keep what is stored).
   */
  base?: Partial<T> | null;
  /**
   * A create whose id (in the draft) the sidebar made: a retry whose first attempt was saved but
   * whose answer was lost finds that row and answers the same, instead of adding a second one.
   */
  create?: boolean;
}

/**
 * What every change (save, delete, settings) answers. Accepted: the stored value and the refreshed
 * summary Home shows, so the sidebar needs no second call. Refused: nothing was written; `errors`
 * are the fields to fix (validation), `message` says why in the user's language (a field error,
 * an item not found or still in use, the storage busy…). Refusals are answers, never exceptions:
 * an exception is a failure nobody planned (the sidebar shows it in its banner).
 */
export type ChangeResult<T> = Accepted<T> | Refusal;
export interface Accepted<T> {
  ok: true;
  value: T;
  /** Null when the change was committed but the summary could not be read after it: call `bootstrap`. */
  summary: Bootstrap | null;
}
export interface Refusal {
  ok: false;
  message: string;
  errors: FieldError[];
}

/** What a source holds, per period, for the wizard's preview and the SMART checks run in the browser. */
export interface SourceRead {
  /** The normalised A1 reference(s) read. */
  source: KpiSource;
  /** One value per period by the draft's aggregation and frequency (bounded). */
  series: SeriesPayload;
  /** The latest period's value; null without any. */
  latest: number | null;
  /** A human-readable error (unknown sheet, bad reference…), in the user's language; null when read. */
  error: string | null;
}

/** How the wizard wants a source read: the draft's frequency, aggregation and template formula. */
export interface ReadOptions {
  frequency?: Frequency;
  aggregation?: Aggregation;
  unit?: Unit;
  formula?: string;
  templateId?: string;
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
  /** The document's schedule: one per document, whoever set it. */
  schedule: Schedule;
  /**
   * Whose trigger runs it (a trigger belongs to the user who made it; each user sees only their
   * own): 'you', 'another_user' (the last to set it), or 'nobody' (off, or your trigger is gone:
   * set it again).
   */
  runBy: 'you' | 'another_user' | 'nobody';
  /** You have a trigger in this document that no longer runs the schedule: it removes itself at its next firing. */
  staleTrigger: boolean;
  layout: DashboardLayout;
  lastRun: RunLogEntry | null;
  dashboards: DashboardInfo[];
}

export interface ServerApi {
  bootstrap(): Bootstrap;
  saveObjective(draft: ObjectiveDraft, options?: SaveOptions<Objective>): ChangeResult<Objective>;
  /** Refused while KPIs still point to the objective. The value is the deleted id. */
  deleteObjective(id: string): ChangeResult<string>;
  saveKpi(draft: KpiDraft, options?: SaveOptions<Kpi>): ChangeResult<Kpi>;
  deleteKpi(id: string): ChangeResult<string>;
  readSelection(): SelectionInfo;
  readSource(source: KpiSource, options?: ReadOptions): SourceRead;
  /** The summary comes back in the language just chosen. */
  saveSettings(settings: Settings): ChangeResult<Settings>;
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

/** The methods, for the client and the bundle checks; `METHODS_COMPLETE` below fails to compile when one is missing. */
export const SERVER_METHODS = [
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
] as const satisfies readonly ServerMethod[];

/** `true` when SERVER_METHODS lists every method of ServerApi; otherwise the type of the missing ones. */
type Unlisted = Exclude<ServerMethod, (typeof SERVER_METHODS)[number]>;
export const METHODS_COMPLETE: [Unlisted] extends [never] ? true : Unlisted = true;
