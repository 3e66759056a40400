/**
 * A failure injected at every service call of a refresh, in turn: the history (and the run log,
 * and every other sheet) is exactly as before, or — when the failure comes after the one history
 * write — exactly as a complete run leaves it. Either way the next run completes, and the
 * history ends exactly as an uninterrupted run leaves it: no row lost, none twice.
 */
import type { SheetSnapshot } from '../../emulator';
import { refreshNow, runScheduledRefresh, setSchedule } from '../../src/addon/refresh';
import type { RunLogEntry } from '../../src/shared/api';
import { addonEnv, type AddonEnv } from '../support/addon-env';
import { STATE_KIND } from '../../src/addon/refresh';
import { metadataWithoutIds } from '../unit/dashboard/fixtures';
import { companyWorkbook, historyRows, ownedSheetName, saveKpi, seedIds, setCell } from '../unit/history/workbook';

let env: AddonEnv | undefined;
afterEach(() => env?.close());
const quiet = { log: () => {} };

/** Ids are handed out by counters that a rolled-back creation advances: compare what a person sees. */
const norm = (s: SheetSnapshot | undefined) => s && { ...s, sheetId: 0, metadata: metadataWithoutIds(s) };
const state = (e: AddonEnv) => Object.fromEntries(e.emu.sheetNames().map((n) => [n, norm(e.emu.snapshot(n))]));
/** The state sheet without its last-run row (a failed run records itself there: add-on triggers send no e-mail). */
const withoutLastRun = (s: SheetSnapshot | undefined) =>
  s && {
    ...s,
    values: s.values.map((r, i) => (i === 2 ? [r[0], ''] : r)),
    display: s.display.map((r, i) => (i === 2 ? [r[0], ''] : r)),
  };

interface Scenario {
  env: AddonEnv;
  run: () => RunLogEntry;
}

/** 4 KPIs; a first refresh on Monday 15 June 2026; the faulted run on 1 July (4 rows due). */
function steadyState(): Scenario {
  const e = addonEnv(
    { now: '2026-06-15T06:00:00Z', timeZone: 'Europe/Paris' },
    companyWorkbook({ from: '2026-01-01', count: 160 }),
  );
  const restore = seedIds();
  saveKpi({});
  saveKpi({ name: 'NPS', frequency: 'daily', direction: 'higher', source: { kind: 'cell', ref: "'Support'!B4" } });
  saveKpi({
    name: 'CA',
    frequency: 'monthly',
    direction: 'higher',
    source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' },
  });
  saveKpi({
    name: 'Cumul',
    frequency: 'quarterly',
    direction: 'higher',
    source: { kind: 'range', values: 'Ventes!C2:C' },
  });
  restore();
  if (refreshNow(quiet).errors.length) throw new Error('setup run failed');
  e.emu.clock.set('2026-07-01T06:00:00Z');
  setCell(e, 'Support!B2', 28);
  return { env: e, run: () => refreshNow(quiet) };
}

/**
 * The same steady state, the faulted run being the clock trigger as Google may run it: no active
 * spreadsheet, no document lock, no document properties (the emulator's default trigger context).
 */
function clockTrigger(): Scenario {
  const s = steadyState();
  setSchedule({ kind: 'daily', hour: 9 });
  const [due] = s.env.emu.dueTriggers(s.env.emu.clock.now(), '2026-07-02T00:00:00Z');
  if (!due) throw new Error('no trigger due');
  s.env.emu.clock.set(due.at);
  s.env.emu.endExecution();
  return { env: s.env, run: () => s.env.emu.runTrigger(due, (e) => runScheduledRefresh(e, quiet)) };
}

