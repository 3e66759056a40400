/** Spreadsheet: sheets, locale and time zone, selection, developer metadata, protections, named ranges. */
import { parseA1, type GridRange } from '../a1';
import type { EmulatorCore } from '../core';
import { checkTimeZone, dateToSerial, serialToDate } from '../dates';
import { localFormula, respell, type FormulaReading } from '../engine/locale-formulas';
import { WorkbookEngine } from '../engine/workbook-engine';
import { syntaxForLocale, type FormulaSyntax } from '../../src/core/formula';
import { EmuObject } from '../instrument';
import { langFromLocale } from '../../src/core/i18n/lang';
import { EmuDeveloperMetadata, MetadataFinder, checkKey, type MetadataLocation, type MetadataRecord } from './metadata';
import { EmuProtection } from './protection';
import { EmuConditionalFormatRule } from './rules';
import { EmuRange } from './range';
import { EmuSheet, type Dim } from './sheet';

type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const VISIBILITIES = ['DOCUMENT', 'PROJECT'];

export class EmuSpreadsheet
  extends EmuObject
  implements
    Pick<
      SS,
      | 'getId'
      | 'getUrl'
      | 'getName'
      | 'rename'
      | 'getSpreadsheetLocale'
      | 'setSpreadsheetLocale'
      | 'getSpreadsheetTimeZone'
      | 'setSpreadsheetTimeZone'
      | 'getSheets'
      | 'getNumSheets'
      | 'getSheetByName'
      | 'getSheetById'
      | 'insertSheet'
      | 'deleteSheet'
      | 'moveActiveSheet'
      | 'setActiveSheet'
      | 'getActiveSheet'
      | 'getActiveRange'
      | 'getActiveCell'
      | 'getCurrentCell'
      | 'getSelection'
      | 'setActiveRange'
      | 'getRange'
      | 'getRangeByName'
      | 'setNamedRange'
      | 'removeNamedRange'
      | 'addDeveloperMetadata'
      | 'getDeveloperMetadata'
      | 'createDeveloperMetadataFinder'
      | 'toast'
      | 'getProtections'
      | 'getSheetName'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getDataRange'
      | 'setActiveSelection'
      | 'duplicateActiveSheet'
    >
{
  readonly emuType = 'Spreadsheet';
  readonly engine: WorkbookEngine;
  sheets: EmuSheet[] = [];
  activeSheet: EmuSheet;
  selection: { sheet: EmuSheet; range: GridRange } | null = null;
  metadata: MetadataRecord[] = [];
  protections: EmuProtection[] = [];
  namedRanges = new Map<string, { sheet: EmuSheet; grid: GridRange }>();
  private sheetSeq = 0;

  constructor(
    readonly core: EmulatorCore,
    readonly id: string,
    public name: string,
    public locale: string,
    public timeZone: string,
  ) {
    super();
    this.engine = new WorkbookEngine(
      {
        lang: () => langFromLocale(this.locale),
        nowSerial: () => dateToSerial(this.core.clock.now(), this.timeZone),
        toDate: (serial) => serialToDate(serial, this.timeZone),
        formulaAt: (hfId, row, col) => {
          const formula = this.sheets.find((s) => s.hfId === hfId)?.cell(row + 1, col + 1)?.f;
          return formula ? { formula, syntax: this.syntax } : null;
        },
      },
      core.options.customFunctions,
    );
    this.activeSheet = this.addSheet(this.defaultSheetName(), undefined);
  }

  /** How this spreadsheet's locale spells formulas (read each time: the locale can change). */
  get syntax(): FormulaSyntax {
    return syntaxForLocale(this.locale);
  }

  /** Strict unless the emulator was created with `formulaReading: 'lenient'`. */
  get formulaReading(): FormulaReading {
    return this.core.options.formulaReading ?? 'strict';
  }

  private get self(): SS {
    return this as unknown as SS;
  }

  defaultSheetName(): string {
    const base = /^fr/i.test(this.locale) ? 'Feuille ' : 'Sheet';
    for (let n = 1; ; n++) if (!this.sheetByName(`${base}${n}`)) return `${base}${n}`;
  }

  sheetByName(name: string): EmuSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  private checkNewName(name: string, except?: EmuSheet): void {
    if (typeof name !== 'string' || name.trim() === '') throw new Error('Invalid argument: name');
    if (name.length > 100) throw new Error('The sheet name cannot be longer than 100 characters.');
    const other = this.sheetByName(name);
    if (other && other !== except)
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  /** `chosenId`: the one a Sheets API addSheet chose, or a file opened again keeps (checked free by the caller). */
  addSheet(name: string, index: number | undefined, chosenId?: number): EmuSheet {
    this.checkNewName(name);
    let sheetId = chosenId;
    while (sheetId === undefined || (chosenId === undefined && this.sheets.some((s) => s.sheetId === sheetId))) {
      sheetId = this.sheetSeq === 0 ? 0 : 100_000_000 + ((this.sheetSeq * 7_919_993) % 900_000_000);
      this.sheetSeq++;
    }
    const sheet = new EmuSheet(this, name, sheetId, this.engine.addSheet(name));
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    return sheet;
  }

  renameSheet(sheet: EmuSheet, name: string): void {
    if (name === sheet.name) return;
    this.checkNewName(name, sheet);
    this.engine.renameSheet(sheet.hfId, name);
    sheet.name = name;
    this.refreshFormulas();
  }

  recalculate(): void {
    const formulas: { sheet: number; row: number; col: number; formula: string }[] = [];
    for (const sheet of this.sheets) {
      sheet.rows.forEach((row, r) => {
        row?.forEach((cell, c) => {
          const formula = cell?.hf ?? undefined;
          if (cell?.f !== undefined && formula !== undefined)
            formulas.push({ sheet: sheet.hfId, row: r, col: c, formula });
        });
      });
    }
    this.engine.recalculate(formulas);
  }

  /** After the engine rewrote formulas (moves, renames), take its text where it changed. */
  refreshFormulas(): void {
    for (const sheet of this.sheets) {
      sheet.rows.forEach((row, r) => {
        row?.forEach((cell, c) => {
          if (cell?.f === undefined) return;
          const now = this.engine.formulaAt(sheet.hfId, r, c);
          if (now !== undefined && now !== cell.hf) {
            cell.f = localFormula(now, this.syntax);
            cell.hf = now;
          }
        });
      });
    }
  }

  /** Rows/columns were inserted (count > 0) or deleted (count < 0) at `at`: move what is anchored to them. */
  shiftAfterStructureChange(sheet: EmuSheet, dim: Dim, at: number, count: number): void {
    this.refreshFormulas();
    const type = dim === 'row' ? 'ROW' : 'COLUMN';
    const kept: MetadataRecord[] = [];
    for (const m of this.metadata) {
      const l = m.location;
      if (l.type !== type || l.sheet !== sheet) {
        kept.push(m);
        continue;
      }
      const span = shiftSpan(l.start, l.end, at, count);
      if (!span) continue; // its rows/columns were deleted: so is the metadata
      m.location = { type, sheet, start: span[0], end: span[1] };
      kept.push(m);
    }
    this.metadata = kept;
    const moveGrid = (g: GridRange): GridRange | null => {
      const [start, size] = dim === 'row' ? [g.row, g.numRows] : [g.column, g.numColumns];
      const span = shiftSpan(start, start + size - 1, at, count);
      if (!span) return null;
      return dim === 'row'
        ? { ...g, row: span[0], numRows: span[1] - span[0] + 1 }
        : { ...g, column: span[0], numColumns: span[1] - span[0] + 1 };
    };
    sheet.merges = sheet.merges.map(moveGrid).filter((g): g is GridRange => g !== null);
    for (const [name, nr] of this.namedRanges) {
      if (nr.sheet !== sheet) continue;
      const g = moveGrid(nr.grid);
      if (g) nr.grid = g;
      else this.namedRanges.delete(name);
    }
  }

  // --- identity, locale --------------------------------------------------------------------

  getId(): string {
    return this.id;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getName(): string {
    return this.name;
  }

  rename(newName: string): void {
    this.name = newName;
  }

  getSpreadsheetLocale(): string {
    return this.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    const from = this.syntax;
    this.locale = locale;
    // Sheets shows every formula in the new locale's syntax; one that never parsed stays as typed.
    for (const sheet of this.sheets)
      for (const row of sheet.rows)
        for (const cell of row ?? []) if (cell?.f !== undefined) cell.f = respell(cell.f, from, this.syntax) ?? cell.f;
    this.recalculate();
  }

  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    checkTimeZone(timezone);
    this.timeZone = timezone;
    this.recalculate();
  }

  // --- sheets ---------------------------------------------------------------------------------

  getSheets(): Sheet[] {
    return [...this.sheets] as unknown as Sheet[];
  }

  getNumSheets(): number {
    return this.sheets.length;
  }

  getSheetByName(name: string): Sheet | null {
    return (this.sheetByName(name) ?? null) as unknown as Sheet | null;
  }

  getSheetById(id: number): Sheet | null {
    return (this.sheets.find((s) => s.sheetId === id) ?? null) as unknown as Sheet | null;
  }

  /** insertSheet(), (index), (name), (name, index), (name, index, options), (index, options), (options), (name, options). */
  insertSheet(a?: unknown, b?: unknown, _c?: unknown): Sheet {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') name = a;
    else if (typeof a === 'number') index = a;
    if (typeof b === 'number') index = b;
    const sheet = this.addSheet(name ?? this.defaultSheetName(), index);
    this.activeSheet = sheet;
    this.selection = { sheet, range: { row: 1, column: 1, numRows: 1, numColumns: 1 } };
    return sheet as unknown as Sheet;
  }

  /**
   * Duplicates the active sheet, as Sheet › Duplicate does: right after it, named "Copy of …",
   * with its cells, formats, sizes, merges, conditional formats, protection and developer
   * metadata. Whether Sheets copies a sheet's developer metadata is not documented; the emulator
   * copies it, the pessimistic case, so the add-on must tell a user's copy from its own sheet.
   * Charts are not copied.
   */
  duplicateActiveSheet(): Sheet {
    const from = this.activeSheet;
    let name = `Copy of ${from.name}`;
    for (let n = 2; this.sheetByName(name); n++) name = `Copy of ${from.name} ${n}`;
    const to = this.addSheet(name, this.sheets.indexOf(from) + 1);
    to.rows = from.rows.map((row) =>
      row?.map((cell) => (cell ? { ...cell, hf: undefined, style: cell.style && { ...cell.style } } : cell)),
    );
    Object.assign(to, {
      maxRows: from.maxRows,
      maxColumns: from.maxColumns,
      frozenRows: from.frozenRows,
      frozenColumns: from.frozenColumns,
      tabColor: from.tabColor,
      columnWidths: new Map(from.columnWidths),
      rowHeights: new Map(from.rowHeights),
      hiddenColumns: new Set(from.hiddenColumns),
      hiddenRows: new Set(from.hiddenRows),
      merges: from.merges.map((m) => ({ ...m })),
      conditionalFormats: from.conditionalFormats.map(
        (rule) =>
          new EmuConditionalFormatRule({
            ...rule.state,
            ranges: rule.state.ranges.map((r) => new EmuRange(to, { ...r.grid })),
          }),
      ),
    });
    to.sync(1, 1, to.maxRows, to.maxColumns);
    for (const m of this.metadata.filter((r) => r.location.type !== 'SPREADSHEET' && r.location.sheet === from)) {
      this.metadata.push({
        ...m,
        id: this.core.nextId('metadata'),
        location: { ...m.location, sheet: to } as MetadataLocation,
      });
    }
    for (const p of this.protections.filter((x) => x.sheet === from && x.type === 'SHEET')) {
      const copy = new EmuProtection(this, 'SHEET', to, null);
      Object.assign(copy, {
        description: p.description,
        warningOnly: p.warningOnly,
        editors: [...p.editors],
        domainEdit: p.domainEdit,
      });
      this.protections.push(copy);
    }
    this.activeSheet = to;
    this.selection = { sheet: to, range: { row: 1, column: 1, numRows: 1, numColumns: 1 } };
    return to as unknown as Sheet;
  }

  deleteSheet(sheet: Sheet): void {
    const s = sheet as unknown as EmuSheet;
    if (!this.sheets.includes(s)) throw new Error('Sheet not found.');
    if (this.sheets.filter((x) => x !== s && !x.hidden).length === 0) {
      throw new Error("You can't remove all the visible sheets in a document.");
    }
    this.sheets = this.sheets.filter((x) => x !== s);
    this.engine.removeSheet(s.hfId);
    s.deleted = true;
    this.metadata = this.metadata.filter((m) => m.location.type === 'SPREADSHEET' || m.location.sheet !== s);
    this.protections = this.protections.filter((p) => p.sheet !== s);
    for (const [name, nr] of this.namedRanges) if (nr.sheet === s) this.namedRanges.delete(name);
    this.refreshFormulas();
    if (this.activeSheet === s) {
      this.activeSheet = this.sheets.find((x) => !x.hidden) ?? this.sheets[0];
      this.selection = null;
    }
  }

  moveActiveSheet(pos: number): void {
    const s = this.activeSheet;
    if (!Number.isInteger(pos) || pos < 1 || pos > this.sheets.length) throw new Error('Invalid argument: pos');
    this.sheets = this.sheets.filter((x) => x !== s);
    this.sheets.splice(pos - 1, 0, s);
  }

  setActiveSheet(sheet: Sheet, _restoreSelection?: boolean): Sheet {
    const s = sheet as unknown as EmuSheet;
    this.activeSheet = s;
    this.selection = { sheet: s, range: { row: 1, column: 1, numRows: 1, numColumns: 1 } };
    return sheet;
  }

  getActiveSheet(): Sheet {
    return this.activeSheet as unknown as Sheet;
  }

  // --- selection --------------------------------------------------------------------------

  private selected(): { sheet: EmuSheet; range: GridRange } {
    return this.selection ?? { sheet: this.activeSheet, range: { row: 1, column: 1, numRows: 1, numColumns: 1 } };
  }

  getActiveRange(): Range | null {
    const sel = this.selected();
    return sel.sheet.range(sel.range) as unknown as Range;
  }

  getActiveCell(): Range {
    const sel = this.selected();
    return sel.sheet.range({
      row: sel.range.row,
      column: sel.range.column,
      numRows: 1,
      numColumns: 1,
    }) as unknown as Range;
  }

  getCurrentCell(): Range | null {
    return this.getActiveCell();
  }

  getSelection(): GoogleAppsScript.Spreadsheet.Selection {
    return new EmuSelection(this) as unknown as GoogleAppsScript.Spreadsheet.Selection;
  }

  setActiveRange(range: Range): Range {
    const r = range as unknown as EmuRange;
    this.activeSheet = r.sheet;
    this.selection = { sheet: r.sheet, range: r.grid };
    return range;
  }

  setActiveSelection(a: Range | string): Range {
    return this.setActiveRange(typeof a === 'string' ? this.getRange(a) : a);
  }

  /** `Sheet1!A1:B2`, or A1 notation on the active sheet. */
  getRange(a1Notation: string): Range {
    const g = parseA1(a1Notation, 1, 1);
    if (!g) throw new Error('Range not found');
    const sheet = g.sheetName !== undefined ? this.sheetByName(g.sheetName) : this.activeSheet;
    if (!sheet) throw new Error('Range not found');
    return sheet.getRange(a1Notation.slice(a1Notation.lastIndexOf('!') + 1));
  }

  getSheetName(): string {
    return this.activeSheet.name;
  }

  getLastRow(): number {
    return this.activeSheet.getLastRow();
  }

  getLastColumn(): number {
    return this.activeSheet.getLastColumn();
  }

  getDataRange(): Range {
    return this.activeSheet.getDataRange();
  }

  getRangeByName(name: string): Range | null {
    const nr = this.namedRanges.get(name);
    return nr ? (nr.sheet.range(nr.grid) as unknown as Range) : null;
  }

  setNamedRange(name: string, range: Range): void {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
      throw new Error(`Invalid argument: name (${name})`);
    const r = range as unknown as EmuRange;
    this.namedRanges.set(name, { sheet: r.sheet, grid: r.grid });
  }

  removeNamedRange(name: string): void {
    this.namedRanges.delete(name);
  }

  // --- developer metadata -----------------------------------------------------------------

  /** addDeveloperMetadata(key), (key, visibility), (key, value), (key, value, visibility). */
  addMetadata(location: MetadataLocation, key: string, a?: unknown, b?: unknown): MetadataRecord {
    checkKey(key);
    let value: string | null = null;
    let visibility: 'DOCUMENT' | 'PROJECT' = 'DOCUMENT';
    if (b !== undefined) {
      value = a === null || a === undefined ? null : String(a);
      visibility = String(b) as 'DOCUMENT' | 'PROJECT';
    } else if (a !== undefined) {
      // Enum values are strings here: a value spelled "DOCUMENT" or "PROJECT" reads as a visibility.
      if (VISIBILITIES.includes(String(a))) visibility = String(a) as 'DOCUMENT' | 'PROJECT';
      else value = a === null ? null : String(a);
    }
    if (!VISIBILITIES.includes(visibility)) throw new Error('Invalid argument: visibility');
    const record: MetadataRecord = {
      id: this.core.nextId('metadata'),
      key,
      value,
      visibility,
      project: this.core.options.cloudProject,
      location,
    };
    this.metadata.push(record);
    return record;
  }

  addDeveloperMetadata(key: string, a?: unknown, b?: unknown): SS {
    this.addMetadata({ type: 'SPREADSHEET' }, key, a, b);
    return this.self;
  }

  /** The metadata the running script can see: DOCUMENT-visible, and PROJECT-visible of its own Cloud project. */
  visibleMetadata(): MetadataRecord[] {
    const project = this.core.options.cloudProject;
    return this.metadata.filter((m) => m.visibility === 'DOCUMENT' || m.project === project);
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return this.visibleMetadata()
      .filter((m) => m.location.type === 'SPREADSHEET')
      .map((m) => new EmuDeveloperMetadata(this, m)) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadata[];
  }

  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return new MetadataFinder(this, () => true) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  }

  // --- misc -------------------------------------------------------------------------------

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.core.toasts.push({
      spreadsheetId: this.id,
      message: String(msg),
      title: title ?? '',
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.protections.filter(
      (p) => p.type === String(type),
    ) as unknown as GoogleAppsScript.Spreadsheet.Protection[];
  }
}

/** A span [start, end] after inserting (count > 0) or deleting (count < 0) at `at`; null when deleted entirely. */
function shiftSpan(start: number, end: number, at: number, count: number): [number, number] | null {
  if (count > 0) {
    if (at <= start) return [start + count, end + count];
    if (at <= end) return [start, end + count];
    return [start, end];
  }
  const delStart = at;
  const delEnd = at - count - 1;
  const removedBefore = (x: number) => Math.max(0, Math.min(x - 1, delEnd) - delStart + 1);
  const keep = end - start + 1 - Math.max(0, Math.min(end, delEnd) - Math.max(start, delStart) + 1);
  if (keep <= 0) return null;
  const newStart = start >= delStart && start <= delEnd ? delStart : start - removedBefore(start);
  return [newStart, newStart + keep - 1];
}

export class EmuSelection extends EmuObject {
  readonly emuType = 'Selection';

  constructor(private readonly ss: EmuSpreadsheet) {
    super();
  }

  getActiveRange(): Range | null {
    return this.ss.getActiveRange();
  }

  getActiveRangeList(): GoogleAppsScript.Spreadsheet.RangeList | null {
    const r = this.ss.getActiveRange();
    return { getRanges: () => (r ? [r] : []) } as unknown as GoogleAppsScript.Spreadsheet.RangeList;
  }

  getActiveSheet(): Sheet {
    return this.ss.getActiveSheet();
  }

  getCurrentCell(): Range | null {
    return this.ss.getCurrentCell();
  }
}
