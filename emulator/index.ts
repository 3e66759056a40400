/**
 * An in-memory stand-in for the Apps Script services Boussole uses, for tests and the playground.
 * Dev-only: it pulls in HyperFormula (GPL-3.0) and must never enter the pushed bundle.
 */
import type { FormulaSyntax } from '../src/core/formula';
import { parseA1 } from './a1';
import type { Duration } from './clock';
import {
  EmulatorCore,
  type AlertRecord,
  type ButtonName,
  type HtmlRecord,
  type MenuRecord,
  type PromptRecord,
  type ToastRecord,
} from './core';
import type { EngineFunction } from './engine/custom-functions';
import type { CallStats, Faults } from './instrument';
import { displayValue } from './number-format';
import { EmuCharts, EmuSpreadsheetApp } from './spreadsheet/app';
import { displayFormat, numberFormatOf, type SheetsValue, type Style } from './spreadsheet/cells';
import type { ChartView } from './spreadsheet/charts';
import { viewOf, type MetadataView } from './spreadsheet/metadata';
import type { ProtectionView } from './spreadsheet/protection';
import type { ConditionalFormatView, EmuDataValidation } from './spreadsheet/rules';
import type { EmuSheet } from './spreadsheet/sheet';
import { EmuSpreadsheet } from './spreadsheet/spreadsheet';
import { formatA1 } from './a1';
import { EmuHtmlService, EmuLogger } from './services/html';
import { EmuLockService } from './services/lock';
import { EmuPropertiesService } from './services/properties';
import { EmuScriptApp, type DueTrigger, type TriggerRecord } from './services/script-app';
import { EmuSession } from './services/session';
import { EmuUtilities } from './services/utilities';
import { EmuSheetsSpreadsheets } from './sheets-api/service';

export { DISPLAY_ONLY_FUNCTIONS } from './engine/workbook-engine';
export type {
  AlertRecord,
  ButtonName,
  HtmlRecord,
  MenuRecord,
  PromptRecord,
  ToastRecord,
  ChartView,
  MetadataView,
  ProtectionView,
  ConditionalFormatView,
  DueTrigger,
  TriggerRecord,
  SheetsValue,
  Style,
  CallStats,
  Faults,
};

export interface EmulatorOptions {
  /** Spreadsheet locale, e.g. 'fr_FR' (default 'en_US'). Decides custom functions' error language. */
  locale?: string;
  /** Spreadsheet time zone (default 'Europe/Paris' for fr locales, else 'America/New_York'). */
  timeZone?: string;
  /** Start of the emulated clock (default 2025-01-15T09:00:00Z). */
  now?: Date | string;
  /** Session.getActiveUserLocale() (default: the language of `locale`, e.g. 'fr'). */
  userLocale?: string;
  userEmail?: string;
  /** Session.getEffectiveUser() (default: userEmail). */
  effectiveUserEmail?: string;
  /** Session.getScriptTimeZone() and default trigger time zone (default: timeZone). */
  scriptTimeZone?: string;
  /** Name of the active spreadsheet (default 'Boussole test'). */
  spreadsheetName?: string;
  /** Where HtmlService.createHtmlOutputFromFile reads (default 'dist'). */
  htmlDir?: string;
  /** Custom functions registered in the engine (default: Boussole's catalog). Process-wide. */
  customFunctions?: readonly EngineFunction[];
  /** Each service call advances the clock by this much (default 0). */
  callLatencyMs?: number;
  /** Add-on rules: one time-driven trigger per user per document, at most hourly (default true). */
  addon?: boolean;
  /** Caption createAddonMenu() records (default 'Boussole'). */
  addonName?: string;
  /**
   * Formulas are read in the spreadsheet's locale syntax, a "," formula in a fr_FR sheet is a
   * "Formula parse error." as in Sheets ('strict', the default); 'lenient' also reads the other
   * group's syntax (kinder than Google: for exploring, never for tests of the add-on).
   */
  formulaReading?: 'strict' | 'lenient';
  /**
   * The script's Cloud project (default 'apps-script-default'): PROJECT-visible developer metadata
   * is visible to the project that wrote it only. See Emulator.setCloudProject.
   */
  cloudProject?: string;
}

