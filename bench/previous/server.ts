/*
 * The previous design's bootstrap and refresh (main before #10), composed from the verbatim
 * copies beside this file and the storage and history code both designs share, for
 * `npm run bench` to measure against in the same run. Not used by the add-on.
 *
 * Bootstrap sent every KPI's raw cells (dates as ISO text) to the sidebar; the reader formatted
 * every date cell with Intl; the refresh sorted each dated series and placed every row in its
 * period through a Date.
 */
import { isoDateFormatter } from '../../src/core/i18n/dates';
import { formatValue } from '../../src/core/kpi/format';
import type { Kpi } from '../../src/core/kpi/model';
import { kpiStatus, PERIOD_DAYS } from '../../src/core/kpi/status';
import { pendingChanges, pendingFromProperties } from '../../src/core/history/pending';
import { dayIn, isoDateTimeIn } from '../../src/core/history/time';
import { loadKpis, loadObjectives } from '../../src/addon/storage';
import { appendHistory, readHistory } from '../../src/addon/refresh/history-store';
import { clock } from '../../src/addon/clock';
import { dayIso, isoDay } from './dates';
import { planRefresh, type KpiReading } from './due';
import type { SourceData } from './series';
import { SheetReader, type SourceRead } from './sources';

function startOf(kpi: Kpi, read: SourceRead, today: string): string | null {
  if (kpi.baseline !== null && kpi.createdAt) return kpi.createdAt;
  const dates = read.data.dates?.filter((d): d is string => typeof d === 'string' && isoDay(d) !== null);
  if (dates?.length) return dates[0] ?? null;
  const t = isoDay(today);
  if (t === null || read.numbers === 0) return null;
  return dayIso(Math.round(t - (read.count - 1) * PERIOD_DAYS[kpi.frequency]));
}

export interface PreviousSummary {
  kpi: Kpi;
  latest: number | null;
  latestText: string;
  status: string;
  data: SourceData;
  sourceError: string | null;
}

/** The previous `bootstrap()`: objectives, KPIs, and each KPI's raw cells. */
export function previousBootstrap(): { today: string; kpis: PreviousSummary[] } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const toIso = isoDateFormatter(timeZone);
  const today = toIso(clock.now());
  const st = { ss, lang: 'fr' as const, toIso };
  loadObjectives(st);
  const kpis = loadKpis(st);
  const reader = new SheetReader(ss, toIso);
  return {
    today,
    kpis: kpis.items.map(({ item: kpi }) => {
      const read = reader.read(kpi.source, 'fr');
      const numbers = read.data.values.filter((v): v is number => typeof v === 'number');
      const { status } = kpiStatus({
        latest: read.latest,
        baseline: kpi.baseline,
        firstValue: numbers.length ? (numbers[0] ?? null) : null,
        target: kpi.target,
        direction: kpi.direction,
        start: startOf(kpi, read, today),
        deadline: kpi.deadline,
        today,
      });
      return {
        kpi,
        latest: read.latest,
        latestText: read.latest === null ? '' : formatValue(read.latest, kpi.unit, 'fr', kpi.unitLabel),
        status,
        data: read.data,
        sourceError: read.error,
      };
    }),
  };
}

/** The previous refresh's read, decide and commit (no lock, run log or dashboard header: the same in both designs). */
export function previousRefresh(): number {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const toIso = isoDateFormatter(timeZone);
  const props = PropertiesService.getDocumentProperties();
  const kpis = loadKpis({ ss, lang: 'fr', toIso });
  const reader = new SheetReader(ss, toIso);
  const readings: KpiReading[] = kpis.items.map(({ item }) => {
    const read = reader.read(item.source, 'fr');
    return { kpi: item, data: read.data, error: read.error };
  });
  const history = readHistory(ss, 'fr', toIso);
  const allProps = props.getProperties();
  const now = clock.now();
  const plan = planRefresh({
    today: dayIn(timeZone)(now),
    takenAt: isoDateTimeIn(timeZone)(now),
    readings,
    history,
    pending: pendingFromProperties(allProps),
    knownIds: null,
    lang: 'fr',
  });
  if (plan.errors.length) throw new Error(`previous refresh: ${plan.errors[0]}`);
  appendHistory(ss, 'fr', history, plan.rows);
  const changes = pendingChanges(allProps, plan.pending);
  if (Object.keys(changes.set).length) props.setProperties(changes.set);
  for (const key of changes.remove) props.deleteProperty(key);
  return plan.rows.length;
}
