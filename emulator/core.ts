/** State shared by every emulated service of one emulator: clock, user, documents, records. */
import type { EngineFunction } from './engine/custom-functions';
import type { FormulaReading } from './engine/locale-formulas';
import { Clock } from './clock';
import { Instrumentation } from './instrument';
import type { EmuSpreadsheet } from './spreadsheet/spreadsheet';

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';

export interface AlertRecord {
  title: string | null;
  prompt: string;
  buttons: string;
  answer: ButtonName;
}

export interface PromptRecord {
  title: string | null;
  prompt: string;
  buttons: string;
  answer: { button: ButtonName; text: string };
}

export interface MenuItemRecord {
  caption: string;
  functionName?: string;
  separator?: true;
  submenu?: MenuRecord;
}

export interface MenuRecord {
  /** 'addon' for createAddonMenu() (shown under Extensions › add-on name). */
  kind: 'addon' | 'menu';
  caption: string;
  items: MenuItemRecord[];
}

export interface HtmlRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width?: number;
  height?: number;
}

export interface ToastRecord {
  spreadsheetId: string;
  message: string;
  title: string;
  timeoutSeconds: number;
}

export interface Responders {
  /** Answers Ui.alert; default OK (YES for YES_NO and YES_NO_CANCEL). */
  alert: (a: { title: string | null; prompt: string; buttons: string }) => ButtonName;
  /** Answers Ui.prompt; default OK with empty text. */
  prompt: (p: { title: string | null; prompt: string; buttons: string }) => { button: ButtonName; text: string };
}

/** Where the code is running: a menu/sidebar call (UI, active document) or a time-driven trigger (neither). */
export interface ExecutionContext {
  /** The document the add-on runs for (document properties, document lock, triggers). */
  documentId: string | null;
  /** Whether SpreadsheetApp.getActive() returns that document (false in a time-driven trigger). */
  activeSpreadsheet: boolean;
  /** Whether SpreadsheetApp.getUi() works (false in triggers). */
  ui: boolean;
  authMode: 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';
}

export interface CoreOptions {
  locale: string;
  timeZone: string;
  userLocale: string;
  userEmail: string;
  effectiveUserEmail: string;
  scriptTimeZone: string;
  htmlDir: string;
  customFunctions?: readonly EngineFunction[];
  /** Simulated time each service call takes (advances the clock). */
  callLatencyMs: number;
  /** Enforce add-on rules (one time-driven trigger per user per document, at most hourly). */
  addon: boolean;
  /** Caption of the add-on menu (createAddonMenu). */
  addonName: string;
  /** How formulas in the other locale group's syntax are read: 'strict' (default, as Google) or 'lenient'. */
  formulaReading?: FormulaReading;
  /** The Cloud project the script runs in (PROJECT-visible metadata is visible to its own project only). */
  cloudProject: string;
}

export class EmulatorCore {
  readonly clock: Clock;
  readonly instr = new Instrumentation();
  readonly spreadsheets = new Map<string, EmuSpreadsheet>();
  readonly menus: MenuRecord[] = [];
  readonly html: HtmlRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly prompts: PromptRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  readonly logs: string[] = [];
  responders: Responders = {
    alert: (a) => (/^YES/.test(a.buttons) ? 'YES' : 'OK'),
    prompt: () => ({ button: 'OK', text: '' }),
  };
  context: ExecutionContext = { documentId: null, activeSpreadsheet: true, ui: true, authMode: 'FULL' };
  private counters = new Map<string, number>();

  constructor(
    readonly options: CoreOptions,
    now: Date | string | number | undefined,
  ) {
    this.clock = new Clock(now);
    this.instr.onCall = () => {
      if (this.options.callLatencyMs) this.clock.advance(this.options.callLatencyMs);
    };
  }

  /** Deterministic ids: 1, 2, 3… per kind. */
  nextId(kind: string): number {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return n;
  }

  activeSpreadsheet(): EmuSpreadsheet | null {
    const id = this.context.documentId;
    return id && this.context.activeSpreadsheet ? (this.spreadsheets.get(id) ?? null) : null;
  }

  /** The document the code runs for, active or not (null when none). */
  document(): EmuSpreadsheet | null {
    const id = this.context.documentId;
    return id ? (this.spreadsheets.get(id) ?? null) : null;
  }
}
