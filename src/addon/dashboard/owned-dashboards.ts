/** Kept for the modules that list dashboards from here (refresh/schedule.ts): see generate.ts. */
export { listDashboards } from './generate';
