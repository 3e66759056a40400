/** Range: a fixed block of cells on a sheet, read and written in batches the way Sheets does. */
import { formatA1, shiftFormula, type GridRange } from '../a1';
import { EmuObject } from '../instrument';
import { displayValue, PLAIN_TEXT } from '../number-format';
import {
  STYLE_DEFAULTS,
  displayFormat,
  numberFormatOf,
  writeValue,
  checkCellLengths,
  type Cell,
  type SheetsValue,
  type Style,
} from './cells';
import { normalizeColor } from './colors';
import { EmuDeveloperMetadata, MetadataFinder, type MetadataLocation, type MetadataRecord } from './metadata';
import { EmuProtection } from './protection';
import type { EmuDataValidation } from './rules';
import type { EmuSheet } from './sheet';

type Range = GoogleAppsScript.Spreadsheet.Range;

const ARBITRARY_METADATA =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

/** How Apps Script names an argument's type in "The parameters (…) don't match the method signature" errors. */
function typeLabel(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (v instanceof Date) return 'Date';
  return 'Object';
}

/**
 * Throws like Sheets when a 2-D array doesn't fit the range. `method` is the Range method called
 * (Apps Script names it: "… don't match the method signature for SpreadsheetApp.Range.setValues.").
 * A 1-D array fails the signature check before any size check, as in Apps Script.
 */
export function checkShape(
  data: unknown,
  numRows: number,
  numColumns: number,
  method = 'setValues',
): asserts data is unknown[][] {
  const signature = (types: string) =>
    `The parameters (${types}) don't match the method signature for SpreadsheetApp.Range.${method}.`;
  if (!Array.isArray(data)) throw new Error(signature(typeLabel(data)));
  for (const row of data) {
    if (!Array.isArray(row)) throw new Error(signature(`${typeLabel(row)}[]`));
  }
  if (data.length !== numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`,
    );
  }
  for (const row of data as unknown[][]) {
    if (row.length !== numColumns) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numColumns}.`,
      );
    }
  }
}

type StyleKey = keyof Style;

