/**
 * One sheet as the page draws it: displayed text, formulas, styles with the conditional formats
 * applied, sparklines (the emulator reads SPARKLINE as "": drawn here from its arguments), and
 * the charts the add-on built with the data their ranges hold now.
 */
import type { ConditionalFormatView, Emulator } from '../emulator';
import { dateToSerial } from '../emulator/dates';
import { editText } from '../emulator/typed-input';
import { OWNER_KEY } from '../src/addon/owned-sheets';
import { type Expr, parseFormula, walk } from '../src/core/formula';
import { evaluateCondition } from './condition';
import type { CellOut, ChartOut, SheetView, SparklineOut } from './page/types';
import { spillsOf } from './spill';

const DEFAULT_WIDTH = 100;
const DEFAULT_HEIGHT = 21;

export function colLetters(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function parseCell(a1: string): { row: number; column: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1.toUpperCase());
  if (!m) return null;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

/** `'Sheet'!B2:C9` or `B2:C9` → its sheet (or `current`) and rectangle. */
export function parseRange(
  text: string,
  current: string,
): { sheet: string; r1: number; c1: number; r2: number; c2: number } | null {
  const bang = text.lastIndexOf('!');
  let sheet = current;
  let ref = text;
  if (bang >= 0) {
    sheet = text.slice(0, bang).trim();
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = text.slice(bang + 1);
  }
  const [a, b = a] = ref.trim().split(':');
  const p = parseCell(a);
  const q = parseCell(b);
  if (!p || !q) return null;
  return {
    sheet,
    r1: Math.min(p.row, q.row),
    c1: Math.min(p.column, q.column),
    r2: Math.max(p.row, q.row),
    c2: Math.max(p.column, q.column),
  };
}

/** Each sheet's kind: the add-on's tag (`dashboard`, `history`, `runlog`, …) or `data`. */
export function sheetKinds(emu: Emulator): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(emu.sheetNames().map((n) => [n, 'data']));
  for (const m of emu.metadata())
    if (m.key === OWNER_KEY && m.locationType === 'SHEET' && m.sheet) out[m.sheet] = m.value ?? 'boussole';
  return out;
}

/** Values of a rectangle, read from the engine (beyond the data range: blanks). */
function block(
  emu: Emulator,
  sheet: string,
  r1: number,
  c1: number,
  r2: number,
  c2: number,
  values: Map<string, unknown[][]>,
): unknown[][] {
  let all = values.get(sheet);
  if (!all) {
    all = emu.sheetNames().includes(sheet) ? emu.sheetValues(sheet) : [];
    values.set(sheet, all);
  }
  const out: unknown[][] = [];
  for (let r = r1; r <= r2; r++) {
    const row: unknown[] = [];
    for (let c = c1; c <= c2; c++) row.push(all[r - 1]?.[c - 1] ?? '');
    out.push(row);
  }
  return out;
}

/**
 * A SPARKLINE drawn from its arguments, read in the sheet's syntax: the data (a range, or
 * FILTER(range, …) as Boussole writes it: exactly the numbers) and the options (an array
 * literal or a two-column range of name/value pairs).
 */
function sparkline(
  emu: Emulator,
  sheet: string,
  formula: string,
  values: Map<string, unknown[][]>,
): Omit<SparklineOut, 'row' | 'column'> | null {
  const parsed = parseFormula(formula, emu.formulaSyntax());
  if (!parsed.ok) return null;
  const call = [...walk(parsed.expr)].find((e) => e.kind === 'call' && e.fn === 'SPARKLINE');
  if (call?.kind !== 'call' || !call.args[0]) return null;
  let data: Expr = call.args[0];
  const filtered = data.kind === 'call' && data.fn === 'FILTER';
  if (data.kind === 'call' && data.fn === 'FILTER' && data.args[0]) data = data.args[0];
  if (data.kind !== 'ref') return null;
  const range = parseRange(data.a1, sheet);
  if (!range) return null;
  const nums = block(emu, range.sheet, range.r1, range.c1, range.r2, range.c2, values)
    .flat()
    .map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null))
    .filter((v) => !filtered || v !== null);
  const options: Record<string, string> = {};
  const pairs: unknown[][] = [];
  const o = call.args[1];
  if (o?.kind === 'array') {
    for (const row of o.rows) pairs.push(row.map((x) => (x.kind === 'text' || x.kind === 'number' ? x.value : '')));
  } else if (o?.kind === 'ref') {
    const r = parseRange(o.a1, sheet);
    if (r) pairs.push(...block(emu, r.sheet, r.r1, r.c1, r.r2, r.c2, values));
  }
  for (const [k, v] of pairs) if (typeof k === 'string' && k) options[k.toLowerCase()] = String(v ?? '');
  const type =
    options.charttype === 'column' || options.charttype === 'bar' || options.charttype === 'winloss'
      ? options.charttype
      : 'line';
  return { values: nums, type, color: options.color ?? options.color1 ?? null };
}

