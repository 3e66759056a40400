/**
 * The server side of the sidebar: each method is exposed as a top-level function of the same
 * name (src/main.ts) and called through google.script.run. Thin: reads in batches, hands the
 * data to core/, writes back one row. Errors a person can act on are thrown with a message in
 * the user's language; the sidebar shows them.
 */
import { syntaxForLocale } from '../core/formula/syntax';
import type { Lang } from '../core/i18n/lang';
import { formatA1, parseA1, quoteSheetName } from '../core/kpi/a1';
import { isAggregation } from '../core/kpi/aggregation';
import { type DateOrder, isoDay } from '../core/kpi/dates';
import { changeOf, formatChange, formatValue } from '../core/kpi/format';
import { type ArchivedValue, kpiSeriesOf, seriesPayload } from '../core/kpi/kpi-series';
import {
  FREQUENCIES,
  validateKpi,
  validateObjective,
  type FieldError,
  type Frequency,
  type Kpi,
  type KpiSource,
  type Objective,
  type Validation,
} from '../core/kpi/model';
import { assessKpi } from '../core/kpi/status';
import { parsePeriodKey, periodOfIndex } from '../core/history/periods';
import type { HistoryRow } from '../core/history/rows';
import type {
  Bootstrap,
  ChangeResult,
  DashboardLayout,
  KpiDraft,
  KpiSummary,
  ObjectiveDraft,
  Refusal,
  SaveOptions,
  Schedule,
  ServerApi,
  ReadOptions,
  Settings,
} from '../shared/api';
import { clock } from './clock';
import { isoDateFormatter } from '../core/i18n/dates';
import { userLang } from './locale';
import { readHistory } from './refresh/history-store';
import { type KpiRead, SheetReader } from './sources';
import * as storage from './storage';
import { generateDashboards } from './dashboard';
import * as refresh from './refresh';
import { checkedApi } from './payload';

const SETTINGS_KEY = 'boussole.settings';

export function readSettings(): Settings {
  try {
    const raw = PropertiesService.getUserProperties().getProperty(SETTINGS_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<Settings>) : {};
    return { lang: parsed.lang === 'fr' || parsed.lang === 'en' ? parsed.lang : 'auto' };
  } catch {
    return { lang: 'auto' };
  }
}

export const langOf = (settings: Settings): Lang => (settings.lang === 'auto' ? userLang() : settings.lang);

interface Context extends storage.Storage {
  timeZone: string;
  today: string;
  settings: Settings;
}

function context(): Context {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const settings = readSettings();
  const toIso = isoIn(timeZone);
  return {
    ss,
    timeZone,
    settings,
    lang: langOf(settings),
    today: toIso(clock.now()),
    toIso,
  };
}

/** Dates as ISO days in the spreadsheet's zone, computed locally (one service call per date would add up). */
function isoIn(timeZone: string): (d: Date) => string {
  try {
    return isoDateFormatter(timeZone);
  } catch {
    return (d: Date) => Utilities.formatDate(d, timeZone, 'yyyy-MM-dd');
  }
}

/** Runs a write and turns storage refusals into errors the sidebar shows as they are. */
function guarded<R>(f: () => R): R {
  try {
    return f();
  } catch (e) {
    if (e instanceof storage.StorageError) throw new Error(e.message);
    throw e;
  }
}

/** A single cell's archived periods in its current frequency (the history sheet, read once). */
function archivedOf(history: readonly HistoryRow[] | null, kpi: Kpi): ArchivedValue[] {
  if (!history || kpi.source.kind !== 'cell') return [];
  const out: ArchivedValue[] = [];
  for (const r of history) {
    if (r.kpiId !== kpi.id) continue;
    const p = parsePeriodKey(r.period);
    if (p && p.frequency === kpi.frequency) out.push({ index: p.index, value: r.value });
  }
  return out;
}

