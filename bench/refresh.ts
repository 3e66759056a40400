/**
 * The scheduled refresh, on the emulator: service calls and local time for a refresh of 50 KPIs
 * with a year of history, and what that means against Apps Script's 6-minute limit.
 *
 * Register in bench/index.ts:
 *   import { refreshBench } from './refresh';
 *   const refresh = refreshBench();            // 50 KPIs, 365 days of history
 *   workloads.push(...refresh.workloads);      // before the runs
 *   notes.push(...refresh.notes(results));     // after them: call counts and the 6-minute estimate
 *
 * Estimating Apps Script time. The emulator answers in microseconds; Google's servers do not.
 * Each service call is charged CALL_MS = 100 ms (a round trip to the Sheets backend: the usual
 * figure for a SpreadsheetApp or Properties call, rarely more than a few tens of ms for getters,
 * 100–300 ms for a write), plus CELL_MS = 0.01 ms per cell moved by getValues/setValues (about
 * 1 s per 100,000 cells, the bulk transfer of a large batched read). A pessimistic line charges
 * 500 ms per call. Both are assumptions, not measurements: no real Apps Script is reachable here.
 */
import { createEmulator, loadWorkbook, type Emulator } from '../emulator';
import { clock } from '../src/addon/clock';
import { serverApi } from '../src/addon/api';
import { OWNER_KEY } from '../src/addon/owned-sheets';
import { refreshNow, setSchedule } from '../src/addon/refresh';
import { encodeHistoryRow, HISTORY_FORMATS, HISTORY_HEADER, type HistoryRow } from '../src/core/history/rows';
import { dayIso, isoDay } from '../src/core/kpi/dates';
import { columnLetters } from '../src/core/kpi/a1';
import { prng } from './data';
import type { Workload, WorkloadResult } from './harness';

export const CALL_MS = 100;
export const PESSIMISTIC_CALL_MS = 500;
export const CELL_MS = 0.01;
export const LIMIT_S = 6 * 60;

export interface RefreshBenchOptions {
  /** KPIs (half single cells, half dated ranges; all daily so that each refresh archives one row per KPI). */
  kpis?: number;
  /** Days of history already archived for every KPI. */
  historyDays?: number;
  seed?: number;
}

export interface RefreshMeasure {
  serviceCalls: number;
  byMethod: Record<string, number>;
  rowsWritten: number;
  /** Cells read and written by getValues/getFormulas/setValues (from the sheets' sizes). */
  cellsMoved: number;
  localMs: number;
}

const START = '2026-06-16T06:00:00Z';

interface Fixture {
  emu: Emulator;
  close(): void;
  cellsRead(): number;
}

function fixture(o: Required<RefreshBenchOptions>): Fixture {
  const emu = createEmulator({ locale: 'fr_FR', timeZone: 'Europe/Paris', now: START });
  const rnd = prng(o.seed);
  const cells = Math.ceil(o.kpis / 2);
  const ranges = o.kpis - cells;
  const first = isoDay('2025-06-15')!;
  const dataDays = 930; // into 2027: future rows are ignored until their period ends
  const data: unknown[][] = [['Date', ...Array.from({ length: ranges }, (_, i) => `Série ${i + 1}`)]];
  for (let d = 0; d < dataDays; d++)
    data.push([dayIso(first + d), ...Array.from({ length: ranges }, () => Math.round(rnd() * 10_000) / 100)]);
  const figures: unknown[][] = [
    ['Indicateur', 'Valeur'],
    ...Array.from({ length: cells }, (_, i) => [`Indicateur ${i + 1}`, Math.round(rnd() * 1000)]),
  ];
  loadWorkbook(emu, { Données: data, Indicateurs: figures });
  const uninstall = emu.install();
  const realNow = clock.now;
  clock.now = () => emu.clock.now();
  emu.spreadsheet
    .getSheetByName('Données')!
    .getRange(2, 1, dataDays, 1)
    .setNumberFormat('@')
    .setValues(data.slice(1).map((r) => [r[0]]));

  const realRandom = Math.random;
  Math.random = rnd;
  const ids: string[] = [];
  const base = {
    definition: 'Suivi quotidien',
    unit: 'count',
    direction: 'higher',
    objectiveId: '',
    indicator: 'lagging',
    baseline: 10,
    target: 100,
    deadline: '2027-12-31',
    frequency: 'daily',
    benchmark: null,
    owner: '',
    level: 'operational',
  } as const;
  for (let i = 0; i < cells; i++) {
    const r = serverApi.saveKpi({
      ...base,
      name: `Cellule ${i + 1}`,
      source: { kind: 'cell', ref: `'Indicateurs'!B${i + 2}` },
    });
    if (r.ok) ids.push(r.value.id);
  }
  for (let i = 0; i < ranges; i++) {
    const col = columnLetters(i + 2);
    const r = serverApi.saveKpi({
      ...base,
      name: `Série ${i + 1}`,
      source: { kind: 'range', values: `Données!${col}2:${col}`, dates: 'Données!A2:A' },
    });
    if (r.ok) ids.push(r.value.id);
  }
  Math.random = realRandom;
  if (ids.length !== o.kpis) throw new Error('bench: KPIs not saved');

  // A year of history, then one refresh so the history and run-log sheets exist (untimed).
  refreshNow({ log: () => {} });
  const history = emu.metadata().find((m) => m.key === OWNER_KEY && m.value === 'history')?.sheet;
  if (!history) throw new Error('bench: no history sheet');
  const rows: (string | number)[][] = [];
  const today = isoDay(START.slice(0, 10))!;
  for (let d = today - o.historyDays; d < today - 1; d++) {
    for (const id of ids) {
      const row: HistoryRow = {
        kpiId: id,
        period: dayIso(d),
        periodStart: dayIso(d),
        value: Math.round(rnd() * 1000),
        target: 100,
        status: 'on_track',
        takenAt: `${dayIso(d)}T23:00:00+02:00`,
      };
      rows.push(encodeHistoryRow(row));
    }
  }
  const sheet = emu.spreadsheet.getSheetByName(history)!;
  const existing = sheet.getLastRow();
  sheet.insertRowsAfter(sheet.getMaxRows(), rows.length);
  sheet
    .getRange(existing + 1, 1, rows.length, HISTORY_HEADER.length)
    .setNumberFormats(rows.map(() => [...HISTORY_FORMATS]))
    .setValues(rows);
  setSchedule({ kind: 'daily', hour: 8 });
  refreshNow({ log: () => {} }); // pending observations for today
  const size = (name: string) => {
    const v = emu.sheetValues(name);
    return v.length * (v[0]?.length ?? 0);
  };
  const kpiSheet = emu.metadata().find((m) => m.key === OWNER_KEY && m.value === 'kpis')!.sheet!;
  return {
    emu,
    close() {
      clock.now = realNow;
      uninstall();
    },
    // KPI table: values + formulas; sources: one data range each; history: A:G.
    cellsRead: () => 2 * size(kpiSheet) + size('Données') + size('Indicateurs') + size(history),
  };
}