function applyConditionalFormats(
  emu: Emulator,
  sheet: string,
  rules: ConditionalFormatView[],
  cells: (CellOut | null)[][],
  values: Map<string, unknown[][]>,
): void {
  const all = values.get(sheet) ?? emu.sheetValues(sheet);
  values.set(sheet, all);
  const get = (r: number, c: number) => all[r - 1]?.[c - 1] ?? '';
  const done = new Set<string>(); // the first matching rule wins, as in Sheets
  for (const rule of rules) {
    for (const rangeText of rule.ranges) {
      const range = parseRange(rangeText, sheet);
      if (!range || range.sheet !== sheet) continue;
      for (let r = range.r1; r <= range.r2; r++) {
        for (let c = range.c1; c <= range.c2; c++) {
          const key = `${r},${c}`;
          if (done.has(key)) continue;
          let hit = false;
          if (rule.criteria === 'TEXT_EQUAL_TO') hit = String(get(r, c)) === String(rule.values[0]);
          else if (rule.criteria === 'CUSTOM_FORMULA')
            hit =
              evaluateCondition(
                String(rule.values[0]),
                emu.formulaSyntax(),
                { row: r - range.r1, column: c - range.c1 },
                get,
              ) === true;
          else if (rule.criteria === 'NUMBER_GREATER_THAN')
            hit = typeof get(r, c) === 'number' && (get(r, c) as number) > Number(rule.values[0]);
          else if (rule.criteria === 'NUMBER_LESS_THAN')
            hit = typeof get(r, c) === 'number' && (get(r, c) as number) < Number(rule.values[0]);
          if (!hit) continue;
          done.add(key);
          cells[r - 1] ??= [];
          const cell = cells[r - 1]?.[c - 1] ?? { v: '' };
          cell.s = { ...cell.s };
          if (rule.format.background) cell.s.background = rule.format.background;
          if (rule.format.fontColor) cell.s.color = rule.format.fontColor;
          if (rule.format.bold) cell.s.bold = true;
          cells[r - 1][c - 1] = cell;
        }
      }
    }
  }
}

