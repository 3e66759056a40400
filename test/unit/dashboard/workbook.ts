/** Types a plan's blocks into an emulated workbook (HyperFormula computes them) and reads the KPI rows back. */
import { createEmulator, loadWorkbook, type Emulator, type SheetsValue } from '../../../emulator';
import { syntaxForLocale } from '../../../src/core/formula';
import { buildDashboardPlan, type DashboardInput } from '../../../src/core/dashboard/build';
import {
  calcColumn,
  FIRST_KPI_ROW,
  seriesColumn,
  TABLE_HEADER_ROW,
  visibleColumn,
  type CalcColumn,
  type VisibleColumn,
} from '../../../src/core/dashboard/layout';
import type { DashboardPlan, SheetPlan } from '../../../src/core/dashboard/plan';

export const TODAY = '2026-06-15';
const isoParis = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
export const iso = (d: Date): string => isoParis.format(d);

export interface Computed {
  emu: Emulator;
  plan: DashboardPlan;
  sheet: SheetPlan;
  /** The computed row of a KPI. */
  row(kpiId: string): KpiRow;
  close(): void;
}

export interface KpiRow {
  visible(c: VisibleColumn): SheetsValue;
  calc(c: CalcColumn): SheetsValue;
  /** Chart data, oldest first, blank rows dropped: [period, actual, target]. */
  points(): { x: SheetsValue; value: SheetsValue; target: SheetsValue }[];
  display(c: VisibleColumn): string;
}

/** Builds the plan of one dashboard from `input`, writes its blocks over `data` and computes. */
export function compute(
  data: Record<string, unknown[][]>,
  input: DashboardInput,
  options: { locale?: string } = {},
): Computed {
  const emu = createEmulator({
    locale: options.locale ?? 'fr_FR',
    now: `${TODAY}T08:00:00Z`,
    timeZone: 'Europe/Paris',
  });
  loadWorkbook(emu, data);
  const uninstall = emu.install();
  const plan = buildDashboardPlan({ ...input, syntax: syntaxForLocale(options.locale ?? 'fr_FR') });
  const sheetPlan = plan.sheets[0];
  const ss = emu.spreadsheet;
  const sheet = ss.insertSheet('Dash');
  if (sheetPlan.columns > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), sheetPlan.columns - sheet.getMaxColumns());
  if (sheetPlan.rows > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), sheetPlan.rows - sheet.getMaxRows());
  for (const b of sheetPlan.blocks) {
    const r = sheet.getRange(b.row, b.column, b.rows, b.columns);
    r.setNumberFormats(b.numberFormats);
    r.setValues(b.values);
  }
  const values = emu.sheetValues('Dash');
  const display = emu.snapshot('Dash').display;
  const at = (r: number, c: number): SheetsValue => values[r - 1]?.[c - 1] ?? '';
  return {
    emu,
    plan,
    sheet: sheetPlan,
    row(kpiId) {
      const index = sheetPlan.kpiIds.indexOf(kpiId);
      if (index < 0) throw new Error(`no row for ${kpiId}`);
      const r = FIRST_KPI_ROW + index;
      const first = seriesColumn(index);
      return {
        visible: (c) => at(r, visibleColumn(c)),
        calc: (c) => at(r, calcColumn(c)),
        display: (c) => display[r - 1]?.[visibleColumn(c) - 1] ?? '',
        points() {
          const out: { x: SheetsValue; value: SheetsValue; target: SheetsValue }[] = [];
          for (let i = TABLE_HEADER_ROW + 1; i <= values.length; i++) {
            const value = at(i, first + 2);
            if (value === '') continue;
            out.push({ x: at(i, first + 1), value, target: at(i, first + 3) });
          }
          return out;
        },
      };
    },
    close: uninstall,
  };
}

/** '' → null, for comparing with the oracle. */
export const orNull = (v: SheetsValue): number | string | null =>
  v === '' ? null : v instanceof Date ? iso(v) : (v as number | string);
