/** The add-on's shell running on the emulator: services on globalThis, the clock routed to the emulator's. */
import { createEmulator, loadWorkbook, type Emulator, type EmulatorOptions } from '../../emulator';
import { clock } from '../../src/addon/clock';
import type { Kpi, Objective } from '../../src/core/kpi/model';

export interface AddonEnv {
  emu: Emulator;
  close(): void;
}

export function addonEnv(options: EmulatorOptions = {}, workbook?: Parameters<typeof loadWorkbook>[1]): AddonEnv {
  const emu = createEmulator({ locale: 'fr_FR', userLocale: 'fr', now: '2026-06-15T08:00:00Z', ...options });
  if (workbook) loadWorkbook(emu, workbook);
  const uninstall = emu.install();
  const realNow = clock.now;
  clock.now = () => emu.clock.now();
  return {
    emu,
    close() {
      clock.now = realNow;
      uninstall();
    },
  };
}

/** Monthly figures of a small French company, oldest first. */
export function salesWorkbook(months = 12): Record<string, unknown[][]> {
  const rows: unknown[][] = [['Mois', 'Dépenses', 'Nouveaux clients', 'CA']];
  for (let i = 0; i < months; i++) {
    rows.push([new Date(Date.UTC(2025, 6 + i, 1)), 5000 + 100 * i, 40 + i, 50000 * 1.05 ** i]);
  }
  return { Ventes: rows };
}

/** An objective as the sidebar would send it. */
export const salesObjective = (over: Partial<Objective> = {}): Partial<Objective> => ({
  title: 'Conquérir le marché lyonnais',
  description: 'Doubler la base clients à Lyon',
  horizon: '2027-06-30',
  level: 'strategic',
  owner: 'Claire',
  ...over,
});

/** A KPI over `salesWorkbook()`'s new customers, as the sidebar would send it (no objective unless given). */
export const salesKpi = (over: Partial<Kpi> = {}): Partial<Kpi> => ({
  name: 'Nouveaux clients par mois',
  definition: 'Nombre de clients signés dans le mois',
  unit: 'count',
  direction: 'higher',
  objectiveId: '',
  indicator: 'lagging',
  source: { kind: 'range', values: 'Ventes!C2:C13', dates: 'Ventes!A2:A13' },
  baseline: 40,
  target: 70,
  deadline: '2027-06-30',
  frequency: 'monthly',
  benchmark: null,
  owner: 'Claire',
  level: 'tactical',
  ...over,
});

/** The value of an accepted save; a refusal fails the test with its errors. */
export function saved<T>(r: { ok: true; value: T } | { ok: false; errors: unknown[] }): T {
  if (!r.ok) throw new Error(`not saved: ${JSON.stringify(r.errors)}`);
  return r.value;
}