export class EmuRange
  extends EmuObject
  implements
    Pick<
      Range,
      | 'activate'
      | 'addDeveloperMetadata'
      | 'breakApart'
      | 'clear'
      | 'clearContent'
      | 'clearFormat'
      | 'clearNote'
      | 'clearDataValidations'
      | 'createDeveloperMetadataFinder'
      | 'getA1Notation'
      | 'getBackground'
      | 'getBackgrounds'
      | 'getCell'
      | 'getColumn'
      | 'getDataValidation'
      | 'getDataValidations'
      | 'getDeveloperMetadata'
      | 'getDisplayValue'
      | 'getDisplayValues'
      | 'getFontColor'
      | 'getFontColors'
      | 'getFontWeight'
      | 'getFontWeights'
      | 'getFontSize'
      | 'getFontSizes'
      | 'getFontStyle'
      | 'getFontStyles'
      | 'getFontFamily'
      | 'getFontFamilies'
      | 'getFontLine'
      | 'getFontLines'
      | 'getFormula'
      | 'getFormulas'
      | 'getHorizontalAlignment'
      | 'getHorizontalAlignments'
      | 'getVerticalAlignment'
      | 'getVerticalAlignments'
      | 'getLastColumn'
      | 'getLastRow'
      | 'getMergedRanges'
      | 'getNote'
      | 'getNotes'
      | 'getNumColumns'
      | 'getNumRows'
      | 'getNumberFormat'
      | 'getNumberFormats'
      | 'getRow'
      | 'getRowIndex'
      | 'getSheet'
      | 'getValue'
      | 'getValues'
      | 'getWrap'
      | 'getWraps'
      | 'isBlank'
      | 'isPartOfMerge'
      | 'merge'
      | 'mergeAcross'
      | 'mergeVertically'
      | 'offset'
      | 'protect'
      | 'setBackground'
      | 'setBackgrounds'
      | 'setBorder'
      | 'setDataValidation'
      | 'setDataValidations'
      | 'setFontColor'
      | 'setFontColors'
      | 'setFontFamily'
      | 'setFontLine'
      | 'setFontSize'
      | 'setFontStyle'
      | 'setFontWeight'
      | 'setFontWeights'
      | 'setFormula'
      | 'setFormulas'
      | 'setHorizontalAlignment'
      | 'setHorizontalAlignments'
      | 'setVerticalAlignment'
      | 'setNote'
      | 'setNotes'
      | 'setNumberFormat'
      | 'setNumberFormats'
      | 'setValue'
      | 'setValues'
      | 'setWrap'
      | 'setWraps'
      | 'setWrapStrategy'
      | 'setTextRotation'
      | 'getWidth'
      | 'getHeight'
      | 'getGridId'
      | 'isStartColumnBounded'
      | 'isEndRowBounded'
      | 'isEndColumnBounded'
      | 'isStartRowBounded'
      | 'trimWhitespace'
      | 'setBackgroundRGB'
      | 'setFontSizes'
    >
{
  readonly emuType = 'Range';

  constructor(
    readonly sheet: EmuSheet,
    readonly grid: GridRange,
  ) {
    super();
  }

  private get self(): Range {
    return this as unknown as Range;
  }

  private get ss() {
    return this.sheet.ss;
  }

  /** Calls fn for every cell position (1-based), row by row. */
  private each<T>(fn: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    const { row, column, numRows, numColumns } = this.grid;
    for (let i = 0; i < numRows; i++) {
      const line: T[] = [];
      for (let j = 0; j < numColumns; j++) line.push(fn(row + i, column + j));
      out.push(line);
    }
    return out;
  }

  private sync(): void {
    const { row, column, numRows, numColumns } = this.grid;
    this.sheet.sync(row, column, numRows, numColumns);
  }

  private writeCtx() {
    return { timeZone: this.ss.timeZone, locale: this.ss.locale };
  }

  // --- position ---------------------------------------------------------------------------

  getA1Notation(): string {
    return formatA1(this.grid);
  }

  getRow(): number {
    return this.grid.row;
  }

  getRowIndex(): number {
    return this.grid.row;
  }

  getColumn(): number {
    return this.grid.column;
  }

  getColumnIndex(): number {
    return this.grid.column;
  }

  getNumRows(): number {
    return this.grid.numRows;
  }

  getHeight(): number {
    return this.grid.numRows;
  }

  getNumColumns(): number {
    return this.grid.numColumns;
  }

  getWidth(): number {
    return this.grid.numColumns;
  }

  getLastRow(): number {
    return this.grid.row + this.grid.numRows - 1;
  }

  getEndRow(): number {
    return this.getLastRow();
  }

  getLastColumn(): number {
    return this.grid.column + this.grid.numColumns - 1;
  }

  getEndColumn(): number {
    return this.getLastColumn();
  }

  isStartRowBounded(): boolean {
    return !this.grid.openRows || this.grid.row > 1;
  }

  isEndRowBounded(): boolean {
    return !this.grid.openRows;
  }

  isStartColumnBounded(): boolean {
    return !this.grid.openColumns;
  }

  isEndColumnBounded(): boolean {
    return !this.grid.openColumns;
  }

  getGridId(): number {
    return this.sheet.sheetId;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }

  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this.grid.numRows || column > this.grid.numColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new EmuRange(this.sheet, {
      row: this.grid.row + row - 1,
      column: this.grid.column + column - 1,
      numRows: 1,
      numColumns: 1,
    }).self;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const g = {
      row: this.grid.row + rowOffset,
      column: this.grid.column + columnOffset,
      numRows: numRows ?? this.grid.numRows,
      numColumns: numColumns ?? this.grid.numColumns,
    };
    this.sheet.checkBounds(g.row, g.column, g.numRows, g.numColumns);
    return new EmuRange(this.sheet, g).self;
  }

  activate(): Range {
    this.ss.activeSheet = this.sheet;
    this.ss.selection = { sheet: this.sheet, range: this.grid };
    return this.self;
  }

  // --- values -----------------------------------------------------------------------------

  getValues(): SheetsValue[][] {
    this.sheet.checkAlive();
    return this.each((r, c) => this.sheet.valueAt(r, c));
  }

  getValue(): SheetsValue {
    this.sheet.checkAlive();
    return this.sheet.valueAt(this.grid.row, this.grid.column);
  }

  setValues(values: unknown[][]): Range {
    this.sheet.checkAlive();
    checkShape(values, this.grid.numRows, this.grid.numColumns);
    checkCellLengths(values);
    const ctx = this.writeCtx();
    this.each((r, c) => writeValue(this.sheet.ensureCell(r, c), values[r - this.grid.row][c - this.grid.column], ctx));
    this.sync();
    return this.self;
  }

  setValue(value: unknown): Range {
    this.sheet.checkAlive();
    checkCellLengths([[value]]);
    const ctx = this.writeCtx();
    this.each((r, c) => writeValue(this.sheet.ensureCell(r, c), value, ctx));
    this.sync();
    return this.self;
  }

  getDisplayValues(): string[][] {
    this.sheet.checkAlive();
    const locale = this.ss.locale;
    return this.each((r, c) => {
      const cell = this.sheet.cell(r, c);
      if (cell && cell.f === undefined && cell.v !== undefined)
        return displayValue(cell.v, numberFormatOf(cell), locale);
      const ev = this.sheet.engineValue(r, c);
      const raw = ev.kind === 'empty' ? '' : ev.kind === 'error' ? ev.code : ev.value;
      return displayValue(raw, displayFormat(cell, ev, locale), locale);
    });
  }

  getDisplayValue(): string {
    return this.getCell(1, 1).getDisplayValues()[0][0];
  }

  getFormulas(): string[][] {
    this.sheet.checkAlive();
    return this.each((r, c) => this.sheet.cell(r, c)?.f ?? '');
  }

  getFormula(): string {
    return this.sheet.cell(this.grid.row, this.grid.column)?.f ?? '';
  }

  setFormulas(formulas: string[][]): Range {
    this.sheet.checkAlive();
    checkShape(formulas, this.grid.numRows, this.grid.numColumns, 'setFormulas');
    const ctx = this.writeCtx();
    this.each((r, c) =>
      writeFormula(this.sheet.ensureCell(r, c), formulas[r - this.grid.row][c - this.grid.column], ctx),
    );
    this.sync();
    return this.self;
  }

  /** One formula for the whole range; relative references move cell by cell, as when Sheets fills it. */
  setFormula(formula: string): Range {
    this.sheet.checkAlive();
    const ctx = this.writeCtx();
    this.each((r, c) =>
      writeFormula(
        this.sheet.ensureCell(r, c),
        shiftFormula(String(formula), r - this.grid.row, c - this.grid.column),
        ctx,
      ),
    );
    this.sync();
    return this.self;
  }

  isBlank(): boolean {
    return (
      this.getValues().every((row) => row.every((v) => v === '')) &&
      this.getFormulas().every((row) => row.every((f) => f === ''))
    );
  }

  trimWhitespace(): Range {
    const values = this.getValues();
    const formulas = this.getFormulas();
    const ctx = this.writeCtx();
    this.each((r, c) => {
      const i = r - this.grid.row;
      const j = c - this.grid.column;
      const v = values[i][j];
      if (!formulas[i][j] && typeof v === 'string' && v !== v.trim()) {
        const cell = this.sheet.ensureCell(r, c);
        writeValue(cell, `'${v.trim().replace(/\s+/g, ' ')}`, ctx);
      }
    });
    this.sync();
    return this.self;
  }

  // --- clearing ---------------------------------------------------------------------------

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): Range {
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    // Only stored cells (and what the engine holds) can need clearing: bound the work for whole-sheet ranges.
    const { lastRow, lastColumn } = this.sheet.storedExtent();
    const g = this.grid;
    const bounded: GridRange = {
      row: g.row,
      column: g.column,
      numRows: Math.max(0, Math.min(g.numRows, lastRow - g.row + 1)),
      numColumns: Math.max(0, Math.min(g.numColumns, lastColumn - g.column + 1)),
    };
    if (bounded.numRows === 0 || bounded.numColumns === 0) {
      if (!any || o.formatOnly) this.breakApart();
      return this.self;
    }
    const part = new EmuRange(this.sheet, bounded);
    part.clearCells(o, !!any);
    if (!any || o.formatOnly) this.breakApart();
    return this.self;
  }

  private clearCells(
    o: { commentsOnly?: boolean; contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean },
    any: boolean,
  ): void {
    this.each((r, c) => {
      const cell = this.sheet.cell(r, c);
      if (!cell) return;
      if (!any || o.contentsOnly) {
        cell.v = undefined;
        cell.f = undefined;
        cell.hf = undefined;
      }
      if (!any || o.formatOnly) cell.style = undefined;
      if (!any || o.commentsOnly) cell.note = undefined;
      if (o.validationsOnly) cell.validation = undefined;
    });
    if (!any || o.contentsOnly) this.sync();
  }

  clearContent(): Range {
    return this.clear({ contentsOnly: true });
  }

  clearFormat(): Range {
    return this.clear({ formatOnly: true });
  }

  clearNote(): Range {
    return this.clear({ commentsOnly: true });
  }

  clearDataValidations(): Range {
    return this.clear({ validationsOnly: true });
  }

  // --- formats ----------------------------------------------------------------------------

  private styleOf(r: number, c: number, key: StyleKey): unknown {
    const v = this.sheet.cell(r, c)?.style?.[key];
    return v ?? (STYLE_DEFAULTS as Record<string, unknown>)[key] ?? null;
  }

  private setStyle(key: StyleKey, value: unknown): Range {
    this.each((r, c) => applyStyle(this.sheet.ensureCell(r, c), key, value));
    if (key === 'numberFormat') this.resyncTyped();
    return this.self;
  }

  private setStyles(key: StyleKey, values: unknown[][], method: string): Range {
    checkShape(values, this.grid.numRows, this.grid.numColumns, method);
    this.each((r, c) => applyStyle(this.sheet.ensureCell(r, c), key, values[r - this.grid.row][c - this.grid.column]));
    if (key === 'numberFormat') this.resyncTyped();
    return this.self;
  }

  private getStyles<T>(key: StyleKey): T[][] {
    return this.each((r, c) => this.styleOf(r, c, key) as T);
  }

  private getStyle<T>(key: StyleKey): T {
    return this.styleOf(this.grid.row, this.grid.column, key) as T;
  }

  /** A number format decides whether the engine sees a date: resend literal numbers. */
  private resyncTyped(): void {
    this.sync();
  }

  getNumberFormat(): string {
    return this.getStyle('numberFormat');
  }

  getNumberFormats(): string[][] {
    return this.getStyles('numberFormat');
  }

  setNumberFormat(numberFormat: string): Range {
    return this.setStyle('numberFormat', numberFormat);
  }

  setNumberFormats(numberFormats: unknown[][]): Range {
    return this.setStyles('numberFormat', numberFormats, 'setNumberFormats');
  }

  getBackground(): string {
    return this.getStyle('background');
  }

  getBackgrounds(): string[][] {
    return this.getStyles('background');
  }

  setBackground(color: string | null): Range {
    return this.setStyle('background', color === null ? null : normalizeColor(color));
  }

  setBackgroundRGB(red: number, green: number, blue: number): Range {
    const hex = (n: number) => Math.max(0, Math.min(255, n)).toString(16).padStart(2, '0');
    return this.setStyle('background', `#${hex(red)}${hex(green)}${hex(blue)}`);
  }

  setBackgrounds(color: string[][]): Range {
    checkShape(color, this.grid.numRows, this.grid.numColumns, 'setBackgrounds');
    return this.setStyles(
      'background',
      color.map((row) => row.map((c) => (c === null ? null : normalizeColor(c)))),
      'setBackgrounds',
    );
  }

  getFontColor(): string {
    return this.getStyle('fontColor');
  }

  getFontColors(): string[][] {
    return this.getStyles('fontColor');
  }

  setFontColor(color: string | null | GoogleAppsScript.Spreadsheet.Color): Range {
    return this.setStyle('fontColor', color === null ? null : normalizeColor(String(color)));
  }

  setFontColors(colors: unknown[][]): Range {
    checkShape(colors, this.grid.numRows, this.grid.numColumns, 'setFontColors');
    return this.setStyles(
      'fontColor',
      colors.map((row) => row.map((c) => (c === null ? null : normalizeColor(String(c))))),
      'setFontColors',
    );
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.getStyle('fontWeight');
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.getStyles('fontWeight');
  }

  setFontWeight(fontWeight: string | null): Range {
    return this.setStyle('fontWeight', fontWeight);
  }

  setFontWeights(fontWeights: unknown[][]): Range {
    return this.setStyles('fontWeight', fontWeights, 'setFontWeights');
  }

  getFontSize(): number {
    return this.getStyle('fontSize');
  }

  getFontSizes(): number[][] {
    return this.getStyles('fontSize');
  }

  setFontSize(size: number): Range {
    return this.setStyle('fontSize', size);
  }

  setFontSizes(sizes: unknown[][]): Range {
    return this.setStyles('fontSize', sizes, 'setFontSizes');
  }

  getFontStyle(): GoogleAppsScript.Spreadsheet.FontStyle {
    return this.getStyle('fontStyle');
  }

  getFontStyles(): GoogleAppsScript.Spreadsheet.FontStyle[][] {
    return this.getStyles('fontStyle');
  }

  setFontStyle(fontStyle: string | null): Range {
    return this.setStyle('fontStyle', fontStyle);
  }

  getFontFamily(): string {
    return this.getStyle('fontFamily');
  }

  getFontFamilies(): string[][] {
    return this.getStyles('fontFamily');
  }

  setFontFamily(fontFamily: string | null): Range {
    return this.setStyle('fontFamily', fontFamily);
  }

  getFontLine(): GoogleAppsScript.Spreadsheet.FontLine {
    return this.getStyle('fontLine');
  }

  getFontLines(): GoogleAppsScript.Spreadsheet.FontLine[][] {
    return this.getStyles('fontLine');
  }

  setFontLine(fontLine: string | null): Range {
    return this.setStyle('fontLine', fontLine);
  }

  getHorizontalAlignment(): string {
    return this.getStyle('horizontalAlignment');
  }

  getHorizontalAlignments(): string[][] {
    return this.getStyles('horizontalAlignment');
  }

  setHorizontalAlignment(alignment: string | null): Range {
    return this.setStyle('horizontalAlignment', alignment === null ? null : alignment.toLowerCase());
  }

  setHorizontalAlignments(alignments: unknown[][]): Range {
    return this.setStyles('horizontalAlignment', alignments, 'setHorizontalAlignments');
  }

  getVerticalAlignment(): string {
    return this.getStyle('verticalAlignment');
  }

  getVerticalAlignments(): string[][] {
    return this.getStyles('verticalAlignment');
  }

  setVerticalAlignment(alignment: string | null): Range {
    return this.setStyle('verticalAlignment', alignment === null ? null : alignment.toLowerCase());
  }

  getWrap(): boolean {
    return this.getStyle('wrap');
  }

  getWraps(): boolean[][] {
    return this.getStyles('wrap');
  }

  setWrap(isWrapEnabled: boolean): Range {
    return this.setStyle('wrap', isWrapEnabled);
  }

  setWraps(isWrapEnabled: unknown[][]): Range {
    return this.setStyles('wrap', isWrapEnabled, 'setWraps');
  }

  setWrapStrategy(strategy: GoogleAppsScript.Spreadsheet.WrapStrategy): Range {
    this.setStyle('wrapStrategy', String(strategy));
    return this.setStyle('wrap', String(strategy) === 'WRAP');
  }

  setTextRotation(degrees: number | GoogleAppsScript.Spreadsheet.TextRotation): Range {
    return this.setStyle('textRotation', typeof degrees === 'number' ? degrees : degrees.getDegrees());
  }

  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: GoogleAppsScript.Spreadsheet.BorderStyle | null,
  ): Range {
    const sides = { top, left, bottom, right, vertical, horizontal };
    const on = Object.entries(sides)
      .filter(([, v]) => v)
      .map(([k]) => k);
    const desc = on.length
      ? `${on.join(',')}${color ? ` ${normalizeColor(color)}` : ''}${style ? ` ${String(style)}` : ''}`
      : null;
    return this.setStyle('border', desc);
  }

  // --- notes ------------------------------------------------------------------------------

  getNote(): string {
    return this.sheet.cell(this.grid.row, this.grid.column)?.note ?? '';
  }

  getNotes(): string[][] {
    return this.each((r, c) => this.sheet.cell(r, c)?.note ?? '');
  }

  setNote(note: string | null): Range {
    this.each((r, c) => {
      this.sheet.ensureCell(r, c).note = note ? String(note) : undefined;
    });
    return this.self;
  }

  setNotes(notes: unknown[][]): Range {
    checkShape(notes, this.grid.numRows, this.grid.numColumns, 'setNotes');
    this.each((r, c) => {
      const n = notes[r - this.grid.row][c - this.grid.column];
      this.sheet.ensureCell(r, c).note = n ? String(n) : undefined;
    });
    return this.self;
  }

  // --- merges -----------------------------------------------------------------------------

  private mergeBlocks(blocks: GridRange[]): Range {
    for (const b of blocks) {
      if (this.sheet.merges.some((m) => overlaps(m, b))) {
        this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, b));
      }
      this.sheet.merges.push({ row: b.row, column: b.column, numRows: b.numRows, numColumns: b.numColumns });
      // Sheets keeps the top-left value only.
      for (let r = b.row; r < b.row + b.numRows; r++) {
        for (let c = b.column; c < b.column + b.numColumns; c++) {
          if (r === b.row && c === b.column) continue;
          const cell = this.sheet.cell(r, c);
          if (cell) {
            cell.v = undefined;
            cell.f = undefined;
          }
        }
      }
    }
    this.sync();
    return this.self;
  }

  merge(): Range {
    return this.mergeBlocks([this.grid]);
  }

  mergeAcross(): Range {
    const g = this.grid;
    return this.mergeBlocks(
      Array.from({ length: g.numRows }, (_, i) => ({
        row: g.row + i,
        column: g.column,
        numRows: 1,
        numColumns: g.numColumns,
      })),
    );
  }

  mergeVertically(): Range {
    const g = this.grid;
    return this.mergeBlocks(
      Array.from({ length: g.numColumns }, (_, i) => ({
        row: g.row,
        column: g.column + i,
        numRows: g.numRows,
        numColumns: 1,
      })),
    );
  }

  breakApart(): Range {
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, this.grid));
    return this.self;
  }

  isPartOfMerge(): boolean {
    return this.sheet.merges.some((m) => overlaps(m, this.grid));
  }

  getMergedRanges(): Range[] {
    return this.sheet.merges.filter((m) => overlaps(m, this.grid)).map((m) => new EmuRange(this.sheet, m).self);
  }

  // --- data validation --------------------------------------------------------------------

  /** A custom-formula validation is read in the spreadsheet's syntax (see Sheet.checkRuleFormula). */
  private checkValidationFormula(rule: GoogleAppsScript.Spreadsheet.DataValidation): void {
    const state = (rule as unknown as EmuDataValidation).state;
    if (state) this.sheet.checkRuleFormula(state.criteria, state.values);
  }

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): Range {
    if (rule) this.checkValidationFormula(rule);
    this.each((r, c) => {
      this.sheet.ensureCell(r, c).validation = rule ?? undefined;
    });
    return this.self;
  }

  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): Range {
    checkShape(rules, this.grid.numRows, this.grid.numColumns, 'setDataValidations');
    for (const row of rules) for (const rule of row) if (rule) this.checkValidationFormula(rule);
    this.each((r, c) => {
      this.sheet.ensureCell(r, c).validation = rules[r - this.grid.row][c - this.grid.column] ?? undefined;
    });
    return this.self;
  }

  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    return (
      (this.sheet.cell(this.grid.row, this.grid.column)?.validation as GoogleAppsScript.Spreadsheet.DataValidation) ??
      null
    );
  }

  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    return this.each(
      (r, c) =>
        (this.sheet.cell(r, c)
          ?.validation as EmuDataValidation as unknown as GoogleAppsScript.Spreadsheet.DataValidation) ?? null,
    );
  }

  // --- protection, metadata ---------------------------------------------------------------

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const p = new EmuProtection(this.ss, 'RANGE', this.sheet, this.grid);
    this.ss.protections.push(p);
    return p as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }

  /** ROW or COLUMN location when the range spans whole rows or whole columns, else null. */
  dimensionLocation(): MetadataLocation | null {
    const g = this.grid;
    const wholeRows = g.openColumns || (g.column === 1 && g.numColumns === this.sheet.maxColumns);
    const wholeColumns = g.openRows ? g.row === 1 : g.row === 1 && g.numRows === this.sheet.maxRows;
    if (wholeColumns && (g.openRows || !wholeRows)) {
      return { type: 'COLUMN', sheet: this.sheet, start: g.column, end: g.column + g.numColumns - 1 };
    }
    if (wholeRows) return { type: 'ROW', sheet: this.sheet, start: g.row, end: g.row + g.numRows - 1 };
    return null;
  }

  addDeveloperMetadata(key: string, a?: unknown, b?: unknown): Range {
    const location = this.dimensionLocation();
    if (!location) throw new Error(ARBITRARY_METADATA);
    this.ss.addMetadata(location, key, a, b);
    return this.self;
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    const loc = this.dimensionLocation();
    if (!loc || loc.type === 'SPREADSHEET' || loc.type === 'SHEET') return [];
    return this.ss
      .visibleMetadata()
      .filter(
        (m) =>
          m.location.type === loc.type &&
          m.location.sheet === this.sheet &&
          m.location.start === loc.start &&
          m.location.end === loc.end,
      )
      .map((m) => new EmuDeveloperMetadata(this.ss, m)) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadata[];
  }

  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    const g = this.grid;
    const within = (m: MetadataRecord, intersecting: boolean): boolean => {
      const l = m.location;
      if (l.type === 'SPREADSHEET' || l.type === 'SHEET' || l.sheet !== this.sheet) return false;
      const [lo, hi] = l.type === 'ROW' ? [g.row, g.row + g.numRows - 1] : [g.column, g.column + g.numColumns - 1];
      return intersecting ? l.start <= hi && l.end >= lo : l.start >= lo && l.end <= hi;
    };
    return new MetadataFinder(this.ss, within) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  }
}

function overlaps(a: GridRange, b: GridRange): boolean {
  return (
    a.row <= b.row + b.numRows - 1 &&
    b.row <= a.row + a.numRows - 1 &&
    a.column <= b.column + b.numColumns - 1 &&
    b.column <= a.column + a.numColumns - 1
  );
}

function applyStyle(cell: Cell, key: StyleKey, value: unknown): void {
  const style: Record<string, unknown> = { ...cell.style };
  if (value === null || value === undefined || value === (STYLE_DEFAULTS as Record<string, unknown>)[key])
    delete style[key];
  else style[key] = value;
  cell.style = Object.keys(style).length ? (style as Style) : undefined;
}

function writeFormula(cell: Cell, formula: unknown, ctx: { timeZone: string; locale: string }): void {
  const text = formula === null || formula === undefined ? '' : String(formula);
  if (text.startsWith('=') && text.length > 1) {
    cell.v = undefined;
    cell.f = text;
    cell.hf = undefined;
    return;
  }
  // setFormula('') clears; a text without "=" is written as a value.
  const saved = cell.style?.numberFormat;
  writeValue(cell, text, ctx);
  if (saved === PLAIN_TEXT) cell.style = { ...cell.style, numberFormat: saved };
}
