/*
 * The sidebar's one state, as a union: loading, failed to load, or loaded, and when loaded, the
 * screen with what only that screen holds (the wizard's form exists only in the wizard). Views
 * receive the state already narrowed, so nothing is ever "maybe there": no non-null assertion.
 * The store is plain: `get`, `update` with a function of the state, `subscribe`. Server calls
 * and timers live in the actions (session.ts, wizard/actions.ts), never in views.
 */
import type { Lang } from '../core/i18n/lang';
import type { FieldError } from '../core/kpi/model';
import type {
  Bootstrap,
  DashboardLayout,
  KpiDraft,
  ObjectiveDraft,
  Schedule,
  ScheduleState,
  Settings,
  SourceRead,
} from '../shared/api';
import type { KpiForm, ObjectiveForm, SaveTarget } from './form';
import type { WeekDay } from './i18n';

/** The dashboards, layout, schedule and last run, as `getSchedule` told them. */
export type ScheduleView =
  | { status: 'loading' }
  | { status: 'known'; value: ScheduleState }
  | { status: 'failed'; message: string };

/** A message shown once, until the next screen (seq tells two equal messages apart). */
export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

/** The inline "delete?" question under a Home row. */
export interface Confirm {
  kind: 'kpi' | 'objective';
  id: string;
  name: string;
  /** The server's refusal, shown under the question. */
  error: string;
}

export interface HomeScreen {
  name: 'home';
  /** The layout picked but not generated yet; null follows the stored one. */
  layoutChoice: DashboardLayout | null;
  /** The dashboards section's last result. */
  dashNotice: Notice | null;
  confirm: Confirm | null;
}

export interface ObjectiveScreen {
  name: 'objective';
  form: ObjectiveForm;
  /** The id made for a new objective, or the objective as loaded (form.ts SaveTarget). */
  target: SaveTarget<ObjectiveDraft>;
  /** Shown next to the fields once a save was tried; live from then on. */
  errors: FieldError[];
}

/** Where the wizard's source read stands; `key` is the source it was asked for. */
export type SourceState =
  | { status: 'none' }
  | { status: 'reading'; key: string }
  | { status: 'read'; key: string; read: SourceRead };

export type Step = 1 | 2 | 3 | 4 | 5;
export const STEPS = 5;

export interface Wizard {
  /** Tells this wizard from the next one (an answer for a closed wizard is dropped). */
  id: number;
  step: Step;
  /** Steps up to here can be jumped to from the stepper. */
  maxStep: Step;
  editing: boolean;
  /** Step 1: an existing objective, or a new one typed in place (kept while switching back and forth). */
  objectiveMode: 'pick' | 'create';
  /** "Pick an objective" when Next found none picked. */
  pickError: string;
  newObjective: ObjectiveForm;
  /** The id made for the objective created in place (a retried create finds it). */
  newObjectiveId: string;
  newObjectiveErrors: FieldError[];
  form: KpiForm;
  /** The id made for a new KPI, or the KPI as loaded (form.ts SaveTarget). */
  target: SaveTarget<KpiDraft>;
  source: SourceState;
  /** Fields whose errors show live (after a blur, a Next or a pick). */
  touched: readonly string[];
  /** "Nothing selected in the sheet", per field that asked. */
  selectionErrors: Readonly<Record<string, string>>;
  /** What the last save attempt refused, listed on the review step. */
  saveErrors: FieldError[];
}

export interface WizardScreen {
  name: 'wizard';
  wizard: Wizard;
}

export interface ScheduleDraft {
  kind: Schedule['kind'];
  hour: number;
  day: WeekDay;
}

export interface SettingsScreen {
  name: 'settings';
  lang: Settings['lang'];
  /** What the form shows; null follows the stored schedule (until the user changes it). */
  schedule: ScheduleDraft | null;
  /** After a schedule save: what is set now, or why it failed. */
  scheduleNotice: Notice | null;
}

export type Screen = HomeScreen | ObjectiveScreen | WizardScreen | SettingsScreen;

/** What every phase shows around the screen. */
export interface Frame {
  lang: Lang;
  /** An unplanned failure (the server threw), in the banner until closed or the next screen. */
  banner: string | null;
  /** A short confirmation ("saved"), read out, gone after a while. */
  toast: { text: string; seq: number } | null;
  /** What the screen reader hears next (SMART verdicts, dashboard results). */
  announce: { text: string; seq: number };
  /** The actions running now: their buttons are disabled and say so. */
  busy: readonly string[];
  /** An element to focus after the next render (a heading, a field in error). */
  focus: { id: string; seq: number } | null;
}

export type Phase =
  | { phase: 'loading' }
  | { phase: 'fatal'; message: string }
  | { phase: 'ready'; boot: Bootstrap; schedule: ScheduleView; screen: Screen };

export type State = Frame & Phase;
export type Ready = Frame & Extract<Phase, { phase: 'ready' }>;

/** The id every screen gives its heading: focused when the screen or the step changes. */
export const TITLE_ID = 'screen-title';

let seq = 0;
/** A fresh sequence number (two equal messages in a row are still two messages). */
export const nextSeq = (): number => ++seq;

export class Store {
  private state: State;
  private readonly listeners = new Set<() => void>();

  constructor(initial: State) {
    this.state = initial;
  }

  get(): State {
    return this.state;
  }

  update(change: (s: State) => State): void {
    const next = change(this.state);
    if (next === this.state) return;
    this.state = next;
    for (const l of this.listeners) l();
  }

  /** Changes the state only when it is loaded (a late answer after a failure changes nothing). */
  updateReady(change: (s: Ready) => State): void {
    this.update((s) => (s.phase === 'ready' ? change(s) : s));
  }

  /** Changes the wizard only while it is open (an answer for a closed wizard is dropped). */
  updateWizard(change: (w: Wizard, s: Ready) => Wizard): void {
    this.updateReady((s) =>
      s.screen.name === 'wizard' ? { ...s, screen: { ...s.screen, wizard: change(s.screen.wizard, s) } } : s,
    );
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const initialFrame = (lang: Lang): Frame => ({
  lang,
  banner: null,
  toast: null,
  announce: { text: '', seq: 0 },
  busy: [],
  focus: null,
});
