/**
 * Where the refresh keeps its small state: document properties (the schedule, the dashboard
 * layout, the spreadsheet id, the last run, the pending observations) and, per user, which
 * document each of their refresh triggers serves.
 */
import {
  parseConfig,
  parseRunLogEntry,
  serializeConfig,
  serializeRunLogEntry,
  type RefreshConfig,
} from '../../core/history/schedule';
import type { DashboardLayout, RunLogEntry } from '../../shared/api';

export const CONFIG_KEY = 'boussole.refresh';
export const LAST_RUN_KEY = 'boussole.lastRun';
/** User property per trigger: `boussole.trigger.<uniqueId>` = spreadsheet id (a fallback when document properties are unavailable). */
export const TRIGGER_DOC_PREFIX = 'boussole.trigger.';

type Properties = GoogleAppsScript.Properties.Properties;

export const documentProperties = (): Properties => PropertiesService.getDocumentProperties();

export function readConfig(props: Properties = documentProperties()): RefreshConfig {
  return parseConfig(props.getProperty(CONFIG_KEY));
}

export function writeConfig(config: RefreshConfig, props: Properties = documentProperties()): void {
  props.setProperty(CONFIG_KEY, serializeConfig(config));
}

/** For the dashboards: the layout the user chose, kept with the schedule. */
export function saveDashboardLayout(layout: DashboardLayout): RefreshConfig {
  const props = documentProperties();
  const config = { ...readConfig(props), layout: layout === 'overall' ? 'overall' : 'by_level' } as RefreshConfig;
  writeConfig(config, props);
  return config;
}

export function readLastRun(props: Properties = documentProperties()): RunLogEntry | null {
  return parseRunLogEntry(props.getProperty(LAST_RUN_KEY));
}

export function writeLastRun(entry: RunLogEntry, props: Properties = documentProperties()): void {
  props.setProperty(LAST_RUN_KEY, serializeRunLogEntry(entry));
}
