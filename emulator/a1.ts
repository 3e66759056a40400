/** A1 notation as Sheets reads and writes it: `A1`, `B2:D5`, `'My sheet'!A1:B2`, `A:A`, `2:2`, `A2:A`. */

export interface GridRange {
  sheetName?: string;
  /** 1-based, inclusive start; `numRows`/`numColumns` ≥ 1. Whole columns/rows are resolved against the sheet size. */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** The rows run to the end of the sheet (`A:A`, `A2:B`). */
  openRows?: boolean;
  /** The columns run to the end of the sheet (`2:2`). */
  openColumns?: boolean;
}

export function columnToLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Quotes a sheet name when Sheets would (anything but letters, digits and underscores, or a name like a cell). */
export function quoteSheetName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(true|false)$/i.test(name))
    return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** Splits `'My sheet'!A1:B2` into its sheet name (unquoted) and the range part. */
export function splitSheet(a1: string): { sheetName?: string; ref: string } {
  const text = a1.trim();
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { ref: text };
  let name = text.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, ref: text.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/**
 * Parses A1 notation. `maxRows`/`maxColumns` resolve open ends (`A:A`, `2:2`, `A2:A`); the result
 * remembers which ends were open, as Sheets does, so getA1Notation() gives the same text back.
 * Returns null when the text is not a range.
 */
export function parseA1(a1: string, maxRows: number, maxColumns: number): GridRange | null {
  const { sheetName, ref } = splitSheet(a1);
  if (!ref) return null;
  const parts = ref.split(':');
  if (parts.length > 2) return null;
  const ends = parts.map((p) => CELL.exec(p.trim()));
  if (ends.some((m) => !m || (!m[1] && !m[2]))) return null;
  const a = { col: ends[0]![1] ? lettersToColumn(ends[0]![1]) : 0, row: ends[0]![2] ? Number(ends[0]![2]) : 0 };
  if (parts.length === 1) {
    if (!a.col || !a.row) return null;
    return { sheetName, row: a.row, column: a.col, numRows: 1, numColumns: 1 };
  }
  const b = { col: ends[1]![1] ? lettersToColumn(ends[1]![1]) : 0, row: ends[1]![2] ? Number(ends[1]![2]) : 0 };
  const colsOpen = !a.col && !b.col;
  const rowsOpen = (!a.row && !b.row) || (a.row > 0 && !b.row && b.col > 0);
  if ((!a.col && !b.row) || (!a.row && !b.col && a.col && b.row)) return null; // "2:A", "A:2"
  const c1 = a.col || 1;
  const c2 = b.col || maxColumns;
  const r1 = a.row || 1;
  const r2 = b.row || maxRows;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  if (row < 1 || column < 1) return null;
  const out: GridRange = { sheetName, row, column, numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1 };
  if (rowsOpen) out.openRows = true;
  if (colsOpen) out.openColumns = true;
  return out;
}

/** A1 notation of a grid range, the way Range.getA1Notation() writes it (`A:A` for whole columns, `2:2` for whole rows). */
export function formatA1(r: GridRange): string {
  const lastRow = r.row + r.numRows - 1;
  const lastCol = r.column + r.numColumns - 1;
  const c1 = columnToLetters(r.column);
  const c2 = columnToLetters(lastCol);
  if (r.openColumns && !r.openRows) return `${r.row}:${lastRow}`;
  if (r.openRows) return r.row === 1 ? `${c1}:${c2}` : `${c1}${r.row}:${c2}`;
  if (r.numRows === 1 && r.numColumns === 1) return `${c1}${r.row}`;
  return `${c1}${r.row}:${c2}${lastRow}`;
}

/** Applies `rewrite` to a formula's code, leaving its "strings" and 'sheet names' (quotes doubled inside) as they are. */
export function rewriteOutsideQuotes(formula: string, rewrite: (code: string) => string): string {
  let out = '';
  let code = '';
  const flush = () => {
    out += rewrite(code);
    code = '';
  };
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      flush();
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j;
      continue;
    }
    code += ch;
  }
  flush();
  return out;
}

/** Moves the relative references of a formula by (rows, columns), as filling it into another cell does. */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return rewriteOutsideQuotes(formula, (code) =>
    code.replace(
      /(^|[^A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
      (_m, pre: string, absC: string, letters: string, absR: string, digits: string) => {
        const c = absC ? letters : columnToLetters(Math.max(1, lettersToColumn(letters) + columns));
        const r = absR ? digits : String(Math.max(1, Number(digits) + rows));
        return `${pre}${absC}${c}${absR}${r}`;
      },
    ),
  );
}
