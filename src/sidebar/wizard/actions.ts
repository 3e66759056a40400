/*
 * The wizard's flows: open, move between steps, edit a field, read the source (debounced, the
 * latest source only), use the sheet's selection, create the objective in place, save the KPI.
 */
import { fieldLabel, type FieldError, type Frequency, type Unit } from '../../core/kpi/model';
import { isAggregation } from '../../core/kpi/aggregation';
import { periodData } from '../../core/kpi/kpi-series';
import { checkSmart, type SmartReport } from '../../core/kpi/smart';
import { listTemplates } from '../../core/kpi/templates';
import type { ReadOptions, TemplateView } from '../../shared/api';
import {
  applyTemplate,
  emptyKpiForm,
  emptyObjectiveForm,
  formulaOf,
  kpiDraft,
  kpiFormOf,
  newTarget,
  clientId,
  objectiveDraft,
  saveArgs,
  smartDraft,
  sourceOf,
  STEP_FIELDS,
  validateKpiForm,
  validateObjectiveForm,
  type KpiForm,
  type ObjectiveForm,
} from '../form';
import { focusFirstObjectiveError } from '../screens/objective';
import type { Session } from '../session';
import { nextSeq, type Ready, type Step, STEPS, TITLE_ID, type Wizard } from '../store';
import { fieldId } from '../ui/fields';

const READ_DELAY_MS = 600;
const readTimers = new WeakMap<Session, ReturnType<typeof setTimeout>>();

const asStep = (n: number): Step => (n <= 1 ? 1 : n >= STEPS ? 5 : n === 2 ? 2 : n === 3 ? 3 : 4);

/** The template library in a language (pure data bundled with the sidebar), built once per language. */
const templateCache = new Map<string, TemplateView[]>();
export function templatesIn(lang: Ready['lang']): TemplateView[] {
  const known = templateCache.get(lang);
  if (known) return known;
  const list = listTemplates(lang);
  templateCache.set(lang, list);
  return list;
}

// ---------------------------------------------------------------------------------------------
// What the views show, computed from the state

/** Field errors the form can't place on a control go to the control that fixes them. */
function placeError(e: FieldError, form: KpiForm): FieldError {
  if (e.field === 'source' || e.field === 'source.kind')
    return { ...e, field: form.sourceKind === 'cell' ? 'source.ref' : 'source.values' };
  return e;
}

/** The current step's errors on touched fields (all its fields once Next was pressed). */
export function stepErrors(w: Wizard, lang: Ready['lang']): FieldError[] {
  const fields = STEP_FIELDS[w.step] ?? [];
  return validateKpiForm(w.form, lang)
    .map((e) => placeError(e, w.form))
    .filter((e) => fields.includes(e.field) && w.touched.includes(e.field));
}

const reports = new WeakMap<Wizard, { s: Ready; report: SmartReport }>();

/** The SMART report of the draft, from its fields and the data read (computed in the browser, once per state). */
export function reportOf(w: Wizard, s: Ready): SmartReport {
  const known = reports.get(w);
  if (known && known.s.boot === s.boot && known.s.lang === s.lang) return known.report;
  const report = computeReport(w, s);
  reports.set(w, { s, report });
  return report;
}

function computeReport(w: Wizard, s: Ready): SmartReport {
  return checkSmart(
    {
      kpi: smartDraft(w.form, s.lang),
      objective: s.boot.objectives.find((o) => o.id === w.form.objectiveId),
      otherKpis: s.boot.kpis.map((k) => k.kpi).filter((k) => k.id !== w.form.id),
      data: w.source.status === 'read' && !w.source.read.error ? periodData(w.source.read.series) : undefined,
      today: s.boot.today,
    },
    s.lang,
  );
}

// ---------------------------------------------------------------------------------------------
// Opening and moving

export function openWizard(session: Session, kpiId?: string, objectiveId?: string): void {
  const s = session.ready();
  if (!s) return;
  const boot = s.boot;
  const existing = kpiId ? boot.kpis.find((k) => k.kpi.id === kpiId)?.kpi : undefined;
  const form = existing ? kpiFormOf(existing, s.lang) : emptyKpiForm();
  const only = boot.objectives.length === 1 ? boot.objectives[0] : undefined;
  if (!existing && objectiveId) form.objectiveId = objectiveId;
  else if (!existing && only) form.objectiveId = only.id;
  // From "Add a KPI" under an objective, its step is done; "New KPI" starts by picking one.
  const step: Step = existing || objectiveId ? 2 : 1;
  session.go({
    name: 'wizard',
    wizard: {
      id: nextSeq(),
      step,
      maxStep: existing ? 5 : step,
      editing: !!existing,
      objectiveMode: boot.objectives.length ? 'pick' : 'create',
      pickError: '',
      newObjective: emptyObjectiveForm(),
      newObjectiveId: clientId('obj'),
      newObjectiveErrors: [],
      form,
      // An edit sends the draft of the KPI as loaded (#14, item 4); a create, the id made now (item 3).
      target: existing ? { createId: '', base: kpiDraft(form, s.lang) } : newTarget('kpi'),
      source: { status: 'none' },
      touched: [],
      selectionErrors: {},
      saveErrors: [],
    },
  });
  if (existing) void readSource(session);
}

