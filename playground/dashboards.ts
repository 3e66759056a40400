/**
 * The dashboards and the scheduled refresh, as the playground calls them. INTEGRATION POINT:
 * once `serverApi` (src/addon/api.ts) implements `DashboardApi` (src/shared/api.ts), its methods
 * are used as they are; until then this adapter calls src/addon/dashboard and src/addon/refresh
 * the way the server API will (same context, same "last refreshed" header callback).
 */
import { serverApi } from '../src/addon/api';
import { generateDashboards, listDashboards, refreshDashboardHeaders } from '../src/addon/dashboard';
import { documentLang, getSchedule, refreshNow, runScheduledRefresh, saveDashboardLayout, setSchedule } from '../src/addon/refresh';
import type { DashboardApi, DashboardLayout, RunLogEntry, Schedule, ScheduleState } from '../src/shared/api';
import { clock } from '../src/addon/clock';

const quiet = { log: () => undefined, afterRun: (ss: GoogleAppsScript.Spreadsheet.Spreadsheet, nowText: string) => void refreshDashboardHeaders(ss, nowText) };

function isoIn(timeZone: string): (d: Date) => string {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (d: Date) => f.format(d);
}

const fallback: DashboardApi = {
  generateDashboards(layout: DashboardLayout): ScheduleState {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = ss.getSpreadsheetTimeZone();
    generateDashboards({ ss, lang: documentLang(ss), toIso: isoIn(timeZone), timeZone, now: clock.now() }, { layout });
    saveDashboardLayout(layout);
    return getSchedule({ listDashboards });
  },
  refreshNow(): RunLogEntry {
    return refreshNow(quiet);
  },
  getSchedule(): ScheduleState {
    return getSchedule({ listDashboards });
  },
  setSchedule(schedule: Schedule): ScheduleState {
    return setSchedule(schedule, { listDashboards });
  },
};

const server = serverApi as unknown as Partial<DashboardApi>;

/** The server API's implementation when it has one, else the adapter above. */
export const dashboardApi: DashboardApi = {
  generateDashboards: (layout) => (server.generateDashboards ?? fallback.generateDashboards)(layout),
  refreshNow: () => (server.refreshNow ?? fallback.refreshNow)(),
  getSchedule: () => (server.getSchedule ?? fallback.getSchedule)(),
  setSchedule: (s) => (server.setSchedule ?? fallback.setSchedule)(s),
};

/** What the clock trigger runs (src/main.ts's top-level `runScheduledRefresh`). */
export function scheduledRun(): RunLogEntry {
  return runScheduledRefresh(undefined, quiet);
}
