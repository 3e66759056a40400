/**
 * What a refresh rewrites on the dashboards: the "as of" cell, and every figure (the tiles'
 * values, the table, the chart data), recomputed from the sources and the history just archived.
 * One `Spreadsheets.get`, the reads, one batchUpdate: nothing grows with the KPIs but the
 * cells written. A dashboard whose KPIs changed since it was generated (added, removed,
 * reordered) only gets its "as of" cell: its layout is the generation's to change.
 */
import { buildSheetPlan } from '../../core/dashboard/build';
import type { DashboardKey } from '../../core/dashboard/plan';
import { REFRESHED_CELL } from '../../core/dashboard/layout';
import { isoDateFormatter } from '../../core/i18n/dates';
import type { Lang } from '../../core/i18n/lang';
import { LAYOUT_KEY, ownedDashboards } from './generate';
import { readDashboardData } from './workbook';
import type { ChartSpec } from '../../core/dashboard/plan';
import { blockRequest, chartRequest, chartSignature } from './render';
import { syntaxForLocale } from '../../core/formula';
import { advancedSheets, type SheetInfo, spreadsheetOf } from './sheets-api';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RefreshInfo {
  now: Date;
  timeZone: string;
  lang: Lang;
}

/** Rewrites the dashboards' figures and "as of" cell; returns how many dashboards were updated. */
export function refreshDashboardHeaders(ss: Spreadsheet, nowText: string, info?: RefreshInfo): number {
  const api = advancedSheets();
  const spreadsheetId = ss.getId();
  // With the charts' specs when figures are rewritten: the charts follow them (see below).
  const meta = spreadsheetOf(api, spreadsheetId, { charts: Boolean(info) });
  const { sheets, locale } = meta;
  const dashboards = ownedDashboards(sheets).filter((d) => d.key !== null);
  const sheetIds = new Map(sheets.map((s) => [s.title, s.sheetId]));
  if (!dashboards.length) return 0;
  const asOf = (sheetId: number): gapi.client.sheets.Request =>
    blockRequest(sheetId, {
      id: 'as-of',
      row: REFRESHED_CELL.row,
      column: REFRESHED_CELL.column,
      rows: 1,
      columns: 1,
      values: [[nowText]],
      numberFormats: [['@']],
    });
  const requests: gapi.client.sheets.Request[] = [];
  if (!info) {
    for (const d of dashboards) requests.push(asOf(d.sheetId));
  } else {
    const toIso = isoDateFormatter(info.timeZone);
    const ctx = { ss, lang: info.lang, toIso };
    const { kpis, objectives, figures } = readDashboardData(ctx, api, spreadsheetId, meta, toIso(info.now));
    const byId = new Map(kpis.map((k) => [k.id, k]));
    for (const d of dashboards) {
      const ids = (d.tags.get(LAYOUT_KEY) ?? '').split(',').filter(Boolean);
      const shown = ids.map((id) => byId.get(id));
      const plan = shown.every((k) => k !== undefined)
        ? buildSheetPlan(
            {
              lang: info.lang,
              layout: 'overall',
              objectives,
              kpis,
              figures,
              refreshedText: nowText,
              syntax: syntaxForLocale(locale),
            },
            d.key as DashboardKey,
            shown as NonNullable<(typeof shown)[number]>[],
          )
        : null;
      if (plan && plan.kpiIds.join(',') === ids.join(',')) {
        for (const b of plan.blocks) requests.push(blockRequest(d.sheetId, b));
        requests.push(...chartUpdates(d, plan.charts, sheetIds));
      } else requests.push(asOf(d.sheetId));
    }
  }
  api.Spreadsheets.batchUpdate({ requests }, spreadsheetId);
  return dashboards.length;
}

/**
 * The charts of a dashboard whose figures changed shape since it was generated: a scorecard that
 * now has a previous period to compare with, a trend with more points. Each chart in place is
 * matched to the plan's by its signature and given the plan's spec (`updateChartSpec`, in the
 * same batch); a chart the user deleted is not recreated, one already right is left alone.
 */
function chartUpdates(
  d: SheetInfo,
  charts: readonly ChartSpec[],
  sheetIds: ReadonlyMap<string, number>,
): gapi.client.sheets.Request[] {
  const inPlace = new Map<string, { chartId: number; spec: gapi.client.sheets.ChartSpec }[]>();
  for (const c of d.charts) {
    const key = chartSignature(c.spec);
    inPlace.set(key, [...(inPlace.get(key) ?? []), c]);
  }
  const out: gapi.client.sheets.Request[] = [];
  for (const c of charts) {
    const spec = chartRequest({ sheetId: d.sheetId, sheetIds }, c)?.addChart?.chart?.spec;
    if (!spec) continue;
    const old = inPlace.get(chartSignature(spec))?.shift();
    if (old && JSON.stringify(old.spec) !== JSON.stringify(spec))
      out.push({ updateChartSpec: { chartId: old.chartId, spec } });
  }
  return out;
}

/** "15/06/2026 10:05" (fr) or "2026-06-15 10:05" (en), in the spreadsheet's time zone, without a service call. */
export function refreshedText(now: Date, timeZone: string, lang: Lang): string {
  let p: Record<string, string>;
  try {
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    p = {};
    for (const part of f.formatToParts(now)) p[part.type] = part.value;
  } catch {
    const s = Utilities.formatDate(now, timeZone, 'yyyy-MM-dd HH:mm');
    p = {
      year: s.slice(0, 4),
      month: s.slice(5, 7),
      day: s.slice(8, 10),
      hour: s.slice(11, 13),
      minute: s.slice(14, 16),
    };
  }
  const time = `${p.hour}:${p.minute}`;
  return lang === 'fr' ? `${p.day}/${p.month}/${p.year} ${time}` : `${p.year}-${p.month}-${p.day} ${time}`;
}
