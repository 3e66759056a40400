/**
 * The playground's workbook: an emulator with the add-on's server code running on it, and the
 * journal of everything done to it since it was built.
 *
 * Persistence is by replay. The emulator has no serialised form, and everything that changes a
 * workbook here is deterministic given its starting point (the sample, or an imported file) and
 * the actions taken (server calls, cell edits, clock moves, refreshes): the clock is the
 * emulator's, and ids drawn from Math.random come from a seeded generator during each action.
 * So the saved state is `{ base, ops }`, and restoring it re-runs the ops on a fresh emulator:
 * cells, formats, storage sheets, metadata, charts, properties, triggers and the clock all come
 * back as they were. A fingerprint of the sheets' contents checks that the replay arrived where
 * the last session left off.
 */
import { createHash } from 'node:crypto';
import { createEmulator, loadWorkbook, type Emulator } from '../emulator';
import { serverApi } from '../src/addon/api';
import { clock } from '../src/addon/clock';
import type { Lang } from '../src/core/i18n/lang';
import type { DashboardLayout, Schedule } from '../src/shared/api';
import { loadRefreshState } from '../src/addon/refresh/config';
import { type Book, loadBook } from './book';
import { runServerCall } from './server';
import { dashboardApi, scheduledRun } from './dashboards';
import {
  answersOf,
  answersRowOf,
  BOOKED_AT_START,
  bookingOf,
  companyFigures,
  companyWorkbook,
  MONTHS,
  monthEnd,
  prng,
  SHEETS,
  type MonthFigures,
} from './sample/company';
import { SAMPLE_KPIS, SAMPLE_OBJECTIVES } from './sample/kpis';

/** A sheet of a file opened before workbooks were kept as Books (state.json written by an older playground). */
export interface ImportedSheet {
  name: string;
  cells: (string | number | boolean | null)[][];
  formats?: (string | null)[][];
  widths?: (number | null)[];
}

export type Base =
  | { kind: 'sample' }
  /** `locale`: the workbook's (the playground's when the file was opened; a Boussole export carries its own). */
  | { kind: 'file'; name: string; book: Book; locale?: string }
  | { kind: 'file'; name: string; sheets: ImportedSheet[] };

export type Step = 'day' | 'week' | 'month';

export type Op =
  | { t: 'rpc'; method: string; args: unknown[] }
  | { t: 'generate'; layout: DashboardLayout }
  | { t: 'schedule'; schedule: Schedule }
  | { t: 'refresh' }
  | { t: 'advance'; by: Step }
  | { t: 'edit'; sheet: string; a1: string; input: string }
  | { t: 'lang'; lang: Lang };

export interface SavedState {
  version: 1;
  base: Base;
  ops: Op[];
  /** Sheet names and contents after the last op (see `fingerprint`). */
  fingerprint: string;
}

/** Where the story starts: Boussole is installed in early September 2024 (data through August). */
const SAMPLE_INSTALL = '2024-09-15T08:00:00Z';
/** …and the playground opens on 15 January 2025, after four monthly refreshes. */
const SAMPLE_MONTHS_OF_USE = 4;
const FILE_NOW = '2025-01-15T09:00:00Z';
const SPREADSHEET_NAME = 'Opaline Logiciels — pilotage';

const WRITE =
  /^(set|insert|append|delete|add|remove|clear|create|protect|update|move|hide|unhide|show|activate|merge|break|sort|copy|rename|auto|trim|apply|newChart|build)/;

/** A PRNG whose state can be saved and put back (so a read-only call leaves the sequence alone). */
class Random {
  private next: () => number;
  private drawn = 0;
  constructor(private readonly seed: number) {
    this.next = prng(seed);
  }
  readonly random = (): number => {
    this.drawn++;
    return this.next();
  };
  mark(): number {
    return this.drawn;
  }
  rewind(to: number): void {
    this.next = prng(this.seed);
    this.drawn = 0;
    while (this.drawn < to) this.random();
  }
}

export interface OpResult {
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string };
}

