/**
 * A workbook as plain data (JSON): what a file opened in the playground holds, what the .xlsx
 * export writes, and the starting point of a workbook opened from a file (kept in state.json and
 * loaded again at each restart). `bookOf` reads one from the emulator; `loadBook` fills a fresh
 * emulator with one, the way Sheets' own import would: cells and their looks directly, the
 * objects that have builders (conditional formats, validation, charts, protections, metadata)
 * through the Apps Script API.
 */
import type {
  ChartView,
  ConditionalFormatView,
  Emulator,
  MetadataView,
  ProtectionView,
  SheetsValue,
  Style,
} from '../emulator';
import { parseA1 } from '../emulator/a1';
import { dateToSerial } from '../emulator/dates';
import type { Instrumentation } from '../emulator/instrument';
import type { EmuDataValidation } from '../emulator/spreadsheet/rules';
import type { EmuSheet } from '../emulator/spreadsheet/sheet';
import type { EmuSpreadsheet } from '../emulator/spreadsheet/spreadsheet';
import { needsApostrophe } from '../emulator/typed-input';
import { spillsOf } from './spill';
import { colLetters } from './view';

/** A stored cell: a number (dates are serial numbers under a date format), text, a boolean, a formula. */
export type BookValue = null | number | string | boolean | { f: string };

export type ValidationView = ReturnType<EmuDataValidation['view']>;

export interface BookSheet {
  name: string;
  /** Sheets' own id (kept so the add-on's tags, which name it, still match). */
  sheetId?: number;
  hidden?: boolean;
  tabColor?: string | null;
  maxRows?: number;
  maxColumns?: number;
  /** The data range from A1, dense; `null` for blanks and for cells a spilling formula fills. */
  values: BookValue[][];
  /** What the cells show, for the export's cached results (formulas and the cells they fill). */
  results?: (number | string | boolean)[][];
  /** Formulas whose result fills a rectangle: anchor and size (1-based). */
  spills?: { row: number; column: number; rows: number; columns: number }[];
  /** Non-default looks by A1 (number format, font, fill, alignment, border). */
  styles?: Record<string, Style>;
  notes?: Record<string, string>;
  validations?: Record<string, ValidationView>;
  merges?: string[];
  frozenRows?: number;
  frozenColumns?: number;
  /** Pixels, by 1-based column / row. */
  columnWidths?: Record<string, number>;
  rowHeights?: Record<string, number>;
  hiddenColumns?: number[];
  hiddenRows?: number[];
  conditionalFormats?: ConditionalFormatView[];
  charts?: ChartView[];
  protections?: ProtectionView[];
  /** Developer metadata on the sheet and on its rows/columns. */
  metadata?: MetadataView[];
}

export interface Book {
  sheets: BookSheet[];
  /** Spreadsheet settings a Boussole export carries (a foreign file has none). */
  spreadsheet?: { name: string; locale: string; timeZone: string };
  /** The sheet shown first. */
  activeSheet?: string;
  /** Spreadsheet-level developer metadata. */
  metadata?: MetadataView[];
  /** The document properties (the add-on's schedule, last run…). */
  properties?: Record<string, string>;
  /** The emulated clock when the export was made. */
  now?: string;
}

export const emuOf = (emu: Emulator): EmuSpreadsheet =>
  (emu.calls as unknown as Instrumentation).unwrap(emu.spreadsheet) as unknown as EmuSpreadsheet;

function resultOf(v: SheetsValue, zone: string): number | string | boolean {
  return v instanceof Date ? dateToSerial(v, zone) : v;
}

