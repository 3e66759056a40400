/**
 * Where one-formula-per-table results spill: each formula cell whose result fills more cells,
 * the rectangle it fills, and for each filled cell the formula it comes from. The view shows the
 * source formula in the formula bar of a filled cell (as Sheets does, greyed); the .xlsx export
 * writes the formula as an array formula over that rectangle, with every value cached.
 */
import type { Emulator } from '../emulator';
import type { Instrumentation } from '../emulator/instrument';
import type { EmuSheet } from '../emulator/spreadsheet/sheet';
import type { EmuSpreadsheet } from '../emulator/spreadsheet/spreadsheet';

export interface Spill {
  /** 1-based anchor (the formula cell) and size of the filled rectangle, anchor included. */
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface SpillMap {
  /** By anchor `"r,c"`. */
  byAnchor: Map<string, Spill>;
  /** By filled cell `"r,c"` (anchors excluded). */
  byCell: Map<string, Spill>;
}

export function emuSheet(emu: Emulator, name: string): EmuSheet {
  const instr = emu.calls as unknown as Instrumentation;
  const ss = instr.unwrap(emu.spreadsheet) as unknown as EmuSpreadsheet;
  const sheet = ss.sheetByName(name);
  if (!sheet) throw new Error(`no sheet named ${name}`);
  return sheet;
}

export function spillsOf(emu: Emulator, name: string): SpillMap {
  const sheet = emuSheet(emu, name);
  const hf = sheet.ss.engine.hf;
  const inArray = (r: number, c: number) => hf.isCellPartOfArray({ sheet: sheet.hfId, row: r - 1, col: c - 1 });
  const own = (r: number, c: number) => {
    const cell = sheet.cell(r, c);
    return Boolean(cell && (cell.f !== undefined || (cell.v !== undefined && cell.v !== '')));
  };
  const byAnchor = new Map<string, Spill>();
  const byCell = new Map<string, Spill>();
  sheet.rows.forEach((line, i) => {
    line?.forEach((cell, j) => {
      if (!cell || cell.f === undefined) return;
      const [r, c] = [i + 1, j + 1];
      if (!inArray(r, c)) return;
      let rows = 1;
      while (!own(r + rows, c) && inArray(r + rows, c)) rows++;
      let columns = 1;
      while (!own(r, c + columns) && inArray(r, c + columns)) columns++;
      if (rows === 1 && columns === 1) return;
      const spill = { row: r, column: c, rows, columns };
      byAnchor.set(`${r},${c}`, spill);
      for (let a = 0; a < rows; a++)
        for (let b = 0; b < columns; b++) if (a || b) byCell.set(`${r + a},${c + b}`, spill);
    });
  });
  return { byAnchor, byCell };
}