export class Workbook {
  emu!: Emulator;
  base: Base = { kind: 'sample' };
  ops: Op[] = [];
  private uninstall: (() => void) | null = null;
  private rng = new Random(1);
  private figures: MonthFigures[] | null = null;
  /** contentHash() right after build(): what "no change" looks like. */
  private baseHash: string | null = null;
  private booked = 0;
  /** Called after every recorded op (persistence). */
  onChange: (() => void) | null = null;

  constructor(base: Base = { kind: 'sample' }) {
    this.build(base);
  }

  /** A fresh emulator with `base` loaded; the journal starts empty. */
  build(base: Base): void {
    this.dispose();
    this.base = base;
    this.ops = [];
    this.rng = new Random(base.kind === 'sample' ? 2024 : 7);
    const book = base.kind === 'file' && 'book' in base ? base.book : null;
    const locale =
      book?.spreadsheet?.locale ?? (base.kind === 'file' && 'book' in base ? base.locale : undefined) ?? 'fr_FR';
    const emu = createEmulator({
      locale,
      userLocale: locale.split('_')[0],
      timeZone: book?.spreadsheet?.timeZone || undefined,
      now: base.kind === 'sample' ? SAMPLE_INSTALL : (book?.now ?? FILE_NOW),
      spreadsheetName:
        base.kind === 'sample' ? SPREADSHEET_NAME : (book?.spreadsheet?.name ?? base.name.replace(/\.[^.]+$/, '')),
    });
    this.emu = emu;
    const restoreServices = emu.install();
    const realNow = clock.now;
    clock.now = () => emu.clock.now();
    this.uninstall = () => {
      restoreServices();
      clock.now = realNow;
    };
    if (base.kind === 'sample') this.buildSample();
    else if ('book' in base) this.loadBookFile(base.book);
    else this.loadLegacyFile(base);
    this.baseHash = this.contentHash();
  }

  dispose(): void {
    if (this.uninstall) this.uninstall();
    this.uninstall = null;
  }

  get isSample(): boolean {
    return this.base.kind === 'sample';
  }

  /** Runs fn as one Apps Script execution: seeded ids, locks released at the end. */
  private exec<T>(fn: () => T): T {
    const saved = Math.random;
    Math.random = this.rng.random;
    try {
      return fn();
    } finally {
      Math.random = saved;
      this.emu.endExecution();
    }
  }

  // --- the sample -----------------------------------------------------------------------------