/** Everything the playground's workbook holds, as plain data (see `Book`). */
export function bookOf(emu: Emulator): Book {
  const ss = emuOf(emu);
  const zone = ss.timeZone;
  const sheets: BookSheet[] = ss.sheets.map((sheet) => {
    const snap = emu.snapshot(sheet.name);
    const spills = spillsOf(emu, sheet.name);
    const height = snap.values.length;
    const width = snap.values[0]?.length ?? 0;
    const values: BookValue[][] = [];
    const results: (number | string | boolean)[][] = [];
    for (let r = 1; r <= height; r++) {
      const line: BookValue[] = [];
      const shown: (number | string | boolean)[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = sheet.cell(r, c);
        line.push(cell?.f !== undefined ? { f: cell.f } : cell?.v !== undefined && cell.v !== '' ? cell.v : null);
        shown.push(resultOf(snap.values[r - 1]?.[c - 1] ?? '', zone));
      }
      values.push(line);
      results.push(shown);
    }
    const out: BookSheet = {
      name: sheet.name,
      sheetId: sheet.sheetId,
      hidden: snap.hidden || undefined,
      tabColor: snap.tabColor ?? undefined,
      maxRows: snap.maxRows,
      maxColumns: snap.maxColumns,
      values,
      results,
      spills: [...spills.byAnchor.values()],
      styles: snap.formats,
      notes: snap.notes,
      validations: snap.validations,
      merges: snap.merges,
      frozenRows: snap.frozenRows,
      frozenColumns: snap.frozenColumns,
      columnWidths: snap.columnWidths,
      rowHeights: snap.rowHeights,
      hiddenColumns: snap.hiddenColumns,
      hiddenRows: snap.hiddenRows,
      conditionalFormats: snap.conditionalFormats,
      charts: snap.charts,
      protections: snap.protections,
      metadata: snap.metadata,
    };
    return out;
  });
  return {
    sheets,
    spreadsheet: {
      name: ss.name,
      locale: ss.locale,
      timeZone: ss.timeZone,
    },
    activeSheet: ss.activeSheet?.name,
    metadata: emu.metadata().filter((m) => m.locationType === 'SPREADSHEET'),
    properties: emu.properties.document(),
    now: emu.clock.now().toISOString(),
  };
}

/** A load that failed at a place a person can find: which sheet, which row. */
export class BookLoadError extends Error {
  override name = 'BookLoadError';
  constructor(
    readonly sheet: string,
    readonly row: number | null,
    readonly why: string,
  ) {
    super(why);
  }
}

const ROWS_PER_WRITE = 500;

function writeValues(sheet: EmuSheet, values: BookValue[][], locale: string): void {
  let width = 0;
  for (const r of values) width = Math.max(width, r?.length ?? 0);
  if (!values.length || !width) return;
  const input = (v: BookValue) =>
    v === null ? null : typeof v === 'object' ? v.f : typeof v === 'string' && needsApostrophe(v, locale) ? `'${v}` : v;
  const block = (from: number, to: number) =>
    values.slice(from, to).map((r) => Array.from({ length: width }, (_, c) => input(r[c] ?? null)));
  const write = (from: number, to: number) =>
    sheet.range({ row: from + 1, column: 1, numRows: to - from, numColumns: width }).setValues(block(from, to));
  for (let from = 0; from < values.length; from += ROWS_PER_WRITE) {
    const to = Math.min(values.length, from + ROWS_PER_WRITE);
    try {
      write(from, to);
    } catch {
      // Find the row that cannot be written, to say where.
      for (let r = from; r < to; r++) {
        try {
          write(r, r + 1);
        } catch (e) {
          throw new BookLoadError(sheet.name, r + 1, e instanceof Error ? e.message : String(e));
        }
      }
    }
  }
}

const rangeIn = (sheet: GoogleAppsScript.Spreadsheet.Sheet, text: string) => {
  const bang = text.lastIndexOf('!');
  return sheet.getRange(bang < 0 ? text : text.slice(bang + 1));
};

/** The range a view names (`'Sheet'!A1:B2` or `A1:B2` on `sheet`). */
function rangeNamed(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  text: string,
) {
  const g = parseA1(text, 1, 1);
  const other = g?.sheetName !== undefined ? ss.getSheetByName(g.sheetName) : null;
  return rangeIn(other ?? sheet, text);
}

function buildRule(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  rule: ConditionalFormatView,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  let b = SpreadsheetApp.newConditionalFormatRule();
  if (rule.gradient) {
    const g = rule.gradient;
    const point = (
      p: [string, string, string?] | undefined,
      plain: (c: string) => typeof b,
      valued: (c: string, t: GoogleAppsScript.Spreadsheet.InterpolationType, v: string) => typeof b,
    ) => {
      if (!p) return;
      b = p[2] === undefined ? plain(p[0]) : valued(p[0], p[1] as never, p[2]);
    };
    point(
      g.min,
      (c) => b.setGradientMinpoint(c),
      (c, t, v) => b.setGradientMinpointWithValue(c, t, v),
    );
    if (g.mid) b = b.setGradientMidpointWithValue(g.mid[0], g.mid[1] as never, g.mid[2] ?? '');
    point(
      g.max,
      (c) => b.setGradientMaxpoint(c),
      (c, t, v) => b.setGradientMaxpointWithValue(c, t, v),
    );
  } else if (rule.criteria) {
    b = b.withCriteria(rule.criteria as never, rule.values as unknown[]);
  }
  const f = rule.format;
  if (f.background) b = b.setBackground(f.background);
  if (f.fontColor) b = b.setFontColor(f.fontColor);
  if (f.bold !== undefined && f.bold !== null) b = b.setBold(f.bold);
  if (f.italic !== undefined && f.italic !== null) b = b.setItalic(f.italic);
  if (f.underline !== undefined && f.underline !== null) b = b.setUnderline(f.underline);
  if (f.strikethrough !== undefined && f.strikethrough !== null) b = b.setStrikethrough(f.strikethrough);
  return b.setRanges(rule.ranges.map((r) => rangeNamed(ss, sheet, r))).build();
}