export interface EmulatedServices {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  LockService: GoogleAppsScript.Lock.LockService;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Charts: GoogleAppsScript.Charts.Charts;
  Logger: GoogleAppsScript.Base.Logger;
  /** The Advanced Sheets service (Sheets API v4), as appsscript.json enables it. */
  Sheets: { Spreadsheets: EmuSheetsSpreadsheets };
}

/** One cell, for assertions: `emu.cell('KPI!B2')`. */
export interface CellView {
  value: SheetsValue;
  display: string;
  formula: string;
  numberFormat: string;
  style: Style;
  note: string;
  /** Set when the value is an error: Sheets' code and the message shown on hover (custom functions' text). */
  error: { code: string; message: string } | null;
}

/** Everything about one sheet as plain, deep-comparable data. */
export interface SheetSnapshot {
  name: string;
  sheetId: number;
  index: number;
  hidden: boolean;
  tabColor: string | null;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** Values of the data range (A1 to last row/column with content). */
  values: SheetsValue[][];
  formulas: string[][];
  display: string[][];
  /** Non-default formats by A1 cell, e.g. `{ B2: { numberFormat: '0.0%', fontWeight: 'bold' } }`. */
  formats: Record<string, Style>;
  notes: Record<string, string>;
  validations: Record<string, ReturnType<EmuDataValidation['view']>>;
  merges: string[];
  columnWidths: Record<number, number>;
  rowHeights: Record<number, number>;
  hiddenColumns: number[];
  hiddenRows: number[];
  charts: ChartView[];
  conditionalFormats: ConditionalFormatView[];
  protections: ProtectionView[];
  /** Metadata on the sheet and on its rows/columns. */
  metadata: MetadataView[];
}

export interface EmulatorClock {
  now(): Date;
  set(date: Date | string | number): void;
  advance(d: Duration): Date;
}

