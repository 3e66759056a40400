/**
 * KPIs from real data at scale, on the emulator: `bootstrap` and the refresh for 200 KPIs over
 * two 50,000-row sheets (invoice lines; web traffic by campaign), next to the previous design
 * (bench/previous/) measured in the same run on an identical workbook.
 *
 * - Factures: 50,000 invoice lines over 3½ years, ~40 a day, not sorted (shuffled by week),
 *   credit notes (3 %), one date in ten typed as dd/mm/yyyy text; amount, payment delay, region, quantity.
 * - Trafic: 50,000 rows, one per campaign and day; channel, visitors, conversions, spend, open tickets.
 * - 200 KPIs cycling over 20 shapes: sums, averages, counts, min/max, last (stocks), ratios
 *   (conversion = Σ conversions ÷ Σ visitors), broken down by region or channel, daily to
 *   quarterly. Open-ended ranges (`Factures!B2:B`).
 *
 * Bootstrap is timed with the JSON.stringify google.script.run does; its size is reported. The
 * refresh is the steady state: every ended period already archived, so each run reads and
 * decides everything and writes nothing new (both designs).
 */
import { createEmulator, loadWorkbook, type Emulator } from '../emulator';
import { fromWallClock } from '../emulator/dates';
import { serverApi } from '../src/addon/api';
import { clock } from '../src/addon/clock';
import * as storage from '../src/addon/storage';
import { isoDateFormatter } from '../src/core/i18n/dates';
import { validateKpi } from '../src/core/kpi/model';
import { refreshNow } from '../src/addon/refresh';
import type { Aggregation } from '../src/core/kpi/aggregation';
import type { Frequency, KpiSource } from '../src/core/kpi/model';
import { prng } from './data';
import type { Workload, WorkloadResult } from './harness';
import { previousBootstrap, previousRefresh } from './previous/server';

export interface SourcesBenchOptions {
  kpis?: number;
  rows?: number;
  seed?: number;
}

const NOW = '2026-06-16T06:00:00Z';
const FIRST_DAY = Date.UTC(2022, 11, 5);
const DAY = 86_400_000;

interface Shape {
  sheet: 'Factures' | 'Trafic';
  values: string;
  aggregation: Aggregation;
  frequency: Frequency;
  unit: 'count' | '€' | 'days' | '%';
  categories?: string;
  denominator?: string;
}

const SHAPES: Shape[] = [
  { sheet: 'Factures', values: 'B', aggregation: 'sum', frequency: 'monthly', unit: '€' },
  { sheet: 'Trafic', values: 'E', aggregation: 'ratio', denominator: 'D', frequency: 'monthly', unit: '%' },
  { sheet: 'Factures', values: 'B', aggregation: 'sum', frequency: 'weekly', unit: '€' },
  {
    sheet: 'Trafic',
    values: 'E',
    aggregation: 'ratio',
    denominator: 'D',
    frequency: 'weekly',
    unit: '%',
    categories: 'C',
  },
  { sheet: 'Factures', values: 'C', aggregation: 'average', frequency: 'monthly', unit: 'days' },
  { sheet: 'Trafic', values: 'F', aggregation: 'sum', frequency: 'monthly', unit: '€' },
  { sheet: 'Factures', values: 'B', aggregation: 'count', frequency: 'monthly', unit: 'count' },
  { sheet: 'Trafic', values: 'G', aggregation: 'last', frequency: 'weekly', unit: 'count' },
  { sheet: 'Factures', values: 'B', aggregation: 'max', frequency: 'weekly', unit: '€' },
  { sheet: 'Trafic', values: 'D', aggregation: 'sum', frequency: 'daily', unit: 'count' },
  { sheet: 'Factures', values: 'B', aggregation: 'sum', frequency: 'monthly', unit: '€', categories: 'D' },
  { sheet: 'Trafic', values: 'G', aggregation: 'last', frequency: 'monthly', unit: 'count' },
  { sheet: 'Factures', values: 'E', aggregation: 'sum', frequency: 'daily', unit: 'count' },
  { sheet: 'Trafic', values: 'D', aggregation: 'average', frequency: 'weekly', unit: 'count' },
  { sheet: 'Factures', values: 'C', aggregation: 'average', frequency: 'quarterly', unit: 'days' },
  { sheet: 'Trafic', values: 'E', aggregation: 'sum', frequency: 'quarterly', unit: 'count' },
  { sheet: 'Factures', values: 'B', aggregation: 'min', frequency: 'monthly', unit: '€' },
  { sheet: 'Trafic', values: 'F', aggregation: 'sum', frequency: 'daily', unit: '€' },
  { sheet: 'Factures', values: 'B', aggregation: 'sum', frequency: 'daily', unit: '€' },
  { sheet: 'Trafic', values: 'E', aggregation: 'ratio', denominator: 'D', frequency: 'daily', unit: '%' },
];