/** What Home shows: objectives, KPI summaries (each source read once, in a batch), problems. */
function summaryOf(ctx: Context): Bootstrap {
  const objectives = storage.loadObjectives(ctx);
  const kpis = storage.loadKpis(ctx);
  const reader = new SheetReader(ctx.ss, ctx.toIso);
  // Single cells get their past from the history: read it once, and only when one needs it.
  const history = kpis.items.some(({ item }) => item.source.kind === 'cell')
    ? readHistory(ctx.ss, ctx.lang, ctx.toIso).rows
    : null;
  return {
    lang: ctx.lang,
    settings: ctx.settings,
    today: ctx.today,
    syntax: syntaxForLocale(ctx.ss.getSpreadsheetLocale()),
    objectives: objectives.items.map((x) => x.item),
    kpis: kpis.items.map(({ item }) => summarise(ctx, item, reader.readKpi(item, ctx.lang), reader.dateOrder, history)),
    problems: storage.problemsOf(objectives, kpis),
  };
}

const refused = (message: string, errors: FieldError[] = []): Refusal => ({ ok: false, message, errors });

/**
 * Runs a change: a storage refusal (not found, in use, busy…) or a validation failure is a
 * Refusal; otherwise the stored value with the summary read after the write. The write is
 * committed when `write` returns: a failure reading the summary afterwards must not report the
 * change as failed (#14 item 3: the user would retry and duplicate it), so the answer is then
 * accepted with no summary, and the sidebar reads it with `bootstrap`.
 */
function change<T>(ctx: Context, write: () => Validation<T>): ChangeResult<T> {
  let result: Validation<T>;
  try {
    result = write();
  } catch (e) {
    if (e instanceof storage.StorageError) return { ok: false, message: e.message, errors: [] };
    throw e;
  }
  if (!result.ok) return refused(result.errors.map((e) => e.message).join(' '), result.errors);
  let summary: Bootstrap | null = null;
  try {
    summary = summaryOf(ctx);
  } catch {
    summary = null;
  }
  return { ok: true, value: result.value, summary };
}

/** A KPI's values and status, by the one rule (core/kpi/status.ts). */
export function summarise(
  ctx: Pick<Context, 'lang' | 'today'>,
  kpi: Kpi,
  read: KpiRead,
  dateOrder: DateOrder,
  history: readonly HistoryRow[] | null,
): KpiSummary {
  const today = isoDay(ctx.today) ?? 0;
  const series = kpiSeriesOf(kpi, read.columns, { today, dateOrder, archived: archivedOf(history, kpi) });
  const a = assessKpi(kpi, series, today);
  const fmt = (n: number | null) => (n === null ? '' : formatValue(n, kpi.unit, ctx.lang, kpi.unitLabel));
  const key = (p: { index: number } | null) => (p ? periodOfIndex(p.index, kpi.frequency).key : null);
  const change = a.judged && a.previous ? changeOf(a.judged.value, a.previous.value, kpi.unit) : null;
  return {
    kpi,
    latest: a.current?.value ?? null,
    latestText: fmt(a.current?.value ?? null),
    latestPeriod: key(a.current),
    inProgress: a.currentInProgress,
    judgedPeriod: key(a.judged),
    judgedText: fmt(a.judged?.value ?? null),
    status: a.status,
    progress: a.progress,
    change,
    changeText: change ? formatChange(change, ctx.lang) : '',
    series: seriesPayload(series),
    sourceError: read.error,
  };
}