function buildValidation(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  v: ValidationView,
): GoogleAppsScript.Spreadsheet.DataValidation {
  const values =
    v.criteria === 'VALUE_IN_RANGE' && typeof v.values[0] === 'string'
      ? [rangeNamed(ss, sheet, v.values[0]), ...v.values.slice(1)]
      : v.values;
  let b = SpreadsheetApp.newDataValidation().withCriteria(v.criteria as never, values as unknown[]);
  b = b.setAllowInvalid(v.allowInvalid);
  if (v.helpText) b = b.setHelpText(v.helpText);
  return b.build();
}

function buildChart(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  c: ChartView,
) {
  if (c.spec) {
    // A chart the Sheets API made (a scorecard exists only there): made again the same way, same id.
    const width = typeof c.options.width === 'number' ? c.options.width : undefined;
    const height = typeof c.options.height === 'number' ? c.options.height : undefined;
    (Sheets as NonNullable<typeof Sheets>).Spreadsheets.batchUpdate(
      {
        requests: [
          {
            addChart: {
              chart: {
                ...(c.chartId !== null ? { chartId: c.chartId } : {}),
                spec: c.spec,
                position: {
                  overlayPosition: {
                    anchorCell: {
                      sheetId: sheet.getSheetId(),
                      rowIndex: c.position.anchorRow - 1,
                      columnIndex: c.position.anchorColumn - 1,
                    },
                    offsetXPixels: c.position.offsetX,
                    offsetYPixels: c.position.offsetY,
                    widthPixels: width,
                    heightPixels: height,
                  },
                },
              },
            },
          },
        ],
      },
      ss.getId(),
    );
    return;
  }
  let b = sheet.newChart().setChartType(c.type as never);
  for (const r of c.ranges) b = b.addRange(rangeNamed(ss, sheet, r));
  for (const [k, v] of Object.entries(c.options)) b = b.setOption(k, v);
  b = b
    .setPosition(c.position.anchorRow, c.position.anchorColumn, c.position.offsetX, c.position.offsetY)
    .setNumHeaders(c.numHeaders)
    .setTransposeRowsAndColumns(c.transpose)
    .setMergeStrategy(c.mergeStrategy as never)
    .setHiddenDimensionStrategy(c.hiddenDimensionStrategy as never);
  sheet.insertChart(b.build());
}

function protect(sheet: GoogleAppsScript.Spreadsheet.Sheet, p: ProtectionView) {
  const protection = p.type === 'SHEET' ? sheet.protect() : rangeIn(sheet, p.range).protect();
  protection.setDescription(p.description).setWarningOnly(p.warningOnly);
  if (!p.warningOnly && p.editors.length) protection.addEditors(p.editors);
  if (p.type === 'SHEET' && p.unprotectedRanges.length)
    protection.setUnprotectedRanges(p.unprotectedRanges.map((r) => rangeIn(sheet, r)));
  if (!p.warningOnly) protection.setDomainEdit(p.domainEdit);
}

function tag(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, m: MetadataView): void {
  const visibility = SpreadsheetApp.DeveloperMetadataVisibility[m.visibility];
  const value = m.value ?? '';
  if (m.locationType === 'SPREADSHEET') return void ss.addDeveloperMetadata(m.key, value, visibility);
  const sheet = m.sheet ? ss.getSheetByName(m.sheet) : null;
  if (!sheet) return;
  if (m.locationType === 'SHEET') return void sheet.addDeveloperMetadata(m.key, value, visibility);
  const [a, b] = m.span ?? [1, 1];
  const span = m.locationType === 'ROW' ? `${a}:${b}` : `${colLetters(a)}:${colLetters(b)}`;
  sheet.getRange(span).addDeveloperMetadata(m.key, value, visibility);
}

/**
 * Fills the (fresh, empty) active spreadsheet of `emu` with `book`. Cells, looks and sizes are
 * written to the store directly; rules, charts, protections and metadata through the Apps Script
 * services, which must be installed (run inside one execution). Throws BookLoadError.
 */