/** Another step: its heading takes focus (or `focus`, a field to fix). */
export function goStep(session: Session, step: number, focus = TITLE_ID): void {
  session.clearToast();
  session.store.update((st) => ({ ...st, banner: null }));
  session.store.updateWizard((w) => ({ ...w, step: asStep(step), maxStep: asStep(Math.max(w.maxStep, step)) }));
  session.focus(focus);
}

export async function next(session: Session): Promise<void> {
  const s = session.ready();
  if (s?.screen.name !== 'wizard') return;
  const w = s.screen.wizard;
  session.closeBanner();
  if (w.step === 1) return leaveObjectiveStep(session);
  if (w.step === 5) return saveKpi(session);
  const fields = STEP_FIELDS[w.step] ?? [];
  const touched = [...new Set([...w.touched, ...fields])];
  session.store.updateWizard((x) => ({ ...x, touched }));
  const errors = stepErrors({ ...w, touched }, s.lang);
  const first = fields.find((f) => errors.some((e) => e.field === f));
  if (first) return session.focus(fieldId(first));
  goStep(session, w.step + 1);
}

// ---------------------------------------------------------------------------------------------
// Editing

const touch = (w: Wizard, field: string): readonly string[] =>
  w.touched.includes(field) ? w.touched : [...w.touched, field];

/** A field typed in: the form changes, its selection error goes, the source is read again if it moved. */
export function edit(
  session: Session,
  field: keyof KpiForm & string,
  value: string,
  opts: { touch?: boolean } = {},
): void {
  session.store.updateWizard((w) => ({
    ...w,
    form: { ...w.form, [field]: value },
    touched: opts.touch ? touch(w, field) : w.touched,
    selectionErrors: { ...w.selectionErrors, [`source.${field}`]: '' },
  }));
  if (field === 'values' || field === 'dates' || field === 'ref') scheduleRead(session, READ_DELAY_MS);
  if (field === 'aggregation') scheduleRead(session, 0);
}

/** A template formula's range typed in. */
export function editInput(session: Session, name: string, value: string): void {
  session.store.updateWizard((w) => ({
    ...w,
    form: { ...w.form, inputs: { ...w.form.inputs, [name]: value } },
    selectionErrors: { ...w.selectionErrors, [`input.${name}`]: '' },
  }));
}

/**
 * Leaving a field shows its errors, except when focus goes to a button: a message appearing above
 * the button would move it under the pointer and swallow the click (Next validates anyway).
 */
export function blurred(session: Session, field: string, e: FocusEvent): void {
  const to = e.relatedTarget;
  if (to instanceof HTMLElement && to.tagName === 'BUTTON') return;
  session.store.updateWizard((w) => ({ ...w, touched: touch(w, field) }));
}

export function chooseTemplate(session: Session, templateId: string): void {
  const lang = session.store.get().lang;
  const tpl = templatesIn(lang).find((x) => x.id === templateId) ?? null;
  session.store.updateWizard((w) => ({ ...w, form: applyTemplate(w.form, tpl, lang) }));
}

export function chooseSourceKind(session: Session, kind: KpiForm['sourceKind']): void {
  session.store.updateWizard((w) => ({ ...w, form: { ...w.form, sourceKind: kind } }));
  scheduleRead(session, 0);
}

// ---------------------------------------------------------------------------------------------
// Step 1: the objective

export function chooseObjective(session: Session, value: string): void {
  if (value === '__new__') {
    session.store.updateWizard((w) => ({ ...w, objectiveMode: 'create', pickError: '' }));
    session.focus(fieldId('objective.title'));
  } else {
    session.store.updateWizard((w) => ({
      ...w,
      objectiveMode: 'pick',
      pickError: '',
      form: { ...w.form, objectiveId: value },
    }));
  }
}

export function editNewObjective(session: Session, key: keyof ObjectiveForm, value: string): void {
  const lang = session.store.get().lang;
  session.store.updateWizard((w) => {
    const form = { ...w.newObjective, [key]: value };
    return {
      ...w,
      newObjective: form,
      newObjectiveErrors: w.newObjectiveErrors.length ? validateObjectiveForm(form, lang) : [],
    };
  });
}

