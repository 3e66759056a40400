/*
 * The sidebar application: Home (objectives and their KPIs), the five-step KPI wizard with live
 * SMART checks, the objective form and the settings. State lives here; the DOM is rebuilt per
 * view or step, and live updates (SMART panel, field errors, preview) touch only their nodes, so
 * typing never loses focus.
 */
import { smartScoreOf, smartScores } from '../shared/scores';
import type { Lang } from '../core/i18n/lang';
import { formatDate, formatValue } from '../core/kpi/format';
import {
  AUDIENCE_LEVELS,
  DIRECTIONS,
  FREQUENCIES,
  INDICATORS,
  UNITS,
  fieldLabel,
  type FieldError,
  type Frequency,
  type Unit,
} from '../core/kpi/model';
import { periodData } from '../core/kpi/kpi-series';
import { checkSmart, type Criterion, type Finding, type FindingCode, type SmartReport } from '../core/kpi/smart';
import { formulaPlaceholders, listTemplates } from '../core/kpi/templates';
import type {
  Bootstrap,
  DashboardLayout,
  KpiSummary,
  Schedule,
  ScheduleState,
  Settings,
  ReadOptions,
  SourceRead,
  TemplateView,
} from '../shared/api';
import { server as defaultServer, ServerError, type Client } from './client';
import { h, replaceChildren, setText, type Child } from './dom';
import {
  applyTemplate,
  formulaOf,
  emptyKpiForm,
  emptyObjectiveForm,
  kpiDraft,
  kpiFormOf,
  numberText,
  objectiveDraft,
  objectiveFormOf,
  smartDraft,
  sourceOf,
  stepOfField,
  STEP_FIELDS,
  validateKpiForm,
  validateObjectiveForm,
  type KpiForm,
  type ObjectiveForm,
} from './form';
import { browserLang, textIn, WEEK_DAYS, type Strings, type WeekDay } from './i18n';
import { statusWord } from '../core/kpi/status-words';
import { describeSchedule, lastRunView } from './views/dashboards';
import {
  fieldId,
  newRegistry,
  selectField,
  showFieldErrors,
  textField,
  type FieldRegistry,
  type Option,
} from './views/fields';
import { livePanel, reviewList, verdictSummary, type LivePanel } from './views/smart';

type View = 'loading' | 'fatal' | 'home' | 'objective' | 'wizard' | 'settings';

const STEPS = 5;
/** The criteria each step's fields act on: the live panel headlines their findings first. */
const STEP_CRITERIA: Record<number, Criterion[]> = {
  1: ['relevant'],
  2: ['specific'],
  3: ['measurable'],
  4: ['measurable', 'achievable', 'timebound'],
  5: [],
};
/** Where to fix a finding: its field's step. */
const FIX_STEP: Record<Criterion, number> = { specific: 2, measurable: 3, achievable: 4, relevant: 1, timebound: 4 };
const FIX_STEP_BY_CODE: Partial<Record<FindingCode, number>> = {
  target_missing: 4,
  target_not_number: 4,
  target_scale: 4,
  baseline_missing: 4,
  indicator_missing: 2,
  indicator_mix: 2,
};
const OBJECTIVE_FIELDS = ['title', 'description', 'horizon', 'level', 'owner'];

interface Wizard {
  step: number;
  /** Steps up to here can be jumped to from the stepper. */
  maxStep: number;
  editing: boolean;
  objectiveMode: 'pick' | 'create';
  objective: ObjectiveForm;
  form: KpiForm;
  read: SourceRead | null;
  readKey: string;
  reading: boolean;
  /** Fields whose errors are shown live (after a blur or a Next). */
  touched: Set<string>;
  saveErrors: FieldError[];
}

/** Field errors the form can't place on a control go to the control that fixes them. */
function placeError(e: FieldError, form: KpiForm): FieldError {
  if (e.field === 'source' || e.field === 'source.kind')
    return { ...e, field: form.sourceKind === 'cell' ? 'source.ref' : 'source.values' };
  return e;
}

export class App {
  lang: Lang = browserLang();
  boot: Bootstrap | null = null;
  view: View = 'loading';
  wizard: Wizard | null = null;
  objectiveForm: ObjectiveForm = emptyObjectiveForm();
  private objectiveErrors: FieldError[] = [];
  /** The dashboards, layout, schedule and last run (getSchedule), or null when it could not be read. */
  sched: ScheduleState | null = null;
  private schedError = '';
  private layoutChoice: DashboardLayout | null = null;
  /** The dashboards section's last result, shown until the next screen. */
  private dashMessage: { kind: 'ok' | 'error'; text: string } | null = null;
  private dashEl: HTMLElement | null = null;
  private fatal = '';
  private reg: FieldRegistry = newRegistry();
  private live: LivePanel | null = null;
  private lastVerdicts = '';
  private readTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly header: HTMLElement;
  private readonly banner: HTMLElement;
  private readonly status: HTMLElement;
  private readonly main: HTMLElement;
  private readonly announcer: HTMLElement;

  constructor(
    root: HTMLElement,
    private readonly server: Client = defaultServer,
  ) {
    this.header = h('header', { class: 'top' });
    this.banner = h('div', { class: 'banner-slot', role: 'alert' });
    this.status = h('div', { class: 'status-slot', role: 'status' });
    this.main = h('main', { id: 'main' });
    this.announcer = h('div', { class: 'sr-only', 'aria-live': 'polite', 'data-testid': 'announcer' });
    replaceChildren(root, this.header, this.banner, this.status, this.main, this.announcer);
  }

  get t(): Strings {
    return textIn(this.lang);
  }

  private templateCache: { lang: Lang; list: TemplateView[] } | null = null;

  /** The template library, in the current language (pure data bundled with the sidebar). */
  templates(): TemplateView[] {
    if (!this.templateCache || this.templateCache.lang !== this.lang)
      this.templateCache = { lang: this.lang, list: listTemplates(this.lang) };
    return this.templateCache.list;
  }

  /** A stored KPI's SMART score, computed here from the data bootstrap read. */
  private smartScore(s: KpiSummary): number {
    return smartScoreOf(this.boot!, s, this.lang);
  }

  // -------------------------------------------------------------------------------------------
  // Server calls

  /** Calls the server; a failure becomes a readable message in the banner, and undefined. */
  private async call<T>(p: Promise<T>): Promise<T | undefined> {
    try {
      const value = await p;
      return value;
    } catch (e) {
      const message = e instanceof ServerError || e instanceof Error ? e.message : '';
      this.showError(message || this.t.genericError);
      return undefined;
    }
  }

  showError(message: string): void {
    replaceChildren(
      this.banner,
      h(
        'div',
        { class: 'banner error-banner', 'data-testid': 'error-banner' },
        h('p', { dir: 'auto' }, h('strong', null, this.t.errorPrefix), message),
        h('button', { type: 'button', class: 'link', on: { click: () => this.clearError() } }, this.t.close),
      ),
    );
  }

  clearError(): void {
    replaceChildren(this.banner);
  }

  private toastTimer: ReturnType<typeof setTimeout> | null = null;

