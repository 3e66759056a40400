/** The "last refreshed" cell of every dashboard, rewritten by each refresh. */
import { REFRESHED_CELL } from '../../core/dashboard/layout';
import type { Lang } from '../../core/i18n/lang';
import { findOwnedSheets } from '../owned-sheets';
import { DASHBOARD_KIND } from './owned-dashboards';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Writes `nowText` in the refreshed cell of each dashboard (and nothing else): one metadata
 * search, then one range and one write per dashboard. Returns how many were updated.
 */
export function refreshDashboardHeaders(ss: Spreadsheet, nowText: string): number {
  const sheets = findOwnedSheets(ss, DASHBOARD_KIND, true);
  for (const sheet of sheets) sheet.getRange(REFRESHED_CELL.row, REFRESHED_CELL.column).setValue(nowText);
  return sheets.length;
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