async function leaveObjectiveStep(session: Session): Promise<void> {
  const s = session.ready();
  if (s?.screen.name !== 'wizard') return;
  const w = s.screen.wizard;
  const t = session.t;
  if (w.objectiveMode === 'pick') {
    if (!s.boot.objectives.some((o) => o.id === w.form.objectiveId)) {
      const pickError = t.labelled(fieldLabel('objectiveId', s.lang), t.requiredField);
      session.store.updateWizard((x) => ({ ...x, pickError }));
      return session.focus('objective-choice-0');
    }
    return goStep(session, 2);
  }
  const local = validateObjectiveForm(w.newObjective, s.lang);
  if (local.length) {
    session.store.updateWizard((x) => ({ ...x, newObjectiveErrors: local }));
    return focusFirstObjectiveError(session, local);
  }
  const result = await session.busy('wizard-next', () =>
    session.call(
      session.server.saveObjective(
        ...saveArgs(objectiveDraft(w.newObjective), { createId: w.newObjectiveId, base: null }),
      ),
    ),
  );
  if (!result) return;
  if (!result.ok) {
    if (!result.errors.length) return session.showError(result.message);
    session.store.updateWizard((x) => ({ ...x, newObjectiveErrors: result.errors }));
    return focusFirstObjectiveError(session, result.errors);
  }
  session.adopt(result.summary);
  session.store.updateWizard((x) => ({
    ...x,
    form: { ...x.form, objectiveId: result.value.id },
    objectiveMode: 'pick',
    newObjective: emptyObjectiveForm(),
    newObjectiveId: clientId('obj'),
    newObjectiveErrors: [],
  }));
  goStep(session, 2);
  session.toast(t.saved(result.value.title));
}

// ---------------------------------------------------------------------------------------------
// Step 3: the source

export function scheduleRead(session: Session, delay: number): void {
  const timer = readTimers.get(session);
  if (timer) clearTimeout(timer);
  readTimers.set(
    session,
    setTimeout(() => void readSource(session), delay),
  );
}

/** Reads the source once per change; its data then feeds the SMART checks run in the browser. */
export async function readSource(session: Session): Promise<void> {
  const timer = readTimers.get(session);
  if (timer) clearTimeout(timer);
  const s = session.ready();
  if (s?.screen.name !== 'wizard') return;
  const w = s.screen.wizard;
  const source = sourceOf(w.form);
  const ref = source.kind === 'cell' ? source.ref : source.values;
  const options: ReadOptions = {
    frequency: (w.form.frequency || undefined) as Frequency | undefined,
    unit: (w.form.unit || undefined) as Unit | undefined,
    formula: formulaOf(w.form),
    templateId: w.form.templateId || undefined,
  };
  if (isAggregation(w.form.aggregation)) options.aggregation = w.form.aggregation;
  // The preview is per period: a new frequency or formula reads again.
  const key = JSON.stringify([source, options]);
  if (!ref || validateKpiForm(w.form, s.lang).some((e) => e.field.startsWith('source'))) {
    // Nothing to read (a read still in flight for an earlier source is dropped when it answers).
    return session.store.updateWizard((x) => ({ ...x, source: { status: 'none' } }));
  }
  if (w.source.status === 'read' && w.source.key === key) return;
  session.store.updateWizard((x) => ({ ...x, source: { status: 'reading', key } }));
  const read = await session.call(session.server.readSource(source, options));
  session.store.updateWizard((x) =>
    x.id === w.id && x.source.status === 'reading' && x.source.key === key
      ? { ...x, source: read ? { status: 'read', key, read } : { status: 'none' } }
      : x,
  );
}

/** "Use the selected range": the field takes what is selected in the sheet (values, dates, a cell, a formula input). */
export async function useSelection(session: Session, target: string): Promise<void> {
  const s = session.ready();
  if (s?.screen.name !== 'wizard') return;
  const id = s.screen.wizard.id;
  const sel = await session.busy(`selection:${target}`, () => session.call(session.server.readSelection()));
  if (!sel) return;
  const isInput = target.startsWith('input.');
  const field = isInput ? target : `source.${target}`;
  const a1 = sel.a1;
  const t = session.t;
  session.store.updateWizard((w) => {
    if (w.id !== id) return w;
    if (!a1) return { ...w, selectionErrors: { ...w.selectionErrors, [field]: t.noSelection } };
    const form = isInput
      ? { ...w.form, inputs: { ...w.form.inputs, [target.slice(6)]: a1 } }
      : { ...w.form, [target]: a1 };
    return {
      ...w,
      form,
      touched: isInput ? w.touched : touch(w, field),
      selectionErrors: { ...w.selectionErrors, [field]: '' },
    };
  });
  if (a1 && !isInput) await readSource(session);
}

// ---------------------------------------------------------------------------------------------
// Step 5: save

const changedMeanwhile = (errors: readonly FieldError[]): boolean => errors.some((e) => e.code === 'changed_meanwhile');

async function saveKpi(session: Session): Promise<void> {
  const s = session.ready();
  if (s?.screen.name !== 'wizard') return;
  const w = s.screen.wizard;
  const local = validateKpiForm(w.form, s.lang);
  if (local.length) {
    session.store.updateWizard((x) => ({ ...x, saveErrors: local }));
    return session.focus('wizard-next');
  }
  const result = await session.busy('wizard-next', () =>
    session.call(session.server.saveKpi(...saveArgs(kpiDraft(w.form, s.lang), w.target))),
  );
  if (!result) return;
  if (!result.ok) {
    if (!result.errors.length) return session.showError(result.message);
    session.store.updateWizard((x) => ({ ...x, saveErrors: result.errors }));
    // Saved meanwhile in another window: Home (and the wizard opened again) shows the newer copy.
    if (changedMeanwhile(result.errors)) session.adopt(null);
    return session.focus('wizard-next');
  }
  session.adopt(result.summary);
  session.home();
  session.toast(session.t.saved(result.value.name));
}
