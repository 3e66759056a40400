/**
 * An independent, deliberately small model of how Sheets hands arguments to a custom function:
 * `B2:C3` → rows of cells (blanks as ""), `B2` → the value, `5%` → 0.05, TRUE → true, "x" → 'x'.
 * Used to run the worked examples without a formula engine.
 */
import type { Arg, CellValue } from '../../src/core/metrics';
import type { Example } from '../../src/functions/examples';

const colIndex = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

export function cellAt(cells: Example['cells'], col: string, row: number): CellValue {
  const column = cells?.[col];
  const v = column?.[row - 2];
  return v === null || v === undefined ? '' : v;
}

function rangeValues(cells: Example['cells'], a1: string): CellValue[][] {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad range ${a1}`);
  const [c1, r1, c2, r2] = [colIndex(m[1]), +m[2], colIndex(m[3]), +m[4]];
  const rows: CellValue[][] = [];
  for (let r = r1; r <= r2; r++) {
    const line: CellValue[] = [];
    for (let c = c1; c <= c2; c++) line.push(cellAt(cells, String.fromCharCode(64 + c), r));
    rows.push(line);
  }
  return rows;
}

function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && ch === ',') {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

export function parseCall(formula: string, cells: Example['cells']): { name: string; args: Arg[] } {
  const m = /^=([A-Z_]+)\((.*)\)$/.exec(formula.trim());
  if (!m) throw new Error(`bad formula ${formula}`);
  const args = splitArgs(m[2]).map((a): Arg => {
    if (/^[A-Z]+\d+:[A-Z]+\d+$/.test(a)) return rangeValues(cells, a);
    const cell = /^([A-Z]+)(\d+)$/.exec(a);
    if (cell) return cellAt(cells, cell[1], +cell[2]);
    if (/^".*"$/.test(a)) return a.slice(1, -1);
    if (/^(TRUE|FALSE)$/i.test(a)) return a.toUpperCase() === 'TRUE';
    const pct = /^(-?[\d.]+)%$/.exec(a);
    if (pct) return Number(pct[1]) / 100;
    if (/^-?[\d.]+(e-?\d+)?$/i.test(a)) return Number(a);
    throw new Error(`unsupported argument ${a}`);
  });
  return { name: m[1], args };
}

/** Compares a result with an example's expectation: numbers to 1e-9 relative, columns cell by cell. */
export function expectResult(actual: unknown, expected: Example['expect']): void {
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    expect(actual as number).toBeCloseTo(expected, 9);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    const column = (actual as unknown[][]).map((row) => {
      expect(row).toHaveLength(1);
      return row[0];
    });
    expect(column).toHaveLength(expected.length);
    expected.forEach((x, i) => {
      x === '' ? expect(column[i]).toBe('') : expect(column[i] as number).toBeCloseTo(x, 9);
    });
  } else throw new Error('expectResult is for values; errors are checked with toThrow');
}
