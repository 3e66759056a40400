/** The add-on's shell running on the emulator: services on globalThis, the clock routed to the emulator's. */
import { createEmulator, loadWorkbook, type Emulator, type EmulatorOptions } from '../../emulator';
import { clock } from '../../src/addon/clock';

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