export interface Emulator {
  /** The service objects (counted, fault-injectable), typed as Apps Script's. */
  readonly services: EmulatedServices;
  /** Puts the services on globalThis; returns the function that puts back what was there. */
  install(): () => void;
  /** The document the code runs for (SpreadsheetApp.getActiveSpreadsheet()). */
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** A new spreadsheet (openById finds it); `activate` makes it the active one. */
  createSpreadsheet(
    name: string,
    options?: { locale?: string; timeZone?: string; activate?: boolean },
  ): GoogleAppsScript.Spreadsheet.Spreadsheet;
  setActiveSpreadsheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): void;
  /** Selects a range as the user would (`'Sheet1!B2:B13'`, or A1 on the active sheet); also activates its sheet. */
  select(a1: string): GoogleAppsScript.Spreadsheet.Range;
  readonly clock: EmulatorClock;
  readonly calls: CallStats;
  readonly faults: Faults;

  /**
   * Runs fn as a time-driven trigger: no active spreadsheet, no UI. By default also no containing
   * document: LockService.getDocumentLock() and PropertiesService.getDocumentProperties() return
   * null, as the references say they do "outside of the context of a containing document"
   * (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()) and
   * "when document properties are not available"
   * (https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()).
   * The strict side: whether an add-on's time-driven run has a containing document is not
   * documented. `documentContext: true` is the optimistic case: the lock and properties of
   * `documentId`.
   */
  asTrigger<T>(fn: () => T, documentId?: string, options?: TriggerContextOptions): T;
  /**
   * Fires a due trigger as Apps Script would: as the user who made it, in trigger context
   * (asTrigger's options), passing the event object. Returns what the handler returns.
   */
  runTrigger<T>(due: DueTrigger, handler: (event: Record<string, unknown>) => T, options?: TriggerContextOptions): T;
  /** Runs fn as another user (their user properties, user lock and triggers), e.g. a colleague sharing the file. */
  asUser<T>(email: string, fn: () => T): T;
  /** Deletes a spreadsheet (openById then fails, as for a file deleted from Drive). */
  deleteSpreadsheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): void;
  /** Runs fn in an authorization mode, e.g. 'NONE' for onOpen before authorization (only menus are allowed). */
  withAuthMode<T>(mode: 'NONE' | 'LIMITED' | 'FULL', fn: () => T): T;
  /** Ends the current execution: releases its locks. */
  endExecution(): void;
  /**
   * Moves the script to another Cloud project, as publishing does (an add-on is published from a
   * standard Cloud project, not the default one): PROJECT-visible metadata written before is no
   * longer visible to it.
   */
  setCloudProject(project: string): void;

  /** Answers to Ui.alert / Ui.prompt. */
  onAlert(responder: (a: { title: string | null; prompt: string; buttons: string }) => ButtonName): void;
  onPrompt(
    responder: (p: { title: string | null; prompt: string; buttons: string }) => { button: ButtonName; text: string },
  ): void;

  /** Another execution holds the document lock until `until` (a Date or ms from now), or until the returned release is called. */
  holdDocumentLock(options?: { until?: Date | number; documentId?: string }): () => void;
  holdScriptLock(options?: { until?: Date | number }): () => void;
  /** Another execution of a user (default: the current one) holds that user's lock. */
  holdUserLock(options?: { until?: Date | number; user?: string }): () => void;

  // --- inspection (never counted as service calls) ---
  sheetValues(sheetName: string): SheetsValue[][];
  sheetFormulas(sheetName: string): string[][];
  snapshot(sheetName: string): SheetSnapshot;
  cell(a1: string): CellView;
  sheetNames(): string[];
  /** How the active spreadsheet's locale spells formulas (`;` or `,` between arguments…). */
  formulaSyntax(): FormulaSyntax;
  readonly menus: readonly MenuRecord[];
  /** Sidebars and dialogs shown, in order. */
  readonly dialogs: readonly HtmlRecord[];
  readonly sidebars: readonly HtmlRecord[];
  readonly alerts: readonly AlertRecord[];
  readonly prompts: readonly PromptRecord[];
  readonly toasts: readonly ToastRecord[];
  readonly logs: readonly string[];
  charts(sheetName?: string): ChartView[];
  /** All developer metadata of the active spreadsheet (or the one with `spreadsheetId`). */
  metadata(spreadsheetId?: string): MetadataView[];
  protections(spreadsheetId?: string): ProtectionView[];
  conditionalFormats(sheetName: string): ConditionalFormatView[];
  triggers(): TriggerRecord[];
  /** Time-driven firings in (from, to], in order. */
  dueTriggers(from: Date | string, to: Date | string): DueTrigger[];
  properties: {
    document(spreadsheetId?: string): Record<string, string>;
    script(): Record<string, string>;
    user(email?: string): Record<string, string>;
  };
}

export interface TriggerContextOptions {
  /** The optimistic case: the run has the document's lock and properties (default false: null, as outside a document). */
  documentContext?: boolean;
}