function chartOut(
  emu: Emulator,
  sheet: string,
  chart: ReturnType<Emulator['charts']>[number],
  values: Map<string, unknown[][]>,
  display: Map<string, string[][]>,
): ChartOut {
  // Every range's columns side by side: the first is the domain, the others are series.
  const columns: { head: string[]; labels: string[]; data: (number | null)[] }[] = [];
  // The number format of the first series' first value: a chart built through the Sheets API
  // has no axis format option, and Sheets labels its value axis in the source cells' format.
  let sourceFormat: string | undefined;
  for (const text of chart.ranges) {
    const range = parseRange(text, sheet);
    if (!range) continue;
    const vals = block(emu, range.sheet, range.r1, range.c1, range.r2, range.c2, values);
    let disp = display.get(range.sheet);
    if (!disp) {
      disp = emu.sheetNames().includes(range.sheet) ? emu.snapshot(range.sheet).display : [];
      display.set(range.sheet, disp);
    }
    for (let c = 0; c <= range.c2 - range.c1; c++) {
      const head: string[] = [];
      const labels: string[] = [];
      const data: (number | null)[] = [];
      vals.forEach((row, r) => {
        const text = disp![range.r1 - 1 + r]?.[range.c1 - 1 + c] ?? '';
        if (r < chart.numHeaders) head.push(text);
        else {
          labels.push(text);
          data.push(typeof row[c] === 'number' && Number.isFinite(row[c] as number) ? (row[c] as number) : null);
        }
      });
      if (columns.length === 1 && sourceFormat === undefined && chart.spec) {
        const first = `${colLetters(range.c1 + c)}${range.r1 + chart.numHeaders}`;
        sourceFormat = emu.snapshot(range.sheet).formats[first]?.numberFormat;
      }
      columns.push({ head, labels, data });
    }
  }
  const [domain, ...series] = columns;
  // Rows with an empty domain are padding below the data: drop them.
  const keep = (domain?.labels ?? []).map((l, i) => l !== '' || series.some((s) => s.data[i] !== null));
  const o = { ...(chart.options as Record<string, unknown>) };
  // API charts: a dashed series (lineStyle) is drawn dashed.
  const styles = o.series as Record<string, { lineDashType?: string }> | undefined;
  if (styles)
    o.series = Object.fromEntries(
      Object.entries(styles).map(([k, v]) => [
        k,
        v.lineDashType && v.lineDashType !== 'SOLID'
          ? { lineDashStyle: v.lineDashType === 'DOTTED' ? [2, 3] : [6, 4] }
          : {},
      ]),
    );
  const axis = (o.vAxis ?? {}) as Record<string, unknown>;
  if (sourceFormat && axis.format === undefined) o.vAxis = { ...axis, format: sourceFormat };
  const scorecard = chart.spec?.scorecardChart ? scorecardOut(chart, columns, emu) : undefined;
  return {
    ...(scorecard && { scorecard }),
    type: chart.type,
    title: typeof o.title === 'string' ? o.title : '',
    labels: (domain?.labels ?? []).filter((_, i) => keep[i]),
    series: series.map((s) => ({ name: s.head.join(' ') || '', data: s.data.filter((_, i) => keep[i]) })),
    options: o,
    anchorRow: chart.position.anchorRow,
    anchorColumn: chart.position.anchorColumn,
    offsetX: chart.position.offsetX,
    offsetY: chart.position.offsetY,
    width: typeof o.width === 'number' ? o.width : 600,
    height: typeof o.height === 'number' ? o.height : 371,
  };
}

const hex = (c: { red?: number; green?: number; blue?: number } | undefined): string =>
  c
    ? `#${[c.red, c.green, c.blue]
        .map((x) =>
          Math.round((x ?? 0) * 255)
            .toString(16)
            .padStart(2, '0'),
        )
        .join('')}`
    : '#202124';

/** The scorecard as Sheets shows it: the key value (scaled, with prefix/suffix) and the change vs the baseline. */
function scorecardOut(
  chart: ReturnType<Emulator['charts']>[number],
  columns: { head: string[]; labels: string[]; data: (number | null)[] }[],
  emu: Emulator,
): ChartOut['scorecard'] {
  const spec = chart.spec!.scorecardChart!;
  const locale = emu.spreadsheet.getSpreadsheetLocale().replace('_', '-');
  const key = columns[0]?.data[0] ?? (columns[0] ? Number(columns[0].labels[0]) : null);
  const keyText = columns[0]?.labels[0] ?? '';
  const base = columns[1]?.data[0] ?? (columns[1] ? Number(columns[1].labels[0]) : null);
  const k = typeof key === 'number' && Number.isFinite(key) ? key : null;
  let value = keyText;
  if (k !== null && spec.numberFormatSource === 'CUSTOM') {
    const scaled = k / (spec.scaleFactor ?? 1);
    const digits = Math.abs(scaled) >= 100 ? 0 : Math.abs(scaled) >= 10 ? 1 : 2;
    const n = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(scaled);
    value = `${spec.customFormatOptions?.prefix ?? ''}${n}${spec.customFormatOptions?.suffix ?? ''}`;
  }
  let change = '';
  let color = '#5f6368';
  const b = typeof base === 'number' && Number.isFinite(base) ? base : null;
  const f = spec.baselineValueFormat;
  if (k !== null && b !== null && f) {
    const pct = f.comparisonType === 'PERCENTAGE_DIFFERENCE';
    const d = pct ? (b === 0 ? null : (k - b) / Math.abs(b)) : k - b;
    if (d !== null) {
      const text = new Intl.NumberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: 1,
        minimumFractionDigits: 1,
      }).format(Math.abs(d));
      change = `${d > 0 ? '▲' : d < 0 ? '▼' : '►'} ${text}${f.description ? ` ${f.description}` : ''}`;
      color = d > 0 ? hex(f.positiveColor) : d < 0 ? hex(f.negativeColor) : '#5f6368';
    }
  }
  return { value, change, color };
}

