/* Step 5: every SMART finding with its fix, and what the last save refused. */
import { h } from '../ui/view';
import type { Criterion, FindingCode } from '../../core/kpi/smart';
import { stepOfField } from '../form';
import { textIn } from '../i18n';
import { fieldId } from '../ui/fields';
import { ReviewList } from '../ui/smart';
import { goStep } from './actions';
import type { StepProps } from './step-props';

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

export function StepReview(props: StepProps) {
  const { s, w, session, report } = props;
  const t = textIn(s.lang);
  return (
    <div class="step-body">
      <h2>{t.smartReview}</h2>
      <ReviewList
        report={report}
        lang={s.lang}
        goFix={(f) => goStep(session, FIX_STEP_BY_CODE[f.code] ?? FIX_STEP[f.criterion])}
      />
      {w.saveErrors.length ? (
        <div class="save-errors" role="alert" data-testid="save-errors">
          <p>
            <strong>{t.fixFields}</strong>
          </p>
          <ul>
            {w.saveErrors.map((e, i) => (
              <li key={i} dir="auto">
                <span>{e.message} </span>
                <button
                  type="button"
                  class="link"
                  onClick={() => goStep(session, Math.min(stepOfField(e.field), 4), fieldId(e.field))}
                >
                  {t.goFix}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