export function loadBook(emu: Emulator, book: Book): void {
  const ss = emuOf(emu);
  // The fresh spreadsheet's one sheet is reused for the book's sheet with its id (or the first one).
  const placeholder = ss.sheets.length === 1 && ss.sheets[0]?.getLastRow() === 0 ? ss.sheets[0] : null;
  const reuse = placeholder
    ? (book.sheets.find((s) => s.sheetId === placeholder.sheetId) ??
      (book.sheets.every((s) => s.sheetId === undefined) ? book.sheets[0] : undefined))
    : undefined;
  if (placeholder) ss.renameSheet(placeholder, `~placeholder ${placeholder.sheetId}~`);
  const made: EmuSheet[] = [];
  for (const s of book.sheets) {
    if (placeholder && s === reuse) {
      ss.renameSheet(placeholder, s.name);
      made.push(placeholder);
    } else made.push(ss.addSheet(s.name, undefined, s.sheetId));
  }
  if (placeholder && !reuse) ss.deleteSheet(placeholder as never);
  ss.sheets.splice(0, ss.sheets.length, ...made);
  const locale = ss.locale;
  book.sheets.forEach((s, i) => {
    const sheet = made[i] as EmuSheet;
    const rows = Math.max(s.maxRows ?? 0, s.values.length);
    let columns = s.maxColumns ?? 0;
    for (const r of s.values) columns = Math.max(columns, r?.length ?? 0);
    // The grid's own size (a generated sheet is sized to what it holds): grown, or cut down to it.
    if (rows > sheet.maxRows) sheet.insert('row', sheet.maxRows + 1, rows - sheet.maxRows);
    else if (rows > 0 && rows < sheet.maxRows) sheet.deleteRows(rows + 1, sheet.maxRows - rows);
    if (columns > sheet.maxColumns) sheet.insert('column', sheet.maxColumns + 1, columns - sheet.maxColumns);
    else if (columns > 0 && columns < sheet.maxColumns) sheet.deleteColumns(columns + 1, sheet.maxColumns - columns);
    writeValues(sheet, s.values, locale);
    for (const [a1, style] of Object.entries(s.styles ?? {})) {
      const g = parseA1(a1, 1, 1);
      if (g) sheet.ensureCell(g.row, g.column).style = { ...style };
    }
    for (const [a1, note] of Object.entries(s.notes ?? {})) {
      const g = parseA1(a1, 1, 1);
      if (g) sheet.ensureCell(g.row, g.column).note = note;
    }
    for (const [k, w] of Object.entries(s.columnWidths ?? {})) sheet.columnWidths.set(Number(k), w);
    for (const [k, h] of Object.entries(s.rowHeights ?? {})) sheet.rowHeights.set(Number(k), h);
    for (const c of s.hiddenColumns ?? []) sheet.hiddenColumns.add(c);
    for (const r of s.hiddenRows ?? []) sheet.hiddenRows.add(r);
    sheet.frozenRows = s.frozenRows ?? 0;
    sheet.frozenColumns = s.frozenColumns ?? 0;
    sheet.tabColor = s.tabColor ?? null;
  });
  // What has a builder goes through the Apps Script API, as the add-on's own calls would.
  const api = SpreadsheetApp.getActiveSpreadsheet();
  book.sheets.forEach((s) => {
    const sheet = api.getSheetByName(s.name);
    if (!sheet) return;
    const at = (what: string, fn: () => void) => {
      try {
        fn();
      } catch (e) {
        throw new BookLoadError(s.name, null, `${what}: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    for (const m of s.merges ?? []) at(m, () => sheet.getRange(m).merge());
    for (const [a1, v] of Object.entries(s.validations ?? {}))
      at(a1, () => sheet.getRange(a1).setDataValidation(buildValidation(api, sheet, v)));
    if (s.conditionalFormats?.length)
      at('conditional formats', () =>
        sheet.setConditionalFormatRules((s.conditionalFormats ?? []).map((r) => buildRule(api, sheet, r))),
      );
    for (const c of s.charts ?? []) at('chart', () => buildChart(api, sheet, c));
    for (const p of s.protections ?? []) at(`protection ${p.range}`, () => protect(sheet, p));
    for (const m of s.metadata ?? []) at(`metadata ${m.key}`, () => tag(api, m));
  });
  for (const m of book.metadata ?? []) tag(api, m);
  if (book.properties && Object.keys(book.properties).length)
    PropertiesService.getDocumentProperties().setProperties(book.properties);
  // Hidden last: a sheet can be hidden only while another is visible.
  book.sheets.forEach((s) => {
    if (s.hidden && ss.sheets.some((x) => x.name !== s.name && !x.hidden)) api.getSheetByName(s.name)?.hideSheet();
  });
  const active = book.activeSheet ? ss.sheetByName(book.activeSheet) : null;
  ss.activeSheet = active && !active.hidden ? active : (ss.sheets.find((x) => !x.hidden) ?? ss.activeSheet);
}