export function sheetView(emu: Emulator, name: string, errorsWanted = true): SheetView {
  const snap = emu.snapshot(name);
  const values = new Map<string, unknown[][]>([[name, snap.values]]);
  const display = new Map<string, string[][]>([[name, snap.display]]);
  const rows = Math.max(snap.values.length, 1);
  const cols = Math.max(snap.values[0]?.length ?? 0, 1);
  const cells: (CellOut | null)[][] = [];
  const sparklines: SparklineOut[] = [];
  const locale = emu.spreadsheet.getSpreadsheetLocale();
  const zone = emu.spreadsheet.getSpreadsheetTimeZone();
  const spills = spillsOf(emu, name);
  for (let r = 0; r < rows; r++) {
    const line: (CellOut | null)[] = [];
    for (let c = 0; c < cols; c++) {
      const v = snap.values[r]?.[c];
      const d = snap.display[r]?.[c] ?? '';
      const f = snap.formulas[r]?.[c] ?? '';
      if (d === '' && f === '' && (v === '' || v === undefined)) {
        line.push(null);
        continue;
      }
      const cell: CellOut = { v: d };
      const spill = f ? undefined : spills.byCell.get(`${r + 1},${c + 1}`);
      if (f) cell.f = f;
      else if (spill) cell.of = snap.formulas[spill.row - 1]?.[spill.column - 1];
      else if (v !== undefined && v !== '') {
        // The formula bar shows the raw value (76220, not "76 220 €"), typed back unchanged.
        const format = snap.formats[`${colLetters(c + 1)}${r + 1}`]?.numberFormat ?? 'General';
        const raw = v instanceof Date ? dateToSerial(v, zone) : v;
        const input = editText(raw, format, locale);
        if (input !== d) cell.i = input;
      }
      if (typeof v === 'number' || v instanceof Date) cell.n = 1;
      if (typeof v === 'string' && /^#[A-Z0-9/!?]+$/.test(v) && f && errorsWanted) {
        const e = emu.cell(`'${name.replace(/'/g, "''")}'!${colLetters(c + 1)}${r + 1}`).error;
        if (e) cell.e = e.message || e.code;
      }
      if (f && /SPARKLINE\s*\(/i.test(f)) {
        const sp = sparkline(emu, name, f, values);
        if (sp) sparklines.push({ ...sp, row: r + 1, column: c + 1 });
      }
      line.push(cell);
    }
    cells.push(line);
  }
  for (const [a1, style] of Object.entries(snap.formats)) {
    const p = parseCell(a1);
    if (!p || p.row > rows || p.column > cols) continue;
    const cell = cells[p.row - 1][p.column - 1] ?? { v: '' };
    const s: CellOut['s'] = {};
    if (style.background && style.background !== '#ffffff') s.background = style.background;
    if (style.fontColor && style.fontColor !== '#000000') s.color = style.fontColor;
    if (style.fontWeight === 'bold') s.bold = true;
    if (style.fontStyle === 'italic') s.italic = true;
    if (style.fontSize && style.fontSize !== 10) s.size = style.fontSize;
    if (style.horizontalAlignment) s.align = style.horizontalAlignment.toLowerCase();
    if (style.wrap) s.wrap = true;
    if (Object.keys(s).length) {
      cell.s = s;
      cells[p.row - 1][p.column - 1] = cell;
    }
  }
  applyConditionalFormats(emu, name, snap.conditionalFormats, cells, values);
  const widths = Array.from({ length: cols }, (_, c) => snap.columnWidths[c + 1] ?? DEFAULT_WIDTH);
  const heights = Array.from({ length: rows }, (_, r) => snap.rowHeights[r + 1] ?? DEFAULT_HEIGHT);
  const charts = snap.charts.map((c) => chartOut(emu, name, c, values, display));
  // The grid extends under the charts.
  let extraRows = 0;
  for (const c of charts) {
    const needed = c.anchorRow - 1 + Math.ceil((c.offsetY + c.height) / DEFAULT_HEIGHT) + 1;
    extraRows = Math.max(extraRows, needed - rows);
  }
  return {
    name,
    kind: snap.metadata.find((m) => m.key === OWNER_KEY && m.locationType === 'SHEET')?.value ?? 'data',
    rows,
    cols,
    padRows: Math.max(extraRows, 0),
    widths,
    heights,
    hiddenColumns: snap.hiddenColumns,
    hiddenRows: snap.hiddenRows,
    frozenRows: snap.frozenRows,
    frozenColumns: snap.frozenColumns,
    cells,
    charts,
    sparklines,
  };
}
