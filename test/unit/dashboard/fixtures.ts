/** Shared fixtures of the dashboard tests: data workbooks, KPI sets, a context, snapshot helpers. */
import { serverApi } from '../../../src/addon/api';
import { SHEET_ID_KEY } from '../../../src/addon/owned-sheets';
import type { DashboardContext } from '../../../src/addon/dashboard';
import type { Kpi, Objective } from '../../../src/core/kpi/model';
import type { Emulator, SheetSnapshot } from '../../../emulator';
import { saved } from '../../support/addon-env';

export { saved };

const DAY = 86_400_000;

/**
 * `rows` data rows, oldest first, one per day ending the day before `end`: date, revenue,
 * new customers, conversion rate, delivery days, NPS. Deterministic.
 */
export function dataSheet(rows: number, end = '2026-06-15'): unknown[][] {
  const last = Date.parse(`${end}T00:00:00Z`) - DAY;
  const out: unknown[][] = [['Date', 'CA', 'Nouveaux clients', 'Taux de conversion', 'Délai (j)', 'NPS']];
  for (let i = 0; i < rows; i++) {
    const t = last - (rows - 1 - i) * DAY;
    const x = i + 1;
    out.push([
      new Date(t),
      1000 + 3 * x + ((x * 37) % 101),
      10 + ((x * 13) % 17),
      0.02 + ((x * 7) % 11) / 1000,
      5 - ((x * 3) % 7) / 10,
      -5 + ((x * 11) % 40),
    ]);
  }
  return out;
}

export const CHANNELS: unknown[][] = [
  ['Canal', 'Visiteurs', 'Conversion'],
  ['Google', 12000, 0.031],
  ['Réseaux sociaux', 8000, 0.012],
  ['E-mailing', 3000, 0.045],
  ['Publicité', 6000, 0.022],
];

export function workbook(rows: number): Record<string, unknown[][]> {
  return { Données: dataSheet(rows), Canaux: CHANNELS };
}

const LEVELS = ['strategic', 'tactical', 'operational'] as const;

/** `n` KPI drafts over the data sheet's `rows` rows, cycling through units, directions, frequencies and levels. */
export function kpiDrafts(n: number, rows: number, objectiveIds: string[]): Partial<Kpi>[] {
  const last = rows + 1;
  const col = (c: string) => ({
    kind: 'range' as const,
    values: `Données!${c}2:${c}${last}`,
    dates: `Données!A2:A${last}`,
  });
  const kinds: Partial<Kpi>[] = [
    {
      name: "Chiffre d'affaires",
      unit: '€',
      direction: 'higher',
      source: col('B'),
      baseline: 1000,
      target: 20000,
      benchmark: 15000,
      frequency: 'daily',
    },
    {
      name: 'Nouveaux clients',
      unit: 'count',
      direction: 'higher',
      source: col('C'),
      baseline: null,
      target: 30,
      benchmark: null,
      frequency: 'daily',
    },
    {
      name: 'Taux de conversion',
      unit: '%',
      direction: 'higher',
      source: { kind: 'range', values: 'Canaux!C2:C5', categories: 'Canaux!A2:A5' },
      baseline: 0.01,
      target: 0.04,
      benchmark: 0.02,
      frequency: 'monthly',
    },
    {
      name: 'Délai de livraison',
      unit: 'days',
      direction: 'lower',
      source: col('E'),
      baseline: 6,
      target: 3,
      benchmark: 4,
      frequency: 'daily',
    },
    {
      name: 'NPS',
      unit: 'score',
      direction: 'higher',
      source: { kind: 'range', values: `Données!F2:F${last}` },
      baseline: 0,
      target: 50,
      benchmark: 30,
      frequency: 'daily',
    },
  ];
  return Array.from({ length: n }, (_, i) => ({
    ...kinds[i % kinds.length],
    name: `${kinds[i % kinds.length].name} ${i + 1}`,
    definition: 'Indicateur de test',
    objectiveId: objectiveIds[i % objectiveIds.length] ?? '',
    indicator: 'lagging',
    deadline: '2026-12-31',
    owner: 'Claire',
    level: LEVELS[i % 3],
  }));
}

/** Saves objectives and KPIs through the server API, as the sidebar would. */
export function saveKpis(n: number, rows: number, objectives = 2): { objectives: Objective[]; kpis: Kpi[] } {
  const objs = Array.from({ length: objectives }, (_, i) =>
    saved(
      serverApi.saveObjective({
        title: `Objectif ${i + 1}`,
        description: '',
        horizon: '2026-12-31',
        level: LEVELS[i % 3],
        owner: 'Claire',
      }),
    ),
  );
  const kpis = kpiDrafts(
    n,
    rows,
    objs.map((o) => o.id),
  ).map((d) => saved(serverApi.saveKpi(d)));
  return { objectives: objs, kpis };
}

export function contextOf(emu: Emulator, lang: 'fr' | 'en' = 'fr'): DashboardContext {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = 'Europe/Paris';
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return { ss, lang, toIso: (d: Date) => f.format(d), timeZone, now: emu.clock.now() };
}

/** A sheet's metadata, ids aside; the id tag kept only as whether it holds the sheet's own id. */
export function metadataWithoutIds(s: SheetSnapshot): SheetSnapshot['metadata'] {
  return s.metadata.map((m) => ({
    ...m,
    id: 0,
    ...(m.key === SHEET_ID_KEY && { value: m.value === String(s.sheetId) ? 'own id' : m.value }),
  }));
}

/** A snapshot without what necessarily changes when a sheet is rebuilt: sheet, chart and metadata ids. */
export function withoutIds(s: SheetSnapshot): unknown {
  return {
    ...s,
    sheetId: 0,
    charts: s.charts.map((c) => ({
      ...c,
      chartId: 0,
      ...(c.spec && { spec: JSON.parse(JSON.stringify(c.spec).replace(/"sheetId":\d+/g, '"sheetId":0')) }),
    })),
    metadata: metadataWithoutIds(s),
    protections: s.protections.map((p) => ({ ...p, id: 0 })),
  };
}

/** What "the user's sheet is unchanged" means: contents, formulas, formats and the rest, but not its position among sheets. */
export function userView(s: SheetSnapshot): unknown {
  return { ...s, index: 0 };
}
