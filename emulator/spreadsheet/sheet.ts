/** Sheet: cells, size, structure (insert/delete rows and columns), protections, charts, rules. */
import { parseA1, type GridRange } from '../a1';
import { EmuObject } from '../instrument';
import type { EngineValue } from '../engine/workbook-engine';
import { canonicalFormula, checkFormula, PARSE_ERROR_FORMULA, PARSE_ERROR_MESSAGE } from '../engine/locale-formulas';
import { toEngineFormula } from '../engine/workbook-engine';
import { engineContent, toSheetsValue, type Cell, type SheetsValue } from './cells';
import type { EmuChart } from './charts';
import { EmbeddedChartBuilder } from './charts';
import type { EmuConditionalFormatRule } from './rules';
import { EmuDeveloperMetadata, MetadataFinder, type MetadataRecord } from './metadata';
import { EmuProtection } from './protection';
import { EmuRange } from './range';
import type { EmuSpreadsheet } from './spreadsheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

export type Dim = 'row' | 'column';

export class EmuSheet
  extends EmuObject
  implements
    Pick<
      Sheet,
      | 'getName'
      | 'setName'
      | 'getSheetId'
      | 'getIndex'
      | 'getParent'
      | 'getRange'
      | 'getDataRange'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getMaxRows'
      | 'getMaxColumns'
      | 'insertRows'
      | 'insertRowsAfter'
      | 'insertRowsBefore'
      | 'insertRowAfter'
      | 'insertRowBefore'
      | 'deleteRow'
      | 'deleteRows'
      | 'insertColumns'
      | 'insertColumnsAfter'
      | 'insertColumnsBefore'
      | 'insertColumnAfter'
      | 'insertColumnBefore'
      | 'deleteColumn'
      | 'deleteColumns'
      | 'appendRow'
      | 'clear'
      | 'clearContents'
      | 'clearFormats'
      | 'clearNotes'
      | 'setFrozenRows'
      | 'setFrozenColumns'
      | 'getFrozenRows'
      | 'getFrozenColumns'
      | 'setColumnWidth'
      | 'setColumnWidths'
      | 'getColumnWidth'
      | 'setRowHeight'
      | 'setRowHeights'
      | 'getRowHeight'
      | 'hideSheet'
      | 'showSheet'
      | 'isSheetHidden'
      | 'hideColumns'
      | 'showColumns'
      | 'hideRows'
      | 'showRows'
      | 'isColumnHiddenByUser'
      | 'isRowHiddenByUser'
      | 'protect'
      | 'getProtections'
      | 'addDeveloperMetadata'
      | 'getDeveloperMetadata'
      | 'createDeveloperMetadataFinder'
      | 'getCharts'
      | 'insertChart'
      | 'removeChart'
      | 'updateChart'
      | 'newChart'
      | 'getConditionalFormatRules'
      | 'setConditionalFormatRules'
      | 'setTabColor'
      | 'getTabColor'
      | 'activate'
      | 'getActiveRange'
      | 'getActiveCell'
      | 'setActiveRange'
      | 'setActiveSelection'
      | 'getSheetName'
      | 'getSheetValues'
      | 'autoResizeColumns'
      | 'autoResizeColumn'
      | 'autoResizeRows'
      | 'getType'
      | 'copyTo'
      | 'showRows'
    >
{
  readonly emuType = 'Sheet';
  /** Rows of cells, 0-based; sparse. */
  rows: (Cell | undefined)[][] = [];
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenColumns = new Set<number>();
  hiddenRows = new Set<number>();
  merges: GridRange[] = [];
  charts: EmuChart[] = [];
  conditionalFormats: EmuConditionalFormatRule[] = [];
  deleted = false;

  constructor(
    readonly ss: EmuSpreadsheet,
    public name: string,
    readonly sheetId: number,
    readonly hfId: number,
  ) {
    super();
  }

  // --- storage ---------------------------------------------------------------------------

  cell(r: number, c: number): Cell | undefined {
    return this.rows[r - 1]?.[c - 1];
  }

  ensureCell(r: number, c: number): Cell {
    const row = this.rows[r - 1] ?? [];
    this.rows[r - 1] = row;
    const cell = row[c - 1] ?? {};
    row[c - 1] = cell;
    return cell;
  }

  engineValue(r: number, c: number): EngineValue {
    return this.ss.engine.valueAt(this.hfId, r - 1, c - 1);
  }

  valueAt(r: number, c: number): SheetsValue {
    const cell = this.cell(r, c);
    if (cell && cell.f === undefined && cell.v !== undefined) return toSheetsValue(cell, undefined, this.ss.timeZone);
    return toSheetsValue(cell, this.engineValue(r, c), this.ss.timeZone);
  }

  /** Pushes a block of cells to the engine in one call. */
  sync(row: number, column: number, numRows: number, numColumns: number): void {
    const openEnd = this.maxRows;
    const { syntax, formulaReading } = this.ss;
    const translate = (f: string) =>
      toEngineFormula(canonicalFormula(f, syntax, formulaReading) ?? PARSE_ERROR_FORMULA, openEnd);
    const block = [];
    for (let r = 0; r < numRows; r++) {
      const line = [];
      for (let c = 0; c < numColumns; c++) line.push(engineContent(this.cell(row + r, column + c), translate));
      block.push(line);
    }
    this.ss.engine.setContents(this.hfId, row - 1, column - 1, block);
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numColumns; c++) {
        const cell = this.cell(row + r, column + c);
        if (cell?.f !== undefined) cell.hf = this.ss.engine.formulaAt(this.hfId, row + r - 1, column + c - 1);
      }
    }
  }

  /** Last row/column holding a value or a formula (spilled results included), 0 when empty. */
  contentExtent(): { lastRow: number; lastColumn: number } {
    let lastRow = 0;
    let lastColumn = 0;
    this.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (cell && (cell.v !== undefined || cell.f !== undefined)) {
          lastRow = Math.max(lastRow, r + 1);
          lastColumn = Math.max(lastColumn, c + 1);
        }
      });
    });
    // The engine's extent includes spilled results but may be stale after clears: check what lies beyond.
    const e = this.ss.engine.extent(this.hfId);
    const filled = (r: number, c: number) => this.ss.engine.valueAt(this.hfId, r - 1, c - 1).kind !== 'empty';
    for (let r = e.height; r > lastRow; r--) {
      let found = false;
      for (let c = 1; c <= e.width && !found; c++) found = filled(r, c);
      if (found) lastRow = r;
    }
    for (let c = e.width; c > lastColumn; c--) {
      let found = false;
      for (let r = 1; r <= e.height && !found; r++) found = filled(r, c);
      if (found) lastColumn = c;
    }
    return { lastRow, lastColumn };
  }

  /** Bounding box of every stored cell (formats and notes included) and of the engine's content. */
  storedExtent(): { lastRow: number; lastColumn: number } {
    let lastColumn = 0;
    for (const row of this.rows) if (row) lastColumn = Math.max(lastColumn, row.length);
    const e = this.ss.engine.extent(this.hfId);
    return { lastRow: Math.max(this.rows.length, e.height), lastColumn: Math.max(lastColumn, e.width) };
  }

  checkAlive(): void {
    if (this.deleted) throw new Error(`Sheet ${this.name} has been deleted.`);
  }

  // --- identity ---------------------------------------------------------------------------

  getName(): string {
    return this.name;
  }

  getSheetName(): string {
    return this.name;
  }

  setName(name: string): Sheet {
    this.checkAlive();
    this.ss.renameSheet(this, name);
    return this.self;
  }

  getSheetId(): number {
    return this.sheetId;
  }

  getIndex(): number {
    return this.ss.sheets.indexOf(this) + 1;
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  getType(): GoogleAppsScript.Spreadsheet.SheetType {
    return 'GRID' as unknown as GoogleAppsScript.Spreadsheet.SheetType;
  }

  activate(): Sheet {
    this.ss.activeSheet = this;
    this.ss.selection = { sheet: this, range: { row: 1, column: 1, numRows: 1, numColumns: 1 } };
    return this.self;
  }

  private get self(): Sheet {
    return this as unknown as Sheet;
  }

  // --- ranges -----------------------------------------------------------------------------

  range(g: GridRange): EmuRange {
    return new EmuRange(this, g);
  }

  getRange(a: string | number, column?: number, numRows?: number, numColumns?: number): Range {
    this.checkAlive();
    if (typeof a === 'string') {
      const g = parseA1(a, this.maxRows, this.maxColumns);
      if (!g) throw new Error('Range not found');
      if (g.sheetName !== undefined && g.sheetName !== this.name) {
        const other = this.ss.sheetByName(g.sheetName);
        if (!other) throw new Error('Range not found');
        return other.getRange(a.slice(a.lastIndexOf('!') + 1));
      }
      this.checkBounds(g.row, g.column, g.numRows, g.numColumns);
      delete g.sheetName;
      return this.range(g) as unknown as Range;
    }
    if (column === undefined)
      throw new Error("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    const g = { row: a, column, numRows: numRows ?? 1, numColumns: numColumns ?? 1 };
    this.checkBounds(g.row, g.column, g.numRows, g.numColumns);
    return this.range(g) as unknown as Range;
  }

  checkBounds(row: number, column: number, numRows: number, numColumns: number): void {
    if (!Number.isInteger(row) || row < 1) throw new Error('The starting row of the range is too small.');
    if (!Number.isInteger(column) || column < 1) throw new Error('The starting column of the range is too small.');
    if (!Number.isInteger(numRows) || numRows < 1)
      throw new Error('The number of rows in the range must be at least 1.');
    if (!Number.isInteger(numColumns) || numColumns < 1)
      throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  getDataRange(): Range {
    const { lastRow, lastColumn } = this.contentExtent();
    return this.range({
      row: 1,
      column: 1,
      numRows: Math.max(1, lastRow),
      numColumns: Math.max(1, lastColumn),
    }) as unknown as Range;
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const { lastRow, lastColumn } = this.contentExtent();
    const nr = numRows === -1 ? lastRow - startRow + 1 : numRows;
    const nc = numColumns === -1 ? lastColumn - startColumn + 1 : numColumns;
    return this.range({ row: startRow, column: startColumn, numRows: nr, numColumns: nc }).getValues();
  }

  getLastRow(): number {
    return this.contentExtent().lastRow;
  }

  getLastColumn(): number {
    return this.contentExtent().lastColumn;
  }

  getMaxRows(): number {
    return this.maxRows;
  }

  getMaxColumns(): number {
    return this.maxColumns;
  }

  getActiveRange(): Range | null {
    const sel = this.ss.selection;
    return sel && sel.sheet === this ? (this.range(sel.range) as unknown as Range) : null;
  }

  getActiveCell(): Range {
    const sel = this.ss.selection;
    const g = sel && sel.sheet === this ? sel.range : { row: 1, column: 1, numRows: 1, numColumns: 1 };
    return this.range({ row: g.row, column: g.column, numRows: 1, numColumns: 1 }) as unknown as Range;
  }

  setActiveRange(range: Range): Range {
    const r = range as unknown as EmuRange;
    this.ss.activeSheet = r.sheet;
    this.ss.selection = { sheet: r.sheet, range: r.grid };
    return range;
  }

  setActiveSelection(a: Range | string): Range {
    const range = typeof a === 'string' ? this.getRange(a) : a;
    return this.setActiveRange(range);
  }

  // --- structure --------------------------------------------------------------------------

  /** Inserts `count` empty rows/columns before 1-based `at`; the engine moves formulas. */
  insert(dim: Dim, at: number, count: number): void {
    this.checkAlive();
    const max = dim === 'row' ? this.maxRows : this.maxColumns;
    if (!Number.isInteger(at) || at < 1 || at > max + 1)
      throw new Error(`Those ${dim === 'row' ? 'rows' : 'columns'} are out of bounds.`);
    if (!Number.isInteger(count) || count < 1)
      throw new Error(`The number of ${dim === 'row' ? 'rows' : 'columns'} to insert must be at least 1.`);
    if (dim === 'row') {
      if (this.rows.length >= at) this.rows.splice(at - 1, 0, ...new Array<Cell[]>(count));
      this.maxRows += count;
      this.ss.engine.addRows(this.hfId, at - 1, count);
      this.rowHeights = shiftMap(this.rowHeights, at, count);
      this.hiddenRows = shiftSet(this.hiddenRows, at, count);
    } else {
      for (const row of this.rows) if (row && row.length >= at) row.splice(at - 1, 0, ...new Array<Cell>(count));
      this.maxColumns += count;
      this.ss.engine.addColumns(this.hfId, at - 1, count);
      this.columnWidths = shiftMap(this.columnWidths, at, count);
      this.hiddenColumns = shiftSet(this.hiddenColumns, at, count);
    }
    this.ss.shiftAfterStructureChange(this, dim, at, count);
  }

  remove(dim: Dim, at: number, count: number): void {
    this.checkAlive();
    const max = dim === 'row' ? this.maxRows : this.maxColumns;
    const what = dim === 'row' ? 'rows' : 'columns';
    if (!Number.isInteger(at) || !Number.isInteger(count) || at < 1 || count < 1 || at + count - 1 > max) {
      throw new Error(`Those ${what} are out of bounds.`);
    }
    // Apps Script refuses to leave only frozen rows/columns (or none) behind.
    const frozen = dim === 'row' ? this.frozenRows : this.frozenColumns;
    if (max - count <= frozen) throw new Error(`Sorry, it is not possible to delete all non-frozen ${what}.`);
    if (dim === 'row') {
      this.rows.splice(at - 1, count);
      this.maxRows -= count;
      this.ss.engine.removeRows(this.hfId, at - 1, count);
      this.rowHeights = shiftMap(this.rowHeights, at, -count);
      this.hiddenRows = shiftSet(this.hiddenRows, at, -count);
    } else {
      for (const row of this.rows) row?.splice(at - 1, count);
      this.maxColumns -= count;
      this.ss.engine.removeColumns(this.hfId, at - 1, count);
      this.columnWidths = shiftMap(this.columnWidths, at, -count);
      this.hiddenColumns = shiftSet(this.hiddenColumns, at, -count);
    }
    this.ss.shiftAfterStructureChange(this, dim, at, -count);
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.insert('row', rowIndex, numRows);
  }

  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    this.insert('row', beforePosition, howMany);
    return this.self;
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this.insert('row', afterPosition + 1, howMany);
    return this.self;
  }

  insertRowBefore(beforePosition: number): Sheet {
    return this.insertRowsBefore(beforePosition, 1);
  }

  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAfter(afterPosition, 1);
  }

  deleteRow(rowPosition: number): Sheet {
    this.remove('row', rowPosition, 1);
    return this.self;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.remove('row', rowPosition, howMany);
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insert('column', columnIndex, numColumns);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    this.insert('column', beforePosition, howMany);
    return this.self;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this.insert('column', afterPosition + 1, howMany);
    return this.self;
  }

  insertColumnBefore(beforePosition: number): Sheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  insertColumnAfter(afterPosition: number): Sheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  deleteColumn(columnPosition: number): Sheet {
    this.remove('column', columnPosition, 1);
    return this.self;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.remove('column', columnPosition, howMany);
  }

  appendRow(rowContents: unknown[]): Sheet {
    this.checkAlive();
    if (!Array.isArray(rowContents) || rowContents.length === 0)
      throw new Error("The parameters () don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    const row = this.contentExtent().lastRow + 1;
    if (row > this.maxRows) this.insert('row', this.maxRows + 1, row - this.maxRows);
    if (rowContents.length > this.maxColumns)
      this.insert('column', this.maxColumns + 1, rowContents.length - this.maxColumns);
    this.range({ row, column: 1, numRows: 1, numColumns: rowContents.length }).setValues([rowContents]);
    return this.self;
  }

  private whole(): EmuRange {
    return this.range({ row: 1, column: 1, numRows: this.maxRows, numColumns: this.maxColumns });
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Sheet {
    this.checkAlive();
    if (options && (options.contentsOnly || options.formatOnly)) {
      this.whole().clear(options);
      return this.self;
    }
    this.rows = [];
    this.merges = [];
    this.ss.engine.clearSheet(this.hfId);
    return this.self;
  }

  clearContents(): Sheet {
    this.whole().clearContent();
    return this.self;
  }

  clearFormats(): Sheet {
    this.whole().clearFormat();
    return this.self;
  }

  clearNotes(): Sheet {
    this.whole().clearNote();
    return this.self;
  }

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows >= this.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    this.frozenRows = rows;
  }

  setFrozenColumns(columns: number): void {
    if (columns < 0 || columns >= this.maxColumns)
      throw new Error("You can't freeze all visible columns on the sheet.");
    this.frozenColumns = columns;
  }

  getFrozenRows(): number {
    return this.frozenRows;
  }

  getFrozenColumns(): number {
    return this.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    this.columnWidths.set(columnPosition, width);
    return this.self;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    for (let c = 0; c < numColumns; c++) this.columnWidths.set(startColumn + c, width);
    return this.self;
  }

  getColumnWidth(columnPosition: number): number {
    return this.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  setRowHeight(rowPosition: number, height: number): Sheet {
    this.rowHeights.set(rowPosition, height);
    return this.self;
  }

  setRowHeights(startRow: number, numRows: number, height: number): Sheet {
    for (let r = 0; r < numRows; r++) this.rowHeights.set(startRow + r, height);
    return this.self;
  }

  getRowHeight(rowPosition: number): number {
    return this.rowHeights.get(rowPosition) ?? DEFAULT_ROW_HEIGHT;
  }

  autoResizeColumns(_startColumn: number, _numColumns: number): Sheet {
    return this.self;
  }

  autoResizeColumn(_columnPosition: number): Sheet {
    return this.self;
  }

  autoResizeRows(_startRow: number, _numRows: number): Sheet {
    return this.self;
  }

  hideSheet(): Sheet {
    if (this.ss.sheets.filter((s) => !s.hidden && s !== this).length === 0) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this.hidden = true;
    return this.self;
  }

  showSheet(): Sheet {
    this.hidden = false;
    return this.self;
  }

  isSheetHidden(): boolean {
    return this.hidden;
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    for (let c = 0; c < numColumns; c++) this.hiddenColumns.add(columnIndex + c);
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    for (let c = 0; c < numColumns; c++) this.hiddenColumns.delete(columnIndex + c);
  }

  hideRows(rowIndex: number, numRows = 1): void {
    for (let r = 0; r < numRows; r++) this.hiddenRows.add(rowIndex + r);
  }

  showRows(rowIndex: number, numRows = 1): void {
    for (let r = 0; r < numRows; r++) this.hiddenRows.delete(rowIndex + r);
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.hiddenColumns.has(columnPosition);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    return this.hiddenRows.has(rowPosition);
  }

  setTabColor(color: string | null): Sheet {
    this.tabColor = color === null ? null : color.toLowerCase();
    return this.self;
  }

  getTabColor(): string | null {
    return this.tabColor;
  }

  copyTo(_spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheet {
    throw new Error('emulator: Sheet.copyTo not implemented');
  }

  // --- protections ------------------------------------------------------------------------

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.checkAlive();
    const existing = this.ss.protections.find((p) => p.type === 'SHEET' && p.sheet === this);
    if (existing) return existing as unknown as GoogleAppsScript.Spreadsheet.Protection;
    const p = new EmuProtection(this.ss, 'SHEET', this, null);
    this.ss.protections.push(p);
    return p as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.ss.protections.filter(
      (p) => p.sheet === this && p.type === String(type),
    ) as unknown as GoogleAppsScript.Spreadsheet.Protection[];
  }

  // --- developer metadata -----------------------------------------------------------------

  addDeveloperMetadata(key: string, a?: unknown, b?: unknown): Sheet {
    this.ss.addMetadata({ type: 'SHEET', sheet: this }, key, a, b);
    return this.self;
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return this.ss
      .visibleMetadata()
      .filter((m) => m.location.type === 'SHEET' && m.location.sheet === this)
      .map((m) => new EmuDeveloperMetadata(this.ss, m)) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadata[];
  }

  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return new MetadataFinder(
      this.ss,
      (m: MetadataRecord) => m.location.type !== 'SPREADSHEET' && m.location.sheet === this,
    ) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  }

  // --- charts -----------------------------------------------------------------------------

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }

  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return [...this.charts] as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart[];
  }

  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const c = chart as unknown as EmuChart;
    if (this.charts.includes(c)) return;
    c.chartId ??= this.ss.core.nextId('chart');
    c.sheet = this;
    this.charts.push(c);
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const c = chart as unknown as EmuChart;
    const i = this.charts.findIndex((x) => x === c || (c.chartId !== null && x.chartId === c.chartId));
    if (i < 0) throw new Error('The chart could not be found in this sheet.');
    this.charts.splice(i, 1);
  }

  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const c = chart as unknown as EmuChart;
    const i = this.charts.findIndex((x) => c.chartId !== null && x.chartId === c.chartId);
    if (i < 0) throw new Error('The chart could not be found in this sheet.');
    c.sheet = this;
    this.charts[i] = c;
  }

  // --- conditional formats ----------------------------------------------------------------

  /**
   * A rule's custom formula is read in the spreadsheet's syntax, like a cell's. What Apps Script
   * does with one it cannot read is undocumented: the emulator takes the strict side and throws
   * Sheets' cell message, so a rule in the wrong syntax fails its test instead of never matching.
   */
  checkRuleFormula(criteria: string | null, values: readonly unknown[]): void {
    if (criteria !== 'CUSTOM_FORMULA') return;
    const formula = String(values[0] ?? '');
    if (!checkFormula(formula, this.ss.syntax, this.ss.formulaReading))
      throw new Error(`${PARSE_ERROR_MESSAGE} ${formula}`);
  }

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return [...this.conditionalFormats] as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  }

  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    const list = rules as unknown as EmuConditionalFormatRule[];
    for (const rule of list) {
      if (rule.ranges.some((r) => r.sheet !== this))
        throw new Error('Conditional format rule cannot reference a different sheet.');
      this.checkRuleFormula(rule.state.criteria, rule.state.values);
    }
    this.conditionalFormats = [...list];
  }
}

function shiftMap<V>(map: Map<number, V>, at: number, by: number): Map<number, V> {
  const out = new Map<number, V>();
  for (const [k, v] of map) {
    if (k < at) out.set(k, v);
    else if (by > 0) out.set(k + by, v);
    else if (k >= at - by) out.set(k + by, v);
  }
  return out;
}

function shiftSet(set: Set<number>, at: number, by: number): Set<number> {
  return new Set(shiftMap(new Map([...set].map((k) => [k, true])), at, by).keys());
}
