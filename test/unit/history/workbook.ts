/**
 * Shell fixtures for the refresh tests (test/shell/refresh*.test.ts): a small company workbook,
 * KPIs saved through the real storage, and helpers to read the owned sheets back.
 */
import { serverApi } from '../../../src/addon/api';
import { OWNER_KEY } from '../../../src/addon/owned-sheets';
import { decodeHistory, type StoredHistoryRow } from '../../../src/core/history/rows';
import type { Kpi } from '../../../src/core/kpi/model';
import type { AddonEnv } from '../../support/addon-env';

export const USER_SHEETS = ['Support', 'Ventes'] as const;

/** Support!B2 = open tickets (a point-in-time figure); Ventes = one dated row per day, with formulas and formats. */
export function companyWorkbook(salesDays: { from: string; count: number }): Record<string, unknown[][]> {
  const start = Date.parse(`${salesDays.from}T00:00:00Z`);
  const sales: unknown[][] = [['Date', 'CA du jour', 'Cumul']];
  for (let i = 0; i < salesDays.count; i++) {
    sales.push([new Date(start + i * 86_400_000), 1000 + i, i === 0 ? '=B2' : `=C${i + 1}+B${i + 2}`]);
  }
  return {
    Support: [
      ['Indicateur', 'Valeur'],
      ['Tickets ouverts', 40],
      ['Satisfaction', 0.82],
      ['NPS', 31],
    ],
    Ventes: sales,
  };
}

export function kpiDraft(over: Partial<Kpi>): Partial<Kpi> {
  return {
    name: 'Tickets ouverts',
    definition: 'Demandes clients ouvertes en fin de période',
    unit: 'count',
    direction: 'lower',
    objectiveId: '',
    indicator: 'leading',
    source: { kind: 'cell', ref: "'Support'!B2" },
    baseline: 60,
    target: 20,
    deadline: '2027-12-31',
    frequency: 'weekly',
    benchmark: null,
    owner: 'Claire',
    level: 'operational',
    ...over,
  };
}

/** Deterministic KPI ids (newId draws from Math.random): call before saving KPIs; returns the restore. */
export function seedIds(seed = 1): () => void {
  const real = Math.random;
  let a = seed >>> 0;
  Math.random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => {
    Math.random = real;
  };
}

export function saveKpi(over: Partial<Kpi>): Kpi {
  const r = serverApi.saveKpi(kpiDraft(over));
  if (!r.ok) throw new Error(`not saved: ${JSON.stringify(r.errors)}`);
  return r.value;
}

export function ownedSheetName(env: AddonEnv, kind: string): string | null {
  const m = env.emu.metadata().find((x) => x.key === OWNER_KEY && x.value === kind);
  return m?.sheet ?? null;
}

export function historyRows(env: AddonEnv): StoredHistoryRow[] {
  const name = ownedSheetName(env, 'history');
  if (!name) return [];
  const h = decodeHistory(env.emu.sheetValues(name), 'en', (d) => d.toISOString().slice(0, 10));
  if (h.problems.length) throw new Error(`history problems: ${JSON.stringify(h.problems)}`);
  return h.rows;
}

export function setCell(env: AddonEnv, a1: string, value: unknown): void {
  const [sheet, cell] = a1.split('!');
  env.emu.spreadsheet.getSheetByName(sheet)!.getRange(cell).setValue(value);
}
