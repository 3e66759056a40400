/* The objective form (Home's New objective / Edit). */
import { h } from '../ui/view';
import {
  emptyObjectiveForm,
  newTarget,
  objectiveDraft,
  objectiveFormOf,
  saveArgs,
  validateObjectiveForm,
  type ObjectiveForm,
} from '../form';
import { textIn } from '../i18n';
import type { Session } from '../session';
import { type ObjectiveScreen, type Ready, TITLE_ID } from '../store';
import { BusyButton, fieldId } from '../ui/fields';
import { OBJECTIVE_FIELD_IDS, ObjectiveFields } from '../ui/objective-fields';

// ---------------------------------------------------------------------------------------------
// Actions

export function openObjective(session: Session, id: string | null): void {
  const s = session.ready();
  if (!s) return;
  const o = id ? s.boot.objectives.find((x) => x.id === id) : undefined;
  const form = o ? objectiveFormOf(o) : emptyObjectiveForm();
  // An edit sends what it loaded; a create, the id made now (kept across retries).
  const target = o ? { createId: '', base: objectiveDraft(form) } : newTarget('obj');
  session.go({ name: 'objective', form, target, errors: [] });
}

function setScreen(session: Session, change: (o: ObjectiveScreen) => ObjectiveScreen): void {
  session.store.updateReady((s) => (s.screen.name === 'objective' ? { ...s, screen: change(s.screen) } : s));
}

/** A field typed in; once errors are shown they follow what is typed. */
export function editObjective(session: Session, key: keyof ObjectiveForm, value: string): void {
  const lang = session.store.get().lang;
  setScreen(session, (o) => {
    const form = { ...o.form, [key]: value };
    return { ...o, form, errors: o.errors.length ? validateObjectiveForm(form, lang) : [] };
  });
}

/** Focuses the first field of `errors`, in the form's order. */
export function focusFirstObjectiveError(session: Session, errors: readonly { field: string }[]): void {
  const first = OBJECTIVE_FIELD_IDS.find((f) => errors.some((e) => `objective.${e.field}` === f));
  if (first) session.focus(fieldId(first));
}

export async function saveObjective(session: Session): Promise<void> {
  const s = session.ready();
  if (s?.screen.name !== 'objective') return;
  const { form, target } = s.screen;
  const local = validateObjectiveForm(form, s.lang);
  if (local.length) {
    setScreen(session, (o) => ({ ...o, errors: local }));
    return focusFirstObjectiveError(session, local);
  }
  const result = await session.busy('save-objective', () =>
    session.call(session.server.saveObjective(...saveArgs(objectiveDraft(form), target))),
  );
  if (!result) return;
  if (!result.ok) {
    if (!result.errors.length) return session.showError(result.message);
    setScreen(session, (o) => ({ ...o, errors: result.errors }));
    // Saved meanwhile in another window: Home (and the form opened again) shows the newer copy.
    if (result.errors.some((e) => e.code === 'changed_meanwhile')) session.adopt(null);
    return focusFirstObjectiveError(session, result.errors);
  }
  session.adopt(result.summary);
  session.home();
  session.toast(session.t.saved(result.value.title));
}

// ---------------------------------------------------------------------------------------------
// View

export function ObjectiveView(props: { s: Ready; screen: ObjectiveScreen; session: Session }) {
  const { s, screen, session } = props;
  const t = textIn(s.lang);
  return (
    <form
      class="objective-form"
      noValidate
      onSubmit={(e: Event) => {
        e.preventDefault();
        void saveObjective(session);
      }}
    >
      <h1 id={TITLE_ID} tabIndex={-1}>
        {screen.form.id ? t.editObjective : t.newObjective}
      </h1>
      <ObjectiveFields
        form={screen.form}
        errors={screen.errors}
        lang={s.lang}
        onChange={(key, value) => editObjective(session, key, value)}
      />
      <div class="actions nav">
        <button type="button" onClick={() => session.home()}>
          {t.cancel}
        </button>
        <BusyButton
          type="submit"
          class="action"
          id="save-objective"
          busy={s.busy.includes('save-objective')}
          busyText={t.saving}
        >
          {t.save}
        </BusyButton>
      </div>
    </form>
  );
}
