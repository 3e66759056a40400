/* The wizard's frame: title, stepper, the current step, Back/Next, and the live SMART panel. */
import { h } from '../ui/view';
import type { Criterion } from '../../core/kpi/smart';
import { textIn } from '../i18n';
import type { Session } from '../session';
import { type Ready, STEPS, TITLE_ID, type WizardScreen } from '../store';
import { BusyButton, errorsByField } from '../ui/fields';
import { LivePanel } from '../ui/smart';
import { goStep, next, reportOf, stepErrors } from './actions';
import { StepData } from './step-data';
import { StepKpi } from './step-kpi';
import { StepObjective } from './step-objective';
import type { StepProps } from './step-props';
import { StepReview } from './step-review';
import { StepTarget } from './step-target';

/** The criteria each step's fields act on: the live panel headlines their findings first. */
const STEP_CRITERIA: Record<number, Criterion[]> = {
  1: ['relevant'],
  2: ['specific'],
  3: ['measurable'],
  4: ['measurable', 'achievable', 'timebound'],
  5: [],
};

const STEP_VIEWS = [StepObjective, StepKpi, StepData, StepTarget, StepReview] as const;

export function WizardView(props: { s: Ready; screen: WizardScreen; session: Session }) {
  const { s, session } = props;
  const w = props.screen.wizard;
  const t = textIn(s.lang);
  const report = reportOf(w, s);
  const stepProps: StepProps = { s, w, session, errors: errorsByField(stepErrors(w, s.lang)), report };
  const Step = STEP_VIEWS[w.step - 1] ?? StepReview;

  return (
    <form
      class="wizard"
      noValidate
      data-step={String(w.step)}
      onSubmit={(e: Event) => {
        e.preventDefault();
        void next(session);
      }}
    >
      <div class="wizard-head">
        <h1 id={TITLE_ID} tabIndex={-1}>
          {w.editing ? t.wizardEditTitle : t.wizardTitle}
        </h1>
        <button type="button" class="link" id="wizard-cancel" onClick={() => session.home()}>
          {t.cancel}
        </button>
      </div>
      <nav class="stepper" aria-label={t.stepOf(w.step, STEPS)}>
        <p class="step-of" id="step-of">{`${t.stepOf(w.step, STEPS)} · ${t.steps[w.step - 1]}`}</p>
        <ol>
          {t.steps.map((label, i) => {
            const n = i + 1;
            const state = n === w.step ? 'current' : n <= w.maxStep ? 'done' : 'todo';
            return (
              <li key={label} class={`step ${state}`}>
                {n <= w.maxStep && n !== w.step ? (
                  <button
                    type="button"
                    class="step-dot"
                    aria-label={`${n}. ${label}`}
                    title={label}
                    onClick={() => goStep(session, n)}
                  >
                    {String(n)}
                  </button>
                ) : (
                  <span class="step-dot" aria-current={n === w.step ? 'step' : undefined} title={label}>
                    {String(n)}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      <Step key={w.step} {...stepProps} />
      <div class="actions nav">
        {w.step > 1 ? (
          <button type="button" id="wizard-back" onClick={() => goStep(session, w.step - 1)}>
            {t.back}
          </button>
        ) : null}
        <BusyButton
          type="submit"
          class="action"
          id="wizard-next"
          busy={s.busy.includes('wizard-next')}
          busyText={w.step === STEPS ? t.saving : t.next}
        >
          {w.step === STEPS ? t.saveKpi : t.next}
        </BusyButton>
      </div>
      {w.step < STEPS ? <LivePanel report={report} lang={s.lang} criteria={STEP_CRITERIA[w.step] ?? []} /> : null}
    </form>
  );
}