  /** A short confirmation, read out by screen readers, gone after a while or at the next screen. */
  private toast(message: string): void {
    if (this.toastTimer) clearTimeout(this.toastTimer);
    replaceChildren(this.status, h('p', { class: 'toast', dir: 'auto', 'data-testid': 'toast' }, message));
    this.toastTimer = setTimeout(() => replaceChildren(this.status), 8000);
  }

  private clearToast(): void {
    if (this.toastTimer) clearTimeout(this.toastTimer), (this.toastTimer = null);
    replaceChildren(this.status);
  }

  /** Disables a button and shows `busyText` on it while `work` runs. */
  private async busy<T>(button: HTMLButtonElement | null, busyText: string, work: () => Promise<T>): Promise<T> {
    const text = button ? button.textContent : '';
    if (button) (button.disabled = true), (button.textContent = busyText);
    this.main.setAttribute('aria-busy', 'true');
    try {
      return await work();
    } finally {
      this.main.removeAttribute('aria-busy');
      if (button && button.isConnected) (button.disabled = false), (button.textContent = text);
    }
  }

  async start(): Promise<void> {
    this.view = 'loading';
    this.render();
    await this.reload();
  }

  /** Reads the schedule state; a failure is kept as a message for the dashboards section, never fatal. */
  private async fetchSchedule(): Promise<void> {
    try {
      this.sched = await this.server.getSchedule();
      this.schedError = '';
    } catch (e) {
      this.schedError = (e instanceof Error && e.message) || this.t.genericError;
    }
  }