let spreadsheetSeq = 0;

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const locale = options.locale ?? 'en_US';
  const timeZone = options.timeZone ?? (/^fr/i.test(locale) ? 'Europe/Paris' : 'America/New_York');
  const userEmail = options.userEmail ?? 'user@example.com';
  const core = new EmulatorCore(
    {
      locale,
      timeZone,
      userLocale: options.userLocale ?? locale.split(/[_-]/)[0],
      userEmail,
      effectiveUserEmail: options.effectiveUserEmail ?? userEmail,
      scriptTimeZone: options.scriptTimeZone ?? timeZone,
      htmlDir: options.htmlDir ?? 'dist',
      customFunctions: options.customFunctions,
      callLatencyMs: options.callLatencyMs ?? 0,
      addon: options.addon ?? true,
      addonName: options.addonName ?? 'Boussole',
      formulaReading: options.formulaReading ?? 'strict',
      cloudProject: options.cloudProject ?? 'apps-script-default',
    },
    options.now,
  );
  const instr = core.instr;

  const newSpreadsheet = (name: string, o: { locale?: string; timeZone?: string } = {}): EmuSpreadsheet => {
    const id = `emu-spreadsheet-${++spreadsheetSeq}`;
    const ss = new EmuSpreadsheet(core, id, name, o.locale ?? locale, o.timeZone ?? timeZone);
    core.spreadsheets.set(id, ss);
    return ss;
  };
  const first = newSpreadsheet(options.spreadsheetName ?? 'Boussole test');
  core.context.documentId = first.id;

  const properties = new EmuPropertiesService(core);
  const scriptApp = new EmuScriptApp(core);
  const lockService = new EmuLockService(core);
  const raw = {
    SpreadsheetApp: new EmuSpreadsheetApp(core, (name) => newSpreadsheet(name)),
    PropertiesService: properties,
    ScriptApp: scriptApp,
    LockService: lockService,
    HtmlService: new EmuHtmlService(core),
    Session: new EmuSession(core),
    Utilities: new EmuUtilities(core),
    Charts: new EmuCharts(),
    Logger: new EmuLogger(core),
  };
  const services = {
    ...Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, instr.wrap(v)])),
    Sheets: { Spreadsheets: instr.wrap(new EmuSheetsSpreadsheets(core)) },
  } as unknown as EmulatedServices;

  const NONE_ALLOWED =
    /^(SpreadsheetApp\.getUi|Ui\.create(Addon)?Menu|Menu\.|Session\.getActiveUserLocale|Session\.getActiveUser|Session\.getEffectiveUser|Session\.getScriptTimeZone|Logger\.|Utilities\.|ScriptApp\.getAuthorizationInfo|HtmlService\.|HtmlOutput\.)/;
  instr.guard = (method) => {
    if (core.context.authMode === 'NONE' && !NONE_ALLOWED.test(method)) {
      // The real text names the scope the call needs ("Required permissions: https://…").
      const scope = /^(SpreadsheetApp|Spreadsheet|Sheet|Range)\./.test(method)
        ? 'spreadsheets'
        : /^ScriptApp\./.test(method)
          ? 'script.scriptapp'
          : null;
      throw new Error(
        `You do not have permission to call ${method}.${scope ? ` Required permissions: https://www.googleapis.com/auth/${scope}` : ''}`,
      );
    }
  };

  const doc = (id?: string): EmuSpreadsheet => {
    const ss = id ? core.spreadsheets.get(id) : core.document();
    if (!ss) throw new Error(`emulator: no spreadsheet ${id ?? '(active)'}`);
    return ss;
  };
  const sheetOf = (name: string, ss = doc()): EmuSheet => {
    const sheet = ss.sheetByName(name);
    if (!sheet) throw new Error(`emulator: no sheet named ${name}`);
    return sheet;
  };
  const rangeOf = (a1: string) => {
    const ss = doc();
    const g = parseA1(a1, 1, 1);
    if (!g) throw new Error(`emulator: bad A1 notation ${a1}`);
    const sheet = g.sheetName !== undefined ? sheetOf(g.sheetName, ss) : ss.activeSheet;
    return sheet.getRange(a1.slice(a1.lastIndexOf('!') + 1)) as unknown as import('./spreadsheet/range').EmuRange;
  };
  const lockUntil = (until: Date | number | undefined): number | null =>
    until === undefined ? null : until instanceof Date ? until.getTime() : core.clock.millis() + until;

  const sheetSnapshot = (sheet: EmuSheet): SheetSnapshot => {
    const data = sheet.getDataRange() as unknown as import('./spreadsheet/range').EmuRange;
    const formats: Record<string, Style> = {};
    const notes: Record<string, string> = {};
    const validations: Record<string, ReturnType<EmuDataValidation['view']>> = {};
    sheet.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (!cell) return;
        const a1 = formatA1({ row: r + 1, column: c + 1, numRows: 1, numColumns: 1 });
        if (cell.style && Object.keys(cell.style).length) formats[a1] = { ...cell.style };
        if (cell.note) notes[a1] = cell.note;
        if (cell.validation) validations[a1] = (cell.validation as EmuDataValidation).view();
      });
    });
    const ss = sheet.ss;
    return {
      name: sheet.name,
      sheetId: sheet.sheetId,
      index: sheet.getIndex(),
      hidden: sheet.hidden,
      tabColor: sheet.tabColor,
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      frozenRows: sheet.frozenRows,
      frozenColumns: sheet.frozenColumns,
      values: data.getValues(),
      formulas: data.getFormulas(),
      display: data.getDisplayValues(),
      formats,
      notes,
      validations,
      merges: sheet.merges.map((g) => formatA1(g)),
      columnWidths: Object.fromEntries(sheet.columnWidths),
      rowHeights: Object.fromEntries(sheet.rowHeights),
      hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
      hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
      charts: sheet.charts.map((c) => c.view()),
      conditionalFormats: sheet.conditionalFormats.map((r) => r.view()),
      protections: ss.protections.filter((p) => p.sheet === sheet).map((p) => p.view()),
      metadata: ss.metadata.filter((m) => m.location.type !== 'SPREADSHEET' && m.location.sheet === sheet).map(viewOf),
    };
  };

  const emu: Emulator = {
    services,
    install() {
      const g = globalThis as Record<string, unknown>;
      const saved = Object.keys(services).map((k) => [k, Object.getOwnPropertyDescriptor(g, k)] as const);
      for (const [k, v] of Object.entries(services)) g[k] = v;
      return () => {
        for (const [k, d] of saved) {
          if (d) Object.defineProperty(g, k, d);
          else delete g[k];
        }
      };
    },
    get spreadsheet() {
      return instr.wrap(doc()) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    },
    createSpreadsheet(name, o = {}) {
      const ss = newSpreadsheet(name, o);
      if (o.activate) core.context.documentId = ss.id;
      return instr.wrap(ss) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    },
    setActiveSpreadsheet(s) {
      const id = typeof s === 'string' ? s : (instr.unwrap(s) as unknown as EmuSpreadsheet).id;
      doc(id);
      core.context.documentId = id;
    },
    select(a1) {
      const range = rangeOf(a1);
      range.sheet.ss.activeSheet = range.sheet;
      range.sheet.ss.selection = { sheet: range.sheet, range: range.grid };
      return instr.wrap(range) as unknown as GoogleAppsScript.Spreadsheet.Range;
    },
    clock: {
      now: () => core.clock.now(),
      set: (d) => core.clock.set(d),
      advance: (d) => core.clock.advance(d),
    },
    calls: instr,
    faults: instr,
    asTrigger(fn, documentId, o = {}) {
      const saved = { ...core.context };
      core.context = {
        documentId: o.documentContext ? (documentId ?? saved.documentId) : null,
        activeSpreadsheet: false,
        ui: false,
        authMode: 'FULL',
      };
      try {
        return fn();
      } finally {
        lockService.table.releaseMine();
        core.context = saved;
      }
    },
    runTrigger(due, handler, o = {}) {
      return emu.asUser(due.user, () => emu.asTrigger(() => handler(due.event), due.documentId ?? undefined, o));
    },
    asUser(email, fn) {
      const saved = { user: core.options.userEmail, effective: core.options.effectiveUserEmail };
      core.options.userEmail = email;
      core.options.effectiveUserEmail = email;
      try {
        return fn();
      } finally {
        core.options.userEmail = saved.user;
        core.options.effectiveUserEmail = saved.effective;
      }
    },
    deleteSpreadsheet(s) {
      const id = typeof s === 'string' ? s : (instr.unwrap(s) as unknown as EmuSpreadsheet).id;
      doc(id);
      core.spreadsheets.delete(id);
    },
    withAuthMode(mode, fn) {
      const saved = core.context.authMode;
      core.context.authMode = mode;
      try {
        return fn();
      } finally {
        core.context.authMode = saved;
      }
    },
    endExecution() {
      lockService.table.releaseMine();
    },
    setCloudProject(project) {
      core.options.cloudProject = project;
    },
    onAlert(responder) {
      core.responders.alert = responder;
    },
    onPrompt(responder) {
      core.responders.prompt = responder;
    },
    holdDocumentLock(o = {}) {
      const id = o.documentId ?? core.context.documentId;
      if (!id) throw new Error('emulator: no document to lock');
      return lockService.table.holdByOther(`document:${id}`, lockUntil(o.until));
    },
    holdScriptLock(o = {}) {
      return lockService.table.holdByOther('script', lockUntil(o.until));
    },
    holdUserLock(o = {}) {
      return lockService.table.holdByOther(`user:${o.user ?? core.options.userEmail}`, lockUntil(o.until));
    },
    sheetValues: (name) =>
      (sheetOf(name).getDataRange() as unknown as import('./spreadsheet/range').EmuRange).getValues(),
    sheetFormulas: (name) =>
      (sheetOf(name).getDataRange() as unknown as import('./spreadsheet/range').EmuRange).getFormulas(),
    snapshot: (name) => sheetSnapshot(sheetOf(name)),
    cell(a1) {
      const range = rangeOf(a1);
      const { sheet, grid } = range;
      const c = sheet.cell(grid.row, grid.column);
      const ev = sheet.engineValue(grid.row, grid.column);
      const literal = c && c.f === undefined && c.v !== undefined;
      const raw = literal ? c.v : ev.kind === 'empty' ? '' : ev.kind === 'error' ? ev.code : ev.value;
      return {
        value: sheet.valueAt(grid.row, grid.column),
        display: displayValue(
          raw,
          literal ? numberFormatOf(c) : displayFormat(c, ev, sheet.ss.locale),
          sheet.ss.locale,
        ),
        formula: c?.f ?? '',
        numberFormat: numberFormatOf(c),
        style: { ...c?.style },
        note: c?.note ?? '',
        error: !literal && ev.kind === 'error' ? { code: ev.code, message: ev.message } : null,
      };
    },
    sheetNames: () => doc().sheets.map((s) => s.name),
    formulaSyntax: () => doc().syntax,
    get menus() {
      return core.menus;
    },
    get dialogs() {
      return core.html.filter((h) => h.kind !== 'sidebar');
    },
    get sidebars() {
      return core.html.filter((h) => h.kind === 'sidebar');
    },
    get alerts() {
      return core.alerts;
    },
    get prompts() {
      return core.prompts;
    },
    get toasts() {
      return core.toasts;
    },
    get logs() {
      return core.logs;
    },
    charts: (name) => (name ? sheetOf(name).charts : doc().sheets.flatMap((s) => s.charts)).map((c) => c.view()),
    metadata: (id) => doc(id).metadata.map(viewOf),
    protections: (id) => doc(id).protections.map((p) => p.view()),
    conditionalFormats: (name) => sheetOf(name).conditionalFormats.map((r) => r.view()),
    triggers: () => scriptApp.triggers.map((t) => ({ ...t, schedule: t.schedule ? { ...t.schedule } : null })),
    dueTriggers: (from, to) => scriptApp.due(new Date(from), new Date(to)),
    properties: {
      document: (id) => Object.fromEntries(properties.documentStore(id ?? doc().id)),
      script: () => Object.fromEntries(properties.script),
      user: (email) => Object.fromEntries(properties.userStore(email)),
    },
  };
  return emu;
}