  private buildSample(): void {
    const figures = companyFigures();
    this.figures = figures;
    const start = BOOKED_AT_START - SAMPLE_MONTHS_OF_USE;
    const wb = companyWorkbook(figures, start);
    this.booked = start;
    loadWorkbook(this.emu, wb.sheets);
    this.exec(() => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      for (const f of wb.formats) ss.getSheetByName(f.sheet)!.getRange(f.a1).setNumberFormat(f.format);
      for (const w of wb.widths) ss.getSheetByName(w.sheet)!.setColumnWidth(w.column, w.width);
      for (const name of Object.values(SHEETS)) ss.getSheetByName(name)!.setFrozenRows(1);
      ss.getSheetByName(SHEETS.marketing)!.setFrozenColumns(1);
    });
    // The objectives and KPIs, through the server API as the sidebar would save them.
    const ids: Record<string, string> = {};
    for (const { key, ...draft } of SAMPLE_OBJECTIVES) {
      const r = this.exec(() => serverApi.saveObjective(draft));
      if (!r.ok) throw new Error(`sample objective ${key}: ${JSON.stringify(r.errors)}`);
      ids[key] = r.value.id;
    }
    for (const { objective, ...draft } of SAMPLE_KPIS) {
      const r = this.exec(() => serverApi.saveKpi({ ...draft, objectiveId: ids[objective] }));
      if (!r.ok) throw new Error(`sample KPI ${draft.name}: ${JSON.stringify(r.errors)}`);
    }
    this.exec(() => dashboardApi.generateDashboards('by_level'));
    // Four months of use: the figures arrive, the refresh archives them.
    this.exec(() => scheduledRun());
    for (let m = 0; m < SAMPLE_MONTHS_OF_USE; m++) {
      this.advanceClock('month');
      this.exec(() => scheduledRun());
    }
    this.exec(() => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const first = ss.getSheets().find((s) => /bord|dashboard|direction/i.test(s.getName()));
      if (first) first.activate();
    });
  }

  /** Types the figures of every month that is over by now (the accountant's monthly close). */
  private bookMonthsUntil(now: Date): void {
    if (!this.figures) return;
    while (this.booked < MONTHS && monthEnd(this.booked).getTime() + 6 * 3_600_000 <= now.getTime()) {
      const i = this.booked;
      const f = this.figures[i];
      this.exec(() => {
        const ss = SpreadsheetApp.getActiveSpreadsheet();
        for (const b of bookingOf(i, f)) {
          const sheet = ss.getSheetByName(b.sheet);
          if (sheet) sheet.getRange(b.row, b.column, b.values.length, b.values[0].length).setValues(b.values);
        }
        const sat = ss.getSheetByName(SHEETS.satisfaction);
        const answers = answersOf(i, f);
        if (sat && answers.length)
          sat.getRange(answersRowOf(i, this.figures!), 1, answers.length, 3).setValues(answers);
      });
      this.booked++;
    }
  }

  // --- files ----------------------------------------------------------------------------------

  /** A file's workbook; a Boussole export also gets its schedule's trigger back (the add-on's own call). */
  private loadBookFile(book: Book): void {
    this.figures = null;
    this.exec(() => loadBook(this.emu, book));
    const schedule = this.exec(() => loadRefreshState(SpreadsheetApp.getActiveSpreadsheet()).config.schedule);
    if (schedule.kind !== 'off') this.exec(() => dashboardApi.setSchedule(schedule));
  }

  private loadLegacyFile(base: { name: string; sheets: ImportedSheet[] }): void {
    this.figures = null;
    const data: Record<string, (string | number | boolean | null)[][]> = {};
    for (const s of base.sheets) data[s.name] = s.cells;
    loadWorkbook(this.emu, data);
    this.exec(() => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      for (const s of base.sheets) {
        const sheet = ss.getSheetByName(s.name);
        if (!sheet) continue;
        const rows = s.formats?.length ?? 0;
        const cols = rows ? Math.max(...s.formats!.map((r) => r.length)) : 0;
        if (rows && cols) {
          const block = s.formats!.map((r) => Array.from({ length: cols }, (_, c) => r[c] || 'General'));
          if (block.some((r) => r.some((f) => f !== 'General')))
            sheet.getRange(1, 1, rows, cols).setNumberFormats(block);
        }
        s.widths?.forEach((w, c) => {
          if (w) sheet.setColumnWidth(c + 1, Math.round(w));
        });
      }
    });
  }

  // --- actions --------------------------------------------------------------------------------

  /** Moves the clock; months that end on the way get their figures (sample), due scheduled runs fire. */
  private advanceClock(by: Step): void {
    const from = this.emu.clock.now();
    let to: Date;
    if (by === 'month') {
      to = new Date(from);
      const day = to.getUTCDate();
      to.setUTCDate(1);
      to.setUTCMonth(to.getUTCMonth() + 1);
      const last = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() + 1, 0)).getUTCDate();
      to.setUTCDate(Math.min(day, last));
    } else {
      to = new Date(from.getTime() + (by === 'week' ? 7 : 1) * 86_400_000);
    }
    // Scheduled runs: at most the last one of each day (an hourly schedule over a month would be 720 runs).
    const due = this.emu.dueTriggers(from, to);
    const perDay = new Map<string, (typeof due)[number]>();
    for (const d of due) perDay.set(d.at.toISOString().slice(0, 10), d);
    const events: { at: number; run: () => void }[] = [...perDay.values()].map((d) => ({
      at: d.at.getTime(),
      run: () => void this.emu.runTrigger(d, (e) => this.exec(() => scheduledRun(e))),
    }));
    if (this.figures) {
      for (let i = this.booked; i < MONTHS; i++) {
        const at = monthEnd(i).getTime() + 6 * 3_600_000;
        if (at > to.getTime()) break;
        events.push({ at, run: () => this.bookMonthsUntil(new Date(at)) });
      }
    }
    events.sort((a, b) => a.at - b.at);
    for (const e of events) {
      if (e.at > this.emu.clock.now().getTime()) this.emu.clock.set(e.at);
      e.run();
    }
    this.emu.clock.set(to);
  }

  /** Applies one action; records it (and persists) when it changed anything. */
  apply(op: Op, record = true): OpResult {
    const mark = this.rng.mark();
    this.emu.calls.reset();
    let result: OpResult;
    try {
      result = this.run(op);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      result = { ok: false, error: { name: err.name, message: err.message } };
    }
    const changed =
      op.t !== 'rpc' || Object.keys(this.emu.calls.byMethod).some((m) => WRITE.test(m.slice(m.indexOf('.') + 1)));
    if (!changed) this.rng.rewind(mark);
    else if (record) {
      this.ops.push(op);
      this.onChange?.();
    }
    return result;
  }

  private run(op: Op): OpResult {
    switch (op.t) {
      case 'rpc': {
        const saved = Math.random;
        Math.random = this.rng.random;
        try {
          const out = runServerCall(this.emu, op.method, op.args);
          return out.ok ? { ok: true, value: out.value } : { ok: false, error: out.error };
        } finally {
          Math.random = saved;
        }
      }
      case 'generate':
        return { ok: true, value: this.exec(() => dashboardApi.generateDashboards(op.layout)) };
      case 'schedule':
        return { ok: true, value: this.exec(() => dashboardApi.setSchedule(op.schedule)) };
      case 'refresh':
        return { ok: true, value: this.exec(() => scheduledRun()) };
      case 'advance':
        this.advanceClock(op.by);
        return { ok: true, value: this.emu.clock.now().toISOString() };
      case 'edit':
        this.exec(() => {
          const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(op.sheet);
          if (!sheet) throw new Error(`no sheet named ${op.sheet}`);
          const range = sheet.getRange(op.a1);
          if (op.input.startsWith('=')) range.setFormula(op.input);
          else range.setValue(op.input);
        });
        return { ok: true };
      case 'lang':
        return { ok: true, value: this.setLang(op.lang) };
    }
  }

  /** The document's and the user's language: sheets, dashboards, run log and sidebar follow. */
  private setLang(lang: Lang): string[] {
    return this.exec(() => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      ss.setSpreadsheetLocale(lang === 'en' ? 'en_US' : 'fr_FR');
      serverApi.saveSettings({ lang });
      const state = dashboardApi.getSchedule();
      if (state.dashboards.length) dashboardApi.generateDashboards(state.layout);
      return ss.getSheets().map((s) => s.getName());
    });
  }

  lang(): Lang {
    return /^en/i.test(this.emu.spreadsheet.getSpreadsheetLocale()) ? 'en' : 'fr';
  }

  /** Re-runs saved ops on this (fresh) workbook; throws on the first that fails to apply. */
  replay(ops: readonly Op[]): void {
    for (const op of ops) {
      this.apply(op, true);
    }
  }

  /** The sheets' names and displayed contents, hashed: equal fingerprints, same workbook as seen. */
  fingerprint(): string {
    const h = createHash('sha256');
    h.update(this.emu.clock.now().toISOString());
    for (const name of this.emu.sheetNames()) {
      h.update(`\u0000${name}\u0000`);
      h.update(JSON.stringify(this.emu.snapshot(name).display));
    }
    return h.digest('hex').slice(0, 16);
  }

  /** What a person would lose: the sheets as seen, the clock, the document properties and the triggers. */
  private contentHash(): string {
    const h = createHash('sha256');
    h.update(this.fingerprint());
    h.update(JSON.stringify(this.emu.properties.document()));
    h.update(JSON.stringify(this.emu.triggers().map((t) => [t.handler, t.schedule])));
    return h.digest('hex');
  }

  /** True when the workbook differs from what it was opened or reset as (reading it, as the sidebar does at start, is no change). */
  changed(): boolean {
    return this.baseHash !== null && this.contentHash() !== this.baseHash;
  }

  saved(): SavedState {
    return { version: 1, base: this.base, ops: this.ops, fingerprint: this.fingerprint() };
  }
}
