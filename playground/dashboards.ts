/**
 * The dashboards and the scheduled refresh, as the playground calls them: the server API's own
 * methods, with the SMART scores computed as the sidebar computes them (the engine is not in the
 * server bundle), and the clock trigger's handler.
 */
import { serverApi } from '../src/addon/api';
import { runScheduledRefresh, type ClockEvent } from '../src/addon/refresh';
import type { DashboardLayout, RunLogEntry, Schedule, ScheduleState } from '../src/shared/api';
import { smartScores } from '../src/shared/scores';

export const dashboardApi = {
  generateDashboards(layout: DashboardLayout): ScheduleState {
    return serverApi.generateDashboards(layout, smartScores(serverApi.bootstrap()));
  },
  refreshNow(): RunLogEntry {
    return serverApi.refreshNow();
  },
  getSchedule(): ScheduleState {
    return serverApi.getSchedule();
  },
  setSchedule(schedule: Schedule): ScheduleState {
    return serverApi.setSchedule(schedule);
  },
};

/** What the clock trigger runs (src/main.ts's top-level `runScheduledRefresh`). */
export function scheduledRun(event?: ClockEvent): RunLogEntry {
  return runScheduledRefresh(event, { log: () => undefined });
}