/** One steady-state refresh: the next day, one row per KPI. */
export function measureRefresh(options: RefreshBenchOptions = {}): RefreshMeasure {
  const o = { kpis: 50, historyDays: 365, seed: 20240601, ...options };
  const f = fixture(o);
  try {
    return step(f);
  } finally {
    f.close();
  }
}

function step(f: Fixture): RefreshMeasure {
  f.emu.clock.advance({ days: 1 });
  const read = f.cellsRead();
  f.emu.calls.reset();
  const t0 = process.hrtime.bigint();
  const entry = refreshNow({ log: () => {} });
  const localMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (entry.errors.length) throw new Error(`bench refresh: ${entry.errors.join('; ')}`);
  return {
    serviceCalls: f.emu.calls.total,
    byMethod: { ...f.emu.calls.byMethod },
    rowsWritten: entry.rowsWritten,
    cellsMoved: read + entry.rowsWritten * HISTORY_HEADER.length + 5,
    localMs,
  };
}

export const estimateSeconds = (m: Pick<RefreshMeasure, 'serviceCalls' | 'cellsMoved'>, callMs = CALL_MS): number =>
  (m.serviceCalls * callMs + m.cellsMoved * CELL_MS) / 1000;

export function refreshBench(options: RefreshBenchOptions = {}): {
  workloads: Workload[];
  notes: (results: WorkloadResult[]) => string[];
} {
  const o = { kpis: 50, historyDays: 365, seed: 20240601, ...options };
  let f: Fixture | undefined;
  let last: RefreshMeasure | undefined;
  const name = `refresh: ${o.kpis} KPIs, ${o.historyDays} days of history`;
  const workload: Workload = {
    name,
    size: o.kpis,
    unit: 'KPIs',
    implementations: [
      {
        peer: 'boussole',
        label: `refreshNow() on the emulator, ${o.kpis} daily KPIs (½ cells, ½ dated ranges), one row each per run`,
        prepare: () => {
          f = fixture(o);
        },
        run: () => {
          last = step(f!);
          return {
            value: last.rowsWritten,
            counters: { serviceCalls: last.serviceCalls, cellsMoved: last.cellsMoved },
          };
        },
        teardown: () => f?.close(),
        reps: 7,
      },
    ],
  };
  const notes = (results: WorkloadResult[]): string[] => {
    const r = results.find((x) => x.workload === workload);
    const m = r?.measurements[0];
    if (!m || m.error || !last) return [`${name}: not measured${m?.error ? ` (${m.error})` : ''}.`];
    const s = estimateSeconds(last);
    const worst = estimateSeconds(last, PESSIMISTIC_CALL_MS);
    return [
      `${name}: ${last.serviceCalls} service calls per refresh (${Object.entries(last.byMethod)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([k, v]) => `${k} ${v}`)
        .join(
          ', ',
        )}, …), ${last.rowsWritten} history rows in one setValues, ~${last.cellsMoved.toLocaleString('en')} cells moved; ${m.medianMs.toFixed(0)} ms locally (median).`,
      `Apps Script estimate at ${CALL_MS} ms per call + ${CELL_MS * 1000} µs per cell: ${s.toFixed(1)} s, ${((100 * s) / LIMIT_S).toFixed(1)} % of the 6-minute limit; at ${PESSIMISTIC_CALL_MS} ms per call: ${worst.toFixed(1)} s (${((100 * worst) / LIMIT_S).toFixed(1)} %). The call count does not grow with the number of KPIs or of history rows (one read per sheet, one write per sheet); only the cells moved do.`,
    ];
  };
  return { workloads: [workload], notes };
}
