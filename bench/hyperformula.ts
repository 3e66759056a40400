/**
 * HyperFormula as a peer: a workbook holding the data on sheet `data` and one formula on sheet
 * `calc`. Building the workbook and the formula's first evaluation are setup; what is timed is a
 * recalculation: one input cell is edited (HyperFormula recomputes its dependents synchronously)
 * and the formula's value read back.
 */
import { HyperFormula } from 'hyperformula';
import { msSince, now } from './harness';

const CONFIG = { licenseKey: 'gpl-v3', smartRounding: false } as const;

export const hfHasFunction = (name: string): boolean => HyperFormula.getRegisteredFunctionNames('enGB').includes(name);

export class HfWorkbook {
  readonly hf: HyperFormula;
  readonly data: number;
  readonly calc: number;
  readonly buildMs: number;
  private readonly original: number;
  private flips = 0;

  /** `rows` go to data!A1…; the cell edited to force a recalculation is data!A1. */
  constructor(readonly rows: number[][]) {
    const t0 = now();
    this.hf = HyperFormula.buildFromSheets(
      { data: rows, calc: [[]] },
      { ...CONFIG, maxRows: Math.max(40_000, rows.length + 1), maxColumns: Math.max(26, rows[0]?.length ?? 0) },
    );
    this.buildMs = msSince(t0);
    this.data = this.hf.getSheetId('data')!;
    this.calc = this.hf.getSheetId('calc')!;
    this.original = rows[0][0];
  }

  /** Puts `formula` in calc!A1 and returns how long its first evaluation took. */
  setFormula(formula: string): number {
    const t0 = now();
    this.hf.setCellContents({ sheet: this.calc, row: 0, col: 0 }, [[formula]]);
    this.value();
    return msSince(t0);
  }

  value(): number {
    const v = this.hf.getCellValue({ sheet: this.calc, row: 0, col: 0 });
    if (typeof v !== 'number') throw new Error(`HyperFormula returned ${JSON.stringify(v)}`);
    return v;
  }

  /** Edits data!A1 (alternately +1 and back) and reads the recomputed formula: the timed call. */
  recalc(): number {
    this.flips++;
    this.hf.setCellContents({ sheet: this.data, row: 0, col: 0 }, [[this.original + (this.flips % 2)]]);
    return this.value();
  }

  /** Puts the original data back and returns the formula's value on it. */
  settled(): number {
    if (this.flips % 2) this.recalc();
    return this.value();
  }

  destroy(): void {
    this.hf.destroy();
  }
}

/** A1-style reference to rows 1…n of one column of sheet `data`. */
export const col = (letter: string, n: number): string => `data!${letter}1:${letter}${n}`;
