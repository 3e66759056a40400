/* Step 1: the objective the KPI serves, picked or created in place. */
import { h, Fragment, type Child } from '../ui/view';
import { formatDate } from '../../core/kpi/format';
import { textIn } from '../i18n';
import { Choice } from '../ui/fields';
import { ObjectiveFields } from '../ui/objective-fields';
import { chooseObjective, editNewObjective } from './actions';
import type { StepProps } from './step-props';

export function StepObjective(props: StepProps) {
  const { s, w, session } = props;
  const t = textIn(s.lang);
  const choice = (value: string, index: number, checked: boolean, label: Child) => (
    <Choice
      key={value}
      name="objective-choice"
      id={`objective-choice-${index}`}
      value={value}
      checked={checked}
      labelClass="choice-label"
      attrs={{ 'data-objective-choice': value }}
      onChange={() => chooseObjective(session, value)}
    >
      {label}
    </Choice>
  );
  return (
    <div class="step-body">
      <fieldset class="choices" aria-describedby="f-objectiveId-error">
        <legend>{t.pickObjective}</legend>
        {s.boot.objectives.map((o, i) =>
          choice(
            o.id,
            i,
            w.objectiveMode === 'pick' && w.form.objectiveId === o.id,
            <>
              <span>{o.title}</span>
              <span class="hint">{` — ${formatDate(o.horizon, s.lang)}`}</span>
            </>,
          ),
        )}
        {choice('__new__', s.boot.objectives.length, w.objectiveMode === 'create', t.createObjective)}
      </fieldset>
      <p class="error" id="f-objectiveId-error" data-error-for="objectiveId">
        {w.pickError}
      </p>
      {w.objectiveMode === 'create' ? (
        <div class="subform">
          <ObjectiveFields
            form={w.newObjective}
            errors={w.newObjectiveErrors}
            lang={s.lang}
            onChange={(key, value) => editNewObjective(session, key, value)}
          />
        </div>
      ) : null}
    </div>
  );
}
