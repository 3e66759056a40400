/**
 * The refresh's state, read and written through the state sheet (state-sheet.ts): the schedule,
 * the dashboards' layout and the trigger that runs them; the last run; the run in progress; the
 * pending readings. Per user, in user properties (which a user's trigger can always reach): which
 * spreadsheet each of their refresh triggers serves, and a random key that tells their runs
 * apart from other users'. Nothing lives in document properties, which a clock trigger may not
 * have (they are null "when document properties are not available": PropertiesService reference).
 * What earlier versions kept there (the same keys) is adopted by the first load that can read
 * them, and written to the state sheet by the next write.
 */
import {
  parseRunLogEntry,
  serializeRunLogEntry,
  type RefreshConfig,
  type RunLogEntry,
} from '../../core/history/schedule';
import { PENDING_PREFIX } from '../../core/history/pending';
import type { Lang } from '../../core/i18n/lang';
import { decodeConfig, decodeLease, encodeConfig, type Lease, type Runner } from '../../core/storage/refresh-state';
import type { DashboardLayout } from '../../shared/api';
import { CONFIG_KEY, LAST_RUN_KEY, LEASE_KEY, readState, writeState, type LoadedState } from './state-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export { CONFIG_KEY, LAST_RUN_KEY, LEASE_KEY };

/** User property per trigger: `boussole.trigger.<uniqueId>` = the spreadsheet it serves (JSON, see TriggerRecord). */
export const TRIGGER_DOC_PREFIX = 'boussole.trigger.';
/** User property: a random key identifying this user's runs and schedules (no e-mail scope is needed). */
export const USER_KEY = 'boussole.userKey';

export interface RefreshState {
  state: LoadedState;
  config: RefreshConfig;
  runner: Runner | null;
  /** The config row is there but can't be read back. */
  unreadable: boolean;
  lastRun: RunLogEntry | null;
  lease: Lease | null;
  /** Values were adopted from an earlier version's document properties: the next write stores them. */
  adopted: boolean;
}

/**
 * The schedule, last run and pending readings an earlier version kept in document properties,
 * when the state sheet has no schedule yet and this run has document properties.
 */
function adoptLegacy(state: LoadedState): LoadedState {
  let props: Record<string, string> | undefined;
  try {
    props = PropertiesService.getDocumentProperties()?.getProperties();
  } catch {
    /* no document here: a later sidebar or menu run adopts them */
  }
  const values = { ...state.values };
  let adopted = false;
  for (const [k, v] of Object.entries(props ?? {}))
    if ((k === CONFIG_KEY || k === LAST_RUN_KEY || k.startsWith(PENDING_PREFIX)) && !values[k]) {
      values[k] = v;
      adopted = true;
    }
  // Not in place: the next write rewrites every row, the adopted ones with them.
  return adopted ? { ...state, values, inPlace: false } : state;
}

/** 1 tag lookup and 2 reads (and the document properties, once, for a document set up by an earlier version). */
export function loadRefreshState(ss: Spreadsheet): RefreshState {
  const read = readState(ss);
  const state = read.values[CONFIG_KEY] ? read : adoptLegacy(read);
  const { config, runner, unreadable } = decodeConfig(state.values[CONFIG_KEY]);
  return {
    state,
    config,
    runner,
    unreadable,
    lastRun: parseRunLogEntry(state.values[LAST_RUN_KEY]),
    lease: decodeLease(state.values[LEASE_KEY]),
    adopted: state !== read,
  };
}

export function writeConfig(
  ss: Spreadsheet,
  lang: Lang,
  current: RefreshState,
  config: RefreshConfig,
  runner: Runner | null,
): void {
  writeState(ss, lang, current.state, { [CONFIG_KEY]: encodeConfig(config, runner) });
}

/** The layout the user chose for the dashboards, kept with the schedule. */
export function saveDashboardLayout(ss: Spreadsheet, lang: Lang, layout: DashboardLayout): void {
  const current = loadRefreshState(ss);
  if (current.config.layout === layout && current.state.sheet) return;
  writeConfig(ss, lang, current, { ...current.config, layout }, current.runner);
}

export const encodeLastRun = (entry: RunLogEntry): string => serializeRunLogEntry(entry);

/** This user's key, or null when they never set a schedule. */
export function userKey(): string | null {
  return PropertiesService.getUserProperties().getProperty(USER_KEY);
}

/** This user's key, made (16 hex digits) and stored the first time. */
export function ensureUserKey(): string {
  const props = PropertiesService.getUserProperties();
  const existing = props.getProperty(USER_KEY);
  if (existing) return existing;
  let key = '';
  for (let i = 0; i < 16; i++) key += Math.floor(Math.random() * 16).toString(16);
  props.setProperty(USER_KEY, key);
  return key;
}