/** The very first refresh: the history and run-log sheets do not exist yet. */
function firstRun(): Scenario {
  const e = addonEnv(
    { now: '2026-06-15T06:00:00Z', timeZone: 'Europe/Paris' },
    companyWorkbook({ from: '2026-01-01', count: 160 }),
  );
  const restore = seedIds();
  saveKpi({
    name: 'CA',
    frequency: 'monthly',
    direction: 'higher',
    source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' },
  });
  saveKpi({
    name: 'Jours',
    frequency: 'daily',
    direction: 'higher',
    source: { kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' },
  });
  restore();
  return { env: e, run: () => refreshNow(quiet) };
}

function checkEveryCall(make: () => Scenario, expectedRows: number) {
  // The reference: the same run without a fault.
  const ref = make();
  env = ref.env;
  ref.env.emu.calls.reset();
  const refEntry = ref.run();
  const calls = ref.env.emu.calls.total;
  expect(refEntry).toMatchObject({ rowsWritten: expectedRows, errors: [] });
  const refState = state(ref.env);
  const refHistory = historyRows(ref.env);
  const historyName = ownedSheetName(ref.env, 'history')!;
  const runlogName = ownedSheetName(ref.env, 'runlog')!;
  const stateName = ownedSheetName(ref.env, STATE_KIND)!;
  const bookkeeping = [historyName, runlogName, stateName];
  ref.env.close();
  env = undefined;

  const outcomes = { untouched: 0, committed: 0 };
  for (let k = 1; k <= calls; k++) {
    const s = make();
    env = s.env;
    const before = state(s.env);
    s.env.emu.faults.failAt(k, 'Service Spreadsheets timed out');
    const entry = s.run();
    s.env.emu.faults.clear();
    const after = state(s.env);

    // Sheets that are neither the history nor the run log nor the refresh's state: exactly as before, always.
    for (const name of Object.keys(before))
      if (!bookkeeping.includes(name)) expect([k, after[name]]).toEqual([k, before[name]]);
    // No stray sheet: only the history, run log and state may have appeared.
    expect(Object.keys(after).filter((n) => !(n in before) && !bookkeeping.includes(n))).toEqual([]);

    const untouched =
      after[historyName] === undefined
        ? before[historyName] === undefined
        : JSON.stringify(after[historyName]) === JSON.stringify(before[historyName]);
    if (untouched) {
      outcomes.untouched++;
      expect([k, entry.rowsWritten]).toEqual([k, 0]);
      expect(after[runlogName]).toEqual(before[runlogName]);
      // The state as it was, but for the last run, which records the failure.
      expect([k, withoutLastRun(after[stateName])]).toEqual([k, withoutLastRun(before[stateName])]);
      if (k > 1) expect(entry.errors.join(' ')).toMatch(/injected fault|Service Spreadsheets/);
    } else {
      outcomes.committed++;
      expect([k, after[historyName]]).toEqual([k, refState[historyName]]);
      expect(entry.rowsWritten).toBe(expectedRows);
    }

    // The next run completes, and the history ends as the uninterrupted run left it.
    const next = s.run();
    expect([k, next.errors]).toEqual([k, []]);
    expect([k, next.rowsWritten]).toEqual([k, untouched ? expectedRows : 0]);
    expect(historyRows(s.env).map(({ row: _, ...r }) => r)).toEqual(refHistory.map(({ row: _, ...r }) => r));
    expect(norm(s.env.emu.snapshot(historyName))).toEqual(refState[historyName]);
    expect(Object.keys(state(s.env)).sort()).toEqual(Object.keys(refState).sort());
    s.env.close();
    env = undefined;
  }
  return { calls, outcomes };
}

// Hundreds of refreshes each: generous limits, for CI machines running many suites at once.
describe('a failure at any service call of a refresh', () => {
  test('steady state: every call in turn', () => {
    const { calls, outcomes } = checkEveryCall(steadyState, 4);
    expect(calls).toBeGreaterThan(30);
    expect(outcomes.untouched).toBeGreaterThan(0);
    expect(outcomes.committed).toBeGreaterThan(0);
    expect(outcomes.untouched + outcomes.committed).toBe(calls);
  }, 180_000);

  test('a clock trigger with no document context: every call in turn', () => {
    const { calls, outcomes } = checkEveryCall(clockTrigger, 4);
    expect(calls).toBeGreaterThan(30);
    expect(outcomes.untouched).toBeGreaterThan(0);
    expect(outcomes.committed).toBeGreaterThan(0);
    expect(outcomes.untouched + outcomes.committed).toBe(calls);
  }, 180_000);

  test('first run (sheets created): every call in turn; a half-made sheet is removed, never left behind', () => {
    const { calls, outcomes } = checkEveryCall(firstRun, 2);
    expect(calls).toBeGreaterThan(30);
    expect(outcomes.untouched + outcomes.committed).toBe(calls);
  }, 180_000);
});