/** Rows of plain values per sheet; strings starting with "=" are formulas, null/undefined/'' are blanks. */
export type WorkbookData = Record<string, readonly (readonly unknown[])[]>;

/**
 * Fills the active spreadsheet (or `spreadsheet`) from plain data, without counting service calls.
 * Sheets are created as needed; the untouched default sheet is removed when the data names others.
 */
export function loadWorkbook(
  emu: Emulator,
  data: WorkbookData,
  spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet,
): void {
  const instr = emu.calls as unknown as import('./instrument').Instrumentation;
  const ss = instr.unwrap(spreadsheet ?? emu.spreadsheet) as unknown as EmuSpreadsheet;
  const defaultSheet = ss.sheets.length === 1 ? ss.sheets[0] : null;
  for (const [name, rows] of Object.entries(data)) {
    const sheet = ss.sheetByName(name) ?? ss.addSheet(name, undefined);
    const width = Math.max(1, ...rows.map((r) => r.length));
    if (rows.length > sheet.maxRows) sheet.insert('row', sheet.maxRows + 1, rows.length - sheet.maxRows);
    if (width > sheet.maxColumns) sheet.insert('column', sheet.maxColumns + 1, width - sheet.maxColumns);
    if (rows.length === 0) continue;
    const block = rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined ? null : r[i])));
    sheet.range({ row: 1, column: 1, numRows: rows.length, numColumns: width }).setValues(block);
  }
  if (defaultSheet && !(defaultSheet.name in data) && defaultSheet.getLastRow() === 0 && ss.sheets.length > 1) {
    ss.deleteSheet(defaultSheet as unknown as GoogleAppsScript.Spreadsheet.Sheet);
  }
  if (!ss.sheets.includes(ss.activeSheet)) ss.activeSheet = ss.sheets[0];
}
