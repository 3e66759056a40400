/**
 * The server side of the sidebar: each method is exposed as a top-level function of the same
 * name (src/main.ts) and called through google.script.run. Thin: reads in batches, hands the
 * data to core/, writes back one row. Errors a person can act on are thrown with a message in
 * the user's language; the sidebar shows them.
 */
import type { Lang } from '../core/i18n/lang';
import { formatA1, parseA1, quoteSheetName } from '../core/kpi/a1';
import { formatValue } from '../core/kpi/format';
import { validateKpi, validateObjective, type Kpi, type KpiSource, type Objective } from '../core/kpi/model';
import { kpiStatus, PERIOD_DAYS } from '../core/kpi/status';
import { dayIso, isoDay } from '../core/kpi/dates';
import type {
  Bootstrap,
  DashboardLayout,
  KpiDraft,
  KpiSummary,
  ObjectiveDraft,
  SaveOptions,
  Schedule,
  ServerApi,
  Settings,
  SourceRead,
} from '../shared/api';
import { clock } from './clock';
import { isoDateFormatter } from '../core/i18n/dates';
import { userLang } from './locale';
import { SheetReader } from './sources';
import * as storage from './storage';
import { generateDashboards } from './dashboard';
import * as refresh from './refresh';

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

/**
 * Where the way to the target starts: the day the KPI was created when its baseline was entered
 * then; otherwise the first value's date (an undated series: one period per value back from today).
 */
function startOf(kpi: Kpi, read: SourceRead, today: string): string | null {
  if (kpi.baseline !== null && kpi.createdAt) return kpi.createdAt;
  const dates = read.data.dates?.filter((d): d is string => typeof d === 'string' && isoDay(d) !== null);
  if (dates && dates.length) return dates[0];
  const t = isoDay(today);
  if (t === null || read.numbers === 0) return null;
  return dayIso(Math.round(t - (read.count - 1) * PERIOD_DAYS[kpi.frequency]));
}

function summarise(ctx: Context, kpi: Kpi, read: SourceRead): KpiSummary {
  const numbers = read.data.values.filter((v): v is number => typeof v === 'number');
  const { status } = kpiStatus({
    latest: read.latest,
    baseline: kpi.baseline,
    firstValue: numbers.length ? numbers[0] : null,
    target: kpi.target,
    direction: kpi.direction,
    start: startOf(kpi, read, ctx.today),
    deadline: kpi.deadline,
    today: ctx.today,
  });
  return {
    kpi,
    latest: read.latest,
    latestText: read.latest === null ? '' : formatValue(read.latest, kpi.unit, ctx.lang, kpi.unitLabel),
    status,
    data: read.data,
    sourceError: read.error,
  };
}

export const serverApi: ServerApi = {
  bootstrap(): Bootstrap {
    const ctx = context();
    const objectives = storage.loadObjectives(ctx);
    const kpis = storage.loadKpis(ctx);
    const reader = new SheetReader(ctx.ss, ctx.toIso);
    return {
      lang: ctx.lang,
      settings: ctx.settings,
      today: ctx.today,
      objectives: objectives.items.map((x) => x.item),
      kpis: kpis.items.map(({ item }) => summarise(ctx, item, reader.read(item.source, ctx.lang))),
      problems: storage.problemsOf(objectives, kpis),
    };
  },

  saveObjective(draft: ObjectiveDraft, options?: SaveOptions<Objective>) {
    const ctx = context();
    return guarded(() =>
      storage.saveObjective(ctx, { draft: { ...draft }, ...options }, (d) => validateObjective(d, ctx.lang)),
    );
  },

  deleteObjective(id: string) {
    const ctx = context();
    try {
      storage.deleteObjective(ctx, id);
      return { ok: true };
    } catch (e) {
      if (e instanceof storage.StorageError) return { ok: false, message: e.message };
      throw e;
    }
  },

  saveKpi(draft: KpiDraft, options?: SaveOptions<Kpi>) {
    const ctx = context();
    return guarded(() => storage.saveKpi(ctx, { draft: { ...draft }, ...options }, (d) => validateKpi(d, ctx.lang)));
  },

  deleteKpi(id: string) {
    const ctx = context();
    try {
      storage.deleteKpi(ctx, id);
      return { ok: true };
    } catch (e) {
      if (e instanceof storage.StorageError) return { ok: false, message: e.message };
      throw e;
    }
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

  readSource(source: KpiSource) {
    const ctx = context();
    return new SheetReader(ctx.ss, ctx.toIso).read(source, ctx.lang);
  },

  saveSettings(settings: Settings) {
    const clean: Settings = { lang: settings.lang === 'fr' || settings.lang === 'en' ? settings.lang : 'auto' };
    PropertiesService.getUserProperties().setProperty(SETTINGS_KEY, JSON.stringify(clean));
    return clean;
  },

  generateDashboards(layout: DashboardLayout, smartScores: Record<string, number>) {
    const ctx = context();
    const clean: DashboardLayout = layout === 'overall' ? 'overall' : 'by_level';
    // Under the document lock: a scheduled refresh or a second sidebar never sees half a swap.
    guarded(() =>
      storage.locked(ctx.lang, () =>
        generateDashboards({ ...ctx, now: clock.now() }, { layout: clean, smartScores: smartScores ?? {} }),
      ),
    );
    refresh.saveDashboardLayout(clean);
    return refresh.getSchedule();
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