const methods: ServerApi = {
  bootstrap(): Bootstrap {
    return summaryOf(context());
  },

  saveObjective(draft: ObjectiveDraft, options?: SaveOptions<Objective>) {
    const ctx = context();
    return change(ctx, () =>
      storage.saveObjective(ctx, { draft: { ...draft }, ...options }, (d) => validateObjective(d, ctx.lang)),
    );
  },

  deleteObjective(id: string) {
    const ctx = context();
    return change(ctx, () => {
      storage.deleteObjective(ctx, id);
      return { ok: true, value: id };
    });
  },

  saveKpi(draft: KpiDraft, options?: SaveOptions<Kpi>) {
    const ctx = context();
    return change(ctx, () =>
      storage.saveKpi(ctx, { draft: { ...draft }, ...options }, (d) => validateKpi(d, ctx.lang)),
    );
  },

  deleteKpi(id: string) {
    const ctx = context();
    return change(ctx, () => {
      storage.deleteKpi(ctx, id);
      return { ok: true, value: id };
    });
  },

  readSelection() {
    const range = SpreadsheetApp.getActiveSpreadsheet().getActiveRange();
    if (!range) return { a1: null, rows: 0, columns: 0 };
    const sheetName = range.getSheet().getName();
    const local = parseA1(range.getA1Notation());
    return {
      a1: local ? formatA1({ ...local, sheet: sheetName }) : `${quoteSheetName(sheetName)}!${range.getA1Notation()}`,
      rows: range.getNumRows(),
      columns: range.getNumColumns(),
    };
  },

  readSource(source: KpiSource, options: ReadOptions = {}) {
    const ctx = context();
    const reader = new SheetReader(ctx.ss, ctx.toIso);
    const o = options && typeof options === 'object' ? options : {};
    const frequency = FREQUENCIES.includes(o.frequency as Frequency) ? (o.frequency as Frequency) : 'monthly';
    const draft = {
      source,
      frequency,
      unit: o.unit,
      aggregation: isAggregation(o.aggregation) ? o.aggregation : undefined,
      formula: typeof o.formula === 'string' ? o.formula : undefined,
      templateId: typeof o.templateId === 'string' ? o.templateId : undefined,
    };
    const read = reader.read(source, ctx.lang, draft.formula);
    const today = isoDay(ctx.today) ?? 0;
    const series = kpiSeriesOf({ ...draft, unit: draft.unit ?? 'count' }, read.columns, {
      today,
      dateOrder: reader.dateOrder,
    });
    const last = series.points[series.points.length - 1];
    return { source, series: seriesPayload(series), latest: last ? last.value : null, error: read.error };
  },

  saveSettings(settings: Settings) {
    const clean: Settings = { lang: settings.lang === 'fr' || settings.lang === 'en' ? settings.lang : 'auto' };
    PropertiesService.getUserProperties().setProperty(SETTINGS_KEY, JSON.stringify(clean));
    // Read after the write: the summary is in the language just chosen. The write is the commit:
    // failing to read the context after it is no failure of the change (#14, item 3).
    let ctx: Context;
    try {
      ctx = context();
    } catch {
      return { ok: true, value: clean, summary: null };
    }
    return change(ctx, () => ({ ok: true, value: clean }));
  },

  generateDashboards(layout: DashboardLayout, smartScores: Record<string, number>) {
    const ctx = context();
    const clean: DashboardLayout = layout === 'overall' ? 'overall' : 'by_level';
    // Under the document lock: a second sidebar never sees half a swap. What is returned is read
    // before the generation: once the dashboards are in place nothing can fail the call (#14, item 3).
    return guarded(() =>
      storage.locked(ctx.lang, () => {
        const before = refresh.getSchedule({ listDashboards: () => [] });
        const dashboards = generateDashboards(
          { ...ctx, now: clock.now() },
          { layout: clean, smartScores: smartScores ?? {} },
        );
        // Nothing is written after the batch (#14 item 3): the layout is read back from the
        // dashboards themselves (their level tags, refresh/schedule.ts), so a failure now could only
        // report as failed what is done, or leave it half-recorded.
        return { ...before, layout: clean, dashboards };
      }),
    );
  },

  refreshNow() {
    return refresh.refreshNow();
  },

  getSchedule() {
    return refresh.getSchedule();
  },

  setSchedule(schedule: Schedule) {
    return refresh.setSchedule(schedule);
  },
};

/** Every method's arguments are checked first (payload.ts): a bad payload is answered, never a TypeError. */
export const serverApi: ServerApi = checkedApi(methods, () => langOf(readSettings()));