  /** Fetches everything Home shows (bootstrap and the schedule, in parallel); shows Home, or a page with Retry when the first load fails. */
  async reload(): Promise<boolean> {
    try {
      const [boot] = await Promise.all([this.server.bootstrap(), this.fetchSchedule()]);
      this.boot = boot;
      this.lang = boot.lang;
      this.view = 'home';
      this.render();
      return true;
    } catch (e) {
      const message = (e instanceof Error && e.message) || this.t.genericError;
      if (this.boot) {
        this.showError(message);
      } else {
        this.fatal = message;
        this.view = 'fatal';
        this.render();
      }
      return false;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  render(focus?: string): void {
    document.documentElement.lang = this.lang;
    this.reg = newRegistry();
    this.live = null;
    this.renderHeader();
    const t = this.t;
    let content: Child;
    switch (this.view) {
      case 'loading':
        content = h(
          'div',
          { class: 'loading', 'data-testid': 'loading' },
          h('span', { class: 'spinner', 'aria-hidden': 'true' }),
          t.loading,
        );
        break;
      case 'fatal':
        content = h(
          'div',
          { class: 'fatal', role: 'alert' },
          h('p', { class: 'fatal-title' }, t.loadFailed),
          h('p', { class: 'error', dir: 'auto' }, this.fatal),
          h('button', { type: 'button', class: 'action', on: { click: () => this.start() } }, t.retry),
        );
        break;
      case 'home':
        content = this.homeView();
        break;
      case 'objective':
        content = this.objectiveView();
        break;
      case 'wizard':
        content = this.wizardView();
        break;
      case 'settings':
        content = this.settingsView();
        break;
    }
    replaceChildren(this.main, content);
    if (this.view === 'wizard') this.refreshSmart(false);
    const target = focus ? document.getElementById(focus) : this.main.querySelector<HTMLElement>('[data-autofocus]');
    if (target) target.focus();
  }

  private renderHeader(): void {
    const t = this.t;
    replaceChildren(
      this.header,
      h('span', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '◎'), t.appName),
      this.boot && this.view !== 'settings' && this.view !== 'loading'
        ? h(
            'button',
            {
              type: 'button',
              class: 'icon',
              id: 'open-settings',
              'aria-label': t.settings,
              title: t.settings,
              on: { click: () => this.go('settings') },
            },
            '⚙',
          )
        : null,
    );
  }

  go(view: View): void {
    this.clearError();
    this.clearToast();
    this.dashMessage = null;
    this.view = view;
    this.render();
  }

  private heading(text: string): HTMLElement {
    return h('h1', { tabindex: -1, 'data-autofocus': true }, text);
  }

  // -------------------------------------------------------------------------------------------
  // Home

  private homeView(): HTMLElement {
    const t = this.t;
    const boot = this.boot!;
    const byObjective = new Map<string, KpiSummary[]>();
    for (const s of boot.kpis) byObjective.set(s.kpi.objectiveId, [...(byObjective.get(s.kpi.objectiveId) ?? []), s]);
    const known = new Set(boot.objectives.map((o) => o.id));
    const unlinked = boot.kpis.filter((s) => !known.has(s.kpi.objectiveId));
    const empty = boot.objectives.length === 0 && boot.kpis.length === 0;
    return h(
      'div',
      { class: 'home', 'data-testid': 'home' },
      this.heading(t.homeTitle),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', class: 'action', id: 'new-kpi', on: { click: () => this.openWizard() } },
          t.newKpi,
        ),
        h(
          'button',
          { type: 'button', id: 'new-objective', on: { click: () => this.openObjective(null) } },
          t.newObjective,
        ),
      ),
      boot.problems.length
        ? h(
            'div',
            { class: 'notice', 'data-testid': 'problems' },
            h('p', null, h('strong', null, t.problemsTitle)),
            h(
              'ul',
              null,
              boot.problems.map((p) => h('li', { dir: 'auto' }, t.problemRow(p.sheet, p.row, p.reason))),
            ),
          )
        : null,
      empty
        ? h(
            'div',
            { class: 'empty', 'data-testid': 'empty' },
            h('p', { class: 'empty-title' }, t.emptyTitle),
            h('p', { class: 'hint' }, t.emptyText),
          )
        : null,
      boot.objectives.map((o) => {
        const kpis = byObjective.get(o.id) ?? [];
        const actions = h(
          'div',
          { class: 'row-actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              'data-action': 'edit-objective',
              on: { click: () => this.openObjective(o.id) },
            },
            t.edit,
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'link danger',
              'data-action': 'delete-objective',
              on: {
                click: () =>
                  this.confirmDelete(actions, t.confirmDeleteObjective(o.title), o.title, () =>
                    this.server.deleteObjective(o.id),
                  ),
              },
            },
            t.delete,
          ),
        );
        return h(
          'section',
          { class: 'objective', 'data-objective-id': o.id },
          h('h2', { dir: 'auto', class: 'objective-title' }, o.title),
          h('p', { class: 'meta' }, `${t.due(formatDate(o.horizon, this.lang))} · ${t.audience[o.level] ?? o.level}`),
          o.description ? h('p', { class: 'description', dir: 'auto' }, o.description) : null,
          actions,
          kpis.length
            ? [
                h(
                  'ul',
                  { class: 'kpis' },
                  kpis.map((s) => this.kpiItem(s)),
                ),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'link add-here',
                    'data-action': 'add-kpi',
                    on: { click: () => this.openWizard(undefined, o.id) },
                  },
                  `+ ${t.addKpiHere}`,
                ),
              ]
            : h(
                'p',
                { class: 'hint no-kpis' },
                t.noKpis,
                ' ',
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'link',
                    'data-action': 'add-kpi',
                    on: { click: () => this.openWizard(undefined, o.id) },
                  },
                  t.addKpiHere,
                ),
              ),
        );
      }),
      unlinked.length
        ? h(
            'section',
            { class: 'objective unlinked' },
            h('h2', null, t.unlinked),
            h(
              'ul',
              { class: 'kpis' },
              unlinked.map((s) => this.kpiItem(s)),
            ),
          )
        : null,
      boot.kpis.length ? this.dashboardsSection() : null,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Dashboards (Home): generate, refresh now, the last run

  private dashboardsSection(): HTMLElement {
    const t = this.t;
    const st = this.sched;
    const title = h('h2', { id: 'dashboards-title' }, t.dashboardsTitle);
    const section = h(
      'section',
      { class: 'dashboards', 'data-testid': 'dashboards', 'aria-labelledby': 'dashboards-title' },
      title,
    );
    this.dashEl = section;
    if (!st) {
      const retry: HTMLButtonElement = h(
        'button',
        {
          type: 'button',
          id: 'dashboards-retry',
          on: {
            click: () =>
              void this.busy(
                retry,
                t.loading,
                async () => (await this.fetchSchedule(), this.redrawDashboards('dashboards-retry')),
              ),
          },
        },
        t.retry,
      );
      section.append(
        h(
          'p',
          { class: 'error', role: 'alert', dir: 'auto', 'data-testid': 'dashboards-error' },
          t.scheduleLoadFailed(this.schedError || t.genericError),
        ),
        h('div', { class: 'actions' }, retry),
      );
      return section;
    }
    const layout = this.layoutChoice ?? st.layout;
    const layoutRadio = (value: DashboardLayout) =>
      h(
        'label',
        { class: 'choice' },
        h('input', {
          type: 'radio',
          name: 'dashboard-layout',
          id: `dashboard-layout-${value}`,
          value,
          checked: layout === value,
          on: { change: () => (this.layoutChoice = value) },
        }),
        h('span', null, t.layouts[value]),
      );
    const generate: HTMLButtonElement = h(
      'button',
      {
        type: 'button',
        class: 'action',
        id: 'generate-dashboards',
        on: { click: () => void this.busy(generate, t.generating, () => this.generateDashboards(section)) },
      },
      st.dashboards.length ? t.regenerate : t.generate,
    );
    const refresh: HTMLButtonElement = h(
      'button',
      {
        type: 'button',
        id: 'refresh-now',
        on: { click: () => void this.busy(refresh, t.refreshing, () => this.refreshNow(section)) },
      },
      t.refreshNow,
    );
    const msg = this.dashMessage;
    replaceChildren(
      section,
      title,
      st.dashboards.length
        ? h(
            'ul',
            { class: 'dash-list', 'aria-label': t.dashboardsExisting, 'data-testid': 'dashboard-list' },
            st.dashboards.map((d) =>
              h(
                'li',
                { 'data-sheet': d.sheetName, 'data-level': d.level },
                h('span', { class: 'dash-name', dir: 'auto' }, d.sheetName),
                h('span', { class: 'badge' }, t.dashboardKpis(d.kpiCount)),
              ),
            ),
          )
        : h('p', { class: 'hint', 'data-testid': 'dashboards-none' }, t.dashboardsNone),
      h(
        'fieldset',
        { class: 'choices' },
        h('legend', null, t.layoutLegend),
        layoutRadio('by_level'),
        layoutRadio('overall'),
      ),
      h('div', { class: 'actions' }, generate, refresh),
      msg
        ? msg.kind === 'error'
          ? h(
              'p',
              { class: 'dash-message error', role: 'alert', dir: 'auto', 'data-testid': 'dashboards-error' },
              msg.text,
            )
          : h('p', { class: 'dash-message ok', dir: 'auto', 'data-testid': 'dashboards-result' }, msg.text)
        : null,
      lastRunView(st.lastRun, this.lang),
    );
    return section;
  }

  /** Rebuilds the section in place (focus and scroll stay), announcing its result. */
  private redrawDashboards(focusId?: string): void {
    const old = this.dashEl;
    if (!old || !old.isConnected) return;
    const fresh = this.dashboardsSection();
    old.replaceWith(fresh);
    if (this.dashMessage) setText(this.announcer, this.dashMessage.text);
    if (focusId) document.getElementById(focusId)?.focus();
  }

  private failureText(e: unknown): string {
    const m = e instanceof Error ? e.message.trim() : '';
    if (!m) return this.t.genericError;
    return /[.!?…]$/.test(m) ? m : `${m}.`;
  }

  private async generateDashboards(section: HTMLElement): Promise<void> {
    const t = this.t;
    const boot = this.boot!;
    const layout = this.layoutChoice ?? this.sched?.layout ?? 'by_level';
    section.setAttribute('aria-busy', 'true');
    try {
      const st = await this.server.generateDashboards(layout, smartScores(boot, this.lang));
      this.sched = st;
      this.layoutChoice = null;
      this.dashMessage = { kind: 'ok', text: t.generated(st.dashboards.length) };
    } catch (e) {
      this.dashMessage = { kind: 'error', text: t.generateFailed(this.failureText(e)) };
      // What exists now (the previous dashboards, kept by the server).
      await this.fetchSchedule();
    }
    if (this.dashEl === section) this.redrawDashboards('generate-dashboards');
  }

  private async refreshNow(section: HTMLElement): Promise<void> {
    const t = this.t;
    section.setAttribute('aria-busy', 'true');
    try {
      const run = await this.server.refreshNow();
      if (this.sched) this.sched = { ...this.sched, lastRun: run };
      else await this.fetchSchedule();
      this.dashMessage = run.errors.length
        ? { kind: 'error', text: t.refreshedWithErrors(run.errors.length) }
        : { kind: 'ok', text: t.refreshed(run.rowsWritten) };
    } catch (e) {
      this.dashMessage = { kind: 'error', text: t.refreshFailed(this.failureText(e)) };
      await this.fetchSchedule();
    }
    if (this.dashEl === section) this.redrawDashboards('refresh-now');
  }

  private kpiItem(s: KpiSummary): HTMLElement {
    const t = this.t;
    const k = s.kpi;
    const score = this.smartScore(s);
    const actions = h(
      'div',
      { class: 'row-actions' },
      h(
        'button',
        { type: 'button', class: 'link', 'data-action': 'edit-kpi', on: { click: () => this.openWizard(k.id) } },
        t.edit,
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'link danger',
          'data-action': 'delete-kpi',
          on: {
            click: () =>
              this.confirmDelete(actions, t.confirmDeleteKpi(k.name), k.name, () => this.server.deleteKpi(k.id)),
          },
        },
        t.delete,
      ),
    );
    return h(
      'li',
      { class: 'kpi', 'data-kpi-id': k.id },
      h('p', { class: 'kpi-name', dir: 'auto' }, k.name),
      h(
        'p',
        { class: 'kpi-facts' },
        h('span', { class: 'kpi-value', dir: 'auto', title: t.latest }, s.latestText || t.noValue),
        h('span', { class: `badge status-${s.status}`, 'data-status': s.status }, statusWord(s.status, this.lang)),
        h('span', { class: 'badge smart', 'data-score': score }, t.smartScore(score)),
      ),
      s.sourceError ? h('p', { class: 'error', dir: 'auto', 'data-testid': 'source-error' }, s.sourceError) : null,
      actions,
    );
  }

  /** Replaces a row's actions with an inline confirmation (no browser dialog). */
  private confirmDelete(
    actions: HTMLElement,
    question: string,
    name: string,
    remove: () => Promise<{ ok: true } | { ok: false; message: string }>,
  ): void {
    const t = this.t;
    const saved = Array.from(actions.childNodes);
    const error = h('p', { class: 'error', role: 'alert', dir: 'auto' });
    const cancel = h(
      'button',
      {
        type: 'button',
        'data-action': 'cancel-delete',
        on: { click: () => (replaceChildren(actions, saved), (saved[1] as HTMLElement).focus()) },
      },
      t.cancel,
    );
    const confirm: HTMLButtonElement = h(
      'button',
      {
        type: 'button',
        class: 'action danger-action',
        'data-action': 'confirm-delete',
        on: {
          click: () =>
            void this.busy(confirm, t.deleting, async () => {
              this.clearError();
              const result = await this.call(remove());
              if (!result) return;
              if (!result.ok) return setText(error, result.message);
              if (await this.reload()) this.toast(t.deleted(name));
            }),
        },
      },
      t.delete,
    );
    replaceChildren(
      actions,
      h(
        'div',
        { class: 'confirm', role: 'group', 'aria-label': t.delete },
        h('p', { dir: 'auto' }, question),
        h('div', { class: 'actions' }, confirm, cancel),
        error,
      ),
    );
    cancel.focus();
  }

  // -------------------------------------------------------------------------------------------
  // Objective form (Home's New objective / Edit)

  private openObjective(id: string | null): void {
    const o = id ? this.boot!.objectives.find((x) => x.id === id) : undefined;
    this.objectiveForm = o ? objectiveFormOf(o) : emptyObjectiveForm();
    this.objectiveErrors = [];
    this.go('objective');
  }

  /** The five objective fields, prefixed `objective.` so they never share an id with a KPI field. */
  private objectiveFields(f: ObjectiveForm, onChange: () => void): HTMLElement[] {
    const t = this.t;
    const lang = this.lang;
    const text = (
      key: keyof ObjectiveForm,
      opts: { multiline?: boolean; type?: 'date'; optional?: boolean; hint?: string } = {},
    ) =>
      textField({
        field: `objective.${key}`,
        label: fieldLabel(key, lang),
        optional: opts.optional ? t.optional : undefined,
        hint: opts.hint,
        reg: this.reg,
        value: f[key],
        multiline: opts.multiline,
        type: opts.type,
        onInput: (v) => ((f[key] = v), onChange()),
      });
    return [
      text('title', { hint: t.objectiveHint }),
      text('description', { multiline: true, optional: true }),
      text('horizon', { type: 'date' }),
      selectField({
        field: 'objective.level',
        label: fieldLabel('level', lang),
        reg: this.reg,
        value: f.level,
        options: AUDIENCE_LEVELS.map((l) => ({ value: l, label: t.audience[l] })),
        onChange: (v) => ((f.level = v), onChange()),
      }),
      text('owner', { optional: true }),
    ];
  }

  private showObjectiveErrors(errors: FieldError[]): string | null {
    return showFieldErrors(
      this.reg,
      errors.map((e) => ({ ...e, field: `objective.${e.field}` })),
      OBJECTIVE_FIELDS.map((k) => `objective.${k}`),
    );
  }

  private objectiveView(): HTMLElement {
    const t = this.t;
    const f = this.objectiveForm;
    const save: HTMLButtonElement = h('button', { type: 'submit', class: 'action', id: 'save-objective' }, t.save);
    const form = h(
      'form',
      {
        class: 'objective-form',
        novalidate: true,
        on: {
          submit: (e: Event) => {
            e.preventDefault();
            void this.busy(save, t.saving, () => this.saveObjectiveForm());
          },
        },
      },
      this.heading(f.id ? t.editObjective : t.newObjective),
      this.objectiveFields(f, () => {
        if (this.objectiveErrors.length)
          this.showObjectiveErrors((this.objectiveErrors = validateObjectiveForm(f, this.lang)));
      }),
      h(
        'div',
        { class: 'actions nav' },
        h('button', { type: 'button', on: { click: () => this.go('home') } }, t.cancel),
        save,
      ),
    );
    return form;
  }

  private async saveObjectiveForm(): Promise<void> {
    const f = this.objectiveForm;
    const local = validateObjectiveForm(f, this.lang);
    this.objectiveErrors = local;
    if (local.length) return this.focusField(this.showObjectiveErrors(local));
    const result = await this.call(this.server.saveObjective(objectiveDraft(f)));
    if (!result) return;
    if (!result.ok) {
      this.objectiveErrors = result.errors;
      return this.focusField(this.showObjectiveErrors(result.errors));
    }
    if (await this.reload()) this.toast(this.t.saved(result.value.title));
  }

  private focusField(field: string | null): void {
    if (field) this.reg.inputs.get(field)?.focus();
  }

  // -------------------------------------------------------------------------------------------
  // Wizard

  openWizard(kpiId?: string, objectiveId?: string): void {
    const boot = this.boot!;
    const existing = kpiId ? boot.kpis.find((s) => s.kpi.id === kpiId)?.kpi : undefined;
    const form = existing ? kpiFormOf(existing, this.lang) : emptyKpiForm();
    if (!existing && objectiveId) form.objectiveId = objectiveId;
    if (!existing && !objectiveId && boot.objectives.length === 1) form.objectiveId = boot.objectives[0].id;
    this.wizard = {
      // From "Add a KPI" under an objective, its step is done; "New KPI" starts by picking one.
      step: existing || objectiveId ? 2 : 1,
      maxStep: existing ? STEPS : 1,
      editing: !!existing,
      objectiveMode: boot.objectives.length ? 'pick' : 'create',
      objective: emptyObjectiveForm(),
      form,
      read: null,
      readKey: '',
      reading: false,
      touched: new Set(),
      saveErrors: [],
    };
    this.wizard.maxStep = Math.max(this.wizard.maxStep, this.wizard.step);
    this.lastVerdicts = '';
    this.go('wizard');
    if (existing) void this.readSource();
  }

  private goStep(step: number, focus?: string): void {
    const w = this.wizard!;
    w.step = step;
    w.maxStep = Math.max(w.maxStep, step);
    this.clearError();
    this.clearToast();
    this.render(focus);
  }

  private wizardView(): HTMLElement {
    const t = this.t;
    const w = this.wizard!;
    const next: HTMLButtonElement = h(
      'button',
      { type: 'submit', class: 'action', id: 'wizard-next' },
      w.step === STEPS ? t.saveKpi : t.next,
    );
    const body = this.stepBody(w.step);
    const form = h(
      'form',
      {
        class: 'wizard',
        novalidate: true,
        'data-step': w.step,
        on: {
          submit: (e: Event) => {
            e.preventDefault();
            void this.busy(next, w.step === STEPS ? t.saving : t.next, () => this.nextStep());
          },
        },
      },
      h(
        'div',
        { class: 'wizard-head' },
        this.heading(w.editing ? t.wizardEditTitle : t.wizardTitle),
        h(
          'button',
          { type: 'button', class: 'link', id: 'wizard-cancel', on: { click: () => this.go('home') } },
          t.cancel,
        ),
      ),
      this.stepper(),
      body,
      h(
        'div',
        { class: 'actions nav' },
        w.step > 1
          ? h('button', { type: 'button', id: 'wizard-back', on: { click: () => this.goStep(w.step - 1) } }, t.back)
          : null,
        next,
      ),
    );
    if (w.step < STEPS) {
      this.live = livePanel(this.lang, STEP_CRITERIA[w.step]);
      form.appendChild(this.live.el);
    }
    return form;
  }

  private stepper(): HTMLElement {
    const t = this.t;
    const w = this.wizard!;
    return h(
      'nav',
      { class: 'stepper', 'aria-label': t.stepOf(w.step, STEPS) },
      h('p', { class: 'step-of', id: 'step-of' }, `${t.stepOf(w.step, STEPS)} · ${t.steps[w.step - 1]}`),
      h(
        'ol',
        null,
        t.steps.map((label, i) => {
          const n = i + 1;
          const state = n === w.step ? 'current' : n <= w.maxStep ? 'done' : 'todo';
          return h(
            'li',
            { class: `step ${state}` },
            n <= w.maxStep && n !== w.step
              ? h(
                  'button',
                  {
                    type: 'button',
                    class: 'step-dot',
                    'aria-label': `${n}. ${label}`,
                    title: label,
                    on: { click: () => this.goStep(n) },
                  },
                  String(n),
                )
              : h('span', { class: 'step-dot', 'aria-current': n === w.step ? 'step' : null, title: label }, String(n)),
          );
        }),
      ),
    );
  }

  private stepBody(step: number): HTMLElement {
    switch (step) {
      case 1:
        return this.stepObjective();
      case 2:
        return this.stepKpi();
      case 3:
        return this.stepData();
      case 4:
        return this.stepTarget();
      default:
        return this.stepReview();
    }
  }

  /** A KPI field bound to the form: updates the form, the field's error once touched, and the SMART panel. */
  private kpiText(
    field: keyof KpiForm & string,
    opts: { label?: string; optional?: boolean; hint?: string; multiline?: boolean; type?: 'date'; extra?: Child } = {},
  ): HTMLElement {
    const w = this.wizard!;
    return textField({
      field,
      label: opts.label ?? fieldLabel(field, this.lang),
      optional: opts.optional ? this.t.optional : undefined,
      hint: opts.hint,
      multiline: opts.multiline,
      type: opts.type,
      extra: opts.extra,
      reg: this.reg,
      value: String(w.form[field] ?? ''),
      onInput: (v) => {
        (w.form as unknown as Record<string, unknown>)[field] = v;
        this.changed(field);
      },
      onBlur: (e) => this.blurred(field, e),
    });
  }

  private kpiSelect(field: keyof KpiForm & string, options: Option[]): HTMLElement {
    const w = this.wizard!;
    return selectField({
      field,
      label: fieldLabel(field, this.lang),
      reg: this.reg,
      value: String(w.form[field] ?? ''),
      placeholder: this.t.choose,
      options,
      onChange: (v) => {
        (w.form as unknown as Record<string, unknown>)[field] = v;
        w.touched.add(field);
        this.changed(field);
      },
    });
  }

  /**
   * Leaving a field shows its errors, except when focus goes to a button: a message appearing
   * above the button would move it under the pointer and swallow the click (Next validates anyway).
   */
  private blurred(field: string, e: FocusEvent): void {
    const to = e.relatedTarget as HTMLElement | null;
    if (to && to.tagName === 'BUTTON') return;
    this.wizard!.touched.add(field);
    this.validateStep(false);
  }

  /** After any edit: the field's error (once touched), the SMART panel, and a re-read when the source moved. */
  private changed(field: string): void {
    const w = this.wizard!;
    if (w.touched.has(field)) this.validateStep(false);
    this.refreshSmart(true);
    if (field.startsWith('source.')) this.scheduleRead();
  }

  /** Shows the current step's errors (touched fields only, unless `all`); returns the first field in error. */
  private validateStep(all: boolean): string | null {
    const w = this.wizard!;
    const fields = STEP_FIELDS[w.step] ?? [];
    const errors = validateKpiForm(w.form, this.lang)
      .map((e) => placeError(e, w.form))
      .filter((e) => fields.includes(e.field) && (all || w.touched.has(e.field)));
    return showFieldErrors(this.reg, errors, fields);
  }

  private async nextStep(): Promise<void> {
    const w = this.wizard!;
    this.clearError();
    if (w.step === 1) return this.leaveObjectiveStep();
    if (w.step === STEPS) return this.saveKpi();
    for (const f of STEP_FIELDS[w.step]) w.touched.add(f);
    const first = this.validateStep(true);
    if (first) return this.focusField(first);
    this.goStep(w.step + 1);
  }

  // Step 1 — objective

  private stepObjective(): HTMLElement {
    const t = this.t;
    const w = this.wizard!;
    const boot = this.boot!;
    const radio = (value: string, label: Child, checked: boolean) =>
      h(
        'label',
        { class: 'choice' },
        h('input', {
          type: 'radio',
          name: 'objective-choice',
          value,
          checked,
          'data-objective-choice': value,
          on: {
            change: () => {
              if (value === '__new__') w.objectiveMode = 'create';
              else (w.objectiveMode = 'pick'), (w.form.objectiveId = value);
              this.render(value === '__new__' ? fieldId('objective.title') : undefined);
              const r = this.main.querySelector<HTMLInputElement>(
                `input[data-objective-choice="${CSS.escape(value)}"]`,
              );
              if (value !== '__new__' && r) r.focus();
            },
          },
        }),
        h('span', { class: 'choice-label', dir: 'auto' }, label),
      );
    const error = h('p', { class: 'error', id: 'f-objectiveId-error', 'data-error-for': 'objectiveId' });
    this.reg.errors.set('objectiveId', error);
    return h(
      'div',
      { class: 'step-body' },
      h(
        'fieldset',
        { class: 'choices', 'aria-describedby': 'f-objectiveId-error' },
        h('legend', null, t.pickObjective),
        boot.objectives.map((o) =>
          radio(
            o.id,
            [h('span', null, o.title), h('span', { class: 'hint' }, ` — ${formatDate(o.horizon, this.lang)}`)],
            w.objectiveMode === 'pick' && w.form.objectiveId === o.id,
          ),
        ),
        radio('__new__', t.createObjective, w.objectiveMode === 'create'),
      ),
      error,
      w.objectiveMode === 'create'
        ? h(
            'div',
            { class: 'subform' },
            this.objectiveFields(
              w.objective,
              () =>
                this.objectiveErrors.length &&
                this.showObjectiveErrors((this.objectiveErrors = validateObjectiveForm(w.objective, this.lang))),
            ),
          )
        : null,
    );
  }

  private async leaveObjectiveStep(): Promise<void> {
    const w = this.wizard!;
    if (w.objectiveMode === 'pick') {
      if (!w.form.objectiveId || !this.boot!.objectives.some((o) => o.id === w.form.objectiveId)) {
        const message = this.t.labelled(fieldLabel('objectiveId', this.lang), this.t.requiredField);
        setText(this.reg.errors.get('objectiveId')!, message);
        this.main.querySelector<HTMLInputElement>('input[name="objective-choice"]')?.focus();
        return;
      }
      return this.goStep(2);
    }
    const local = validateObjectiveForm(w.objective, this.lang);
    this.objectiveErrors = local;
    if (local.length) return this.focusField(this.showObjectiveErrors(local));
    const result = await this.call(this.server.saveObjective(objectiveDraft(w.objective)));
    if (!result) return;
    if (!result.ok) {
      this.objectiveErrors = result.errors;
      return this.focusField(this.showObjectiveErrors(result.errors));
    }
    this.boot!.objectives.push(result.value);
    w.form.objectiveId = result.value.id;
    w.objectiveMode = 'pick';
    w.objective = emptyObjectiveForm();
    this.objectiveErrors = [];
    this.goStep(2);
    this.toast(this.t.saved(result.value.title));
  }

  // Step 2 — the KPI itself

  private stepKpi(): HTMLElement {
    const t = this.t;
    const w = this.wizard!;
    const templates = this.templates();
    const departments: { label: string; options: Option[] }[] = [];
    for (const tpl of templates) {
      let g = departments.find((d) => d.label === t.templatesGroup(tpl.departmentLabel));
      if (!g) departments.push((g = { label: t.templatesGroup(tpl.departmentLabel), options: [] }));
      g.options.push({ value: tpl.id, label: tpl.name });
    }
    const chosen = templates.find((x) => x.id === w.form.templateId);
    const templateSelect = selectField({
      field: 'template',
      label: t.startFrom,
      reg: this.reg,
      value: w.form.templateId,
      options: [{ value: '', label: t.blank }],
      groups: departments,
      onChange: (v) => {
        const tpl = templates.find((x) => x.id === v) ?? null;
        w.form = applyTemplate(w.form, tpl, this.lang);
        this.render(fieldId('template'));
      },
    });
    return h(
      'div',
      { class: 'step-body' },
      templateSelect,
      chosen && chosen.formula ? h('p', { class: 'hint formula' }, t.templateFormula(chosen.formula)) : null,
      this.kpiText('name'),
      this.kpiText('definition', { multiline: true }),
      this.kpiSelect(
        'unit',
        UNITS.map((u) => ({ value: u, label: t.units[u] })),
      ),
      this.kpiText('unitLabel', { optional: true }),
      this.kpiSelect(
        'direction',
        DIRECTIONS.map((d) => ({ value: d, label: t.directions[d] })),
      ),
      this.kpiSelect(
        'indicator',
        INDICATORS.map((d) => ({ value: d, label: t.indicators[d] })),
      ),
      this.kpiSelect(
        'level',
        AUDIENCE_LEVELS.map((d) => ({ value: d, label: t.audience[d] })),
      ),
      this.kpiText('owner', { optional: true }),
    );
  }

  // Step 3 — data

  private template(): TemplateView | undefined {
    const w = this.wizard!;
    return this.templates().find((x) => x.id === w.form.templateId);
  }

  private selectionButton(target: string): HTMLButtonElement {
    const t = this.t;
    const button: HTMLButtonElement = h(
      'button',
      {
        type: 'button',
        class: 'selection',
        'data-use-selection': target,
        on: { click: () => void this.busy(button, t.reading, () => this.useSelection(target)) },
      },
      h('span', { 'aria-hidden': 'true' }, '⊞ '),
      target === 'values' || target === 'ref' ? t.useSelection : t.useSelectionShort,
    );
    if (target !== 'values' && target !== 'ref')
      button.setAttribute('aria-label', `${t.useSelection} — ${fieldLabel(`source.${target}`, this.lang)}`);
    return button;
  }

  private stepData(): HTMLElement {
    const t = this.t;
    const w = this.wizard!;
    const f = w.form;
    const kind = (value: 'range' | 'cell', label: string) =>
      h(
        'label',
        { class: 'choice inline' },
        h('input', {
          type: 'radio',
          name: 'source-kind',
          id: `source-kind-${value}`,
          value,
          checked: f.sourceKind === value,
          on: {
            change: () => {
              f.sourceKind = value;
              this.render(`source-kind-${value}`);
              this.scheduleRead(0);
            },
          },
        }),
        h('span', null, label),
      );
    const tpl = this.template();
    const placeholders = f.formula ? formulaPlaceholders(f.formula) : [];
    const inputLabel = (name: string) => tpl?.inputs?.find((i) => i.name === name)?.label ?? name;
    return h(
      'div',
      { class: 'step-body' },
      h(
        'fieldset',
        { class: 'choices row' },
        h('legend', null, t.sourceKind),
        kind('range', t.sourceRange),
        kind('cell', t.sourceCell),
      ),
      f.sourceKind === 'range'
        ? [this.sourceField('values', 'source.values', false), this.sourceField('dates', 'source.dates', true)]
        : this.sourceField('ref', 'source.ref', false),
      this.previewBox(),
      placeholders.length
        ? h(
            'fieldset',
            { class: 'formula-inputs' },
            h('legend', null, t.formulaInputs),
            h('p', { class: 'hint' }, t.formulaInputsHint),
            placeholders.map((name) =>
              textField({
                field: `input.${name}`,
                label: inputLabel(name),
                reg: this.reg,
                value: f.inputs[name] ?? '',
                placeholder: t.rangePlaceholder,
                extra: this.selectionButton(`input.${name}`),
                onInput: (v) => ((f.inputs[name] = v), this.refreshSmart(true)),
              }),
            ),
          )
        : null,
    );
  }

  private sourceField(key: 'values' | 'dates' | 'ref', field: string, optional: boolean): HTMLElement {
    const w = this.wizard!;
    return textField({
      field,
      label: fieldLabel(field, this.lang),
      optional: optional ? this.t.optional : undefined,
      reg: this.reg,
      value: w.form[key],
      placeholder: key === 'ref' ? this.t.rangePlaceholder.replace(/B2:/, '') : this.t.rangePlaceholder,
      extra: this.selectionButton(key),
      onInput: (v) => {
        w.form[key] = v;
        this.changed(field);
      },
      onBlur: (e) => this.blurred(field, e),
    });
  }

  private async useSelection(target: string): Promise<void> {
    const w = this.wizard!;
    const sel = await this.call(this.server.readSelection());
    if (!sel || this.wizard !== w) return;
    const field = target.startsWith('input.') ? target : `source.${target}`;
    if (!sel.a1) {
      const err = this.reg.errors.get(field);
      if (err) setText(err, this.t.noSelection);
      return;
    }
    if (target.startsWith('input.')) w.form.inputs[target.slice(6)] = sel.a1;
    else w.form[target as 'values' | 'dates' | 'ref'] = sel.a1;
    const input = this.reg.inputs.get(field) as HTMLInputElement | undefined;
    if (input) input.value = sel.a1;
    if (!target.startsWith('input.')) {
      w.touched.add(field);
      this.validateStep(false);
      await this.readSource();
    } else this.refreshSmart(true);
  }

  private scheduleRead(delay = 600): void {
    if (this.readTimer) clearTimeout(this.readTimer);
    this.readTimer = setTimeout(() => void this.readSource(), delay);
  }

  /** Reads the source once per change; its data then feeds the SMART checks run in the browser. */
  private async readSource(): Promise<void> {
    if (this.readTimer) clearTimeout(this.readTimer), (this.readTimer = null);
    const w = this.wizard;
    if (!w) return;
    const source = sourceOf(w.form);
    const ref = source.kind === 'cell' ? source.ref : source.values;
    const options: ReadOptions = {
      frequency: (w.form.frequency || undefined) as Frequency | undefined,
      unit: (w.form.unit || undefined) as Unit | undefined,
      formula: formulaOf(w.form),
      templateId: w.form.templateId || undefined,
    };
    // The preview is per period: a new frequency or formula reads again.
    const key = JSON.stringify([source, options]);
    if (!ref || validateKpiForm(w.form, this.lang).some((e) => e.field.startsWith('source'))) {
      // Nothing to read (a read still in flight for an earlier source is dropped when it answers).
      w.reading = false;
      w.read = null;
      w.readKey = '';
      this.updatePreview();
      this.refreshSmart(true);
      return;
    }
    if (key === w.readKey && w.read) return;
    w.reading = true;
    w.readKey = key;
    this.updatePreview();
    const read = await this.call(this.server.readSource(source, options));
    if (this.wizard !== w || w.readKey !== key) return;
    w.reading = false;
    w.read = read ?? null;
    if (!read) w.readKey = '';
    this.updatePreview();
    this.refreshSmart(true);
  }

  private previewBox(): HTMLElement {
    const box = h('section', {
      class: 'preview',
      'aria-label': this.t.preview,
      'data-testid': 'preview',
      role: 'status',
    });
    this.previewEl = box;
    this.updatePreview();
    return box;
  }

  private previewEl: HTMLElement | null = null;

  private updatePreview(): void {
    const box = this.previewEl;
    const w = this.wizard;
    if (!box || !w) return;
    const t = this.t;
    const r = w.read;
    const unit = (w.form.unit || undefined) as Unit | undefined;
    const fmt = (n: number) => formatValue(n, unit, this.lang, w.form.unitLabel);
    if (w.reading)
      return replaceChildren(
        box,
        h('p', { class: 'hint' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t.reading),
      );
    if (!r) return replaceChildren(box, h('p', { class: 'hint' }, t.previewEmpty));
    if (r.error)
      return replaceChildren(box, h('p', { class: 'error', dir: 'auto', 'data-testid': 'preview-error' }, r.error));
    // One value per period, as the server aggregated the rows.
    const data = periodData(r.series);
    const c = r.series.counts;
    const numbers = data.values.filter((v): v is number => typeof v === 'number');
    const shown = data.values.length > 6 ? [...data.values.slice(0, 3), null, ...data.values.slice(-3)] : data.values;
    const cells = data.values.length > 6 ? shown.map((v, i) => (i === 3 ? '…' : v)) : shown;
    replaceChildren(
      box,
      h('p', { class: 'preview-title' }, t.preview),
      h(
        'p',
        { class: 'preview-counts', 'data-testid': 'preview-counts' },
        t.readCounts(c.cells, c.numbers, c.blanks, c.texts),
      ),
      r.latest !== null ? h('p', { class: 'preview-latest' }, t.latestValue(fmt(r.latest))) : null,
      numbers.length > 1 ? sparkline(numbers) : null,
      h(
        'ol',
        { class: 'preview-values' },
        cells.map((v) =>
          h('li', { dir: 'auto' }, v === '…' ? '…' : v === null ? '∅' : typeof v === 'number' ? fmt(v) : String(v)),
        ),
      ),
    );
  }

  // Step 4 — target

  private stepTarget(): HTMLElement {
    const t = this.t;
    const suggestion = h('p', { class: 'suggestion', 'data-testid': 'baseline-suggestion' });
    this.suggestionEl = suggestion;
    return h(
      'div',
      { class: 'step-body' },
      this.kpiText('baseline', { optional: true, extra: suggestion }),
      this.kpiText('target', { hint: t.targetHint }),
      this.kpiText('deadline', { type: 'date' }),
      this.kpiSelect(
        'frequency',
        FREQUENCIES.map((d) => ({ value: d, label: t.frequencies[d] })),
      ),
      this.kpiText('benchmark', { optional: true, hint: t.benchmarkHint }),
    );
  }

  private suggestionEl: HTMLElement | null = null;

  private updateSuggestion(report: SmartReport): void {
    const el = this.suggestionEl;
    const w = this.wizard;
    if (!el || !el.isConnected || !w) return;
    const value = report.suggestedBaseline ?? report.stats.latest;
    if (value === null) return replaceChildren(el);
    const unit = (w.form.unit || undefined) as Unit | undefined;
    const key = `${value}|${w.form.unit}|${w.form.unitLabel}`;
    if (el.getAttribute('data-key') === key) return;
    el.setAttribute('data-key', key);
    replaceChildren(
      el,
      h('span', null, this.t.suggestedBaseline(formatValue(value, unit, this.lang, w.form.unitLabel)), ' '),
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          id: 'use-baseline',
          on: {
            click: () => {
              w.form.baseline = numberText(value, w.form.unit, this.lang);
              const input = this.reg.inputs.get('baseline') as HTMLInputElement | undefined;
              if (input) input.value = w.form.baseline;
              this.changed('baseline');
            },
          },
        },
        this.t.useSuggestion,
      ),
    );
  }

  // Step 5 — review and save

  private stepReview(): HTMLElement {
    const t = this.t;
    const w = this.wizard!;
    const report = this.report();
    const errors = w.saveErrors;
    return h(
      'div',
      { class: 'step-body' },
      h('h2', null, t.smartReview),
      reviewList(report, this.lang, (f: Finding) => this.goStep(FIX_STEP_BY_CODE[f.code] ?? FIX_STEP[f.criterion])),
      errors.length
        ? h(
            'div',
            { class: 'save-errors', role: 'alert', 'data-testid': 'save-errors' },
            h('p', null, h('strong', null, t.fixFields)),
            h(
              'ul',
              null,
              errors.map((e) =>
                h(
                  'li',
                  { dir: 'auto' },
                  h('span', null, e.message, ' '),
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'link',
                      on: { click: () => this.goStep(Math.min(stepOfField(e.field), 4), fieldId(e.field)) },
                    },
                    t.goFix,
                  ),
                ),
              ),
            ),
          )
        : null,
    );
  }

  private async saveKpi(): Promise<void> {
    const w = this.wizard!;
    const local = validateKpiForm(w.form, this.lang);
    if (local.length) {
      w.saveErrors = local;
      return this.render('wizard-next');
    }
    const result = await this.call(this.server.saveKpi(kpiDraft(w.form, this.lang)));
    if (!result) return;
    if (!result.ok) {
      w.saveErrors = result.errors;
      return this.render('wizard-next');
    }
    this.wizard = null;
    if (await this.reload()) this.toast(this.t.saved(result.value.name));
  }

  // -------------------------------------------------------------------------------------------
  // SMART, computed in the browser on every change

  report(): SmartReport {
    const w = this.wizard!;
    const boot = this.boot!;
    return checkSmart(
      {
        kpi: smartDraft(w.form, this.lang),
        objective: boot.objectives.find((o) => o.id === w.form.objectiveId),
        otherKpis: boot.kpis.map((s) => s.kpi).filter((k) => k.id !== w.form.id),
        data: w.read && !w.read.error ? periodData(w.read.series) : undefined,
        today: boot.today,
      },
      this.lang,
    );
  }

  private refreshSmart(announce: boolean): void {
    if (!this.wizard) return;
    const report = this.report();
    if (this.live) this.live.update(report);
    this.updateSuggestion(report);
    const verdicts = JSON.stringify(report.criteria);
    if (announce && verdicts !== this.lastVerdicts) setText(this.announcer, verdictSummary(report, this.lang));
    this.lastVerdicts = verdicts;
  }

  // -------------------------------------------------------------------------------------------
  // Settings

  private settingsView(): HTMLElement {
    const t = this.t;
    const current = this.boot!.settings.lang;
    let choice: Settings['lang'] = current;
    const save: HTMLButtonElement = h('button', { type: 'submit', class: 'action', id: 'save-settings' }, t.save);
    const langForm = h(
      'form',
      {
        class: 'settings-lang',
        novalidate: true,
        on: {
          submit: (e: Event) => {
            e.preventDefault();
            void this.busy(save, t.saving, async () => {
              const saved = await this.call(this.server.saveSettings({ lang: choice }));
              if (saved && (await this.reload())) this.toast(this.t.settingsSaved);
            });
          },
        },
      },
      selectField({
        field: 'lang',
        label: t.language,
        reg: this.reg,
        value: current,
        options: [
          { value: 'auto', label: t.langAuto },
          { value: 'fr', label: 'Français' },
          { value: 'en', label: 'English' },
        ],
        onChange: (v) => (choice = v as Settings['lang']),
      }),
      h('div', { class: 'actions end' }, save),
    );
    return h(
      'div',
      { class: 'settings' },
      this.heading(t.settings),
      langForm,
      this.scheduleForm(),
      h(
        'div',
        { class: 'actions nav start' },
        h('button', { type: 'button', id: 'settings-back', on: { click: () => this.go('home') } }, t.back),
      ),
    );
  }

  /** The scheduled refresh: off / every hour / every day at an hour / every week on a day at an hour. */
  private scheduleForm(): HTMLElement {
    const t = this.t;
    const form = h(
      'form',
      { class: 'schedule-form', novalidate: true, 'data-testid': 'schedule', 'aria-labelledby': 'schedule-title' },
      h('h2', { id: 'schedule-title' }, t.scheduleTitle),
    );
    const st = this.sched;
    if (!st) {
      const retry: HTMLButtonElement = h(
        'button',
        {
          type: 'button',
          id: 'schedule-retry',
          on: {
            click: () =>
              void this.busy(
                retry,
                t.loading,
                async () => (await this.fetchSchedule(), this.sched ? this.render('schedule-title') : undefined),
              ),
          },
        },
        t.retry,
      );
      form.append(
        h(
          'p',
          { class: 'error', role: 'alert', dir: 'auto', 'data-testid': 'schedule-error' },
          t.scheduleLoadFailed(this.schedError || t.genericError),
        ),
        h('div', { class: 'actions' }, retry),
      );
      return form;
    }
    const s = st.schedule;
    const draft = {
      kind: s.kind,
      hour: s.kind === 'daily' || s.kind === 'weekly' ? s.hour : 7,
      day: (s.kind === 'weekly' ? s.day : 'MONDAY') as WeekDay,
    };
    const currentText = h(
      'p',
      { class: 'schedule-current', 'data-testid': 'schedule-current', 'data-kind': s.kind },
      t.scheduleCurrent(describeSchedule(s, this.lang)),
    );
    const result = h('p', {
      class: 'schedule-result',
      role: 'status',
      'aria-live': 'polite',
      dir: 'auto',
      'data-testid': 'schedule-result',
    });
    const error = h('p', { class: 'error', role: 'alert', dir: 'auto', 'data-testid': 'schedule-save-error' });
    const hourBlock = selectField({
      field: 'schedule.hour',
      label: t.scheduleHour,
      reg: this.reg,
      value: String(draft.hour),
      options: Array.from({ length: 24 }, (_, n) => ({ value: String(n), label: t.hourLabel(n) })),
      onChange: (v) => (draft.hour = Number(v)),
    });
    const dayBlock = selectField({
      field: 'schedule.day',
      label: t.scheduleDay,
      reg: this.reg,
      value: draft.day,
      options: WEEK_DAYS.map((d) => ({ value: d, label: t.days[d].charAt(0).toUpperCase() + t.days[d].slice(1) })),
      onChange: (v) => (draft.day = v as WeekDay),
    });
    const show = () => {
      hourBlock.hidden = draft.kind !== 'daily' && draft.kind !== 'weekly';
      dayBlock.hidden = draft.kind !== 'weekly';
    };
    show();
    const kinds: Schedule['kind'][] = ['off', 'hourly', 'daily', 'weekly'];
    const save: HTMLButtonElement = h(
      'button',
      { type: 'submit', class: 'action', id: 'save-schedule' },
      t.saveSchedule,
    );
    form.addEventListener('submit', (e: Event) => {
      e.preventDefault();
      const schedule: Schedule =
        draft.kind === 'daily'
          ? { kind: 'daily', hour: draft.hour }
          : draft.kind === 'weekly'
            ? { kind: 'weekly', day: draft.day, hour: draft.hour }
            : { kind: draft.kind };
      void this.busy(save, t.saving, async () => {
        setText(result, '');
        setText(error, '');
        try {
          const next = await this.server.setSchedule(schedule);
          this.sched = next;
          const text = describeSchedule(next.schedule, this.lang);
          setText(currentText, t.scheduleCurrent(text));
          currentText.setAttribute('data-kind', next.schedule.kind);
          setText(result, t.scheduleSaved(text));
        } catch (err) {
          setText(error, t.scheduleSaveFailed(this.failureText(err)));
        }
      });
    });
    form.append(
      currentText,
      h(
        'fieldset',
        { class: 'choices' },
        h('legend', null, t.scheduleFrequency),
        kinds.map((k) =>
          h(
            'label',
            { class: 'choice' },
            h('input', {
              type: 'radio',
              name: 'schedule-kind',
              id: `schedule-kind-${k}`,
              value: k,
              checked: draft.kind === k,
              on: { change: () => ((draft.kind = k), show()) },
            }),
            h('span', null, t.scheduleKinds[k]),
          ),
        ),
      ),
      dayBlock,
      hourBlock,
      h('p', { class: 'hint' }, t.scheduleHint),
      h('div', { class: 'actions end' }, save),
      result,
      error,
    );
    return form;
  }
}

/** A small line chart of the values read, drawn with SVG DOM calls. */
function sparkline(values: number[]): SVGSVGElement {
  const NS = 'http://www.w3.org/2000/svg';
  const width = 260;
  const height = 36;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const points = values
    .map(
      (v, i) =>
        `${((i / (values.length - 1)) * (width - 4) + 2).toFixed(1)},${(height - 3 - ((v - min) / span) * (height - 6)).toFixed(1)}`,
    )
    .join(' ');
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const line = document.createElementNS(NS, 'polyline');
  line.setAttribute('points', points);
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', '#1a73e8');
  line.setAttribute('stroke-width', '2');
  svg.appendChild(line);
  return svg;
}