const pad = (n: number) => String(n).padStart(2, '0');
/** A date cell: midnight of that calendar day in the spreadsheet's zone. */
const midnight = (d: Date): Date => fromWallClock(ZONE, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
const ZONE = 'Europe/Paris';

function workbook(rows: number, seed: number): Record<string, unknown[][]> {
  const rnd = prng(seed);
  const perDay = 40;
  const invoices: unknown[][] = [];
  for (let i = 0; i < rows; i++) {
    const d = new Date(FIRST_DAY + Math.floor(i / perDay) * DAY);
    // One in ten typed as text (the apostrophe keeps it text, as in Sheets); the others date cells.
    const date =
      i % 10 === 3 ? `'${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}` : midnight(d);
    const credit = rnd() < 0.03;
    invoices.push([
      date,
      Math.round((credit ? -1 : 1) * (50 + rnd() * 2000) * 100) / 100,
      credit ? 0 : Math.round(rnd() * 75),
      `Région ${1 + Math.floor(rnd() * 8)}`,
      1 + Math.floor(rnd() * 20),
    ]);
  }
  // Not sorted: weeks shuffled.
  const weeks: unknown[][][] = [];
  for (let i = 0; i < invoices.length; i += perDay * 7) weeks.push(invoices.slice(i, i + perDay * 7));
  for (let i = weeks.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [weeks[i], weeks[j]] = [weeks[j]!, weeks[i]!];
  }
  const campaigns = 40;
  const traffic: unknown[][] = [];
  for (let i = 0; i < rows; i++) {
    const d = new Date(FIRST_DAY + Math.floor(i / campaigns) * DAY);
    const visitors = 100 + Math.floor(rnd() * 900);
    traffic.push([
      midnight(d),
      `Campagne ${(i % campaigns) + 1}`,
      ['Recherche', 'Réseaux sociaux', 'Emailing', 'Publicité', 'Partenaires', 'Direct'][i % 6],
      visitors,
      Math.floor(visitors * rnd() * 0.06),
      Math.round(rnd() * 300 * 100) / 100,
      20 + Math.floor(rnd() * 60),
    ]);
  }
  return {
    Factures: [['Date', 'Montant HT', 'Délai (j)', 'Région', 'Quantité'], ...weeks.flat()],
    Trafic: [['Jour', 'Campagne', 'Canal', 'Visiteurs', 'Conversions', 'Dépense', 'Tickets ouverts'], ...traffic],
  };
}

interface Fixture {
  emu: Emulator;
  close(): void;
}

export function fixture(o: Required<SourcesBenchOptions>): Fixture {
  const emu = createEmulator({ locale: 'fr_FR', timeZone: ZONE, now: NOW });
  loadWorkbook(emu, workbook(o.rows, o.seed));
  const uninstall = emu.install();
  const realNow = clock.now;
  clock.now = () => emu.clock.now();
  const realRandom = Math.random;
  Math.random = prng(o.seed + 1);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const st: storage.Storage = { ss, lang: 'fr', toIso: isoDateFormatter(ZONE) };
  try {
    for (let i = 0; i < o.kpis; i++) {
      const s = SHAPES[i % SHAPES.length]!;
      const col = (c: string) => `${s.sheet}!${c}2:${c}`;
      const source: KpiSource = { kind: 'range', values: col(s.values), dates: col('A') };
      if (s.categories) source.categories = col(s.categories);
      if (s.denominator) source.denominator = col(s.denominator);
      // Straight to the storage (as saveKpi does, without the summary it answers with: 200 summaries
      // over 100,000 rows would be the setup's whole cost).
      const draft = {
        name: `KPI ${i + 1}`,
        definition: 'Indicateur de charge',
        unit: s.unit,
        direction: 'higher',
        objectiveId: '',
        indicator: 'lagging',
        source,
        aggregation: s.aggregation,
        baseline: null,
        target: 1000,
        deadline: '2027-12-31',
        frequency: s.frequency,
        benchmark: null,
        owner: '',
        level: 'operational',
      } as const;
      const r = storage.saveKpi(st, { draft }, (d) => validateKpi(d, 'fr'));
      if (!r.ok) throw new Error(`bench: KPI not saved: ${JSON.stringify(r.errors)}`);
    }
  } finally {
    Math.random = realRandom;
  }
  return {
    emu,
    close() {
      clock.now = realNow;
      uninstall();
    },
  };
}

export interface SourcesFigures {
  bootstrapBytes: { boussole: number; previous: number };
  calls: Record<string, number>;
}

export function sourcesBench(options: SourcesBenchOptions = {}): {
  workloads: Workload[];
  notes: (results: WorkloadResult[]) => string[];
} {
  const o = { kpis: 200, rows: 50_000, seed: 20240601, ...options };
  const bytes: Record<string, number> = {};
  const calls: Record<string, number> = {};
  let f: Fixture | undefined;
  const size = `${o.kpis} KPIs × ${o.rows.toLocaleString('en')} rows`;
  const timing = { warmup: 1, warmupMs: 0, reps: 3, minReps: 3 } as const;
  const open = () => {
    f = fixture(o);
  };
  const close = () => {
    f?.close();
    f = undefined;
  };

  const bootstrap: Workload = {
    name: `bootstrap: ${size}`,
    size: o.kpis,
    unit: 'KPIs',
    implementations: [
      {
        peer: 'boussole',
        label: 'serverApi.bootstrap() + JSON.stringify: per-period series, bounded',
        ...timing,
        prepare: open,
        run: () => {
          f!.emu.calls.reset();
          const json = JSON.stringify(serverApi.bootstrap());
          bytes.boussole = json.length;
          calls.boussole = f!.emu.calls.total;
          return { value: JSON.parse(json).kpis.length, counters: { bytes: json.length } };
        },
        teardown: close,
      },
      {
        peer: 'previous',
        label: 'previous bootstrap() + JSON.stringify: every KPI’s raw cells',
        ...timing,
        prepare: open,
        run: () => {
          f!.emu.calls.reset();
          const json = JSON.stringify(previousBootstrap());
          bytes.previous = json.length;
          calls.previous = f!.emu.calls.total;
          return { value: JSON.parse(json).kpis.length, counters: { bytes: json.length } };
        },
        teardown: close,
      },
    ],
  };

  // Steady state: a first (untimed) run archives the latest ended period of every KPI.
  const refresh: Workload = {
    name: `refresh: ${size}`,
    size: o.kpis,
    unit: 'KPIs',
    implementations: [
      {
        peer: 'boussole',
        label: 'refreshNow(): aggregates per period, history caught up',
        ...timing,
        prepare: () => {
          open();
          refreshNow({ log: () => {} });
        },
        run: () => {
          const entry = refreshNow({ log: () => {} });
          if (entry.errors.length) throw new Error(entry.errors[0]);
          return o.kpis - entry.rowsWritten;
        },
        teardown: close,
      },
      {
        peer: 'previous',
        label: 'previous refresh (read, plan, commit), history caught up',
        ...timing,
        prepare: () => {
          open();
          previousRefresh();
        },
        run: () => o.kpis - previousRefresh(),
        teardown: close,
      },
    ],
  };

  const notes = (results: WorkloadResult[]): string[] => {
    const ms = (w: Workload, peer: string) =>
      results.find((r) => r.workload === w)?.measurements.find((m) => m.peer === peer)?.medianMs ?? Number.NaN;
    const mb = (b: number | undefined) => (b === undefined ? '—' : `${(b / 1e6).toFixed(2)} MB`);
    const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
    return [
      `${size}: bootstrap returns ${mb(bytes.boussole)} of JSON (previous design ${mb(bytes.previous)}, ×${(
        (bytes.previous ?? Number.NaN) / (bytes.boussole ?? Number.NaN)
      ).toFixed(
        0,
      )}), in ${s(ms(bootstrap, 'boussole'))} (previous ${s(ms(bootstrap, 'previous'))}), ${calls.boussole} service calls (previous ${calls.previous}); the refresh takes ${s(ms(refresh, 'boussole'))} (previous ${s(ms(refresh, 'previous'))}). Local times on the emulator, HyperFormula underneath included.`,
    ];
  };
  return { workloads: [bootstrap, refresh], notes };
}
